package jsonvalue

// Clone returns a deep copy of v's maps and lists; scalars (immutable)
// are shared. API Gateway re-parses the body for every $input.path call,
// so a template that changes what one call returned must not see the
// change in the next: callers that parse once hand out clones.
//
// The copy is carved out of a few slabs, however many containers it
// holds.
func Clone(v any) any {
	var n cloneCount
	n.count(v)
	if n.maps == 0 && n.lists == 0 {
		return v
	}
	c := &cloner{
		maps:  make([]Map, n.maps),
		lists: make([]List, n.lists),
		slots: make([]any, n.slots),
	}
	return c.clone(v)
}

type cloneCount struct{ maps, lists, slots int }

func (n *cloneCount) count(v any) {
	switch x := v.(type) {
	case *Map:
		n.maps++
		n.slots += 2 * len(x.keys)
		for _, e := range x.vals {
			n.count(e)
		}
	case *List:
		n.lists++
		n.slots += len(x.Items)
		for _, e := range x.Items {
			n.count(e)
		}
	}
}

type cloner struct {
	maps  []Map
	lists []List
	slots []any
}

// take returns the next n slots, with capacity n so that an append by the
// template reallocates instead of overwriting a neighbour.
func (c *cloner) take(n int) []any {
	s := c.slots[:n:n]
	c.slots = c.slots[n:]
	return s
}

func (c *cloner) clone(v any) any {
	switch x := v.(type) {
	case *Map:
		m := &c.maps[0]
		c.maps = c.maps[1:]
		m.Opaque, m.Hidden = x.Opaque, x.Hidden
		m.keys = c.take(len(x.keys))
		copy(m.keys, x.keys)
		m.vals = c.take(len(x.vals))
		for i, e := range x.vals {
			m.vals[i] = c.clone(e)
		}
		if x.index != nil {
			m.index = make(map[any]int, len(x.index))
			for k, i := range x.index {
				m.index[k] = i
			}
		}
		return m
	case *List:
		l := &c.lists[0]
		c.lists = c.lists[1:]
		l.JSON = x.JSON
		l.Items = c.take(len(x.Items))
		for i, e := range x.Items {
			l.Items[i] = c.clone(e)
		}
		return l
	}
	return v
}
