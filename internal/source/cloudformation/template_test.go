package cloudformation

import (
	"strings"
	"testing"

	"archway/internal/model"
)

func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"circular reference", `Resources:
  A:
    Type: AWS::ApiGateway::RestApi
    Properties: {Name: !Ref B}
  B:
    Type: AWS::ApiGateway::Model
    Properties: {RestApiId: !Ref A, Name: x}
`, "t.yaml:3: Resources.A: Circular dependency between resources: [A, B]"},
		{"missing type", "Resources:\n  A:\n    Properties: {}\n", "Every Resources object must contain a Type member."},
		{"no resources", "Description: x\n", "At least one Resources member must be defined."},
		{"unknown parent", `Resources:
  Api: {Type: AWS::ApiGateway::RestApi}
  R:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: nope, PathPart: x}
`, "t.yaml:5: Resources.R.Properties.ParentId: Invalid Resource identifier specified"},
		{"integration type required", `Resources:
  Api: {Type: AWS::ApiGateway::RestApi}
  M:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      Integration: {Uri: x}
`, "t.yaml:9: Resources.M.Properties.Integration: Integration: Type is required"},
		{"missing body file", `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BodyS3Location: {Bucket: b, Key: missing.yaml}
`, "t.yaml:5: Resources.Api.Properties.BodyS3Location: the OpenAPI document is read from a local file"},
		{"body error at template line", `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: 3.0.1
        info: {title: t, version: "1"}
        paths:
          /x:
            get:
              x-amazon-apigateway-integration:
                type: MOCK
                timeoutInMillis: 10
`, "t.yaml:13: Resources.Api.Properties.Body.paths./x.get.x-amazon-apigateway-integration.timeoutInMillis"},
		{"alias bomb", `a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
Resources:
  Api: {Type: AWS::ApiGateway::RestApi, Properties: {Name: x, BinaryMediaTypes: *g}}
`, "the template expands to more than 1048576 values"},
		{"circular conditions", `Conditions:
  A: !Condition B
  B: !Not [!Condition A]
Resources:
  Api: {Type: AWS::ApiGateway::RestApi, Condition: A}
`, "Circular dependency between conditions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.yaml", []byte(tt.yaml), withOpenAPI(Options{}))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
			if _, ok := err.(model.Errors); !ok {
				t.Fatalf("got %T, want model.Errors", err)
			}
		})
	}
}

func TestUnknownResourceTypeWarns(t *testing.T) {
	res, err := Parse("t.yaml", []byte(`Resources:
  Api: {Type: AWS::ApiGateway::RestApi}
  M:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: GET, Integration: {Type: MOCK}}
  Q: {Type: AWS::SQS::Queue}
`), withOpenAPI(Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].String() != "t.yaml:6: Resources.Q.Type: resource type AWS::SQS::Queue is not read by Archway" {
		t.Fatalf("warnings %v", res.Warnings)
	}
}

func TestExampleTemplate(t *testing.T) {
	res, err := Load("../../../examples/cloudformation/template.yaml", withOpenAPI(Options{Parameters: map[string]string{"Environment": "prod"}}))
	if err != nil {
		t.Fatal(err)
	}
	api := res.API
	if api.Name != "template-greetings" || api.Stage("prod") == nil {
		t.Fatalf("name %q stages %+v", api.Name, api.Stages)
	}
	m := api.ResourceByPath("/greet/{name}").Method("GET")
	ir := m.Integration.IntegrationResponse("200")
	if v, _ := ir.ResponseParameters.Get("method.response.header.X-Max-Items"); v != "'100'" {
		t.Fatalf("header mapping %q", v)
	}
	if v, _ := ir.ResponseTemplates.Get("application/json"); !strings.Contains(v, `"production": true`) {
		t.Fatalf("template %q", v)
	}
}
