package server

import (
	"go/build"
	"strings"
	"testing"
)

// TestNoArchwayImports keeps the server independent of definitions and
// plans: it serves any http.Handler, so a reload or a new source never
// touches it. Only the leaf package rawio is allowed.
func TestNoArchwayImports(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if imp == "archway/internal/rawio" {
			continue
		}
		if imp == "archway" || strings.HasPrefix(imp, "archway/") {
			t.Errorf("package server imports %s", imp)
		}
	}
}
