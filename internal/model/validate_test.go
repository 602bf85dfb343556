package model

import (
	"errors"
	"strings"
	"testing"
)

// validAPI returns a small API that passes validation: GET /pets/{id} with
// an HTTP integration, and the pieces the cases below change.
func validAPI() *RestApi {
	src := func(path string) Source { return Source{Loc: Loc{File: "api.yaml", Line: 7, Path: path}} }
	root := &Resource{ID: "root", Path: "/"}
	pets := &Resource{ID: "pets", ParentID: "root", PathPart: "pets", Path: "/pets", Src: src("paths./pets")}
	pet := &Resource{ID: "pet", ParentID: "pets", PathPart: "{id}", Path: "/pets/{id}", Src: src("paths./pets/{id}")}
	m := &Method{
		Src:                src("paths./pets/{id}.get"),
		HTTPMethod:         "GET",
		RequestParameters:  map[string]bool{"method.request.path.id": true},
		RequestModels:      StringMap{{Key: "application/json", Value: "Pet"}},
		RequestValidatorID: "v1",
		MethodResponses: []MethodResponse{{
			StatusCode:         "200",
			ResponseParameters: map[string]bool{"method.response.header.X-Id": false},
		}},
		Integration: &Integration{
			Src:               src("paths./pets/{id}.get.x-amazon-apigateway-integration"),
			Type:              IntegrationHTTP,
			HTTPMethod:        "GET",
			URI:               "https://backend.example/pets/{id}",
			RequestParameters: StringMap{{Key: "integration.request.path.id", Value: "method.request.path.id"}},
			RequestTemplates:  StringMap{{Key: "application/json", Value: `{"id": "$input.params('id')"}`}},
			IntegrationResponses: []IntegrationResponse{{
				StatusCode:         "200",
				SelectionPattern:   `2\d{2}`,
				ResponseParameters: StringMap{{Key: "method.response.header.X-Id", Value: "integration.response.header.X-Id"}},
			}},
		},
	}
	pet.Methods = []*Method{m}
	a := &RestApi{
		Src:               src(""),
		Resources:         []*Resource{root, pets, pet},
		Models:            []Model{{Name: "Pet", Schema: `{"type":"object"}`}},
		RequestValidators: []RequestValidator{{ID: "v1", Name: "all", ValidateRequestBody: true}},
		GatewayResponses: []GatewayResponse{{
			ResponseType:       GatewayMissingAuthenticationToken,
			StatusCode:         "404",
			ResponseParameters: StringMap{{Key: "gatewayresponse.header.X-Path", Value: "method.request.path.id"}},
		}},
		Stages: []Stage{{Name: "dev", Variables: StringMap{{Key: "host", Value: "backend.example"}}}},
	}
	a.ApplyDefaults()
	return a
}

func method(a *RestApi) *Method           { return a.ResourceByPath("/pets/{id}").Methods[0] }
func integration(a *RestApi) *Integration { return method(a).Integration }

func TestValidate(t *testing.T) {
	const mappingPrefix = "Invalid mapping expression specified: Validation Result: warnings : [], errors : ["
	tests := []struct {
		name   string
		change func(a *RestApi)
		want   []string // every error, formatted
	}{
		{"valid", func(*RestApi) {}, nil},
		{"missing type", func(a *RestApi) { integration(a).Type = "" }, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.type: 1 validation error detected: " +
				"Value null at 'putIntegrationInput.type' failed to satisfy constraint: Member must not be null",
		}},
		{"unknown type", func(a *RestApi) { integration(a).Type = "LAMBDA" }, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.type: 1 validation error detected: " +
				"Value 'LAMBDA' at 'putIntegrationInput.type' failed to satisfy constraint: " +
				"Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]",
		}},
		{"missing integration method and bad uri together", func(a *RestApi) {
			integration(a).HTTPMethod = ""
			integration(a).URI = "backend.example/pets"
		}, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.httpMethod: Enumeration value for HttpMethod must be non-empty",
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.uri: Invalid HTTP endpoint specified for URI",
		}},
		{"unknown integration method", func(a *RestApi) { integration(a).HTTPMethod = "FETCH" }, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.httpMethod: " +
				"Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY",
		}},
		{"stage variables in the uri", func(a *RestApi) {
			integration(a).URI = "https://${stageVariables.host}/pets/{id}?v=${stageVariables.v}"
		}, nil},
		{"ftp uri", func(a *RestApi) { integration(a).URI = "ftp://backend.example/" }, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.uri: Invalid HTTP endpoint specified for URI",
		}},
		{"timeout too small", func(a *RestApi) { integration(a).TimeoutInMillis = 49 }, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.timeoutInMillis: Timeout should be between 50 ms and 29000 ms",
		}},
		{"timeout too large", func(a *RestApi) { integration(a).TimeoutInMillis = 29001 }, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.timeoutInMillis: Timeout should be between 50 ms and 29000 ms",
		}},
		{"timeout bounds", func(a *RestApi) { integration(a).TimeoutInMillis = 50 }, nil},
		{"passthrough", func(a *RestApi) { integration(a).PassthroughBehavior = "SOMETIMES" }, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.passthroughBehavior: Invalid passthrough behavior specified",
		}},
		{"content handling", func(a *RestApi) { integration(a).ContentHandling = "CONVERT_TO_JSON" }, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.contentHandling: 1 validation error detected: " +
				"Value 'CONVERT_TO_JSON' at 'putIntegrationInput.contentHandling' failed to satisfy constraint: " +
				"Member must satisfy enum value set: [CONVERT_TO_BINARY, CONVERT_TO_TEXT]",
		}},
		{"vpc link without connection id", func(a *RestApi) { integration(a).ConnectionType = ConnectionVPCLink }, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.connectionId: " +
				"ConnectionId must be set to vpcLinkId for ConnectionType VPC_LINK",
		}},
		{"connection type", func(a *RestApi) { integration(a).ConnectionType = "VPN" }, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.connectionType: 1 validation error detected: " +
				"Value 'VPN' at 'putIntegrationInput.connectionType' failed to satisfy constraint: " +
				"Member must satisfy enum value set: [INTERNET, VPC_LINK]",
		}},
		{"credentials not an arn", func(a *RestApi) { integration(a).Credentials = "my-role" }, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.credentials: Invalid ARN specified in the request",
		}},
		{"caller credentials", func(a *RestApi) { integration(a).Credentials = "arn:aws:iam::*:user/*" }, nil},
		{"undeclared method request parameter", func(a *RestApi) {
			integration(a).RequestParameters.Set("integration.request.header.X", "method.request.header.X")
		}, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.requestParameters.integration.request.header.X: " +
				mappingPrefix + "Invalid mapping expression parameter specified: method.request.header.X]",
		}},
		{"request mapping sources", func(a *RestApi) {
			p := &integration(a).RequestParameters
			p.Set("integration.request.header.A", "'static value'")
			p.Set("integration.request.header.B", "context.requestId")
			p.Set("integration.request.header.C", "stageVariables.host")
			p.Set("integration.request.header.D", "method.request.body")
			p.Set("integration.request.header.E", "method.request.body.name")
			p.Set("integration.request.multivaluequerystring.F", "method.request.path.id")
		}, nil},
		{"bad request mapping", func(a *RestApi) {
			integration(a).RequestParameters.Set("integration.request.cookie.A", "$input.body")
		}, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.requestParameters.integration.request.cookie.A: " +
				mappingPrefix + "Invalid mapping expression specified: integration.request.cookie.A]",
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.requestParameters.integration.request.cookie.A: " +
				mappingPrefix + "Invalid mapping expression specified: $input.body]",
		}},
		{"template too large", func(a *RestApi) {
			integration(a).RequestTemplates.Set("text/plain", strings.Repeat("x", 300*1024+1))
		}, []string{
			"api.yaml:7: paths./pets/{id}.get.x-amazon-apigateway-integration.requestTemplates.text/plain: " +
				"Mapping template for content type text/plain exceeds the maximum size of 300 KB",
		}},
		{"integration response status", func(a *RestApi) { integration(a).IntegrationResponses[0].StatusCode = "2xx" }, []string{
			"statusCode: 1 validation error detected: Value '2xx' at 'putIntegrationResponseInput.statusCode' " +
				`failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\d\d`,
		}},
		{"integration response without status", func(a *RestApi) { integration(a).IntegrationResponses[0].StatusCode = "" }, []string{
			"statusCode: 1 validation error detected: Value null at 'putIntegrationResponseInput.statusCode' " +
				"failed to satisfy constraint: Member must not be null",
		}},
		{"selection pattern", func(a *RestApi) { integration(a).IntegrationResponses[0].SelectionPattern = "2(" }, []string{
			"selectionPattern: Invalid selection pattern specified",
		}},
		{"integration response content handling", func(a *RestApi) {
			integration(a).IntegrationResponses[0].ContentHandling = "BASE64"
		}, []string{
			"contentHandling: 1 validation error detected: Value 'BASE64' at 'putIntegrationResponseInput.contentHandling' " +
				"failed to satisfy constraint: Member must satisfy enum value set: [CONVERT_TO_BINARY, CONVERT_TO_TEXT]",
		}},
		{"bad response mapping", func(a *RestApi) {
			integration(a).IntegrationResponses[0].ResponseParameters.Set("method.response.body", "integration.response.body")
			integration(a).IntegrationResponses[0].ResponseParameters.Set("method.response.header.X-Id", "method.request.path.id")
		}, []string{
			"responseParameters.method.response.header.X-Id: " + mappingPrefix + "Invalid mapping expression specified: method.request.path.id]",
			"responseParameters.method.response.body: " + mappingPrefix + "Invalid mapping expression specified: method.response.body]",
		}},
		{"aws arn", func(a *RestApi) {
			integration(a).Type = IntegrationAWS
			integration(a).HTTPMethod = "POST"
			integration(a).URI = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue"
			integration(a).ConnectionType = ""
		}, nil},
		{"aws proxy to a service", func(a *RestApi) {
			integration(a).Type = IntegrationAWSProxy
			integration(a).HTTPMethod = "POST"
			integration(a).URI = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue"
			integration(a).ConnectionType = ""
		}, []string{
			"uri: Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
		}},
		{"mock needs no method or uri", func(a *RestApi) {
			integration(a).Type = IntegrationMock
			integration(a).HTTPMethod = ""
			integration(a).URI = ""
		}, nil},
		{"method", func(a *RestApi) { method(a).HTTPMethod = "TRACE" }, []string{
			"paths./pets/{id}.get.httpMethod: Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY",
		}},
		{"duplicate method", func(a *RestApi) {
			r := a.ResourceByPath("/pets/{id}")
			r.Methods = append(r.Methods, &Method{HTTPMethod: "GET", AuthorizationType: AuthNone, Src: Source{Loc: Loc{Path: "again"}}})
		}, []string{"again: Method already exists for this resource"}},
		{"custom authorizer without id", func(a *RestApi) { method(a).AuthorizationType = AuthCustom }, []string{
			"authorizerId: Invalid authorizer ID specified. Setting the authorization type to CUSTOM or " +
				"COGNITO_USER_POOLS requires a valid authorizer.",
		}},
		{"authorization type", func(a *RestApi) { method(a).AuthorizationType = "OAUTH" }, []string{
			"authorizationType: Invalid authorization type specified. Valid values are NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS",
		}},
		{"method request parameters", func(a *RestApi) {
			method(a).RequestParameters["method.request.header.id"] = false
			method(a).RequestParameters["method.request.cookie.c"] = false
		}, []string{
			"requestParameters.method.request.cookie.c: " + mappingPrefix + "Invalid mapping expression parameter specified: method.request.cookie.c]",
			"requestParameters.method.request.path.id: Parameter names must be unique across querystring, header and path",
		}},
		{"unknown validator and model", func(a *RestApi) {
			method(a).RequestValidatorID = "nope"
			method(a).RequestModels.Set("application/xml", "PetXML")
		}, []string{
			"requestValidatorId: Invalid Request Validator identifier specified",
			"requestModels.application/xml: Invalid model identifier specified: PetXML",
		}},
		{"method responses", func(a *RestApi) {
			method(a).MethodResponses = append(method(a).MethodResponses,
				MethodResponse{StatusCode: "200"}, MethodResponse{StatusCode: "99"},
				MethodResponse{StatusCode: "400", ResponseParameters: map[string]bool{"method.response.body": true}})
		}, []string{
			"statusCode: Response already exists for this resource",
			"statusCode: 1 validation error detected: Value '99' at 'putMethodResponseInput.statusCode' " +
				`failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\d\d`,
			"responseParameters.method.response.body: " + mappingPrefix + "Invalid mapping expression parameter specified: method.response.body]",
		}},
		{"path part", func(a *RestApi) { a.ResourceByPath("/pets").PathPart = "pets!" }, []string{
			"paths./pets.pathPart: Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and " +
				"the end and an optional plus sign before the closing brace.",
		}},
		{"variable siblings", func(a *RestApi) {
			a.Resources = append(a.Resources, &Resource{ID: "x", ParentID: "pets", PathPart: "{name}", Src: Source{Loc: Loc{Path: "paths./pets/{name}"}}})
		}, []string{
			"paths./pets/{name}.pathPart: A sibling ({id}) of this resource already has a variable path part -- only one is allowed",
		}},
		{"same name", func(a *RestApi) {
			a.Resources = append(a.Resources, &Resource{ID: "x", ParentID: "root", PathPart: "pets", Src: Source{Loc: Loc{Path: "p"}}})
		}, []string{"p.pathPart: Another resource with the same parent already has this name: pets"}},
		{"child of greedy", func(a *RestApi) {
			a.ResourceByPath("/pets/{id}").PathPart = "{id+}"
			a.Resources = append(a.Resources, &Resource{ID: "x", ParentID: "pet", PathPart: "toys", Src: Source{Loc: Loc{Path: "p"}}})
		}, []string{"p.pathPart: Cannot create a child of a resource with a greedy path variable: {id+}"}},
		{"unknown parent", func(a *RestApi) {
			a.Resources = append(a.Resources, &Resource{ID: "x", ParentID: "nope", PathPart: "toys", Src: Source{Loc: Loc{Path: "p"}}})
		}, []string{"p.parentId: Invalid Resource identifier specified"}},
		{"models", func(a *RestApi) {
			a.Models = append(a.Models, Model{Name: "Pet", Schema: "{}"}, Model{Name: "pet_list", Schema: "{}"}, Model{Name: "Empty"})
		}, []string{
			"name: Model name already exists for this REST API",
			"name: Model name must be alphanumeric: pet_list",
			"schema: Model schema must have at least 1 property or array items defined",
		}},
		{"validator name", func(a *RestApi) { a.RequestValidators[0].Name = "" }, []string{
			"name: Request Validator name cannot be blank",
		}},
		{"gateway responses", func(a *RestApi) {
			a.GatewayResponses = append(a.GatewayResponses,
				GatewayResponse{ResponseType: "NOT_FOUND", StatusCode: "404"},
				GatewayResponse{ResponseType: GatewayMissingAuthenticationToken, StatusCode: "4O4",
					ResponseParameters: StringMap{{Key: "header.X", Value: "integration.response.body"}}})
		}, []string{
			"responseType: 1 validation error detected: Value 'NOT_FOUND' at 'putGatewayResponseInput.responseType' " +
				"failed to satisfy constraint: Member must satisfy enum value set: [" + enumList(GatewayResponseTypes) + "]",
			"Gateway response of type MISSING_AUTHENTICATION_TOKEN is defined more than once",
			"statusCode: 1 validation error detected: Value '4O4' at 'putGatewayResponseInput.statusCode' " +
				`failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\d\d`,
			"responseParameters.header.X: " + mappingPrefix + "Invalid mapping expression specified: header.X]",
			"responseParameters.header.X: " + mappingPrefix + "Invalid mapping expression specified: integration.response.body]",
		}},
		{"api settings", func(a *RestApi) {
			size := 10485761
			a.MinimumCompressionSize = &size
			a.APIKeySource = "QUERY"
			a.EndpointConfiguration.Types = []EndpointType{"GLOBAL"}
		}, []string{
			"apiKeySource: 1 validation error detected: Value 'QUERY' at 'createRestApiInput.apiKeySource' " +
				"failed to satisfy constraint: Member must satisfy enum value set: [HEADER, AUTHORIZER]",
			"types[0]: 1 validation error detected: Value 'GLOBAL' at 'createRestApiInput.endpointConfiguration.types' " +
				"failed to satisfy constraint: Member must satisfy enum value set: [EDGE, REGIONAL, PRIVATE]",
			"minimumCompressionSize: Invalid minimum compression size, must be between 0 and 10485760",
		}},
		{"stages", func(a *RestApi) {
			a.Stages = append(a.Stages, Stage{
				Name:           "my stage",
				Variables:      StringMap{{Key: "bad-name", Value: "ok"}, {Key: "url", Value: "a b"}},
				CanarySettings: &CanarySettings{PercentTraffic: 101},
			})
		}, []string{
			"stageName: Stage name only allows a-zA-Z0-9_-",
			"variables.bad-name: Stage variable names can only contain alphanumeric characters and underscores: bad-name",
			`variables.url: Stage variable value of "url" can only contain alphanumeric characters and -._~:/?#&=,`,
			"percentTraffic: Canary traffic percentage must be between 0.0 and 100.0",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validAPI()
			tt.change(a)
			_, err := a.Validate()
			var got []string
			var es Errors
			if errors.As(err, &es) {
				for _, e := range es {
					got = append(got, e.Error())
				}
			} else if err != nil {
				t.Fatalf("error of type %T", err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasSuffix(got[i], tt.want[i]) {
					t.Errorf("error %d:\n got %s\nwant …%s", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestValidateWarnsUndeclaredResponseHeader(t *testing.T) {
	a := validAPI()
	integration(a).IntegrationResponses = append(integration(a).IntegrationResponses, IntegrationResponse{
		StatusCode:         "400",
		ResponseParameters: StringMap{{Key: "method.response.header.X-Error", Value: "'static'"}},
	})
	warnings, err := a.Validate()
	if err != nil {
		t.Fatal(err)
	}
	want := "method response 400 does not declare method.response.header.X-Error; AWS rejects this mapping " +
		"(Invalid mapping expression specified: Validation Result: warnings : [], errors : " +
		"[Invalid mapping expression parameter specified: method.response.header.X-Error])"
	if len(warnings) != 1 || warnings[0].Message != want {
		t.Fatalf("got %v, want one warning %q", warnings, want)
	}
}

func TestValidateDeployment(t *testing.T) {
	tests := []struct {
		name   string
		change func(a *RestApi)
		want   string
	}{
		{"deployable", func(*RestApi) {}, ""},
		{"no integration", func(a *RestApi) { method(a).Integration = nil }, "api.yaml:7: paths./pets/{id}.get: No integration defined for method"},
		{"no methods", func(a *RestApi) { a.ResourceByPath("/pets/{id}").Methods = nil }, "api.yaml:7: The REST API doesn't contain any methods"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validAPI()
			tt.change(a)
			err := a.ValidateDeployment()
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIntegrationValidateWithoutMethod(t *testing.T) {
	in := &Integration{Type: IntegrationHTTP, HTTPMethod: "GET", URI: "http://backend",
		RequestParameters: StringMap{{Key: "integration.request.header.X", Value: "method.request.header.X"}}}
	if _, err := in.Validate(nil); err != nil {
		t.Fatalf("without a method, request parameter sources cannot be checked: %v", err)
	}
}
