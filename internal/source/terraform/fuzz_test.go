package terraform

import "testing"

// FuzzLoad checks that no configuration makes the loader panic or
// return neither an API nor an error.
func FuzzLoad(f *testing.F) {
	// Small seeds: the fuzzer minimises every new input it finds.
	f.Add([]byte(api))
	f.Add([]byte(api + integration(`type = "MOCK"
  request_templates { "a/b" = format("%s", local.x) }`)))
	f.Add([]byte(`variable "v" { default = { a = [1, 2] } }
locals { x = jsonencode(var.v) }`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse("testdata", map[string][]byte{"main.tf": data}, Options{})
		if err == nil && res.API == nil {
			t.Fatal("no API and no error")
		}
	})
}
