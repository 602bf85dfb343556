package vtl

import (
	"math/big"

	"archway/internal/jsonvalue"
)

// value evaluates the reference. A null anywhere along the chain makes the
// whole reference evaluate to "" (API Gateway's null handling).
func (e *refExpr) value(r *renderer) (any, error) {
	return e.valueOf(r, len(e.parts))
}

// valueOf evaluates the root and the first n parts of the chain.
func (e *refExpr) valueOf(r *renderer, n int) (any, error) {
	v, _, err := r.lookup(e.root)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return "", nil
	}
	for _, part := range e.parts[:n] {
		switch part.kind {
		case partProperty:
			v, err = r.property(v, part.name, part.off)
		case partMethod:
			base := len(r.args)
			for _, a := range part.args {
				var av any
				if av, err = a.value(r); err != nil {
					r.args = r.args[:base]
					return nil, err
				}
				r.args = append(r.args, av)
			}
			args := r.args[base:len(r.args):len(r.args)]
			v, err = r.callMethod(v, part.name, args, part.off)
			clear(args)
			r.args = r.args[:base]
		case partIndex:
			var idx any
			if idx, err = part.args[0].value(r); err != nil {
				return nil, err
			}
			v, err = r.index(v, idx, part.off)
		}
		if err != nil {
			return nil, err
		}
		if v == nil {
			return "", nil
		}
	}
	return v, nil
}

func (e *stringLit) value(*renderer) (any, error) { return e.v, nil }
func (e *intLit) value(*renderer) (any, error)    { return e.v, nil }
func (e *floatLit) value(*renderer) (any, error)  { return e.v, nil }
func (e *boolLit) value(*renderer) (any, error)   { return e.v, nil }
func (e *parenExpr) value(r *renderer) (any, error) {
	return e.e.value(r)
}

func (e *interpLit) value(r *renderer) (any, error) {
	saved := r.out
	r.out = nil
	err := r.renderNodes(e.nodes)
	s := string(r.out)
	r.out = saved
	return s, err
}

func (e *listLit) value(r *renderer) (any, error) {
	if e.shared != nil && !r.t.mutates {
		return e.shared, nil
	}
	items := make([]any, len(e.items))
	for i, it := range e.items {
		v, err := it.value(r)
		if err != nil {
			return nil, err
		}
		items[i] = v
	}
	return jsonvalue.NewList(items...), nil
}

func (e *mapLit) value(r *renderer) (any, error) {
	if e.shared != nil && !r.t.mutates {
		return e.shared, nil
	}
	m := jsonvalue.NewMap(len(e.keys))
	for i := range e.keys {
		k, err := e.keys[i].value(r)
		if err != nil {
			return nil, err
		}
		v, err := e.vals[i].value(r)
		if err != nil {
			return nil, err
		}
		m.Put(k, v)
	}
	return m, nil
}

func (e *rangeLit) value(r *renderer) (any, error) {
	from, err := e.from.value(r)
	if err != nil {
		return nil, err
	}
	to, err := e.to.value(r)
	if err != nil {
		return nil, err
	}
	a, ok1 := rangeBound(from)
	b, ok2 := rangeBound(to)
	if !ok1 || !ok2 {
		return nil, nil
	}
	n := b - a
	step := int64(1)
	if n < 0 {
		n, step = -n, -1
	}
	if n >= MaxRange {
		return nil, r.errAt(RuntimeError, 0, nil, "range [%d..%d] has more than %d elements", a, b, MaxRange)
	}
	items := make([]any, 0, n+1)
	for i := a; ; i += step {
		items = append(items, i)
		if i == b {
			break
		}
	}
	return jsonvalue.NewList(items...), nil
}

// rangeBound converts a range end as Velocity does (Number.intValue()).
func rangeBound(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return int64(int32(x)), true
	case float64:
		return int64(int32(x)), true
	case *big.Int:
		return int64(int32(x.Int64())), true
	}
	return 0, false
}

func (e *notExpr) value(r *renderer) (any, error) {
	t, err := r.truth(e.e)
	return !t, err
}

func (e *logicalExpr) value(r *renderer) (any, error) {
	return r.truth(e)
}

func (e *binaryExpr) value(r *renderer) (any, error) {
	a, err := e.left.value(r)
	if err != nil {
		return nil, err
	}
	b, err := e.right.value(r)
	if err != nil {
		return nil, err
	}
	switch e.op {
	case "==":
		return r.equal(a, b), nil
	case "!=":
		return !r.equal(a, b), nil
	case "<", ">", "<=", ">=":
		c, ok := compareNumbers(a, b)
		if !ok {
			return false, nil
		}
		switch e.op {
		case "<":
			return c < 0, nil
		case ">":
			return c > 0, nil
		case "<=":
			return c <= 0, nil
		}
		return c >= 0, nil
	case "+":
		if isString(a) || isString(b) {
			return r.javaString(a) + r.javaString(b), nil
		}
	}
	return arith(e.op, a, b), nil
}

func isString(v any) bool {
	_, ok := v.(string)
	return ok
}

// truth is Velocity 1.7's evaluate(): the condition of #if. A reference is
// false only when it holds Boolean false; a literal other than true is
// false; operators give their boolean result; arithmetic is false.
func (r *renderer) truth(e expr) (bool, error) {
	switch x := e.(type) {
	case *refExpr:
		v, err := x.value(r)
		if err != nil {
			return false, err
		}
		b, isBool := v.(bool)
		return v != nil && (!isBool || b), nil
	case *boolLit:
		return x.v, nil
	case *parenExpr:
		return r.truth(x.e)
	case *notExpr:
		t, err := r.truth(x.e)
		return !t, err
	case *logicalExpr:
		l, err := r.truth(x.left)
		if err != nil {
			return false, err
		}
		if x.and != l {
			return l, nil
		}
		return r.truth(x.right)
	case *binaryExpr:
		switch x.op {
		case "==", "!=", "<", ">", "<=", ">=":
			v, err := x.value(r)
			b, _ := v.(bool)
			return b, err
		}
		_, err := x.value(r)
		return false, err
	}
	_, err := e.value(r)
	return false, err
}
