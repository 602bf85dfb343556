package jsonpath

import (
	"errors"
	"testing"

	"archway/internal/jsonvalue"
)

func TestCompile(t *testing.T) {
	tests := []struct {
		path     string
		definite bool
		invalid  bool
	}{
		{path: "$", definite: true},
		{path: "$.a.b[0]['c']", definite: true},
		{path: "a.b", definite: true},
		{path: "@.a", definite: true},
		{path: "  $.a  ", definite: true},
		{path: "$['a','b']", definite: true},
		{path: "$.a[(@.length-1)]", definite: true},
		{path: "$[-1]", definite: true},
		{path: "$.a.*"},
		{path: "$..a"},
		{path: ".a"},
		{path: "$.a[0,1]"},
		{path: "$.a[1:]"},
		{path: "$.a[?(@.b > 1)]"},
		{path: "$.a[?]"},
		{path: "$.a[0a]", definite: true},
		{path: "", invalid: true},
		{path: "   ", invalid: true},
		{path: "$.", invalid: true},
		{path: "$..", invalid: true},
		{path: "$a", invalid: true},
		{path: "$.a b", invalid: true},
		{path: "$.a[", invalid: true},
		{path: "$.a[0", invalid: true},
		{path: "$['a'", invalid: true},
		{path: `$["a"]`, invalid: true},
		{path: "$.a[:]", invalid: true},
		{path: "$.a[-]", invalid: true},
		{path: "$.a[99999999999]", invalid: true},
		{path: "$.a[(@.foo-1)]", invalid: true},
		{path: "$.a[?(@.b in ['x'])]", invalid: true},
		{path: "$.a[?(@.b[*])]", invalid: true},
		{path: "$.a[?(@.b =~ /[/)]", invalid: true},
		{path: "$.a[?(@.b =~ /(/)]", invalid: true},
		{path: "$.a[?(!@.b == 1)]"},
		{path: "$.a[?(@.b == !@.c)]", invalid: true},
		{path: "$.a[?('x')]", invalid: true},
		{path: "$.a[?()]", invalid: true},
		{path: "$.a[?(@.b &&)]", invalid: true},
		{path: "$.a[?(@.b) && (@.c)]"},
	}
	for _, tt := range tests {
		p, err := Compile(tt.path)
		if tt.invalid {
			var ce *CompileError
			if !errors.As(err, &ce) {
				t.Errorf("Compile(%q) = %v, want a *CompileError", tt.path, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Compile(%q): %v", tt.path, err)
			continue
		}
		if p.IsDefinite() != tt.definite {
			t.Errorf("Compile(%q).IsDefinite() = %v", tt.path, p.IsDefinite())
		}
		if p.String() != tt.path {
			t.Errorf("Compile(%q).String() = %q", tt.path, p.String())
		}
	}
}

const readDoc = `{"items":[{"sku":"a1","qty":1,"price":9.5},{"sku":"b2","qty":5,"tags":["x","y"]},{"sku":null},{"qty":"7"}],` +
	`"m":{"p":{"a":1},"q":{"b":2}},"n":null,"s":"str","e":[],"big":12345678901234567890,"f":1.5,"t":true}`

func TestRead(t *testing.T) {
	const notFound, fails = "<not found>", "<error>"
	tests := []struct{ path, want string }{
		{"$.items[0].sku", `"a1"`},
		{"$.items[1].tags", `["x","y"]`},
		{"$.items[-1]", notFound},
		{"$.items[-1:]", `[{"qty":"7"}]`},
		{"$.items[:1].sku", `["a1"]`},
		{"$.items[1:3].sku", `["b2",null]`},
		{"$.items[0,1].sku", `["a1","b2"]`},
		{"$.items[0,9]", notFound},
		{"$.items[*].sku", `["a1","b2",null]`},
		{"$.items.*.qty", `[1,5,"7"]`},
		{"$.items[(@.length-2)].sku", `null`},
		{"$..sku", `["a1","b2",null]`},
		{"$..nothing", `[]`},
		{"$.nothing", notFound},
		{"$.nothing.deeper", notFound},
		{"$.nothing[*]", `[]`},
		{"$.n", `null`},
		{"$.n.x", notFound},
		{"$.n[0]", notFound},
		{"$.s.x", notFound},
		{"$.s[0]", fails},
		{"$.m[0]", fails},
		{"$.s[?(@.a)]", fails},
		{"$.n[?(@.a)]", fails},
		{"$.items[?]", fails},
		{"$.e[?]", `[]`},
		{"$.m.*.a", notFound},
		{"$.m['p','q','r']", `{"p":{"a":1},"q":{"b":2}}`},
		{"$.m['p','q'].a", fails},
		{"$.m['x]y']", fails},
		{"$.m['x]']", fails},
		{"$.m['x]", `{}`},
		{"items[0].qty", `1`},
		{".a", `[1]`},
		{"$.big", `12345678901234567890`},
		{"$[?(@.t)]..qty", `[1,5,"7"]`},
		{"$.items[?(@.qty > 2)].sku", notFound},
		{"$.items[?(@.qty > 2)].qty", `[5,"7"]`},
		{"$.items[?(@.qty == '7')].qty", `["7"]`},
		{"$.items[?(@.qty == 7)].qty", `["7"]`},
		{"$.items[?(@.qty == abc)]", fails},
		{"$.items[?(@.sku == abc)]", `[]`},
		{"$.items[?(@.sku == null)].qty", notFound},
		{"$.items[?(@.sku == null)]", `[{"sku":null}]`},
		{"$.items[?(@.sku)].sku", `["a1","b2"]`},
		{"$.items[?(!@.sku)].qty", notFound},
		{"$.items[?(!@.sku)]", `[{"sku":null},{"qty":"7"}]`},
		{"$.items[?(@.sku =~ /[a-z]\\d/)].sku", `["a1","b2"]`},
		{"$.items[?(@.sku =~ /A1/i)].sku", `["a1"]`},
		{"$.items[?(@.sku =~ 'a1')]", fails},
		{"$.items[?(@.qty >= 1 && @.qty <= 5)].sku", `["a1","b2"]`},
		{"$.items[?(@.qty == 1 || @.sku == 'b2')].sku", `["a1","b2"]`},
		{"$.items[?(@.price < $.f)]", `[]`},
		{"$.items[?(@.qty > $.f)].qty", `[5]`},
		{"$.items[?(@.tags[0] == 'x')].sku", `["b2"]`},
		{"$.items[?(@.tags)].tags[1]", `["y"]`},
		{"$.items[0:2][?,?,?,?,?,?]", notFound},
	}
	doc, err := jsonvalue.Parse([]byte(readDoc))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		p, err := Compile(tt.path)
		if err != nil {
			t.Errorf("Compile(%q): %v", tt.path, err)
			continue
		}
		v, err := p.Read(doc)
		var got string
		var ee *EvalError
		switch {
		case errors.Is(err, ErrNotFound):
			got = notFound
		case errors.As(err, &ee):
			got = fails
		case err != nil:
			t.Errorf("Read(%q): unexpected error type %T: %v", tt.path, err, err)
			continue
		default:
			got = string(jsonvalue.AppendJSON(nil, v))
		}
		if got != tt.want {
			t.Errorf("Read(%q) = %s, want %s", tt.path, got, tt.want)
		}
	}
}

func TestReadNullRoot(t *testing.T) {
	_, err := mustCompile(t, "$").Read(nil)
	var ee *EvalError
	if !errors.As(err, &ee) {
		t.Fatalf("Read(nil) = %v, want an *EvalError", err)
	}
}

func TestReadResultIsJSONArray(t *testing.T) {
	doc, _ := jsonvalue.Parse([]byte(readDoc))
	v, err := mustCompile(t, "$..sku").Read(doc)
	if err != nil {
		t.Fatal(err)
	}
	if l, ok := v.(*jsonvalue.List); !ok || !l.JSON {
		t.Fatalf("indefinite result is %T %v, want a JSON array", v, v)
	}
}

func mustCompile(t *testing.T, path string) *Path {
	t.Helper()
	p, err := Compile(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCompareUTF16(t *testing.T) {
	tests := []struct {
		a, b string
		sign int
	}{
		{"a", "b", -1},
		{"a", "a", 0},
		{"ab", "a", 1},
		{"\uffff", "😀", 1}, // U+FFFF sorts after the surrogate of U+1F600
		{"é", "z", 1},
		{"😀", "😁", -1},
	}
	for _, tt := range tests {
		got := compareUTF16(tt.a, tt.b)
		if got < 0 && tt.sign >= 0 || got > 0 && tt.sign <= 0 || got == 0 && tt.sign != 0 {
			t.Errorf("compareUTF16(%q, %q) = %d, want sign %d", tt.a, tt.b, got, tt.sign)
		}
	}
}

func TestParseBigDecimal(t *testing.T) {
	tests := []struct {
		a, b string
		cmp  int
	}{
		{"1", "1.0", 0},
		{"1.5", "15e-1", 0},
		{"-0", "0.000", 0},
		{"1e3", "999.99", 1},
		{"-2", "-10", 1},
		{"0.001", "1E-3", 0},
		{"+7", "٧", 0}, // Arabic-Indic seven
		{"12345678901234567890", "1.2345678901234567889E19", 1},
	}
	for _, tt := range tests {
		a, okA := parseBigDecimal(tt.a)
		b, okB := parseBigDecimal(tt.b)
		if !okA || !okB {
			t.Errorf("parseBigDecimal(%q, %q) failed", tt.a, tt.b)
			continue
		}
		if got := a.cmp(b); got != tt.cmp {
			t.Errorf("cmp(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.cmp)
		}
	}
	for _, bad := range []string{"", "abc", "1.2.3", "1e", "--1", "Infinity", "NaN", "1e9999999999"} {
		if _, ok := parseBigDecimal(bad); ok {
			t.Errorf("parseBigDecimal(%q) succeeded", bad)
		}
	}
}
