package openapi

import (
	"strings"
	"testing"
)

// TestWarnings checks that what Archway does not honour is reported, with
// file, line and field, and that the definition still loads.
func TestWarnings(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{
			name: "vendor extensions are not reported",
			doc: `openapi: 3.0.1
x-generator: my-tool
paths:
  /a:
    x-internal: true
    get:
      x-codegen-name: getA
      x-amazon-apigateway-integration: {type: mock}
`,
		},
		{
			name: "unsupported API Gateway extensions",
			doc: `openapi: 3.0.1
x-amazon-apigateway-policy:
  Version: "2012-10-17"
x-amazon-apigateway-documentation: {}
x-amazon-apigateway-cors: {}
x-amazon-apigateway-frobnicate: 1
webhooks: {}
paths:
  /a:
    get:
      x-amazon-apigateway-auth: {type: AWS_IAM}
      x-amazon-apigateway-integration:
        type: mock
        timeout: 100
`,
			want: []string{
				"api.yaml:2: x-amazon-apigateway-policy: x-amazon-apigateway-policy (resource policy) is not supported yet: the policy is not enforced",
				"api.yaml:4: x-amazon-apigateway-documentation: x-amazon-apigateway-documentation (documentation parts) is not supported yet; ignored",
				"api.yaml:5: x-amazon-apigateway-cors: x-amazon-apigateway-cors configures HTTP APIs (apigatewayv2), not REST APIs; ignored",
				"api.yaml:6: x-amazon-apigateway-frobnicate: x-amazon-apigateway-frobnicate is not an API Gateway extension of the OpenAPI object; ignored",
				`api.yaml:7: webhooks: "webhooks" is not a member of the OpenAPI object; ignored`,
				"api.yaml:11: paths./a.get.x-amazon-apigateway-auth: x-amazon-apigateway-auth configures HTTP APIs (apigatewayv2), not REST APIs; ignored",
				`api.yaml:14: paths./a.get.x-amazon-apigateway-integration.timeout: "timeout" is not a member of x-amazon-apigateway-integration; ignored`,
			},
		},
		{
			name: "security",
			doc: `openapi: 3.0.1
security:
  - api_key: []
paths:
  /a:
    get:
      x-amazon-apigateway-integration: {type: mock}
    post:
      security:
        - sigv4: []
        - missing: []
      x-amazon-apigateway-integration: {type: mock}
components:
  securitySchemes:
    api_key:
      type: apiKey
      name: x-api-key
      in: header
    sigv4:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: awsSigv4
    lambda:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: custom
      x-amazon-apigateway-authorizer:
        type: token
    oauth:
      type: oauth2
      flows: {}
`,
			want: []string{
				`api.yaml:11: paths./a.post.security[1].missing: security scheme "missing" is not defined; ignored`,
				`api.yaml:15: components.securitySchemes.api_key: API keys are not supported yet: methods using "api_key" get apiKeyRequired but keys are not checked`,
				`api.yaml:19: components.securitySchemes.sigv4: IAM authorization (awsSigv4) is not supported yet: methods using "sigv4" get authorizationType AWS_IAM but signatures are not checked`,
				`api.yaml:24: components.securitySchemes.lambda: authorizer "lambda" is not supported yet: methods using it are served without authorization`,
				`api.yaml:31: components.securitySchemes.oauth: security scheme "oauth" has no API Gateway meaning; ignored`,
			},
		},
		{
			name: "things API Gateway does not have",
			doc: `openapi: 3.1.0
paths:
  /a:
    trace:
      responses: {}
    get:
      parameters:
        - {name: session, in: cookie}
      callbacks: {}
      responses:
        default:
          description: anything
      x-amazon-apigateway-integration:
        type: mock
        payloadFormatVersion: "2.0"
        integrationSubtype: SQS-SendMessage
        responseParameters:
          "200":
            overwrite:header.x: "'y'"
        responses:
          "2\\d{2}":
            statusCode: "200"
          default:
            statusCode: "200"
`,
			want: []string{
				"api.yaml:1: openapi: OpenAPI 3.1.0 is read as 3.0: API Gateway imports OpenAPI 2.0 and 3.0",
				"api.yaml:4: paths./a.trace: API Gateway has no TRACE method; ignored",
				`api.yaml:8: paths./a.get.parameters[0]: API Gateway has no cookie parameters: "session" is ignored`,
				"api.yaml:9: paths./a.get.callbacks: callbacks have no API Gateway meaning; ignored",
				"api.yaml:11: paths./a.get.responses.default: a method response needs a status code: the default response is ignored",
				"api.yaml:15: paths./a.get.x-amazon-apigateway-integration.payloadFormatVersion: payload format version 2.0 exists for HTTP APIs only: REST APIs use 1.0",
				"api.yaml:16: paths./a.get.x-amazon-apigateway-integration.integrationSubtype: integrationSubtype configures HTTP APIs (apigatewayv2), not REST APIs; ignored",
				"api.yaml:17: paths./a.get.x-amazon-apigateway-integration.responseParameters: responseParameters of an integration configures HTTP APIs (apigatewayv2), not REST APIs; ignored (REST APIs map headers in integration responses)",
				`api.yaml:23: paths./a.get.x-amazon-apigateway-integration.responses.default: responses "2\d{2}" and "default" both produce status 200: AWS keeps one integration response per status code, this one`,
			},
		},
		{
			name: "duplicate keys",
			doc:  "{\n\"openapi\": \"3.0.1\",\n\"info\": {\"title\": \"first\"},\n\"info\": {\"title\": \"second\"}\n}",
			want: []string{`api.yaml:4: info: duplicate key "info" (first on line 3): the last value is used`},
		},
		{
			name: "no version",
			doc:  "paths: {}\n",
			want: []string{"api.yaml:1: neither openapi nor swagger is given: read as OpenAPI 3.0"},
		},
		{
			name: "swagger form parameters",
			doc: `swagger: "2.0"
paths:
  /a:
    post:
      parameters:
        - {name: f, in: formData, type: string}
      x-amazon-apigateway-integration: {type: mock}
`,
			want: []string{`api.yaml:6: paths./a.post.parameters[0]: API Gateway has no form parameters: "f" is ignored`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, warnings, err := Parse("api.yaml", []byte(tt.doc))
			if err != nil {
				t.Fatalf("unexpected errors:\n%v", err)
			}
			if api == nil {
				t.Fatal("no API")
			}
			var got []string
			for _, w := range warnings {
				got = append(got, w.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestSecuritySetsMethodFields(t *testing.T) {
	doc := `openapi: 3.0.1
security:
  - api_key: []
paths:
  /a:
    get:
      x-amazon-apigateway-integration: {type: mock}
    post:
      security:
        - sigv4: []
      x-amazon-apigateway-integration: {type: mock}
components:
  securitySchemes:
    api_key: {type: apiKey, name: x-api-key, in: header}
    sigv4: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
`
	api, _, err := Parse("api.yaml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	get := api.ResourceByPath("/a").Method("GET")
	post := api.ResourceByPath("/a").Method("POST")
	if !get.APIKeyRequired || get.AuthorizationType != "NONE" {
		t.Errorf("GET: apiKeyRequired %v, authorization %s", get.APIKeyRequired, get.AuthorizationType)
	}
	if post.APIKeyRequired || post.AuthorizationType != "AWS_IAM" {
		t.Errorf("POST: apiKeyRequired %v, authorization %s", post.APIKeyRequired, post.AuthorizationType)
	}
}
