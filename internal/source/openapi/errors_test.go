package openapi

import (
	"errors"
	"strings"
	"testing"

	"archway/internal/model"
)

const mappingPrefix = "Invalid mapping expression specified: Validation Result: warnings : [], errors : ["

// TestDefinitionErrors checks that broken definitions report every error,
// each naming file, line and field, with AWS's wording.
func TestDefinitionErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		doc  string
		want []string
	}{
		{
			name: "YAML syntax",
			doc:  "openapi: 3.0.1\npaths: [\n",
			want: []string{"api.yaml:2: not valid JSON or YAML: did not find expected node content"},
		},
		{
			name: "JSON syntax",
			file: "api.json",
			doc:  "{\n \"openapi\": \"3.0.1\",\n \"paths\": {\n  \"/a\": {,}\n }\n}",
			want: []string{"api.json:3: not valid JSON or YAML: did not find expected node content"},
		},
		{name: "empty", doc: "", want: []string{"api.yaml: empty document"}},
		{name: "not an object", doc: "- a\n", want: []string{"api.yaml:1: expected an object, found an array"}},
		{
			name: "version",
			doc:  "openapi: 4.0.0\n",
			want: []string{`api.yaml:1: openapi: unsupported OpenAPI version "4.0.0": expected 3.0.x, or swagger: "2.0"`},
		},
		{
			name: "swagger version",
			doc:  "swagger: \"1.2\"\n",
			want: []string{`api.yaml:1: swagger: unsupported Swagger version "1.2": expected "2.0"`},
		},
		{
			name: "every integration error at once",
			doc: `openapi: 3.0.1
paths:
  /pets:
    get:
      x-amazon-apigateway-integration:
        type: lambda
        timeoutInMillis: 30000
        passthroughBehavior: sometimes
        contentHandling: convert_to_json
    post:
      x-amazon-apigateway-integration:
        type: http
        uri: backend.example.com
        responses:
          "(":
            statusCode: 2xx
    put:
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:lambda:us-east-1:123456789012:function:f
`,
			want: []string{
				"api.yaml:6: paths./pets.get.x-amazon-apigateway-integration.type: 1 validation error detected: " +
					"Value 'lambda' at 'putIntegrationInput.type' failed to satisfy constraint: " +
					"Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]",
				"api.yaml:7: paths./pets.get.x-amazon-apigateway-integration.timeoutInMillis: Timeout should be between 50 ms and 29000 ms",
				"api.yaml:8: paths./pets.get.x-amazon-apigateway-integration.passthroughBehavior: Invalid passthrough behavior specified",
				"api.yaml:9: paths./pets.get.x-amazon-apigateway-integration.contentHandling: 1 validation error detected: " +
					"Value 'convert_to_json' at 'putIntegrationInput.contentHandling' failed to satisfy constraint: " +
					"Member must satisfy enum value set: [CONVERT_TO_BINARY, CONVERT_TO_TEXT]",
				"api.yaml:11: paths./pets.post.x-amazon-apigateway-integration.httpMethod: Enumeration value for HttpMethod must be non-empty",
				"api.yaml:13: paths./pets.post.x-amazon-apigateway-integration.uri: Invalid HTTP endpoint specified for URI",
				"api.yaml:15: paths./pets.post.x-amazon-apigateway-integration.responses.(: Invalid selection pattern specified",
				"api.yaml:16: paths./pets.post.x-amazon-apigateway-integration.responses.(.statusCode: 1 validation error detected: " +
					"Value '2xx' at 'putIntegrationResponseInput.statusCode' failed to satisfy constraint: " +
					`Member must satisfy regular expression pattern: [1-5]\d\d`,
				"api.yaml:21: paths./pets.put.x-amazon-apigateway-integration.uri: AWS ARN for integration must contain path or action",
			},
		},
		{
			name: "wrong types",
			doc: `openapi: 3.0.1
paths:
  /pets:
    get:
      x-amazon-apigateway-integration:
        type: [mock]
        timeoutInMillis: soon
        requestTemplates: [a]
        cacheKeyParameters: method.request.path.id
        tlsConfig:
          insecureSkipVerification: maybe
`,
			want: []string{
				"api.yaml:6: paths./pets.get.x-amazon-apigateway-integration.type: expected a string, found an array",
				`api.yaml:7: paths./pets.get.x-amazon-apigateway-integration.timeoutInMillis: expected an integer, found "soon"`,
				"api.yaml:8: paths./pets.get.x-amazon-apigateway-integration.requestTemplates: expected an object, found an array",
				`api.yaml:9: paths./pets.get.x-amazon-apigateway-integration.cacheKeyParameters: expected an array, found "method.request.path.id"`,
				`api.yaml:11: paths./pets.get.x-amazon-apigateway-integration.tlsConfig.insecureSkipVerification: expected a boolean, found "maybe"`,
			},
		},
		{
			name: "resources",
			doc: `openapi: 3.0.1
paths:
  pets:
    get: {}
  /pets/{id}:
    get: {}
  /pets/{name}/toys:
    get: {}
  /files/{proxy+}/x:
    get: {}
  /a b:
    get: {}
`,
			want: []string{
				"api.yaml:3: paths.pets: a path must start with /",
				"api.yaml:7: paths./pets/{name}/toys.pathPart: A sibling ({id}) of this resource already has a variable path part -- only one is allowed",
				"api.yaml:9: paths./files/{proxy+}/x.pathPart: Cannot create a child of a resource with a greedy path variable: {proxy+}",
				"api.yaml:11: paths./a b.pathPart: Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning " +
					"and the end and an optional plus sign before the closing brace.",
			},
		},
		{
			name: "references",
			doc: `openapi: 3.0.1
paths:
  /pets/{id}:
    get:
      x-amazon-apigateway-request-validator: strict
      parameters:
        - $ref: '#/components/parameters/Missing'
        - $ref: 'other.yaml#/components/parameters/Id'
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Nope'
      x-amazon-apigateway-integration:
        type: mock
        requestParameters:
          integration.request.header.X: method.request.header.X
components:
  schemas:
    pet_list:
      type: array
`,
			want: []string{
				"api.yaml:5: paths./pets/{id}.get.x-amazon-apigateway-request-validator: Invalid Request Validator identifier specified",
				`api.yaml:7: paths./pets/{id}.get.parameters[0].$ref: cannot resolve "#/components/parameters/Missing": "parameters" not found`,
				`api.yaml:8: paths./pets/{id}.get.parameters[1].$ref: references to other documents are not supported: "other.yaml#/components/parameters/Id"`,
				"api.yaml:12: paths./pets/{id}.get.requestBody.content.application/json.schema: Invalid model identifier specified: Nope",
				"api.yaml:17: paths./pets/{id}.get.x-amazon-apigateway-integration.requestParameters.integration.request.header.X: " +
					mappingPrefix + "Invalid mapping expression parameter specified: method.request.header.X]",
				"api.yaml:20: components.schemas.pet_list: Model name must be alphanumeric: pet_list",
			},
		},
		{
			name: "parameters",
			doc: `openapi: 3.0.1
paths:
  /pets:
    get:
      parameters:
        - in: query
        - name: q
        - name: q
          in: body
`,
			want: []string{
				"api.yaml:6: paths./pets.get.parameters[0]: a parameter needs a name",
				"api.yaml:7: paths./pets.get.parameters[1]: a parameter needs a location (in)",
				`api.yaml:9: paths./pets.get.parameters[2].in: unknown parameter location "body": expected path, query or header`,
			},
		},
		{
			name: "API extensions",
			doc: `openapi: 3.0.1
x-amazon-apigateway-api-key-source: query
x-amazon-apigateway-minimum-compression-size: 20000000
x-amazon-apigateway-endpoint-configuration:
  types: [global]
x-amazon-apigateway-gateway-responses:
  NOT_FOUND:
    statusCode: "404"
  THROTTLED:
    statusCode: "4290"
    responseParameters:
      gatewayresponse.header.X: integration.response.body
x-amazon-apigateway-request-validators:
  all:
    validateRequestBody: yes please
`,
			want: []string{
				"api.yaml:2: x-amazon-apigateway-api-key-source: 1 validation error detected: Value 'query' at " +
					"'createRestApiInput.apiKeySource' failed to satisfy constraint: Member must satisfy enum value set: [HEADER, AUTHORIZER]",
				"api.yaml:3: x-amazon-apigateway-minimum-compression-size: Invalid minimum compression size, must be between 0 and 10485760",
				"api.yaml:5: x-amazon-apigateway-endpoint-configuration.types[0]: 1 validation error detected: Value 'global' at " +
					"'createRestApiInput.endpointConfiguration.types' failed to satisfy constraint: " +
					"Member must satisfy enum value set: [EDGE, REGIONAL, PRIVATE]",
				"api.yaml:7: x-amazon-apigateway-gateway-responses.NOT_FOUND: 1 validation error detected: Value 'NOT_FOUND' at " +
					"'putGatewayResponseInput.responseType' failed to satisfy constraint: Member must satisfy enum value set: [" +
					"ACCESS_DENIED, API_CONFIGURATION_ERROR, AUTHORIZER_CONFIGURATION_ERROR, AUTHORIZER_FAILURE, BAD_REQUEST_BODY, " +
					"BAD_REQUEST_PARAMETERS, DEFAULT_4XX, DEFAULT_5XX, EXPIRED_TOKEN, INTEGRATION_FAILURE, INTEGRATION_TIMEOUT, " +
					"INVALID_API_KEY, INVALID_SIGNATURE, MISSING_AUTHENTICATION_TOKEN, QUOTA_EXCEEDED, REQUEST_TOO_LARGE, " +
					"RESOURCE_NOT_FOUND, THROTTLED, UNAUTHORIZED, UNSUPPORTED_MEDIA_TYPE, WAF_FILTERED]",
				"api.yaml:10: x-amazon-apigateway-gateway-responses.THROTTLED.statusCode: 1 validation error detected: Value '4290' at " +
					"'putGatewayResponseInput.statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d",
				"api.yaml:12: x-amazon-apigateway-gateway-responses.THROTTLED.responseParameters.gatewayresponse.header.X: " +
					mappingPrefix + "Invalid mapping expression specified: integration.response.body]",
				`api.yaml:15: x-amazon-apigateway-request-validators.all.validateRequestBody: expected a boolean, found "yes please"`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = "api.yaml"
			}
			api, _, err := Parse(file, []byte(tt.doc))
			if api != nil {
				t.Error("an API is returned with errors")
			}
			var es model.Errors
			if !errors.As(err, &es) {
				t.Fatalf("got %v (%T), want model.Errors", err, err)
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, _, err := Load("testdata/no-such-file.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "openapi: ") {
		t.Fatalf("got %v", err)
	}
}

func TestDocumentWideErrorsReportedOnce(t *testing.T) {
	doc := `openapi: 3.0.1
x-amazon-apigateway-request-validator: strict
paths:
  /a:
    get:
      x-amazon-apigateway-integration: {type: mock}
    post:
      x-amazon-apigateway-integration: {type: mock}
  /b:
`
	_, _, err := Parse("api.yaml", []byte(doc))
	want := "api.yaml:2: x-amazon-apigateway-request-validator: Invalid Request Validator identifier specified"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}
