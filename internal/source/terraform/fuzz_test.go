package terraform

import "testing"

// FuzzLoad checks that no configuration makes the loader panic or
// return neither an API (REST or HTTP) nor an error.
func FuzzLoad(f *testing.F) {
	// Small seeds: the fuzzer minimises every new input it finds.
	f.Add([]byte(api))
	f.Add([]byte(api + integration(`type = "MOCK"
  request_templates { "a/b" = format("%s", local.x) }`)))
	f.Add([]byte(`variable "v" { default = { a = [1, 2] } }
locals { x = jsonencode(var.v) }`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse("testdata", map[string][]byte{"main.tf": data}, Options{})
		if err == nil && res.API == nil && len(res.HTTPAPIs) == 0 {
			t.Fatal("no API and no error")
		}
	})
}

// FuzzParseShowJSON checks that no terraform show -json document makes
// the reader panic or return neither an API (REST or HTTP) nor an error.
func FuzzParseShowJSON(f *testing.F) {
	f.Add([]byte(planForEach))
	f.Add([]byte(`{"format_version": "1.0", "values": {"root_module": {"resources": [
  {"address": "aws_api_gateway_rest_api.a", "mode": "managed", "type": "aws_api_gateway_rest_api", "name": "a", "values": {"name": "a", "id": "x"}}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := ParseShowJSON("plan.json", data, Options{})
		if err == nil && res.API == nil && len(res.HTTPAPIs) == 0 {
			t.Fatal("no API and no error")
		}
	})
}
