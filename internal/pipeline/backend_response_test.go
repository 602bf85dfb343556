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

const lambdaDoc = `
openapi: 3.0.1
info: {title: lambda, version: "1"}
paths:
  /{mode}:
    post:
      parameters:
        - {name: mode, in: path, required: true, schema: {type: string}}
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations
        responses:
          "200":
            statusCode: "201"
          ".*four hundred.*":
            statusCode: "400"
            responseParameters:
              method.response.header.X-Kind: integration.response.body.errorType
          default:
            statusCode: "200"
            responseParameters:
              method.response.header.X-Etag: integration.response.header.ETag
              method.response.header.X-Name: integration.response.body.pet.name
              method.response.header.X-Pet: integration.response.body.pet
              method.response.header.X-Missing: integration.response.body.nothing
`

// lambda answers like a Lambda function invoked by a non-proxy AWS
// integration: the "fail" mode raises an error.
var lambda = integration.InvokerFunc(func(_ context.Context, req *integration.Request) (*integration.Response, error) {
	if string(req.Body) == `fail` {
		return &integration.Response{Status: 200, Header: http.Header{}, FunctionError: true,
			ErrorMessage: "error four hundred",
			Body:         []byte(`{"errorMessage": "error four hundred", "errorType": "Exception"}`)}, nil
	}
	return &integration.Response{Status: 200, Header: http.Header{"Etag": {`"abc"`}},
		Body: []byte(`{"pet": {"name": "Rex", "age": 3}}`)}, nil
})

// TestBackendResponses checks Lambda selection by errorMessage and
// response parameters read from the backend's headers and body.
func TestBackendResponses(t *testing.T) {
	srv, _ := serve(t, compilePlan(t, lambdaDoc), pipeline.Options{
		Invokers: map[plan.IntegrationType]integration.Invoker{plan.AWS: lambda},
	})
	r := do(t, srv, "POST", "/dev/ok", "{}", "Content-Type: application/json")
	r.check(t, 200, `{"pet": {"name": "Rex", "age": 3}}`)
	want := map[string]string{"X-Etag": `"abc"`, "X-Name": "Rex", "X-Pet": `{"name":"Rex","age":3}`}
	for k, v := range want {
		if got := r.header.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if _, ok := r.header["X-Missing"]; ok {
		t.Error("X-Missing is set although the body has no such member")
	}
	r = do(t, srv, "POST", "/dev/fail", "fail", "Content-Type: text/plain")
	r.check(t, 400, `{"errorMessage": "error four hundred", "errorType": "Exception"}`)
	if got := r.header.Get("X-Kind"); got != "Exception" {
		t.Errorf("X-Kind = %q, want Exception", got)
	}
}

// TestTraceID checks X-Amzn-Trace-Id on integration responses
// (trace-id-* vectors): kept as sent, a Parent added to a bare Root,
// generated when absent, and never on gateway errors.
func TestTraceID(t *testing.T) {
	srv, _ := serve(t, compilePlan(t, lambdaDoc), pipeline.Options{
		Invokers: map[plan.IntegrationType]integration.Invoker{plan.AWS: lambda},
	})
	const root = "Root=1-3152b799-8954dae64eda91bc9a23a7e8"
	full := root + ";Parent=7fa8c0f79203be72;Sampled=1"
	tests := []struct {
		name, sent string
		want       *regexp.Regexp
	}{
		{"kept", full, regexp.MustCompile("^" + regexp.QuoteMeta(full) + "$")},
		{"parent added", root, regexp.MustCompile("^" + regexp.QuoteMeta(root) + ";Parent=[0-9a-f]{16}$")},
		{"parent added before the rest", root + ";Sampled=1",
			regexp.MustCompile("^" + regexp.QuoteMeta(root) + ";Parent=[0-9a-f]{16};Sampled=1$")},
		{"generated", "", regexp.MustCompile(`^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$`)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hs := []string{"Content-Type: application/json"}
			if tc.sent != "" {
				hs = append(hs, "X-Amzn-Trace-Id: "+tc.sent)
			}
			r := do(t, srv, "POST", "/dev/ok", "{}", hs...)
			if got := r.header.Get("X-Amzn-Trace-Id"); !tc.want.MatchString(got) {
				t.Errorf("X-Amzn-Trace-Id = %q, want %s", got, tc.want)
			}
		})
	}
	r := do(t, srv, "GET", "/dev/ok", "")
	if r.status != http.StatusForbidden || r.header.Get("X-Amzn-Trace-Id") != "" {
		t.Errorf("gateway error: status %d, X-Amzn-Trace-Id %q", r.status, r.header.Get("X-Amzn-Trace-Id"))
	}
}
