package vtl

import "archway/internal/jsonvalue"

// foreachScope is the $foreach object of one loop.
type foreachScope struct {
	index   int
	hasNext bool
	parent  *foreachScope
}

// JavaString is how Velocity 1.7 prints a scope: an empty map.
func (s *foreachScope) JavaString() string { return "{}" }

// Property answers $foreach.index, count, hasNext, first, last, parent
// and topmost.
func (s *foreachScope) Property(name string) (any, bool) {
	switch name {
	case "index":
		return int64(s.index), true
	case "count":
		return int64(s.index + 1), true
	case "hasNext":
		return s.hasNext, true
	case "first":
		return s.index == 0, true
	case "last":
		return !s.hasNext, true
	case "parent":
		if s.parent == nil {
			return nil, true
		}
		return s.parent, true
	case "topmost":
		t := s
		for t.parent != nil {
			t = t.parent
		}
		return t, true
	}
	return nil, false
}

// CallMethod answers the getter forms of the properties.
func (s *foreachScope) CallMethod(name string, args []any) (any, bool, error) {
	if len(args) != 0 {
		return nil, false, nil
	}
	var prop string
	switch name {
	case "getIndex":
		prop = "index"
	case "getCount":
		prop = "count"
	case "hasNext", "getHasNext":
		prop = "hasNext"
	case "isFirst", "getFirst":
		prop = "first"
	case "isLast", "getLast":
		prop = "last"
	case "getParent":
		prop = "parent"
	case "getTopmost":
		prop = "topmost"
	default:
		return nil, false, nil
	}
	v, ok := s.Property(prop)
	return v, ok, nil
}

// iterItems returns what #foreach iterates over: list and array items, a
// map's values; nothing for strings, numbers and null.
func iterItems(v any) []any {
	switch x := v.(type) {
	case *jsonvalue.List:
		return x.Items
	case *jsonvalue.Map:
		return x.Values()
	case *stringArray:
		items := make([]any, len(x.items))
		for i, s := range x.items {
			items[i] = s
		}
		return items
	}
	return nil
}

func (n *foreachNode) render(r *renderer) error {
	it, err := n.iter.value(r)
	if err != nil {
		return err
	}
	items := iterItems(it)
	if len(items) == 0 {
		return nil
	}
	if _, ok := it.(*jsonvalue.List); ok && r.t.mutates {
		items = append([]any(nil), items...) // the body may change the list
	}
	var saved [4]savedVar
	for i, name := range [4]string{n.varName, "foreach", "velocityCount", "velocityHasNext"} {
		v, ok, err := r.lookup(name)
		if err != nil {
			return err
		}
		saved[i] = savedVar{name, v, ok}
	}
	scope := &foreachScope{parent: r.loop}
	r.loop = scope
	err = n.loop(r, scope, items)
	r.loop = scope.parent
	for _, s := range saved {
		if s.ok && s.v != nil {
			r.assign(s.name, s.v)
		} else {
			r.unset(s.name)
		}
	}
	return err
}

// loop renders the body once per item, up to MaxLoop times.
func (n *foreachNode) loop(r *renderer, scope *foreachScope, items []any) error {
	for i, item := range items {
		if i >= MaxLoop {
			break
		}
		scope.index, scope.hasNext = i, i+1 < len(items)
		r.assign("velocityCount", int64(i+1))
		r.assign("velocityHasNext", scope.hasNext)
		r.assign("foreach", scope)
		r.assign(n.varName, item)
		if err := r.renderNodes(n.body); err != nil {
			if bs, ok := err.(*breakSignal); ok && (bs.target == nil || bs.target == scope) {
				return nil
			}
			return err
		}
	}
	return nil
}

type savedVar struct {
	name string
	v    any
	ok   bool
}
