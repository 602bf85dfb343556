package compile

import (
	"go/build"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// module is the module path of the repository.
const module = "archway"

// internalDeps returns the archway packages pkg depends on, directly or not
// (test files excluded), resolved from the source tree.
func internalDeps(t *testing.T, root, pkg string) map[string]bool {
	t.Helper()
	seen := map[string]bool{}
	var visit func(string)
	visit = func(p string) {
		dir := filepath.Join(root, strings.TrimPrefix(p, module+"/"))
		bp, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, imp := range bp.Imports {
			if (imp == module || strings.HasPrefix(imp, module+"/")) && !seen[imp] {
				seen[imp] = true
				visit(imp)
			}
		}
	}
	visit(pkg)
	return seen
}

// rule forbids package pkg to depend on the packages bad reports.
type rule struct {
	pkg string
	bad func(dep string) bool
	why string
}

// TestDependencyRule guards DESIGN.md's one-way flow: the pipeline never
// sees the model or a source, sources see only the model (and the leaf
// packages below it), and the plan does not depend on the model.
func TestDependencyRule(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	forbidden := func(p string) bool {
		return p == module+"/internal/model" || strings.HasPrefix(p, module+"/internal/source")
	}
	tests := []rule{
		{module + "/internal/pipeline", forbidden, "the pipeline must not see the model or a source"},
		{module + "/internal/plan", forbidden, "the plan must not see the model or a source"},
		{module + "/internal/integration/mock", forbidden, "integrations must not see the model or a source"},
	}
	sources, err := filepath.Glob(filepath.Join(root, "internal", "source", "*", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range sources {
		rel, _ := filepath.Rel(root, filepath.Dir(f))
		pkg := module + "/" + filepath.ToSlash(rel)
		if seen[pkg] {
			continue
		}
		seen[pkg] = true
		tests = append(tests, rule{pkg, func(p string) bool { return p != module+"/internal/model" }, "a source may import only the model"})
	}
	if len(seen) == 0 {
		t.Fatal("no source package found under internal/source")
	}
	for _, tc := range tests {
		t.Run(tc.pkg, func(t *testing.T) {
			deps := internalDeps(t, root, tc.pkg)
			var bad []string
			for d := range deps {
				if tc.bad(d) {
					bad = append(bad, d)
				}
			}
			sort.Strings(bad)
			if len(bad) > 0 {
				t.Errorf("%s imports %v: %s", tc.pkg, bad, tc.why)
			}
		})
	}
}
