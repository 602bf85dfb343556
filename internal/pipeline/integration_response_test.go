package pipeline_test

import (
	"context"
	"net/http"
	"regexp"
	"testing"

	"archway/internal/integration"
	"archway/internal/pipeline"
	"archway/internal/plan"
)

const responsesDoc = `
openapi: 3.0.1
info: {title: responses, version: "1"}
paths:
  /status/{code}:
    get:
      parameters:
        - {name: code, in: path, required: true, schema: {type: string}}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": $input.params(''code'')}'}
        responses:
          "4\\d{2}":
            statusCode: "404"
            responseTemplates: {application/json: '{"selected": "4xx"}'}
          "40\\d":
            statusCode: "400"
            responseTemplates: {application/json: '{"selected": "40x"}'}
          default:
            statusCode: "200"
            responseParameters:
              method.response.header.X-Static: "'static'"
              method.response.header.X-Stage-Var: stageVariables.color
              method.response.header.X-Request-Id: context.requestId
            responseTemplates:
              application/json: '{"format": "json", "stage": "$context.stage", "color": "$stageVariables.color"}'
              application/xml: '<format>xml</format>'
  /strict:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 500}'}
        responses:
          "2\\d{2}": {statusCode: "200"}
  /override:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: |
            #set($context.responseOverride.status = 201)
            #set($context.responseOverride.header.X-Override = "yes")
            {"statusCode": 200}
        responses:
          default:
            statusCode: "200"
            responseParameters:
              method.response.header.X-Override: "'from mapping'"
            responseTemplates: {text/plain: 'plain'}
  /empty:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default: {statusCode: "200", responseTemplates: {}}
`

func TestIntegrationResponse(t *testing.T) {
	srv, _ := serve(t, compilePlan(t, responsesDoc, "color=blue"), pipeline.Options{})
	tests := []struct {
		name, target string
		headers      []string
		status       int
		body         string
		contentType  string
	}{
		{"default", "/dev/status/200", nil, 200, `{"format": "json", "stage": "dev", "color": "blue"}`, "application/json"},
		{"first created pattern wins", "/dev/status/404", nil, 404, `{"selected": "4xx"}`, "application/json"},
		{"also matches the later pattern", "/dev/status/400", nil, 404, `{"selected": "4xx"}`, "application/json"},
		{"non-matching status takes the default", "/dev/status/503", nil, 200, `{"format": "json", "stage": "dev", "color": "blue"}`, "application/json"},
		{"Accept selects the template", "/dev/status/200", []string{"Accept: application/xml"}, 200, `<format>xml</format>`, "application/xml"},
		{"only the first Accept type counts", "/dev/status/200", []string{"Accept: text/html, application/xml"}, 200, `{"format": "json", "stage": "dev", "color": "blue"}`, "application/json"},
		{"Accept with parameters", "/dev/status/200", []string{"Accept: application/xml;q=0.9"}, 200, `<format>xml</format>`, "application/xml"},
		{"no default and no match", "/dev/strict", nil, 500, `{"message": "Internal server error"}`, "application/json"},
		{"response override", "/dev/override", nil, 201, `plain`, "text/plain"},
		{"no template, no body", "/dev/empty", nil, 200, ``, "application/json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, srv, "GET", tc.target, "", tc.headers...)
			r.check(t, tc.status, tc.body)
			if got := r.header.Get("Content-Type"); got != tc.contentType {
				t.Errorf("Content-Type = %q, want %q", got, tc.contentType)
			}
		})
	}
}

func TestResponseParameters(t *testing.T) {
	srv, _ := serve(t, compilePlan(t, responsesDoc, "color=blue"), pipeline.Options{})
	r := do(t, srv, "GET", "/dev/status/200", "")
	want := map[string]string{
		"X-Static":     "static",
		"X-Stage-Var":  "blue",
		"X-Request-Id": r.header.Get("x-amzn-RequestId"),
	}
	for k, v := range want {
		if got := r.header.Get(k); got != v || v == "" {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if got := do(t, srv, "GET", "/dev/override", "").header.Get("X-Override"); got != "yes" {
		t.Errorf("X-Override = %q, want the responseOverride value", got)
	}
}

// TestStandardHeaders checks the headers API Gateway adds to a MOCK
// response (trace-id-with-client-trace-req-headers-mock).
func TestStandardHeaders(t *testing.T) {
	srv, _ := serve(t, compilePlan(t, responsesDoc), pipeline.Options{})
	r := do(t, srv, "GET", "/dev/status/200", "", "X-Amzn-Trace-Id: Root=1-3152b799-8954dae64eda91bc9a23a7e8")
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	if id := r.header.Get("x-amzn-RequestId"); !uuid.MatchString(id) {
		t.Errorf("x-amzn-RequestId = %q, want a version-4 UUID", id)
	}
	if id := r.header.Get("x-amz-apigw-id"); len(id) != 16 {
		t.Errorf("x-amz-apigw-id = %q, want 16 characters", id)
	}
	if got := r.header.Get("X-Amzn-Trace-Id"); got != "" {
		t.Errorf("X-Amzn-Trace-Id = %q on a MOCK response", got)
	}
	if r.header.Get("Date") == "" || r.header.Get("Content-Length") == "" {
		t.Errorf("Date or Content-Length missing: %v", r.header)
	}
}

// TestIntegrationErrors checks integration failures and timeouts.
func TestIntegrationErrors(t *testing.T) {
	doc := `
openapi: 3.0.1
info: {title: errors, version: "1"}
paths:
  /slow:
    get:
      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: http://backend.example/slow
        timeoutInMillis: 50
        responses: {default: {statusCode: "200"}}
  /lambda:
    get:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations
`
	blocking := integration.InvokerFunc(func(ctx context.Context, _ *integration.Request) (*integration.Response, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	})
	srv, _ := serve(t, compilePlan(t, doc), pipeline.Options{
		Invokers: map[plan.IntegrationType]integration.Invoker{plan.HTTP: blocking},
	})
	r := do(t, srv, "GET", "/dev/slow", "")
	r.check(t, 504, `{"message": "Endpoint request timed out"}`)
	r = do(t, srv, "GET", "/dev/lambda", "")
	r.check(t, 500, `{"message": "Internal server error"}`)
	if got := r.header.Get("x-amzn-ErrorType"); got != "InternalServerErrorException" {
		t.Errorf("x-amzn-ErrorType = %q", got)
	}
	if got := r.header.Get("Content-Length"); got != "36" {
		t.Errorf("Content-Length = %q, want 36 as recorded", got)
	}
}

// TestStore checks that a new plan replaces the served one.
func TestStore(t *testing.T) {
	srv, h := serve(t, compilePlan(t, responsesDoc, "color=blue"), pipeline.Options{})
	do(t, srv, "GET", "/dev/empty", "").check(t, 200, "")
	next := compilePlan(t, routesDoc)
	h.Store(next)
	if h.Plan() != next {
		t.Error("Plan() does not return the stored plan")
	}
	do(t, srv, "GET", "/dev/empty", "").check(t, http.StatusForbidden, `{"message":"Missing Authentication Token"}`)
	do(t, srv, "GET", "/dev/pets", "").check(t, 200, `{"resource": "/pets", "method": "GET"}`)
}
