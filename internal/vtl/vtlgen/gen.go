// Package vtlgen generates random mapping templates, with the request
// they render against, for differential testing of the vtl engine
// against the real Velocity oracle (cmd/vtldiff).
package vtlgen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Case is one generated oracle-protocol request.
type Case struct {
	ID             string                       `json:"id"`
	Template       string                       `json:"template"`
	Body           string                       `json:"body"`
	Params         map[string]map[string]string `json:"params"`
	Context        map[string]any               `json:"context"`
	StageVariables map[string]string            `json:"stageVariables"`
	Vars           map[string]any               `json:"vars"`
}

// JSON returns the case as one protocol line.
func (c *Case) JSON() []byte {
	b, err := json.Marshal(c)
	if err != nil {
		panic(err) // only plain data: cannot fail
	}
	return b
}

// Generator makes cases from a seeded random source, so a run is
// reproducible from its seed.
type Generator struct {
	r     *rand.Rand
	depth int
}

// New returns a generator seeded with seed.
func New(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

var bodies = []string{
	`{"a": 1, "s": "x y", "l": [1, 2, 3], "o": {"k": "v", "n": null}, "f": 1.5, "t": true}`,
	`{"items": [{"id": 1, "name": "A\"b", "tags": ["x"]}, {"id": 2, "name": "Zürich", "tags": []}], "total": 12.50}`,
	``,
	`plain text body`,
	`[1, "two", {"three": 3}]`,
	`{"msg": "it's \u00e9 / \\ \n end", "big": 12345678901234567890, "neg": -7}`,
}

var strs = []string{"", "a", "x y", "Zürich", "a.b.c", "it's", `q"uote`, "tab\there", "a,b,,c", "MiXeD", "😀x", "line\nbreak", "  pad  ", "/path/to", "100"}

// Next returns the next case.
func (g *Generator) Next(id int) *Case {
	c := &Case{
		ID:   fmt.Sprint(id),
		Body: bodies[g.r.IntN(len(bodies))],
		Params: map[string]map[string]string{
			"path":        {"id": "42", "name": g.pick(strs)},
			"querystring": {"q": g.pick(strs), "limit": "10"},
			"header":      {"Accept": "*/*", "X-Trace": "t-1"},
		},
		Context:        map[string]any{"stage": "dev", "requestId": "r-1", "identity": map[string]any{"sourceIp": "203.0.113.7"}},
		StageVariables: map[string]string{"env": "dev", "table": "Orders"},
		Vars: map[string]any{
			"s": g.pick(strs), "t": g.pick(strs), "n": g.r.IntN(21) - 10, "f": 2.5,
			"l": []any{"a", 1, 2.5, true}, "m": map[string]any{"k": "v", "n": 1},
		},
	}
	g.depth = 0
	var b strings.Builder
	for n := 1 + g.r.IntN(6); n > 0; n-- {
		g.node(&b)
	}
	c.Template = b.String()
	return c
}

func (g *Generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

var texts = []string{"a", " ", "\n", "  ", "\t", "{", "}", "\"", ",", "x y", ":", "[", "]", "-", "\r\n", ".", "(", ")", "#", "$", "\\", "##c\n", "#*c*#", "é"}

var refs = []string{
	"$s", "$t", "$n", "$f", "$l", "$m", "$m.k", "$m.n", "$l[0]", "$l[-1]", "$l.size()", "$m.keySet()", "$m.values()",
	"$!s", "${s}", "$!{s}", "$undefined", "$!undefined", "$undefined.x", "$s.length()", "$s.toUpperCase()",
	"$s.toLowerCase()", "$s.trim()", "$s.substring(1)", "$s.indexOf('a')", "$s.replaceAll('a', 'b')",
	"$s.replace('.', '-')", "$s.split(',').size()", "$s.contains('a')", "$s.startsWith('a')", "$s.charAt(0)",
	"$s.matches('[a-z]+')", "$s.isEmpty()", "$s.concat($t)", "$s.equals($t)", "$s.compareTo($t)", "$n.intValue()",
	"$input.body", "$input.json('$')", "$input.json('$.a')", "$input.json('$.items[0]')", "$input.path('$.a')",
	"$input.path('$.s')", "$input.path('$.l')", "$input.path('$.o')", "$input.path('$.items')", "$input.path('$..id')",
	"$input.path('$.items[?(@.id > 1)].name')", "$input.path('$.l').size()", "$input.path('$.missing')",
	"$input.params('q')", "$input.params('id')", "$input.params('X-Trace')", "$input.params()", "$input.params().header",
	"$context.stage", "$context.requestId", "$context.identity.sourceIp", "$context.identity", "$context.nope",
	"$stageVariables.env", "$stageVariables['table']", "$stageVariables.missing",
	"$util.escapeJavaScript($s)", "$util.urlEncode($s)", "$util.base64Encode($s)", "$util.escapeJavaScript($input.json('$'))",
	"$util.parseJson('{\"a\": [1, 2]}').a", "$util.urlDecode('a%20b+c')", "$util.base64Decode('eA==')",
	"$x", "$y", "$i", "$foreach.index", "$foreach.hasNext", "$velocityCount",
}

var atoms = []string{"1", "0", "-3", "2.5", "'a'", "'x y'", "\"$s!\"", "true", "false", "[1, 2]", "[]", "{'k': 1}", "[1..3]", "$n", "$s", "$f", "$l", "$x", "$undefined", "$input.path('$.a')", "$l.size()", "$s.length()"}

var binops = []string{"+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "eq", "ne", "lt", "gt", "and", "or"}

func (g *Generator) expr(depth int) string {
	switch {
	case depth > 2 || g.r.IntN(3) == 0:
		return g.pick(atoms)
	case g.r.IntN(6) == 0:
		return "!" + g.expr(depth+1)
	case g.r.IntN(6) == 0:
		return "(" + g.expr(depth+1) + ")"
	}
	return g.expr(depth+1) + " " + g.pick(binops) + " " + g.expr(depth+1)
}

func (g *Generator) node(b *strings.Builder) {
	g.depth++
	defer func() { g.depth-- }()
	k := g.r.IntN(10)
	if g.depth > 3 && k >= 5 {
		k = g.r.IntN(5)
	}
	switch k {
	case 0, 1, 2:
		b.WriteString(g.pick(texts))
	case 3, 4:
		b.WriteString(g.pick(refs))
	case 5:
		fmt.Fprintf(b, "#set($%s = %s)", g.pick([]string{"x", "y", "s", "n"}), g.expr(0))
	case 6:
		fmt.Fprintf(b, "#if(%s)", g.expr(0))
		g.body(b)
		if g.r.IntN(2) == 0 {
			fmt.Fprintf(b, "#elseif(%s)", g.expr(0))
			g.body(b)
		}
		if g.r.IntN(2) == 0 {
			b.WriteString(g.pick([]string{"#else", "#{else}", "#else\n"}))
			g.body(b)
		}
		b.WriteString(g.pick([]string{"#end", "#{end}", "#end\n", "#end  \n"}))
	case 7:
		fmt.Fprintf(b, "#foreach($i in %s)", g.pick([]string{"$l", "[1..3]", "$input.path('$.l')", "$input.path('$.items')", "$m", "$s.split(',')", "$undefined", "['a', 'b']"}))
		g.body(b)
		b.WriteString(g.pick([]string{"#end", "#end\n"}))
	case 8:
		b.WriteString(g.pick([]string{"\n", "  ", "\t", "x"}))
		b.WriteString(g.pick(refs))
	case 9:
		b.WriteString(g.pick([]string{"\\$s", "\\\\$s", "\\#if", "\\$undefined", "$5.00", "#[[$s]]#", "#macro(mm $a)[$a]#end#mm($s)", "#define($d)D$s#end$d", "#evaluate('$s')"}))
	}
}

func (g *Generator) body(b *strings.Builder) {
	for n := g.r.IntN(3); n >= 0; n-- {
		g.node(b)
	}
}
