package terraform

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
// URI, passthrough behaviour, and the request and response templates with
// their text.
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

func TestSameAPIAsOpenAPI(t *testing.T) {
	oapi, _, err := openapi.Load("testdata/same.openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := compile.Compile(oapi, compile.StageConfig{Name: "dev"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Load("testdata/same", Options{ParseOpenAPI: openapi.Parse})
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
	// The templates themselves are the same text.
	tfItem := res.API.ResourceByPath("/items/{id}").Method("GET").Integration
	oaItem := oapi.ResourceByPath("/items/{id}").Method("GET").Integration
	if !reflect.DeepEqual(tfItem.RequestTemplates, oaItem.RequestTemplates) ||
		!reflect.DeepEqual(tfItem.IntegrationResponses[0].ResponseTemplates, oaItem.IntegrationResponses[0].ResponseTemplates) {
		t.Errorf("templates differ:\n%+v\n%+v", tfItem, oaItem)
	}
	if len(res.Functions) != 1 || res.Functions[0].ARN != "arn:aws:lambda:us-east-1:123456789012:function:hello" ||
		res.Functions[0].Command[0] != "testdata/same/hello/bootstrap" {
		t.Fatalf("functions %+v", res.Functions)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Loc.Path != "aws_iam_role.hello" {
		t.Errorf("warnings %v", res.Warnings)
	}
}
