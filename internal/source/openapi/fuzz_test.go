package openapi

import (
	"errors"
	"os"
	"testing"

	"archway/internal/model"
)

// FuzzParse feeds arbitrary documents to Parse: it must never panic, and
// must return either an API or a model.Errors whose entries name the file.
func FuzzParse(f *testing.F) {
	for _, path := range []string{"testdata/petstore.yaml", "testdata/petstore-swagger.json"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, seed := range []string{
		"openapi: 3.0.1\npaths:\n  /a/{b}:\n    get:\n      x-amazon-apigateway-integration: {type: mock}\n",
		"{\"swagger\": \"2.0\", \"paths\": {\"/\": {\"x-amazon-apigateway-any-method\": {}}}}",
		"openapi: 3.0.1\nx: &a {<<: *a}\n",
		"openapi: 3.0.1\npaths:\n  /a:\n    $ref: '#/paths/~1a'\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		api, _, err := Parse("fuzz.yaml", data)
		if err == nil {
			if api == nil || api.RootResource() == nil {
				t.Fatal("no error and no API")
			}
			return
		}
		var es model.Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Fatalf("error %T is not a model.Errors", err)
		}
		for _, e := range es {
			if e.Loc.File != "fuzz.yaml" {
				t.Fatalf("error without file: %v", e)
			}
		}
	})
}
