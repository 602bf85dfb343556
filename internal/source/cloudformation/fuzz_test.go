package cloudformation

import (
	"os"
	"testing"
)

// FuzzParse checks that no template, however broken, makes the reader or
// the intrinsic evaluator panic or loop.
func FuzzParse(f *testing.F) {
	for _, file := range []string{"testdata/same.cfn.yaml", "testdata/same.sam.yaml", "../../../examples/cloudformation/template.yaml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(header + "  P: {Type: X, Properties: {V: !Sub '${Env}${!x}', W: !If [IsDev, !Select [0, !Ref Names], !Cidr [10.0.0.0/8, 3, 4]]}}\n"))
	f.Add([]byte("Conditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n  R: {Type: X, Condition: A}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse("fuzz.yaml", data, withOpenAPI(Options{}))
		if err == nil && res.API == nil {
			t.Fatal("no API and no error")
		}
	})
}
