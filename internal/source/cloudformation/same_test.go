package cloudformation

import (
	"reflect"
	"testing"

	"archway/internal/plan/plantest"
	"archway/internal/source/openapi"
)

func TestSameAPIEverySource(t *testing.T) {
	api, _, err := openapi.Load("testdata/same.openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := plantest.DevRoutes(t, api)
	for _, file := range []string{"testdata/same.cfn.yaml", "testdata/same.sam.yaml"} {
		t.Run(file, func(t *testing.T) {
			res, err := Load(file, withOpenAPI(Options{}))
			if err != nil {
				t.Fatal(err)
			}
			if got := plantest.DevRoutes(t, res.API); !reflect.DeepEqual(got, want) {
				t.Fatalf("got\n%q\nwant\n%q", got, want)
			}
			if len(res.Functions) != 1 || res.Functions[0].ARN != "arn:aws:lambda:us-east-1:123456789012:function:hello" ||
				res.Functions[0].Command[0] != "testdata/hello/bootstrap" {
				t.Fatalf("functions %+v", res.Functions)
			}
		})
	}
}

// withOpenAPI returns o with the OpenAPI reader the loader passes.
func withOpenAPI(o Options) Options {
	o.ParseOpenAPI = openapi.Parse
	return o
}
