package jsonpath

import (
	"errors"

	"archway/internal/jsonvalue"
)

// predicate is one filter of a [?(...)] token, applied to each candidate.
type predicate interface {
	apply(e *evaluator, item any) (bool, error)
}

// andFilter holds when every predicate holds, checked in order.
type andFilter []predicate

func (f andFilter) apply(e *evaluator, item any) (bool, error) {
	for _, p := range f {
		ok, err := p.apply(e, item)
		if err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// orFilter holds when its left or right side holds.
type orFilter struct{ left, right predicate }

func (f *orFilter) apply(e *evaluator, item any) (bool, error) {
	ok, err := f.left.apply(e, item)
	if err != nil || ok {
		return ok, err
	}
	return f.right.apply(e, item)
}

// existsCheck is [?(@.a)] or [?(!@.a)]: the path is read from the item
// (even a "$" path) with every property required, and a null value counts
// as absent.
type existsCheck struct {
	path *Path
	want bool
}

func (c *existsCheck) apply(e *evaluator, item any) (bool, error) {
	v, err := c.path.readDefinite(item, true)
	if errors.Is(err, ErrNotFound) {
		return !c.want, nil
	}
	if err != nil {
		return false, err
	}
	return (v != nil) == c.want, nil
}

type compareOp uint8

const (
	opNone compareOp = iota
	opEQ
	opNE
	opLT
	opLTE
	opGT
	opGTE
	opRegex
)

// operand is one side of a comparison: a path, a pattern or a string as
// written (quotes removed), whose number form is worked out once.
type operand struct {
	path    *Path
	pattern *javaRegex
	str     string
	num     decimal
	numOK   bool
}

func newStringOperand(s string) operand {
	o := operand{str: s}
	o.num, o.numOK = parseBigDecimal(s)
	return o
}

// value returns the operand's value for item; found is false when its path
// matches nothing.
func (o *operand) value(e *evaluator, item any) (v any, found bool, err error) {
	switch {
	case o.path != nil:
		start := item
		if o.path.rootPath {
			start = e.root
		}
		v, err := o.path.readDefinite(start, false)
		if errors.Is(err, ErrNotFound) {
			return nil, false, nil
		}
		return v, err == nil, err
	case o.pattern != nil:
		return o.pattern, true, nil
	}
	return o, true, nil
}

// criterion is a comparison of two operands. Jayway evaluates both sides
// and then compares right against left, which decides which mixed types
// compare at all.
type criterion struct {
	op          compareOp
	left, right operand
}

func (c *criterion) apply(e *evaluator, item any) (bool, error) {
	l, found, err := c.left.value(e, item)
	if err != nil || !found {
		return false, err
	}
	r, found, err := c.right.value(e, item)
	if err != nil || !found {
		return false, err
	}
	return evalCompare(c.op, r, l)
}

// evalCompare is CriteriaType.eval(left, right) with left the expected
// (right-hand) value and right the actual one.
func evalCompare(op compareOp, left, right any) (bool, error) {
	switch op {
	case opRegex:
		return evalRegex(left, right)
	case opGT, opGTE, opLT, opLTE:
		if (left == nil) != (right == nil) {
			return false, nil
		}
	}
	cmp, ok, err := safeCompare(left, right)
	if err != nil || !ok {
		return false, err
	}
	switch op {
	case opEQ:
		return cmp == 0, nil
	case opNE:
		return cmp != 0, nil
	case opGT:
		return cmp < 0, nil
	case opGTE:
		return cmp <= 0, nil
	case opLT:
		return cmp > 0, nil
	default: // opLTE
		return cmp >= 0, nil
	}
}

// evalRegex matches the non-pattern side, in its Java string form, against
// the pattern in full; the pattern must be on the right of =~ unless the
// left side is one.
func evalRegex(left, right any) (bool, error) {
	var re *javaRegex
	var target any
	if p, ok := right.(*javaRegex); ok {
		re, target = p, left
	} else {
		switch p := left.(type) {
		case nil:
		case *javaRegex:
			re = p
		default:
			return false, errors.New("=~ needs a /pattern/ on its right")
		}
		target = right
	}
	if target == nil {
		return false, nil
	}
	if re == nil {
		return false, errors.New("=~ compared with null pattern")
	}
	return re.matches(javaString(target))
}

// javaString is String.valueOf for a comparison value.
func javaString(v any) string {
	switch x := v.(type) {
	case *operand:
		return x.str
	case *javaRegex:
		return x.src
	}
	return jsonvalue.ToString(v)
}
