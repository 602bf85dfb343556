package cloudformation

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"archway/internal/model"
)

// seedIntegration sets every property of AWS::ApiGateway::Method
// Integration (seed 004 and the members added since).
const seedIntegration = `Parameters:
  Backend: {Type: String, Default: "https://backend.example.com"}
Resources:
  Api: {Type: AWS::ApiGateway::RestApi, Properties: {Name: seed}}
  Role: {Type: AWS::IAM::Role}
  Item:
    Type: AWS::ApiGateway::Resource
    Properties: {RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: "{id}"}
  Get:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Item
      HttpMethod: get
      AuthorizationType: NONE
      RequestParameters: {method.request.path.id: true, method.request.header.X-Trace: false}
      Integration:
        Type: HTTP
        IntegrationHttpMethod: GET
        Uri: !Sub "${Backend}/items/{id}"
        CacheKeyParameters: [method.request.path.id]
        CacheNamespace: items
        Credentials: !GetAtt Role.Arn
        PassthroughBehavior: NEVER
        ContentHandling: CONVERT_TO_TEXT
        TimeoutInMillis: 5000
        ConnectionType: INTERNET
        TlsConfig: {InsecureSkipVerification: true}
        RequestParameters:
          integration.request.path.id: method.request.path.id
          integration.request.header.X-Source: "'archway'"
        RequestTemplates:
          application/json: '{"id": "$input.params(''id'')"}'
          application/xml: "<id>$input.params('id')</id>"
        IntegrationResponses:
          - StatusCode: "200"
            ResponseParameters: {method.response.header.X-Id: integration.response.header.X-Id}
            ResponseTemplates: {application/json: "$input.body"}
            ContentHandling: CONVERT_TO_TEXT
          - StatusCode: "404"
            SelectionPattern: "4\\d{2}"
      MethodResponses:
        - StatusCode: "200"
          ResponseParameters: {method.response.header.X-Id: true}
          ResponseModels: {application/json: Empty}
        - StatusCode: "404"
`

func TestSeedIntegrationProperties(t *testing.T) {
	res, err := Parse("seed.yaml", []byte(seedIntegration), withOpenAPI(Options{}))
	if err != nil {
		t.Fatal(err)
	}
	m := res.API.ResourceByPath("/{id}").Method("GET")
	in := m.Integration
	want := model.Integration{
		Type: model.IntegrationHTTP, HTTPMethod: "GET", URI: "https://backend.example.com/items/{id}",
		CacheKeyParameters: []string{"method.request.path.id"}, CacheNamespace: "items",
		Credentials:         "arn:aws:iam::123456789012:role/seed-Role-" + in.Credentials[len(in.Credentials)-12:],
		PassthroughBehavior: model.PassthroughNever, ContentHandling: model.ConvertToText, TimeoutInMillis: 5000,
		ConnectionType: model.ConnectionInternet,
		RequestParameters: model.StringMap{{Key: "integration.request.path.id", Value: "method.request.path.id"},
			{Key: "integration.request.header.X-Source", Value: "'archway'"}},
		RequestTemplates: model.StringMap{{Key: "application/json", Value: `{"id": "$input.params('id')"}`},
			{Key: "application/xml", Value: "<id>$input.params('id')</id>"}},
	}
	got := *in
	got.Src, got.IntegrationResponses, got.TLSConfig = model.Source{}, nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
	if in.TLSConfig == nil || !in.TLSConfig.InsecureSkipVerification {
		t.Fatal("TlsConfig not read")
	}
	if len(in.IntegrationResponses) != 2 || in.IntegrationResponses[1].SelectionPattern != `4\d{2}` ||
		in.IntegrationResponses[0].ContentHandling != model.ConvertToText {
		t.Fatalf("integration responses %+v", in.IntegrationResponses)
	}
	if !m.RequestParameters["method.request.path.id"] || len(m.MethodResponses) != 2 {
		t.Fatalf("method %+v", m)
	}
	if l := in.Src.Field("timeoutInMillis"); l.Line != 26 || l.Path != "Resources.Get.Properties.Integration.TimeoutInMillis" {
		t.Fatalf("location %v", l)
	}
}

func TestTemplates(t *testing.T) {
	tests := []struct {
		name, yaml string
		check      func(t *testing.T, r *Result)
	}{
		{"sam implicit api", `Transform: AWS::Serverless-2016-10-31
Globals:
  Function: {Runtime: nodejs20.x, Timeout: 5, Environment: {Variables: {TABLE: orders}}}
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      CodeUri: ./orders
      Events:
        List: {Type: Api, Properties: {Path: /orders, Method: get}}
        Any: {Type: Api, Properties: {Path: "/orders/{proxy+}", Method: any}}
        Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
`, func(t *testing.T, r *Result) {
			if !r.SAM || r.API.Stage("Prod") == nil {
				t.Fatalf("sam %v stages %+v", r.SAM, r.API.Stages)
			}
			in := r.API.ResourceByPath("/orders/{proxy+}").Method("ANY").Integration
			if in.Type != model.IntegrationAWSProxy || !strings.HasSuffix(in.URI, ":function:t-Orders-"+r.Functions[0].Name[len("t-Orders-"):]+"/invocations") {
				t.Fatalf("integration %+v", in)
			}
			if len(r.Warnings) != 1 || r.Warnings[0].String() != "testdata/t.yaml:13: Resources.Orders.Properties.Events.Nightly.Type: function Orders: events of type Schedule are not served" {
				t.Fatalf("warnings %v", r.Warnings)
			}
			f := r.Functions[0]
			if f.Runtime != "nodejs20.x" || f.Timeout != 5*time.Second || !reflect.DeepEqual(f.Env, []string{"TABLE=orders"}) || f.Dir != "testdata/orders" {
				t.Fatalf("function %+v", f)
			}
		}},
		{"json template", `{
  "Resources": {
    "Api": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": {"Fn::Join": ["-", ["a", {"Ref": "AWS::Region"}]]}}},
    "Get": {"Type": "AWS::ApiGateway::Method", "Properties": {
      "RestApiId": {"Ref": "Api"}, "ResourceId": {"Fn::GetAtt": ["Api", "RootResourceId"]},
      "HttpMethod": "GET", "Integration": {"Type": "MOCK", "RequestTemplates": {"application\/json": "{}"}}}}
  }
}`, func(t *testing.T, r *Result) {
			if r.API.Name != "a-us-east-1" || r.API.RootResource().Method("GET") == nil {
				t.Fatalf("api %+v", r.API)
			}
		}},
		{"condition drops a resource", `Parameters:
  WithPost: {Type: String, Default: "no"}
Conditions:
  Post: !Equals [!Ref WithPost, "yes"]
Resources:
  Api: {Type: AWS::ApiGateway::RestApi}
  Get:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: GET, Integration: {Type: MOCK}}
  Post:
    Type: AWS::ApiGateway::Method
    Condition: Post
    Properties: {RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: POST, Integration: {Type: MOCK}}
`, func(t *testing.T, r *Result) {
			if len(r.API.RootResource().Methods) != 1 {
				t.Fatalf("methods %+v", r.API.RootResource().Methods)
			}
		}},
		{"body with intrinsics and local body file", `Parameters:
  Status: {Type: String, Default: "201"}
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: 3.0.1
        info: {title: !Sub "${AWS::StackName}-body", version: "1"}
        paths:
          /x:
            get:
              x-amazon-apigateway-integration:
                type: MOCK
                responses: {default: {statusCode: !Ref Status}}
  FromFile:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BodyS3Location: {Bucket: local, Key: body.openapi.yaml}
`, func(t *testing.T, r *Result) {
			in := r.API.ResourceByPath("/x").Method("GET").Integration
			if r.API.Name != "t-body" || in.IntegrationResponses[0].StatusCode != "201" {
				t.Fatalf("api %q %+v", r.API.Name, in.IntegrationResponses)
			}
			if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].Message, "FromFile is not") {
				t.Fatalf("warnings %v", r.Warnings)
			}
		}},
		{"lambda function code", `Resources:
  Api: {Type: AWS::ApiGateway::RestApi}
  Get:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: GET, Integration: {Type: MOCK}}
  Local:
    Type: AWS::Lambda::Function
    Properties: {FunctionName: local, Runtime: provided.al2023, Handler: bootstrap, Code: hello, MemorySize: 256}
  Inline:
    Type: AWS::Lambda::Function
    Properties: {Runtime: python3.12, Handler: index.handler, Code: {ZipFile: "def handler(e, c): pass"}}
`, func(t *testing.T, r *Result) {
			if len(r.Functions) != 1 || r.Functions[0].Name != "local" || r.Functions[0].MemoryMB != 256 {
				t.Fatalf("functions %+v", r.Functions)
			}
			if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].String(), "t.yaml:11: Resources.Inline.Properties.Code: function Inline: only code in a local directory is run") {
				t.Fatalf("warnings %v", r.Warnings)
			}
		}},
		{"sam include and unread properties", `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      Variables: {color: blue}
      Auth: {DefaultAuthorizer: AWS_IAM}
      DefinitionBody:
        Fn::Transform:
          Name: AWS::Include
          Parameters: {Location: body.openapi.yaml}
`, func(t *testing.T, r *Result) {
			st := r.API.Stage("v1")
			if r.API.ResourceByPath("/ping") == nil || st == nil || !reflect.DeepEqual(st.Variables, model.StringMap{{Key: "color", Value: "blue"}}) {
				t.Fatalf("api %+v", r.API)
			}
			if len(r.Warnings) != 1 || r.Warnings[0].String() != "testdata/t.yaml:8: Resources.Api.Properties.Auth: AWS::Serverless::Api property Auth is not honoured yet" {
				t.Fatalf("warnings %v", r.Warnings)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("testdata/t.yaml", []byte(tt.yaml), withOpenAPI(Options{}))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, r)
		})
	}
}
