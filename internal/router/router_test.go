package router

import (
	"errors"
	"reflect"
	"testing"
)

// routeSets are the APIs of the routing conformance vectors, plus synthetic
// ones for rules the vectors do not pin down.
var routeSets = map[string][]Route{
	// routing-order-part1*: /{param+} created before /part1/hardcoded-value.
	"order": {
		{Path: "/part1", Methods: []string{"GET"}},
		{Path: "/{param+}", Methods: []string{"GET"}},
		{Path: "/part1/hardcoded-value", Methods: []string{"GET"}},
	},
	// routing-proxy-sibling-*.
	"sibling": {
		{Path: "/test", Methods: []string{"POST"}},
		{Path: "/test/any", Methods: []string{"ANY"}},
		{Path: "/{proxy+}", Methods: []string{"OPTIONS"}},
	},
	// routing-not-found-*, routing-wrong-method-*.
	"existing": {
		{Path: "/existing", Methods: []string{"GET"}},
	},
	// aws-proxy-event-*.
	"proxy": {
		{Path: "/{proxy+}", Methods: []string{"ANY"}},
		{Path: "/hardcoded", Methods: []string{"ANY"}},
	},
	"pets": {
		{Path: "/", Methods: []string{"GET"}},
		{Path: "/pets", Methods: []string{"GET", "POST"}},
		{Path: "/pets/{petId}", Methods: []string{"GET", "ANY"}},
		{Path: "/pets/{petId}/toys/{toyId}", Methods: []string{"GET"}},
		{Path: "/pets/mine", Methods: []string{"DELETE"}},
		{Path: "/a/{b}/c", Methods: []string{"PUT"}},
		{Path: "/a/{b}/{rest+}", Methods: []string{"PUT"}},
		{Path: "/files/{key+}", Methods: []string{"ANY"}},
		{Path: "/x:y.z_w-v", Methods: []string{"HEAD"}},
	},
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name     string // conformance vector id, or a description
		set      string
		method   string
		path     string
		resource string // "" means no match
		via      string // the method that matched
		params   Params
	}{
		{"routing-order-part1", "order", "GET", "/part1", "/part1", "GET", nil},
		{"routing-order-part1-random-value", "order", "GET", "/part1/random-value", "/{param+}", "GET", Params{{"param", "part1/random-value"}}},
		{"routing-order-part1-hardcoded-value", "order", "GET", "/part1/hardcoded-value", "/part1/hardcoded-value", "GET", nil},
		{"routing-proxy-sibling-get-test-any", "sibling", "GET", "/test/any", "/test/any", "ANY", nil},
		{"routing-proxy-sibling-options-test-any", "sibling", "OPTIONS", "/test/any", "/test/any", "ANY", nil},
		{"routing-proxy-sibling-options-test", "sibling", "OPTIONS", "/test", "/{proxy+}", "OPTIONS", Params{{"proxy", "test"}}},
		{"sibling: POST /test stays on /test", "sibling", "POST", "/test", "/test", "POST", nil},
		{"sibling: GET /test has no method anywhere", "sibling", "GET", "/test", "", "", nil},
		{"sibling: GET / matches nothing", "sibling", "GET", "/", "", "", nil},
		{"routing-not-found-missing-authentication-token", "existing", "GET", "/random-non-existing", "", "", nil},
		{"routing-wrong-method-missing-authentication-token", "existing", "POST", "/existing", "", "", nil},
		{"existing: root has no method", "existing", "GET", "/", "", "", nil},
		{"existing: case-sensitive", "existing", "GET", "/Existing", "", "", nil},
		{"aws-proxy-event-with-path-encoded-email", "proxy", "GET", "/proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com", "/{proxy+}", "ANY",
			Params{{"proxy", "proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com"}}},
		{"aws-proxy-event-with-prepended-slash", "proxy", "GET", "//proxy-value", "/{proxy+}", "ANY", Params{{"proxy", "proxy-value"}}},
		{"aws-proxy-event-with-trailing-slash", "proxy", "GET", "/proxy-value/", "/{proxy+}", "ANY", Params{{"proxy", "proxy-value"}}},
		{"aws-proxy-event-without-trailing-slash", "proxy", "GET", "/proxy-value", "/{proxy+}", "ANY", Params{{"proxy", "proxy-value"}}},
		{"aws-proxy-event-with-params-encoding", "proxy", "GET", "/proxy-value/api", "/{proxy+}", "ANY", Params{{"proxy", "proxy-value/api"}}},
		{"proxy: literal sibling wins", "proxy", "PATCH", "/hardcoded", "/hardcoded", "ANY", nil},
		{"proxy: literal trailing slash", "proxy", "GET", "/hardcoded/", "/hardcoded", "ANY", nil},
		{"proxy: child of literal falls back to greedy", "proxy", "GET", "/hardcoded/x", "/{proxy+}", "ANY", Params{{"proxy", "hardcoded/x"}}},
		{"proxy: interior // kept in greedy value", "proxy", "GET", "/a//b", "/{proxy+}", "ANY", Params{{"proxy", "a//b"}}},
		{"proxy: greedy needs one segment", "proxy", "GET", "/", "", "", nil},
		{"proxy: only slashes is the root", "proxy", "GET", "///", "", "", nil},
		{"proxy: unknown method served by ANY", "proxy", "PROPFIND", "/x", "/{proxy+}", "ANY", Params{{"proxy", "x"}}},
		{"pets: root", "pets", "GET", "/", "/", "GET", nil},
		{"pets: empty path is the root", "pets", "GET", "", "/", "GET", nil},
		{"pets: literal", "pets", "POST", "/pets", "/pets", "POST", nil},
		{"pets: exact method beats ANY", "pets", "GET", "/pets/7", "/pets/{petId}", "GET", Params{{"petId", "7"}}},
		{"pets: ANY on the same resource", "pets", "POST", "/pets/7", "/pets/{petId}", "ANY", Params{{"petId", "7"}}},
		{"pets: literal beats param", "pets", "DELETE", "/pets/mine", "/pets/mine", "DELETE", nil},
		{"pets: literal lacking method falls back to param", "pets", "GET", "/pets/mine", "/pets/{petId}", "GET", Params{{"petId", "mine"}}},
		{"pets: two params", "pets", "GET", "/pets/7/toys/ball%20red", "/pets/{petId}/toys/{toyId}", "GET", Params{{"petId", "7"}, {"toyId", "ball%20red"}}},
		{"pets: no decoding of %2F", "pets", "GET", "/pets/a%2Fb", "/pets/{petId}", "GET", Params{{"petId", "a%2Fb"}}},
		{"pets: too deep", "pets", "GET", "/pets/7/toys", "", "", nil},
		{"pets: lower-case method", "pets", "get", "/pets", "", "", nil},
		{"pets: param then literal", "pets", "PUT", "/a/1/c", "/a/{b}/c", "PUT", Params{{"b", "1"}}},
		{"pets: literal deeper fails, greedy sibling", "pets", "PUT", "/a/1/c/d", "/a/{b}/{rest+}", "PUT", Params{{"b", "1"}, {"rest", "c/d"}}},
		{"pets: greedy one segment", "pets", "PUT", "/a/1/d", "/a/{b}/{rest+}", "PUT", Params{{"b", "1"}, {"rest", "d"}}},
		{"pets: param needs a non-empty segment", "pets", "PUT", "/a//c", "", "", nil},
		{"pets: greedy keeps interior //", "pets", "GET", "/files/a//b/", "/files/{key+}", "ANY", Params{{"key", "a//b"}}},
		{"pets: greedy with nothing after", "pets", "GET", "/files/", "", "", nil},
		{"pets: punctuation literal", "pets", "HEAD", "/x:y.z_w-v", "/x:y.z_w-v", "HEAD", nil},
	}
	routers := map[string]*Router{}
	for name, routes := range routeSets {
		r, err := New(routes)
		if err != nil {
			t.Fatalf("New(%s): %v", name, err)
		}
		routers[name] = r
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := routers[tc.set].Match(tc.method, tc.path)
			if tc.resource == "" {
				if ok {
					t.Fatalf("Match(%s %q) = %s %s, want no match", tc.method, tc.path, m.Method, m.Resource)
				}
				return
			}
			if !ok {
				t.Fatalf("Match(%s %q): no match, want %s", tc.method, tc.path, tc.resource)
			}
			rt := routeSets[tc.set][m.Route]
			if m.Resource != tc.resource || rt.Path != tc.resource {
				t.Errorf("resource = %q (route %d %q), want %q", m.Resource, m.Route, rt.Path, tc.resource)
			}
			if m.Method != tc.via || rt.Methods[m.MethodIndex] != tc.via {
				t.Errorf("method = %q (index %d), want %q", m.Method, m.MethodIndex, tc.via)
			}
			if !reflect.DeepEqual(m.Params, tc.params) {
				t.Errorf("params = %v, want %v", m.Params, tc.params)
			}
		})
	}
}

func TestParamsGet(t *testing.T) {
	ps := Params{{"a", "1"}, {"b", ""}}
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"a", "1", true},
		{"b", "", true},
		{"c", "", false},
	}
	for _, tc := range tests {
		got, ok := ps.Get(tc.name)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Get(%q) = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name   string
		routes []Route
		want   error
	}{
		{"no leading slash", []Route{{Path: "pets"}}, ErrBadPath},
		{"empty path", []Route{{Path: ""}}, ErrBadPath},
		{"trailing slash", []Route{{Path: "/pets/"}}, ErrBadPath},
		{"double slash", []Route{{Path: "/a//b"}}, ErrBadPath},
		{"unclosed brace", []Route{{Path: "/{id"}}, ErrBadPathPart},
		{"unopened brace", []Route{{Path: "/id}"}}, ErrBadPathPart},
		{"brace inside", []Route{{Path: "/a{id}"}}, ErrBadPathPart},
		{"empty name", []Route{{Path: "/{}"}}, ErrBadPathPart},
		{"empty greedy name", []Route{{Path: "/{+}"}}, ErrBadPathPart},
		{"plus in literal", []Route{{Path: "/a+"}}, ErrBadPathPart},
		{"space in literal", []Route{{Path: "/a b"}}, ErrBadPathPart},
		{"percent in literal", []Route{{Path: "/a%20b"}}, ErrBadPathPart},
		{"nested braces", []Route{{Path: "/{{a}}"}}, ErrBadPathPart},
		{"greedy not last", []Route{{Path: "/{proxy+}/x"}}, ErrGreedyNotLast},
		{"duplicate path", []Route{{Path: "/a"}, {Path: "/a"}}, ErrDuplicatePath},
		{"duplicate param", []Route{{Path: "/{id}/x/{id}"}}, ErrDuplicateParam},
		{"duplicate param and greedy", []Route{{Path: "/{id}/{id+}"}}, ErrDuplicateParam},
		{"sibling params", []Route{{Path: "/{a}"}, {Path: "/{b}"}}, ErrSiblingVariable},
		{"sibling param greedy", []Route{{Path: "/{a}"}, {Path: "/{a+}"}}, ErrSiblingVariable},
		{"sibling greedy param", []Route{{Path: "/{proxy+}"}, {Path: "/{id}/x"}}, ErrSiblingVariable},
		{"sibling via parents", []Route{{Path: "/p/{a}/x"}, {Path: "/p/{b}/y"}}, ErrSiblingVariable},
		{"bad method", []Route{{Path: "/", Methods: []string{"TRACE"}}}, ErrBadMethod},
		{"lower-case method", []Route{{Path: "/", Methods: []string{"get"}}}, ErrBadMethod},
		{"duplicate method", []Route{{Path: "/", Methods: []string{"GET", "GET"}}}, ErrDuplicateMethod},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := New(tc.routes)
			if !errors.Is(err, tc.want) {
				t.Fatalf("New() error = %v, want %v", err, tc.want)
			}
			if r != nil {
				t.Errorf("New() returned a router with an error")
			}
		})
	}
}

func TestNewReportsEveryBadRoute(t *testing.T) {
	_, err := New([]Route{{Path: "x"}, {Path: "/ok"}, {Path: "/{a}/{a}"}})
	for _, want := range []error{ErrBadPath, ErrDuplicateParam} {
		if !errors.Is(err, want) {
			t.Errorf("error %v does not report %v", err, want)
		}
	}
}

func TestNewAccepts(t *testing.T) {
	tests := []struct {
		name   string
		routes []Route
	}{
		{"none", nil},
		{"shared variable parent", []Route{{Path: "/{id}"}, {Path: "/{id}/x"}, {Path: "/{id}/{sub+}"}}},
		{"literal beside variable", []Route{{Path: "/a"}, {Path: "/{b}"}, {Path: "/a/{b+}"}}},
		{"resource without methods", []Route{{Path: "/a/b"}}},
		{"all methods", []Route{{Path: "/", Methods: []string{"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := New(tc.routes); err != nil {
				t.Fatalf("New() = %v", err)
			}
		})
	}
}

func TestMatchAllocations(t *testing.T) {
	r, err := New(routeSets["pets"])
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		method, path string
		budget       float64
	}{
		{"GET", "/", 0},
		{"POST", "/pets", 0},
		{"DELETE", "/pets/mine", 0},
		{"GET", "/nope/nope", 0},
		{"GET", "/pets/7", 1},
		{"GET", "/pets/7/toys/9", 1},
		{"PUT", "/a/1/c/d/e", 1},
	}
	for _, tc := range tests {
		got := testing.AllocsPerRun(100, func() { r.Match(tc.method, tc.path) })
		if got > tc.budget {
			t.Errorf("Match(%s %s) allocates %v times, budget %v", tc.method, tc.path, got, tc.budget)
		}
	}
}
