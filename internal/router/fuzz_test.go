package router

import (
	"strings"
	"testing"
)

// FuzzMatch checks that Match never panics and that every match is
// consistent: the params rebuild a path that matches the same resource.
func FuzzMatch(f *testing.F) {
	for _, seed := range []string{"/", "", "//", "/pets/7", "/pets//7/", "/a/1/c/d", "/files/a//b/", "/x:y.z_w-v", "/%2F/%", "///a///"} {
		f.Add("GET", seed)
		f.Add("PUT", seed)
	}
	r, err := New(routeSets["pets"])
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, method, path string) {
		m, ok := r.Match(method, path)
		if !ok {
			return
		}
		rt := routeSets["pets"][m.Route]
		if rt.Path != m.Resource {
			t.Fatalf("route %d is %q, match says %q", m.Route, rt.Path, m.Resource)
		}
		if rt.Methods[m.MethodIndex] != m.Method {
			t.Fatalf("method index %d is %q, match says %q", m.MethodIndex, rt.Methods[m.MethodIndex], m.Method)
		}
		if m.Method != method && m.Method != "ANY" {
			t.Fatalf("request %q matched method %q", method, m.Method)
		}
		rebuilt := rt.Path
		for _, p := range m.Params {
			if p.Value == "" {
				t.Fatalf("empty value for %q in %q", p.Name, path)
			}
			rebuilt = strings.Replace(rebuilt, "{"+p.Name+"+}", p.Value, 1)
			rebuilt = strings.Replace(rebuilt, "{"+p.Name+"}", p.Value, 1)
		}
		again, ok := r.Match(method, rebuilt)
		if !ok || again.Route != m.Route {
			t.Fatalf("path %q matched %q, rebuilt %q does not", path, m.Resource, rebuilt)
		}
	})
}
