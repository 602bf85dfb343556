package pipeline_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"archway/internal/integration"
	"archway/internal/pipeline"
	"archway/internal/plan"
	"archway/internal/server"
)

const proxyDoc = `
openapi: 3.0.1
info: {title: proxy, version: "1"}
x-amazon-apigateway-binary-media-types: [image/png]
paths:
  /{proxy+}:
    x-amazon-apigateway-any-method:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations
        requestParameters:
          integration.request.header.X-Ignored: "'yes'"
        requestTemplates:
          application/json: '{"ignored": true}'
        responses:
          default: {statusCode: "204"}
`

// proxyFunction answers AWS_PROXY invocations with the payload the test
// gives, and keeps the event and URI it was invoked with.
type proxyFunction struct {
	mu       sync.Mutex
	event    []byte
	uri      string
	payload  string
	funcErr  bool
	errorMsg string
}

func (f *proxyFunction) Invoke(_ context.Context, req *integration.Request) (*integration.Response, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.event, f.uri = req.Body, req.URI
	return &integration.Response{Status: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: []byte(f.payload), FunctionError: f.funcErr, ErrorMessage: f.errorMsg}, nil
}

func TestLambdaProxyResponses(t *testing.T) {
	tests := []struct {
		name    string
		payload string
		funcErr bool
		accept  string
		status  int
		body    string
		headers map[string]string
	}{
		{"status passes through", `{"statusCode": 300, "headers": {"content-type": "application/xml"}, "body": "<a/>"}`,
			false, "", 300, "<a/>", map[string]string{"Content-Type": "application/xml"}},
		{"empty object", `{}`, false, "", 200, "", map[string]string{"Content-Type": "application/json"}},
		{"merged headers", `{"headers": {"x-a": "solo", "x-b": true}, "multiValueHeaders": {"X-A": ["multi"]}}`,
			false, "", 200, "", map[string]string{"X-A": "multi, solo", "X-B": "true"}},
		{"reserved header renamed", `{"headers": {"Server": "fn"}}`, false, "", 200, "",
			map[string]string{"x-amzn-Remapped-Server": "fn", "Server": ""}},
		{"base64 kept without binary accept", `{"body": "aGk=", "isBase64Encoded": true}`, false, "*/*", 200, "aGk=", nil},
		{"base64 decoded for binary accept", `{"body": "aGk=", "isBase64Encoded": true}`, false, "image/png", 200, "hi", nil},
		{"malformed", `{"wrongValue": 1}`, false, "", 502, `{"message": "Internal server error"}`, nil},
		{"bare string", `"hi"`, false, "", 502, `{"message": "Internal server error"}`, nil},
		{"function error", `{"errorMessage": "boom", "errorType": "Exception"}`, true, "", 502, `{"message": "Internal server error"}`, nil},
	}
	fn := &proxyFunction{}
	srv, _ := serve(t, compilePlan(t, proxyDoc, "fn=greeter"), pipeline.Options{
		Invokers: map[plan.IntegrationType]integration.Invoker{plan.AWSProxy: fn},
	})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fn.payload, fn.funcErr = tc.payload, tc.funcErr
			var hs []string
			if tc.accept != "" {
				hs = append(hs, "Accept: "+tc.accept)
			}
			r := do(t, srv, "GET", "/dev/a/b", "", hs...)
			r.check(t, tc.status, tc.body)
			for k, v := range tc.headers {
				if got := strings.Join(r.header.Values(k), ", "); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			if tc.status != 502 && r.header.Get("X-Amzn-Trace-Id") == "" {
				t.Error("no X-Amzn-Trace-Id")
			}
		})
	}
	if want := "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:greeter/invocations"; fn.uri != want {
		t.Errorf("URI %q, want %q", fn.uri, want)
	}
}

// proxyEvent is the part of the event the tests check.
type proxyEvent struct {
	Resource          string              `json:"resource"`
	Path              string              `json:"path"`
	HTTPMethod        string              `json:"httpMethod"`
	Headers           map[string]string   `json:"headers"`
	MultiValueHeaders map[string][]string `json:"multiValueHeaders"`
	Query             map[string]string   `json:"queryStringParameters"`
	PathParameters    map[string]string   `json:"pathParameters"`
	StageVariables    map[string]string   `json:"stageVariables"`
	Body              *string             `json:"body"`
	IsBase64Encoded   bool                `json:"isBase64Encoded"`
	RequestContext    struct {
		Path       string `json:"path"`
		Stage      string `json:"stage"`
		DomainName string `json:"domainName"`
		RequestID  string `json:"requestId"`
	} `json:"requestContext"`
	Ignored *bool `json:"ignored"`
}

// rawRequest writes a request verbatim on a fresh connection and returns
// the response status.
func rawRequest(t *testing.T, addr, req string) int {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, req); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestLambdaProxyEvent(t *testing.T) {
	tests := []struct {
		name       string
		rawHeaders bool
		request    string
		check      func(t *testing.T, ev *proxyEvent)
	}{
		{"raw header names", true,
			"POST /dev/a//b/?q=1+2&q=3 HTTP/1.1\r\nHost: api.example\r\ntEsT-HEADeR: v\r\nauthorization: s\r\nConnection: keep-alive\r\nContent-Type: image/png\r\nContent-Length: 2\r\n\r\nhi",
			func(t *testing.T, ev *proxyEvent) {
				if ev.Headers["tEsT-HEADeR"] != "v" || ev.Headers["Authorization"] != "s" || ev.Headers["Connection"] != "" {
					t.Errorf("headers %v", ev.Headers)
				}
				if ev.Headers["Host"] != "api.example" || ev.RequestContext.DomainName != "api.example" {
					t.Errorf("host %q, domain %q", ev.Headers["Host"], ev.RequestContext.DomainName)
				}
				if ev.Path != "/a//b/" || ev.PathParameters["proxy"] != "a//b" || ev.RequestContext.Path != "/dev/a//b/" {
					t.Errorf("path %q, proxy %q, context path %q", ev.Path, ev.PathParameters["proxy"], ev.RequestContext.Path)
				}
				if ev.Query["q"] != "3" || ev.Body == nil || *ev.Body != "aGk=" || !ev.IsBase64Encoded {
					t.Errorf("query %v, body %v, base64 %v", ev.Query, ev.Body, ev.IsBase64Encoded)
				}
			}},
		{"canonical names from net/http's server", false,
			"GET /dev/x HTTP/1.1\r\nHost: api.example\r\ntEsT-HEADeR: v\r\nX-Forwarded-For: 10.0.0.1\r\n\r\n",
			func(t *testing.T, ev *proxyEvent) {
				if ev.Headers["Test-Header"] != "v" || ev.Body != nil || ev.Query != nil {
					t.Errorf("headers %v, body %v, query %v", ev.Headers, ev.Body, ev.Query)
				}
				if ev.Headers["X-Forwarded-For"] != "10.0.0.1, 127.0.0.1" || ev.Headers["X-Forwarded-Proto"] != "http" ||
					ev.Headers["X-Amzn-Trace-Id"] == "" || ev.Headers["X-Forwarded-Port"] == "" {
					t.Errorf("gateway headers %v", ev.Headers)
				}
				if ev.Resource != "/{proxy+}" || ev.HTTPMethod != "GET" || ev.StageVariables["fn"] != "greeter" ||
					ev.RequestContext.Stage != "dev" || ev.RequestContext.RequestID == "" || ev.Ignored != nil {
					t.Errorf("event %+v", ev)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fn := &proxyFunction{payload: `{}`}
			opts := pipeline.Options{
				Invokers: map[plan.IntegrationType]integration.Invoker{plan.AWSProxy: fn},
				Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
			}
			handler := pipeline.New(compilePlan(t, proxyDoc, "fn=greeter"), opts)
			var addr string
			if tc.rawHeaders {
				addr = serveHTTP1(t, handler)
			} else {
				srv := httptest.NewServer(handler)
				defer srv.Close()
				addr = srv.Listener.Addr().String()
			}
			if status := rawRequest(t, addr, tc.request); status != 200 {
				t.Fatalf("status %d", status)
			}
			var ev proxyEvent
			if err := json.Unmarshal(fn.event, &ev); err != nil {
				t.Fatalf("%v: %s", err, fn.event)
			}
			tc.check(t, &ev)
		})
	}
}

// serveHTTP1 serves handler with server.HTTP1 on a loopback port until
// the test ends and returns the address.
func serveHTTP1(t *testing.T, handler http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &server.HTTP1{Handler: handler}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return ln.Addr().String()
}
