package server

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

// TestOnlyLeafImports keeps the server independent of definitions and
// plans: it serves any http.Handler, so a reload or a new source never
// touches it. It may use Archway's leaf packages (rawio, httptoken), which
// import no Archway package themselves.
func TestOnlyLeafImports(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if imp != "archway" && !strings.HasPrefix(imp, "archway/") {
			continue
		}
		dep, err := build.ImportDir(filepath.Join("..", "..", strings.TrimPrefix(imp, "archway/")), 0)
		if err != nil {
			t.Fatalf("%s: %v", imp, err)
		}
		for _, sub := range dep.Imports {
			if sub == "archway" || strings.HasPrefix(sub, "archway/") {
				t.Errorf("package server imports %s, which is not a leaf: it imports %s", imp, sub)
			}
		}
	}
}
