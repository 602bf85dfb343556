package pipeline_test

import (
	"strings"
	"testing"

	"archway/internal/pipeline"
)

const gatewayDoc = `
openapi: 3.0.1
info: {title: gateway, version: "1"}
x-amazon-apigateway-request-validators:
  params: {validateRequestBody: false, validateRequestParameters: true}
x-amazon-apigateway-gateway-responses:
  MISSING_AUTHENTICATION_TOKEN:
    statusCode: "404"
    responseParameters:
      gatewayresponse.header.Access-Control-Allow-Origin: "'a.b.c'"
      gatewayresponse.header.x-request-path: method.request.path.petId
      gatewayresponse.header.x-stage-var: stageVariables.a
    responseTemplates:
      application/json: '{"message": $context.error.messageString, "type": "$context.error.responseType", "stage": "$context.stage"}'
  DEFAULT_4XX:
    responseParameters:
      gatewayresponse.header.Access-Control-Allow-Origin: "'*'"
paths:
  /pets/{petId}:
    get:
      x-amazon-apigateway-request-validator: params
      parameters:
        - {name: petId, in: path, required: true, schema: {type: string}}
        - {name: qs1, in: query, required: true, schema: {type: string}}
        - {name: x-header-param, in: header, required: true, schema: {type: string}}
      x-amazon-apigateway-integration:
        type: mock
        passthroughBehavior: never
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses: {default: {statusCode: "200", responseTemplates: {application/json: ok}}}
`

func TestGatewayResponses(t *testing.T) {
	srv, _ := serve(t, compilePlan(t, gatewayDoc, "a=x"), pipeline.Options{})
	tests := []struct {
		name, target string
		headers      []string
		status       int
		body         string
		errorType    string
		allowOrigin  string
	}{
		{
			name: "customised type", target: "/dev/nothing/here", status: 404,
			body:      `{"message": "Missing Authentication Token", "type": "MISSING_AUTHENTICATION_TOKEN", "stage": "dev"}`,
			errorType: "MissingAuthenticationTokenException", allowOrigin: "a.b.c",
		},
		{
			name: "parent customisation keeps the default body", target: "/dev/pets/1?qs1=x", status: 415,
			headers:   []string{"Content-Type: text/plain", "x-header-param: y"},
			body:      `{"message":"Unsupported Media Type"}`,
			errorType: "UnsupportedMediaTypeException", allowOrigin: "*",
		},
		{
			name: "missing required parameters", target: "/dev/pets/1", status: 400,
			body:      `{"message":"Missing required request parameters: [x-header-param, qs1]"}`,
			errorType: "BadRequestException", allowOrigin: "*",
		},
		{
			name: "blank query parameter", target: "/dev/pets/1?qs1=", status: 400,
			headers:   []string{"x-header-param: y"},
			body:      `{"message":"Missing required request parameters: [qs1]"}`,
			errorType: "BadRequestException", allowOrigin: "*",
		},
		{
			name: "valid", target: "/dev/pets/1?qs1=x", status: 200,
			headers: []string{"X-Header-Param: y"},
			body:    `ok`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, srv, "GET", tc.target, "", tc.headers...)
			r.check(t, tc.status, tc.body)
			if got := r.header.Get("x-amzn-ErrorType"); got != tc.errorType {
				t.Errorf("x-amzn-ErrorType = %q, want %q", got, tc.errorType)
			}
			if got := r.header.Get("Access-Control-Allow-Origin"); got != tc.allowOrigin {
				t.Errorf("Access-Control-Allow-Origin = %q, want %q", got, tc.allowOrigin)
			}
		})
	}
}

// TestGatewayResponseParameters checks that a gateway response reads the
// stage variables and, when routing got that far, the path parameters.
func TestGatewayResponseParameters(t *testing.T) {
	srv, _ := serve(t, compilePlan(t, gatewayDoc, "a=x"), pipeline.Options{})
	r := do(t, srv, "GET", "/dev/nothing", "")
	if got := r.header.Get("x-stage-var"); got != "x" {
		t.Errorf("x-stage-var = %q, want x", got)
	}
	if got, ok := r.header["X-Request-Path"]; ok {
		t.Errorf("x-request-path = %q, want none before routing", got)
	}
}

// TestRequestTooLarge checks the 10 MB payload limit.
func TestRequestTooLarge(t *testing.T) {
	srv, _ := serve(t, compilePlan(t, passthroughDoc("{}", "when_no_match")), pipeline.Options{})
	body := strings.Repeat("a", pipeline.MaxPayload+1)
	r := do(t, srv, "POST", "/dev/", body, "Content-Type: text/plain")
	r.check(t, 413, `{"message":"Request Too Long"}`)
	do(t, srv, "POST", "/dev/", strings.Repeat("a", 1024), "Content-Type: text/plain").check(t, 200, "")
}
