package vtl

import (
	"sync"
	"testing"
)

// TestConstantLiterals checks that constant literals render as if built
// afresh every time: shared when the template cannot mutate them, and a
// mutation never seen by the next render.
func TestConstantLiterals(t *testing.T) {
	tests := []struct {
		name, src, want string
		readOnly        bool // the template cannot mutate: constants are shared
	}{
		{"map read", `#set($pets = {"1": {"name": "Rex", "tags": ["a", "b"]}, "2": {"name": "Tom"}})$pets.get("1").name $pets.get("1").tags $pets.size()`,
			"Rex [a, b] 2", true},
		{"list appended to", `#set($l = [1, 2])#set($x = $l.add(3))$l`, "[1, 2, 3]", false},
		{"map put into", `#set($m = {"a": 1})#set($x = $m.put("b", 2))$m`, "{a=1, b=2}", false},
		{"empty accumulator", `#set($l = [])#foreach($i in [1..3])#set($x = $l.add($i))#end$l`, "[1, 2, 3]", false},
		{"property assigned", `#set($m = {"a": 1})#set($m.a = 5)$m`, "{a=5}", false},
		{"not constant", `#set($v = "x")#set($m = {"k": $v, "n": [$v]})$m`, "{k=x, n=[x]}", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl, err := Parse("test.vm", tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if tt.readOnly == tpl.MayMutate() {
				t.Errorf("MayMutate = %v", tpl.MayMutate())
			}
			var wg sync.WaitGroup
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range 3 {
						out, err := tpl.Render(nil, nil)
						if err != nil || string(out) != tt.want {
							t.Errorf("render = %q, %v; want %q", out, err, tt.want)
							return
						}
					}
				}()
			}
			wg.Wait()
		})
	}
}
