package pipeline_test

import (
	"net/http"
	"testing"

	"archway/internal/pipeline"
)

const routesDoc = `
openapi: 3.0.1
info: {title: routes, version: "1"}
paths:
  /pets:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: "200"
            responseTemplates: {application/json: '{"resource": "$context.resourcePath", "method": "$context.httpMethod"}'}
  /pets/{id}:
    x-amazon-apigateway-any-method:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: "200"
            responseTemplates: {application/json: '{"id": "$input.params(''id'')", "method": "$context.httpMethod"}'}
`

func TestRoute(t *testing.T) {
	srv, _ := serve(t, compilePlan(t, routesDoc), pipeline.Options{})
	const missing = `{"message":"Missing Authentication Token"}`
	tests := []struct {
		name, method, target string
		status               int
		body                 string
	}{
		{"resource", "GET", "/dev/pets", 200, `{"resource": "/pets", "method": "GET"}`},
		{"trailing slash", "GET", "/dev/pets/", 200, `{"resource": "/pets", "method": "GET"}`},
		{"double slash before stage", "GET", "//dev/pets", 200, `{"resource": "/pets", "method": "GET"}`},
		{"path variable via ANY", "DELETE", "/dev/pets/42", 200, `{"id": "42", "method": "DELETE"}`},
		{"encoded path kept", "GET", "/dev/pets/a%2Bb", 200, `{"id": "a%2Bb", "method": "GET"}`},
		{"unknown stage", "GET", "/prod/pets", 403, missing},
		{"no stage", "GET", "/", 403, missing},
		{"unknown path", "GET", "/dev/cats", 403, missing},
		{"unknown method", "POST", "/dev/pets", 403, missing},
		{"stage root without method", "GET", "/dev", 403, missing},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, srv, tc.method, tc.target, "")
			r.check(t, tc.status, tc.body)
			if tc.status == http.StatusForbidden {
				if got := r.header.Get("x-amzn-ErrorType"); got != "MissingAuthenticationTokenException" {
					t.Errorf("x-amzn-ErrorType = %q", got)
				}
			}
		})
	}
}
