package jsonpath

import (
	"errors"
	"testing"

	"archway/internal/jsonvalue"
)

// FuzzCompile checks that any path compiles or fails cleanly, and that a
// compiled path reads a varied document without panicking and returns only
// the documented errors.
func FuzzCompile(f *testing.F) {
	for _, p := range append(append([]string{}, storePaths...), edgePaths...) {
		f.Add(p)
	}
	docs := []any{}
	for _, body := range []string{storeBody, edgeBody, readDoc, "[1,[2,[3]],{\"a\":[]}]", "text"} {
		d, err := jsonvalue.Parse([]byte(body))
		if err != nil {
			f.Fatal(err)
		}
		docs = append(docs, d)
	}
	f.Fuzz(func(t *testing.T, path string) {
		p, err := Compile(path)
		if err != nil {
			var ce *CompileError
			if !errors.As(err, &ce) {
				t.Fatalf("Compile(%q): %T %v", path, err, err)
			}
			return
		}
		for _, d := range docs {
			v, err := p.Read(d)
			var ee *EvalError
			switch {
			case err == nil:
				if l, ok := v.(*jsonvalue.List); !p.IsDefinite() && (!ok || !l.JSON) {
					t.Fatalf("Read(%q) of an indefinite path = %T", path, v)
				}
				_ = jsonvalue.AppendJSON(nil, v)
			case errors.Is(err, ErrNotFound), errors.As(err, &ee):
			default:
				t.Fatalf("Read(%q): %T %v", path, err, err)
			}
		}
	})
}
