package router

import "testing"

func BenchmarkMatch(b *testing.B) {
	r, err := New(routeSets["pets"])
	if err != nil {
		b.Fatal(err)
	}
	benches := []struct {
		name, method, path string
	}{
		{"root", "GET", "/"},
		{"literal", "POST", "/pets"},
		{"param", "GET", "/pets/7"},
		{"two-params", "GET", "/pets/7/toys/9"},
		{"fallback-greedy", "PUT", "/a/1/c/d/e/f"},
		{"miss", "GET", "/nope/nope/nope"},
	}
	for _, bc := range benches {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r.Match(bc.method, bc.path)
			}
		})
	}
}
