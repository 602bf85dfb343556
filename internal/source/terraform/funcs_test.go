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
		{`base64encode("hello")`, "aGVsbG8="},
		{`base64decode("aGVsbG8=")`, "hello"},
		{`sha256("hello")`, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"},
		{`base64sha256("hello")`, "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="},
		{`filebase64("hello.txt")`, "aGVsbG8="},
		{`filebase64sha256("hello.txt")`, "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="},
		{`tostring(length(["a", "b"]))`, "2"},
		{`join(",", keys({ b = 1, a = 2 }))`, "a,b"},
		{`lookup({ a = "x" }, "b", "dflt")`, "dflt"},
		{`element(split("/", "a/b/c"), 1)`, "b"},
		{`join(",", tolist(toset(["b", "a", "b"])))`, "a,b"},
		{`tostring(contains(concat(["a"], ["b"]), "b"))`, "true"},
		{`merge({ a = "1" }, { a = "2" })["a"]`, "2"},
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
	for _, src := range []string{`file("nope.txt")`, `templatefile("same/item.tpl", {})`, `jsonencode()`, `format("%s", [])`, `base64decode("%%%")`, `filebase64("nope.zip")`} {
		expr, _ := hclsyntax.ParseExpression([]byte(src), "test", hcl.InitialPos)
		if _, ds := expr.Value(&hcl.EvalContext{Functions: funcs}); !ds.HasErrors() {
			t.Errorf("%s: no error", src)
		}
	}
}
