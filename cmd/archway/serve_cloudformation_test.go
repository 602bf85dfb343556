package main

import (
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
)

const cloudformationExample = "../../examples/cloudformation/template.yaml"

func TestServeCloudFormationExample(t *testing.T) {
	s := startServe(t, "--listen", "127.0.0.1:0", cloudformationExample)
	urls := s.baseURLs()
	if len(urls) != 1 || !strings.Contains(s.banner[0], "template.yaml CloudFormation template at") {
		t.Fatalf("banner:\n%s", strings.Join(s.banner, "\n"))
	}
	tests := []exchange{
		{name: "greet", method: "GET", path: "/greet/world", status: 200,
			headers: map[string]string{"X-Max-Items": "3"},
			want:    `{"message": "Hello, world!", "production": false}`},
		{name: "nobody", method: "GET", path: "/greet/nobody", status: 404, want: `{"message": "nobody to greet"}`},
		{name: "no route", method: "GET", path: "/greet", status: 403, want: missingToken},
	}
	for _, tt := range tests {
		tt.check(t, urls[0])
	}
}

func TestValidateNamesTheKind(t *testing.T) {
	out, err := runArchway(t, "", "validate", cloudformationExample)
	if err != nil || !strings.Contains(out, "template.yaml: valid CloudFormation template (0 warnings)") {
		t.Fatalf("got %v:\n%s", err, out)
	}
}

// TestServeSAMExample serves the SAM example with the example handler
// registered by --function: the implicit API's AWS_PROXY route invokes it.
func TestServeSAMExample(t *testing.T) {
	_, handler := buildLambdaExample(t)
	s := startServe(t, "--listen", "127.0.0.1:0", "--stage", "Prod", "--function", "hello="+handler,
		"../../examples/cloudformation/sam.yaml")
	if !strings.Contains(s.banner[0], "sam.yaml SAM template at") {
		t.Fatalf("banner:\n%s", strings.Join(s.banner, "\n"))
	}
	got := getGreeting(t, s.baseURLs()[0], "/hello/Ada")
	got.RequestID = ""
	if want := (greeting{Message: "Hello, Ada!", Path: "/hello/Ada", Method: "GET", Stage: "Prod"}); got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

// TestServeCloudFormationIntegrationExample serves
// examples/cloudformation/integration.yaml, which sets every Integration
// property, as its README walks through: the quotes backend is the
// example's directory served over loopback, and the Lambda function its
// Node.js code.
func TestServeCloudFormationIntegrationExample(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is needed to run the example's function (.ci/run installs it)")
	}
	saw := make(chan http.Header, 10)
	files := http.FileServer(http.Dir("../../examples/cloudformation"))
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		saw <- r.Header.Clone()
		files.ServeHTTP(w, r)
	}))
	defer backend.Close()
	s := startServe(t, "--listen", "127.0.0.1:0", "--parameter", "BackendHost="+strings.TrimPrefix(backend.URL, "http://"),
		"../../examples/cloudformation/integration.yaml")
	tests := []exchange{
		{name: "quote", method: "GET", path: "/quotes/AMZN?currency=EUR", status: 200,
			want: "{\"symbol\": \"AMZN\", \"price\": 231.5, \"source\": \"backend\"}\n"},
		{name: "no quote", method: "GET", path: "/quotes/NOPE", status: 404, want: `{"message": "no quote for NOPE"}`},
		{name: "convert", method: "POST", path: "/convert", body: `{"amount": 10}`, contentType: "application/json",
			status: 200, want: `{"amount":9.2}`},
		{name: "NEVER passes through", method: "POST", path: "/convert", body: "10", contentType: "text/plain",
			status: 415, want: `{"message":"Unsupported Media Type"}`},
	}
	for _, tt := range tests {
		tt.check(t, s.baseURLs()[0])
	}
	for len(saw) > 0 {
		<-saw
	}
	exchange{name: "mapped headers", method: "GET", path: "/quotes/ACME?currency=USD", status: 200,
		want: "{\"symbol\": \"ACME\", \"price\": 12.25, \"source\": \"backend\"}\n"}.check(t, s.baseURLs()[0])
	if h := <-saw; h.Get("X-Currency") != "USD" || h.Get("X-Caller") != "archway-example" {
		t.Errorf("backend headers %v", h)
	}
}
