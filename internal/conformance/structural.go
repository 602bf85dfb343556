package conformance

import (
	"encoding/json"
	"math/big"
	"sort"
	"strconv"
	"strings"
)

// value compares want with got structurally (FORMAT.md 8.4) with the
// placeholder rules of section 7; both are already normalised. path is
// where want sits inside the expect object.
func (r *run) value(want, got any, path pointer) {
	if r.ignoreValue.match(path) {
		return
	}
	if s, ok := want.(string); ok {
		if t, ok := wholeToken(s); ok {
			r.bindWhole(t, got, path)
			return
		}
	}
	switch w := want.(type) {
	case *object:
		g, ok := got.(*object)
		if !ok {
			r.fail(path, "got %s, want an object", show(got))
			return
		}
		r.members(w, g, path, false)
	case []any:
		g, ok := got.([]any)
		if !ok {
			r.fail(path, "got %s, want an array", show(got))
			return
		}
		r.elements(w, g, path)
	case string:
		g, ok := got.(string)
		if !ok {
			r.fail(path, "got %s, want %s", show(got), show(w))
			return
		}
		r.text(w, g, path)
	case json.Number:
		if g, ok := got.(json.Number); !ok || !numbersEqual(w, g) {
			r.fail(path, "got %s, want %s", show(got), w)
		}
	default: // bool, nil
		if got != want {
			r.fail(path, "got %s, want %s", show(got), show(want))
		}
	}
}

// members compares two objects. Members matching an ignore pattern are
// dropped from both sides; with subset, members only in got are allowed.
func (r *run) members(want, got *object, path pointer, subset bool) {
	for _, m := range want.members {
		p := path.child(m.name)
		if r.ignore.match(p) {
			continue
		}
		g, ok := got.get(m.name)
		if !ok {
			r.fail(p, "missing, want %s", show(m.value))
			continue
		}
		r.value(m.value, g, p)
	}
	if subset {
		return
	}
	for _, m := range got.members {
		p := path.child(m.name)
		if _, ok := want.get(m.name); !ok && !r.ignore.match(p) {
			r.fail(p, "unexpected member %s", show(m.value))
		}
	}
}

// elements compares two arrays element by element after dropping ignored
// elements from both.
func (r *run) elements(want, got []any, path pointer) {
	want = r.keep(want, path)
	got = r.keep(got, path)
	for i := 0; i < len(want) && i < len(got); i++ {
		r.value(want[i], got[i], path.child(strconv.Itoa(i)))
	}
	if len(want) != len(got) {
		r.fail(path, "got %d elements, want %d", len(got), len(want))
	}
}

// keep returns the elements of arr whose index path is not ignored.
func (r *run) keep(arr []any, path pointer) []any {
	var out []any
	for i, e := range arr {
		if !r.ignore.match(path.child(strconv.Itoa(i))) {
			out = append(out, e)
		}
	}
	return out
}

// text compares an expected string with an actual one: a whole-string token
// matches anything, embedded tokens are wildcards, the rest is literal.
func (r *run) text(want, got string, path pointer) {
	if r.ignoreValue.match(path) {
		return
	}
	if t, ok := wholeToken(want); ok {
		r.bindWhole(t, got, path)
		return
	}
	p := parsePattern(want)
	if len(p.tokens) == 0 {
		if got != want {
			r.fail(path, "got %s, want %s", show(got), show(want))
		}
		return
	}
	re := p.regexp(func(key string) (string, bool) {
		b, ok := r.c.bindings[key]
		return boundText(b.value), ok
	})
	m := re.FindStringSubmatch(got)
	if m == nil {
		r.fail(path, "got %s, want %s", show(got), show(want))
		return
	}
	for i, t := range p.tokens {
		if t.key == "" {
			continue
		}
		if b, ok := r.c.bindings[t.key]; ok {
			if boundText(b.value) != m[i+1] {
				r.fail(path, "%s is %s here but %s at %s", t.text, show(m[i+1]), show(b.value), b.path)
			}
			continue
		}
		r.c.bindings[t.key] = binding{value: m[i+1], path: path}
	}
}

// boundText is the text an embedded token must equal when its token is
// bound to v: a string itself, any other value its compact JSON.
func boundText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return string(encodeJSON(v))
}

// bindWhole applies a whole-string token: any value matches; a numbered
// token binds the first value and must equal it everywhere else.
func (r *run) bindWhole(t token, got any, path pointer) {
	if t.key == "" {
		return
	}
	b, ok := r.c.bindings[t.key]
	if !ok {
		r.c.bindings[t.key] = binding{value: got, path: path}
		return
	}
	if !equalValues(b.value, got) {
		r.fail(path, "%s is %s here but %s at %s", t.text, show(got), show(b.value), b.path)
	}
}

// equalValues compares two JSON values without placeholders.
func equalValues(a, b any) bool {
	switch x := a.(type) {
	case *object:
		y, ok := b.(*object)
		if !ok || len(x.members) != len(y.members) {
			return false
		}
		for _, m := range x.members {
			v, ok := y.get(m.name)
			if !ok || !equalValues(m.value, v) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equalValues(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		return ok && numbersEqual(x, y)
	}
	return a == b
}

// numbersEqual compares two JSON numbers by value.
func numbersEqual(a, b json.Number) bool {
	if a == b {
		return true
	}
	x, okx := new(big.Rat).SetString(string(a))
	y, oky := new(big.Rat).SetString(string(b))
	return okx && oky && x.Cmp(y) == 0
}

// sortArrayAt sorts, in place, the array at p inside v by the string
// member key of its object elements (section 4.8, sort_arrays).
func sortArrayAt(v any, p pointer, key string) {
	target, ok := resolve(v, p)
	arr, isArray := target.([]any)
	if !ok || !isArray {
		return
	}
	sortKey := func(e any) string {
		if o, ok := e.(*object); ok {
			if s, ok := o.get(key); ok {
				if str, ok := s.(string); ok {
					return str
				}
			}
		}
		return ""
	}
	sort.SliceStable(arr, func(i, j int) bool { return sortKey(arr[i]) < sortKey(arr[j]) })
}

// show renders a value for a mismatch message, shortened.
func show(v any) string {
	s := string(encodeJSON(v))
	const limit = 160
	if len(s) > limit {
		s = s[:limit] + "…"
	}
	return s
}

// names lists member names for messages.
func names(ns []string) string {
	return "[" + strings.Join(ns, ", ") + "]"
}
