package vtl

import "archway/internal/jsonvalue"

// Constant list and map literals ({"1": {"id": 1, "name": "Rex"}, ...},
// ["a", "b"]) have the same value at every render. The parser builds that
// value once; a template that cannot mutate what it did not build
// (Template.MayMutate) is given the shared value instead of a new one
// each time. Velocity exposes no identity, so only a mutation could tell
// a shared value from a fresh one.

// constantValue returns the value of e when it is a literal that needs no
// render: strings without references, numbers, booleans, and list and map
// literals of those.
func constantValue(e expr) (any, bool) {
	switch e := e.(type) {
	case *stringLit:
		return e.v, true
	case *intLit:
		return e.v, true
	case *floatLit:
		return e.v, true
	case *boolLit:
		return e.v, true
	case *listLit:
		return e.shared, e.shared != nil
	case *mapLit:
		return e.shared, e.shared != nil
	}
	return nil, false
}

// freeze builds the shared value of a constant list literal.
func (e *listLit) freeze() {
	items := make([]any, len(e.items))
	for i, it := range e.items {
		v, ok := constantValue(it)
		if !ok {
			return
		}
		items[i] = v
	}
	e.shared = jsonvalue.NewList(items...)
}

// freeze builds the shared value of a constant map literal.
func (e *mapLit) freeze() {
	m := jsonvalue.NewMap(len(e.keys))
	for i := range e.keys {
		k, ok := constantValue(e.keys[i])
		if !ok {
			return
		}
		v, ok := constantValue(e.vals[i])
		if !ok {
			return
		}
		m.Put(k, v)
	}
	e.shared = m
}
