package conformance

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// foldedHeader is one header name with all its values joined by ", ".
type foldedHeader struct {
	name  string
	value string
}

// foldHeaders folds h case-insensitively (FORMAT.md 8.2). Headers listed in
// wire come first, in that order and casing; the others follow sorted.
func foldHeaders(h http.Header, wire []string) []foldedHeader {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	values := map[string][]string{}
	names := map[string]string{}
	var order []string
	for _, k := range keys {
		lower := strings.ToLower(k)
		if _, seen := names[lower]; !seen {
			names[lower] = k
			order = append(order, lower)
		}
		values[lower] = append(values[lower], h[k]...)
	}
	out := make([]foldedHeader, 0, len(order))
	placed := map[string]bool{}
	for _, n := range wire {
		lower := strings.ToLower(n)
		if _, ok := names[lower]; ok && !placed[lower] {
			placed[lower] = true
			out = append(out, foldedHeader{n, strings.Join(values[lower], ", ")})
		}
	}
	for _, lower := range order {
		if !placed[lower] {
			out = append(out, foldedHeader{names[lower], strings.Join(values[lower], ", ")})
		}
	}
	return out
}

// findHeader returns the folded header called name, case-insensitively.
func findHeader(hs []foldedHeader, name string) (foldedHeader, bool) {
	for _, h := range hs {
		if strings.EqualFold(h.name, name) {
			return h, true
		}
	}
	return foldedHeader{}, false
}

// headers checks headers, headers_complete, headers_absent and
// header_assertions (8.2, 8.3).
func (r *run) headers(e *Expect, a *Actual) {
	got := foldHeaders(a.Headers, a.HeaderNames)
	if e.Headers != nil {
		want := r.headerObject(e.Headers, pointer{"headers"})
		r.headerSubset(want, got, pointer{"headers"})
		if e.HeadersComplete {
			for _, h := range got {
				p := pointer{"headers", h.name}
				if _, ok := findHeader(want, h.name); !ok && !r.ignore.match(p) {
					r.fail(p, "unexpected header %q", h.value)
				}
			}
		}
	}
	for _, name := range e.HeadersAbsent {
		if h, ok := findHeader(got, name); ok {
			r.fail(pointer{"headers_absent", name}, "header present: %q", h.value)
		}
	}
	names := make([]string, 0, len(e.HeaderAssertions))
	for n := range e.HeaderAssertions {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		h, ok := findHeader(got, n)
		if !ok {
			r.fail(pointer{"header_assertions", n}, "header missing")
			continue
		}
		for _, as := range e.HeaderAssertions[n] {
			if msg := as.check(h.value); msg != "" {
				r.fail(pointer{"header_assertions", n}, "%s", msg)
			}
		}
	}
}

// headerObject reads an expected header object (name → string value).
func (r *run) headerObject(raw []byte, path pointer) []foldedHeader {
	pairs, err := parseStringObject(raw)
	if err != nil {
		r.fail(path, "invalid expected headers: %v", err)
		return nil
	}
	out := make([]foldedHeader, len(pairs))
	for i, p := range pairs {
		out[i] = foldedHeader{p[0], p[1]}
	}
	return out
}

// headerSubset checks that every expected, non-ignored header is present
// with a matching value.
func (r *run) headerSubset(want, got []foldedHeader, path pointer) {
	for _, w := range want {
		p := path.child(w.name)
		if r.ignore.match(p) {
			continue
		}
		g, ok := findHeader(got, w.name)
		if !ok {
			r.fail(p, "missing header, want %s", show(w.value))
			continue
		}
		r.text(w.value, g.value, p)
	}
}

// check applies one header assertion to a folded value and returns a
// description of the failure, or "".
func (as HeaderAssertion) check(v string) string {
	switch as.Op {
	case OpContains:
		if !strings.Contains(v, as.Value) {
			return show(v) + " does not contain " + show(as.Value)
		}
	case OpSegmentEquals, OpSegmentNotEquals:
		segs := strings.Split(v, as.Separator)
		if as.Index < 0 || as.Index >= len(segs) {
			return show(v) + " has no segment " + strconv.Itoa(as.Index) + " split on " + show(as.Separator)
		}
		seg := segs[as.Index]
		if as.Op == OpSegmentEquals && seg != as.Value {
			return "segment " + strconv.Itoa(as.Index) + " is " + show(seg) + ", want " + show(as.Value)
		}
		if as.Op == OpSegmentNotEquals && seg == as.Value {
			return "segment " + strconv.Itoa(as.Index) + " is " + show(seg) + ", want anything else"
		}
	default:
		return "unknown op " + show(as.Op)
	}
	return ""
}
