package terraform

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func TestFunctions(t *testing.T) {
	tests := []struct {
		expr, want string
	}{
		{`lower("AbC")`, "abc"},
		{`upper("AbC")`, "ABC"},
		{`trimspace("  x \n")`, "x"},
		{`replace("a-b-c", "-", "/")`, "a/b/c"},
		{`join(",", ["a", "b"], ["c"])`, "a,b,c"},
		{`format("%s=%d", "n", 5)`, "n=5"},
		{`jsonencode({ a = [1, true, "x"], b = null })`, `{"a":[1,true,"x"],"b":null}`},
		{`trimspace(file("same/item.tpl"))`, `<item ${attr}="$input.params('id')"/>`},
		{`trimspace(templatefile("same/item.tpl", { attr = "key" }))`, `<item key="$input.params('id')"/>`},
	}
	funcs := functions("testdata")
	for _, tt := range tests {
		expr, ds := hclsyntax.ParseExpression([]byte(tt.expr), "test", hcl.InitialPos)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", tt.expr, ds)
		}
		v, ds := expr.Value(&hcl.EvalContext{Functions: funcs})
		if ds.HasErrors() {
			t.Errorf("%s: %v", tt.expr, ds)
			continue
		}
		if got := v.AsString(); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.expr, got, tt.want)
		}
	}
}

func TestFunctionErrors(t *testing.T) {
	funcs := functions("testdata")
	for _, src := range []string{`file("nope.txt")`, `templatefile("same/item.tpl", {})`, `jsonencode()`, `format("%s", [])`} {
		expr, _ := hclsyntax.ParseExpression([]byte(src), "test", hcl.InitialPos)
		if _, ds := expr.Value(&hcl.EvalContext{Functions: funcs}); !ds.HasErrors() {
			t.Errorf("%s: no error", src)
		}
	}
}
