package vtl

import (
	"testing"

	"archway/internal/jsonvalue"
)

// FuzzParse checks that no template text makes the parser or the
// renderer panic or loop, whatever it contains.
func FuzzParse(f *testing.F) {
	for _, c := range renderCases() {
		f.Add(c.src)
	}
	for _, s := range []string{"$", "#", "${", "$!", "#if(", "#set($a=", "\"$a", "#foreach($i in [1..3])#foreach($j in $i)", "#macro(m)#m()#end#m()", "#evaluate('#evaluate($t)')", "$a.b(", "$a[", "#[[", "#*", "\\\\\\$a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		tpl, err := Parse("fuzz.vm", src)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("Parse returned %T, want *Error", err)
			}
			return
		}
		vars := map[string]any{
			"s": "x y", "n": int64(3), "l": jsonvalue.NewList(int64(1), "a"),
			"m": jsonvalue.NewMap(0), "t": src,
		}
		_, _ = tpl.Render(nil, vars)
	})
}
