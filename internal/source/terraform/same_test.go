package terraform

import (
	"reflect"
	"testing"

	"archway/internal/plan/plantest"
	"archway/internal/source/openapi"
)

func TestSameAPIAsOpenAPI(t *testing.T) {
	oapi, _, err := openapi.Load("testdata/same.openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := plantest.DevRoutes(t, oapi)
	res, err := Load("testdata/same", Options{ParseOpenAPI: openapi.Parse})
	if err != nil {
		t.Fatal(err)
	}
	if got := plantest.DevRoutes(t, res.API); !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%q\nwant\n%q", got, want)
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
	// aws_iam_role and aws_lambda_permission load without a warning.
	if len(res.Warnings) != 0 {
		t.Errorf("warnings %v", res.Warnings)
	}
}
