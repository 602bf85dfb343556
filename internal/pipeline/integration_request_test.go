package pipeline_test

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"sync"
	"testing"

	"archway/internal/integration"
	"archway/internal/pipeline"
	"archway/internal/plan"
)

// echo is a MOCK replacement that answers 200 with the integration request
// payload as body and the mapped headers as response headers.
var echo = integration.InvokerFunc(func(_ context.Context, req *integration.Request) (*integration.Response, error) {
	h := http.Header{}
	for k, v := range req.Header {
		h[k] = v
	}
	h.Set("X-Uri", req.URI)
	h.Set("X-Query", req.Query.Encode())
	return &integration.Response{Status: 200, Header: h, Body: req.Body}, nil
})

// passthroughDoc defines POST / with the given templates and passthrough
// behaviour; the default integration response passes the payload through.
func passthroughDoc(templates, behavior string) string {
	return fmt.Sprintf(`
openapi: 3.0.1
info: {title: passthrough, version: "1"}
paths:
  /:
    post:
      x-amazon-apigateway-integration:
        type: mock
        passthroughBehavior: %s
        requestTemplates: %s
        responses:
          default: {statusCode: "200"}
`, behavior, templates)
}

// TestPassthrough checks the documented passthrough matrix
// (docs-passthrough-* vectors): template selection by Content-Type,
// application/json when there is none, and 415 when refused.
func TestPassthrough(t *testing.T) {
	const (
		jsonTpl    = `{application/json: 'rendered json'}`
		xmlTpl     = `{application/xml: 'rendered xml'}`
		noTpl      = `{}`
		refused    = "415"
		payload    = "payload"
		noCT       = ""
		ctJSON     = "application/json"
		ctXML      = "application/xml"
		ctJSONUTF8 = "application/json; charset=utf-8"
	)
	tests := []struct {
		templates, behavior, contentType string
		want                             string
	}{
		{jsonTpl, "when_no_match", noCT, "rendered json"},
		{jsonTpl, "when_no_templates", noCT, "rendered json"},
		{jsonTpl, "never", noCT, "rendered json"},
		{jsonTpl, "when_no_match", ctJSON, "rendered json"},
		{jsonTpl, "when_no_templates", ctJSON, "rendered json"},
		{jsonTpl, "never", ctJSON, "rendered json"},
		{jsonTpl, "never", ctJSONUTF8, "rendered json"},
		{jsonTpl, "when_no_match", ctXML, payload},
		{jsonTpl, "when_no_templates", ctXML, refused},
		{jsonTpl, "never", ctXML, refused},
		{xmlTpl, "when_no_match", noCT, payload},
		{xmlTpl, "when_no_templates", noCT, refused},
		{xmlTpl, "never", noCT, refused},
		{xmlTpl, "when_no_match", ctXML, "rendered xml"},
		{xmlTpl, "never", ctXML, "rendered xml"},
		{xmlTpl, "when_no_templates", ctJSON, refused},
		{noTpl, "when_no_match", ctXML, payload},
		{noTpl, "when_no_templates", ctXML, payload},
		{noTpl, "never", ctXML, refused},
	}
	opts := pipeline.Options{Invokers: map[plan.IntegrationType]integration.Invoker{plan.Mock: echo}}
	for _, tc := range tests {
		t.Run(tc.templates+" "+tc.behavior+" "+tc.contentType, func(t *testing.T) {
			srv, _ := serve(t, compilePlan(t, passthroughDoc(tc.templates, tc.behavior)), opts)
			var hs []string
			if tc.contentType != "" {
				hs = append(hs, "Content-Type: "+tc.contentType)
			}
			r := do(t, srv, "POST", "/dev/", payload, hs...)
			if tc.want == refused {
				r.check(t, 415, `{"message":"Unsupported Media Type"}`)
				if got := r.header.Get("x-amzn-ErrorType"); got != "UnsupportedMediaTypeException" {
					t.Errorf("x-amzn-ErrorType = %q", got)
				}
				return
			}
			r.check(t, 200, tc.want)
		})
	}
}

const paramsDoc = `
openapi: 3.0.1
info: {title: params, version: "1"}
paths:
  /items/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: q, in: query, schema: {type: string}}
        - {name: X-In, in: header, schema: {type: string}}
        - {name: X-Missing, in: header, schema: {type: string}}
      x-amazon-apigateway-integration:
        type: http
        httpMethod: POST
        uri: http://backend.example/items/{itemId}?v=${stageVariables.version}&w=${stageVariables.nope}
        requestParameters:
          integration.request.path.itemId: method.request.path.id
          integration.request.querystring.search: method.request.querystring.q
          integration.request.header.X-Static: "'fixed'"
          integration.request.header.X-From-Header: method.request.header.X-In
          integration.request.header.X-Stage: stageVariables.version
          integration.request.header.X-Stage-Name: context.stage
          integration.request.header.X-Absent: method.request.header.X-Missing
        responses:
          default: {statusCode: "200"}
`

// recorder is an integration that keeps the last request it received.
type recorder struct {
	mu  sync.Mutex
	req *integration.Request
}

func (r *recorder) Invoke(_ context.Context, req *integration.Request) (*integration.Response, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.req = req
	return &integration.Response{Status: 200, Header: http.Header{}}, nil
}

func (r *recorder) last() *integration.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.req
}

// TestRequestParameters checks integration request parameter mapping and URI
// expansion, as an integration receives them.
func TestRequestParameters(t *testing.T) {
	rec := &recorder{}
	opts := pipeline.Options{Invokers: map[plan.IntegrationType]integration.Invoker{plan.HTTP: rec}}
	srv, _ := serve(t, compilePlan(t, paramsDoc, "version=v2"), opts)
	do(t, srv, "GET", "/dev/items/7?q=a+b", "", "X-In: hello").check(t, 200, "")
	req := rec.last()
	if req == nil {
		t.Fatal("the integration was not called")
	}
	// An HTTP integration sends no client header unless mapped, and the
	// headers API Gateway adds (header-remap-http-no-param).
	wantHeader := http.Header{
		"Accept":                   {"application/json"},
		"Content-Type":             {"application/json"},
		"User-Agent":               {"AmazonAPIGateway_" + req.Header.Get("X-Amzn-Apigateway-Api-Id")},
		"X-Amzn-Apigateway-Api-Id": {req.Header.Get("X-Amzn-Apigateway-Api-Id")},
		"X-Amzn-Trace-Id":          {req.TraceID},
		"X-Static":                 {"fixed"},
		"X-From-Header":            {"hello"},
		"X-Stage":                  {"v2"},
		"X-Stage-Name":             {"dev"},
	}
	if !reflect.DeepEqual(req.Header, wantHeader) {
		t.Errorf("header = %v, want %v", req.Header, wantHeader)
	}
	if got := req.Query.Encode(); got != "search=a+b" {
		t.Errorf("query = %q", got)
	}
	if want := "http://backend.example/items/7?v=v2&w="; req.URI != want {
		t.Errorf("URI = %q, want %q", req.URI, want)
	}
	if req.Method != "POST" {
		t.Errorf("method = %q, want POST", req.Method)
	}
}

// TestInvalidEndpoint checks that an HTTP URI left without a host by an
// undefined stage variable answers 500 without calling the backend
// (http-proxy-uri-undefined-stage-variables-500).
func TestInvalidEndpoint(t *testing.T) {
	doc := `
openapi: 3.0.1
info: {title: endpoint, version: "1"}
paths:
  /path1:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: POST
        uri: https://${stageVariables.TestHost}/${stageVariables.testPath}?${stageVariables.querystring}
`
	tests := []struct {
		name   string
		vars   []string
		status int
		uri    string
	}{
		{"undefined host", nil, 500, ""},
		{"defined", []string{"TestHost=backend.example", "testPath=p", "querystring=a=1"}, 200, "https://backend.example/p?a=1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recorder{}
			srv, _ := serve(t, compilePlan(t, doc, tc.vars...), pipeline.Options{
				Invokers: map[plan.IntegrationType]integration.Invoker{plan.HTTPProxy: rec},
			})
			r := do(t, srv, "GET", "/dev/path1", "")
			if r.status != tc.status {
				t.Fatalf("status %d, want %d (%s)", r.status, tc.status, r.body)
			}
			if tc.status == 500 {
				r.check(t, 500, `{"message": "Internal server error"}`)
				if rec.last() != nil {
					t.Error("the backend was called")
				}
				return
			}
			if got := rec.last().URI; got != tc.uri {
				t.Errorf("URI = %q, want %q", got, tc.uri)
			}
		})
	}
}

// TestRequestOverride checks that $context.requestOverride set by the
// request template reaches the integration request.
func TestRequestOverride(t *testing.T) {
	doc := `
openapi: 3.0.1
info: {title: override, version: "1"}
paths:
  /items/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: http://backend.example/items/{id}
        requestParameters:
          integration.request.path.id: method.request.path.id
          integration.request.header.X-Mode: "'mapped'"
        requestTemplates:
          application/json: |
            #set($context.requestOverride.header.X-Mode = "overridden")
            #set($context.requestOverride.querystring.page = "2")
            #set($context.requestOverride.path.id = "other")
        responses: {default: {statusCode: "200"}}
`
	rec := &recorder{}
	srv, _ := serve(t, compilePlan(t, doc), pipeline.Options{
		Invokers: map[plan.IntegrationType]integration.Invoker{plan.HTTP: rec},
	})
	do(t, srv, "GET", "/dev/items/1", "").check(t, 200, "")
	req := rec.last()
	if got := req.Header.Get("X-Mode"); got != "overridden" {
		t.Errorf("X-Mode = %q, want overridden", got)
	}
	if got := req.Query.Get("page"); got != "2" {
		t.Errorf("page = %q, want 2", got)
	}
	if want := "http://backend.example/items/other"; req.URI != want {
		t.Errorf("URI = %q, want %q", req.URI, want)
	}
}
