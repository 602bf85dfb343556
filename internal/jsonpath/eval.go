package jsonpath

import (
	"errors"

	"archway/internal/jsonvalue"
)

// maxScanDepth bounds the deep scan's recursion; only a document that
// contains itself gets there (Java fails with StackOverflowError).
const maxScanDepth = 10000

// evaluator reads one path against one document, as Jayway's
// EvaluationContextImpl does: tokens add results or pass values on, and
// a not-found error aborts the read unless a token catches it.
type evaluator struct {
	path    *Path
	root    any
	results []any
	depth   int
}

func (e *evaluator) add(v any) { e.results = append(e.results, v) }

func (e *evaluator) list() *jsonvalue.List {
	return &jsonvalue.List{Items: e.results, JSON: true}
}

func (e *evaluator) fail(reason string) error {
	return &EvalError{Path: e.path.src, Reason: reason}
}

// eval applies toks[i] to model.
func (e *evaluator) eval(toks []token, i int, model any) error {
	t := &toks[i]
	leaf := i == len(toks)-1
	switch t.kind {
	case tokRoot:
		return e.next(toks, i, leaf, model)
	case tokProperty:
		m, ok := model.(*jsonvalue.Map)
		if !ok {
			return ErrNotFound
		}
		if len(t.names) == 1 {
			return e.property(toks, i, leaf, m, t.names[0])
		}
		return e.properties(t, leaf, m)
	case tokWildcard:
		return e.wildcard(toks, i, leaf, model)
	case tokScan:
		if leaf {
			// Only "." gets here: it becomes "$.." after the check for a
			// trailing scan.
			return e.fail("current path token is a leaf")
		}
		return e.walk(toks, i, model)
	case tokFilter:
		return e.filter(toks, i, leaf, model)
	}
	return e.array(toks, i, leaf, model)
}

func (e *evaluator) next(toks []token, i int, leaf bool, v any) error {
	if leaf {
		e.add(v)
		return nil
	}
	return e.eval(toks, i+1, v)
}

// property reads one name. A missing name ends the read at the leaf, and
// in the middle of the path when Jayway sees the path as definite there.
func (e *evaluator) property(toks []token, i int, leaf bool, m *jsonvalue.Map, name string) error {
	v, ok := m.Lookup(name)
	if !ok {
		if leaf || toks[i].upstreamDefinite {
			return ErrNotFound
		}
		return nil
	}
	return e.next(toks, i, leaf, v)
}

// properties reads ['a','b',...] into a new map of the names present.
func (e *evaluator) properties(t *token, leaf bool, m *jsonvalue.Map) error {
	if !leaf {
		return e.fail("multi properties can only be used as path leafs")
	}
	merged, _ := selectNames(m, t.names, false)
	e.add(merged)
	return nil
}

// selectNames copies the named entries of m that exist into a new map; with
// require, a missing name is a miss instead.
func selectNames(m *jsonvalue.Map, names []string, require bool) (any, error) {
	merged := jsonvalue.NewMap(len(names))
	for _, name := range names {
		v, ok := m.Lookup(name)
		if !ok {
			if require {
				return nil, ErrNotFound
			}
			continue
		}
		merged.Put(name, v)
	}
	return merged, nil
}

// wildcard visits every value of a map (a miss below aborts the read) or
// every item of an array (a miss below skips the item).
func (e *evaluator) wildcard(toks []token, i int, leaf bool, model any) error {
	switch x := model.(type) {
	case *jsonvalue.Map:
		for _, v := range x.Values() {
			if err := e.next(toks, i, leaf, v); err != nil {
				return err
			}
		}
	case *jsonvalue.List:
		for idx := range x.Items {
			if err := e.index(toks, i, leaf, x, idx); err != nil && err != ErrNotFound {
				return err
			}
		}
	}
	return nil
}

// index reads one array item; out of range (including negative) is a miss.
func (e *evaluator) index(toks []token, i int, leaf bool, l *jsonvalue.List, idx int) error {
	if idx < 0 || idx >= len(l.Items) {
		return ErrNotFound
	}
	return e.next(toks, i, leaf, l.Items[idx])
}

func describe(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case *jsonvalue.Map:
		return "an object"
	case *jsonvalue.List:
		return "an array"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	}
	return "a number"
}

// array applies the index, index list, slice and length-index tokens.
func (e *evaluator) array(toks []token, i int, leaf bool, model any) error {
	t := &toks[i]
	if model == nil {
		return ErrNotFound
	}
	l, ok := model.(*jsonvalue.List)
	if !ok {
		return e.fail("array index applied to " + describe(model))
	}
	n := len(l.Items)
	from, to := 0, n
	switch t.kind {
	case tokIndex:
		return e.index(toks, i, leaf, l, t.nums[0])
	case tokLengthIndex:
		return e.index(toks, i, leaf, l, n+t.nums[0])
	case tokIndexList:
		for _, idx := range t.nums {
			if err := e.index(toks, i, leaf, l, idx); err != nil {
				return err
			}
		}
		return nil
	case tokSliceFrom:
		from = t.nums[0]
		if from < 0 {
			from += n
		}
		from = max(0, from)
		if t.badFragment {
			return ErrNotFound
		}
		if from >= n {
			return nil
		}
	case tokSliceTo:
		to = t.nums[0]
		if to < 0 {
			to += n
		}
		to = min(n, to)
		if t.badFragment {
			return ErrNotFound
		}
	default: // tokSliceBetween
		from, to = t.nums[0], min(n, t.nums[1])
		if from >= to || n == 0 {
			return nil
		}
		if t.badFragment {
			return ErrNotFound
		}
	}
	for idx := from; idx < to; idx++ {
		if err := e.index(toks, i, leaf, l, idx); err != nil {
			return err
		}
	}
	return nil
}

// filter keeps a map that passes the filters, or the array items that do.
func (e *evaluator) filter(toks []token, i int, leaf bool, model any) error {
	t := &toks[i]
	switch x := model.(type) {
	case *jsonvalue.Map:
		ok, err := e.accept(t, x)
		if err != nil || !ok {
			return err
		}
		return e.next(toks, i, leaf, x)
	case *jsonvalue.List:
		for idx, item := range x.Items {
			ok, err := e.accept(t, item)
			if err != nil {
				return err
			}
			if ok {
				if err := e.index(toks, i, leaf, x, idx); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return e.fail("filter applied to " + describe(model))
}

func (e *evaluator) accept(t *token, item any) (bool, error) {
	for _, p := range t.preds {
		if p == nil {
			return false, e.fail("[?] has no filter to apply")
		}
		ok, err := p.apply(e, item)
		if err != nil {
			var ee *EvalError
			if err != ErrNotFound && !errors.As(err, &ee) {
				err = e.fail(err.Error())
			}
			return false, err
		}
		if !ok {
			return false, nil
		}
	}
	return true, nil
}

// walk is the deep scan: toks[i] is "..", toks[i+1] the token it looks
// for. Every map and array below model (and model itself) that the token
// applies to is handed to it, parents before children.
func (e *evaluator) walk(toks []token, i int, model any) error {
	e.depth++
	defer func() { e.depth-- }()
	if e.depth > maxScanDepth {
		return e.fail("document nested too deeply")
	}
	pt := &toks[i+1]
	switch x := model.(type) {
	case *jsonvalue.Map:
		ok, err := e.scanMatches(pt, x)
		if err != nil {
			return err
		}
		if ok {
			if err := e.eval(toks, i+1, x); err != nil {
				return err
			}
		}
		for _, v := range x.Values() {
			if err := e.walk(toks, i, v); err != nil {
				return err
			}
		}
	case *jsonvalue.List:
		ok, err := e.scanMatches(pt, x)
		if err != nil {
			return err
		}
		if ok {
			if i+1 == len(toks)-1 {
				if err := e.eval(toks, i+1, x); err != nil {
					return err
				}
			} else {
				// Jayway hands each item to the token after the one it
				// looks for, skipping that token.
				for _, item := range x.Items {
					if err := e.eval(toks, i+2, item); err != nil {
						return err
					}
				}
			}
		}
		for _, item := range x.Items {
			if err := e.walk(toks, i, item); err != nil {
				return err
			}
		}
	}
	return nil
}

// scanMatches is the deep scan's test for where the next token applies.
func (e *evaluator) scanMatches(pt *token, model any) (bool, error) {
	switch pt.kind {
	case tokProperty:
		m, ok := model.(*jsonvalue.Map)
		if !ok {
			return false, nil
		}
		for _, name := range pt.names {
			if _, ok := m.Lookup(name); !ok {
				return false, nil
			}
		}
		return true, nil
	case tokIndex, tokIndexList, tokSliceFrom, tokSliceTo, tokSliceBetween, tokLengthIndex:
		_, ok := model.(*jsonvalue.List)
		return ok, nil
	case tokWildcard:
		return true, nil
	case tokFilter:
		return e.accept(pt, model)
	}
	return false, nil
}
