package cloudformation

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"archway/internal/compile"
	"archway/internal/plan"
	"archway/internal/source/openapi"
)

// routes describes what a plan serves: per route, the integration type,
// URI, request templates and responses.
func routes(p *plan.Plan) []string {
	var out []string
	for _, r := range p.Resources {
		for _, m := range r.Methods {
			in := m.Integration
			s := fmt.Sprintf("%s %s %s %s %s passthrough=%s", m.HTTPMethod, r.Path, in.Type, in.HTTPMethod, in.URI, in.Passthrough)
			for _, tm := range in.RequestTemplates {
				s += " request:" + tm.ContentType
			}
			for _, ir := range append(slices.Clone(in.Responses), in.Default) {
				if ir != nil {
					s += " response:" + ir.StatusCode
					for _, tm := range ir.Templates {
						s += "/" + tm.ContentType
					}
				}
			}
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

func TestSameAPIEverySource(t *testing.T) {
	api, _, err := openapi.Load("testdata/same.openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := compile.Compile(api, compile.StageConfig{Name: "dev"})
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"testdata/same.cfn.yaml", "testdata/same.sam.yaml"} {
		t.Run(file, func(t *testing.T) {
			res, err := Load(file, withOpenAPI(Options{}))
			if err != nil {
				t.Fatal(err)
			}
			got, err := compile.Compile(res.API, compile.StageConfig{Name: "dev"})
			if err != nil {
				t.Fatal(err)
			}
			if g, w := routes(got), routes(want); !reflect.DeepEqual(g, w) {
				t.Fatalf("got\n%q\nwant\n%q", g, w)
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
