package main

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"archway/internal/functions"
	"archway/internal/integration"
	"archway/internal/integration/lambda"
	"archway/internal/model"
)

const lambdaExample = "../../examples/lambda"

// buildLambdaExample copies the example's functions.yaml into a temporary
// directory and builds the example handler beside it, as the README says
// (go build -o bin/hello ./hello), so that the test leaves the tree alone.
// It returns the copied functions.yaml and the handler binary.
func buildLambdaExample(t testing.TB) (registry, handler string) {
	t.Helper()
	dir := t.TempDir()
	handler = filepath.Join(dir, "bin", "hello")
	build := exec.Command("go", "build", "-o", handler, "./hello")
	build.Dir = lambdaExample
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(lambdaExample, "functions.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	registry = filepath.Join(dir, "functions.yaml")
	if err := os.WriteFile(registry, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return registry, handler
}

// greeting is the example handler's answer.
type greeting struct {
	Message, Path, Method, Stage, RequestID string
}

// getGreeting asks the example API to greet and checks what API Gateway
// adds around the function's answer.
func getGreeting(t *testing.T, base, path string) greeting {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
	}
	for _, h := range []string{"X-Amzn-Trace-Id", "x-amzn-RequestId", "x-amz-apigw-id"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("GET %s: no %s header", path, h)
		}
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	var g greeting
	if err := json.Unmarshal(body, &g); err != nil {
		t.Fatalf("GET %s: %v: %s", path, err, body)
	}
	if g.RequestID != resp.Header.Get("x-amzn-RequestId") {
		t.Errorf("GET %s: the event's requestId %q is not the response's %q", path, g.RequestID, resp.Header.Get("x-amzn-RequestId"))
	}
	return g
}

// TestServeLambdaExample builds the Go handler of examples/lambda and
// serves the example with --functions, then with a --function one-off.
func TestServeLambdaExample(t *testing.T) {
	registry, handler := buildLambdaExample(t)
	api := filepath.Join(lambdaExample, "openapi.yaml")
	tests := []struct {
		name string
		args []string
	}{
		{"functions file", []string{"--functions", registry}},
		{"one-off function", []string{"--function", "hello=" + handler}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"--listen", "127.0.0.1:0", "--stage", "dev"}, tc.args...)
			s := startServe(t, append(args, api)...)
			base := s.baseURLs()[0]
			if strings.Contains(s.errOut.String(), "not supported") {
				t.Errorf("the Lambda route is announced as unsupported:\n%s", s.errOut)
			}
			for _, c := range []struct {
				path string
				want greeting
			}{
				{"/hello/Ada", greeting{Message: "Hello, Ada!", Path: "/hello/Ada", Method: "GET", Stage: "dev"}},
				{"/hello/x?name=Grace+Hopper", greeting{Message: "Hello, Grace Hopper!", Path: "/hello/x", Method: "GET", Stage: "dev"}},
			} {
				got := getGreeting(t, base, c.path)
				got.RequestID = ""
				if got != c.want {
					t.Errorf("GET %s: %+v, want %+v", c.path, got, c.want)
				}
			}
		})
	}
}

func TestServeRefusesUnknownFunction(t *testing.T) {
	dir := t.TempDir()
	api := filepath.Join(dir, "api.yaml")
	def := `openapi: 3.0.1
info: {title: t, version: "1"}
paths:
  /a:
    get:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:nope/invocations
  /b:
    get:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations
`
	registry := filepath.Join(dir, "functions.yaml")
	for file, data := range map[string]string{api: def, registry: "functions:\n  other: {command: [/bin/true]}\n"} {
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name    string
		args    []string
		wantErr string
		wantOut string
	}{
		{"unknown function", []string{"--functions", registry, api}, "serve: 1 of 1 definitions are invalid; nothing served",
			api + ":9: paths./a.get.x-amazon-apigateway-integration.uri: GET /a: function arn:aws:lambda:us-east-1:123456789012:function:nope is not defined in " + registry},
		{"bad registry", []string{"--functions", api, api}, "serve: --functions: functions: " + api + ":1: openapi: unknown field", ""},
		{"bad one-off", []string{"--function", "hello", api}, `serve: --function "hello": expected NAME=COMMAND`, ""},
		{"duplicate one-off", []string{"--function", "a=x", "--function", "a=y", api}, "function a already defined", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"serve", "--listen", "127.0.0.1:0"}, c.args...)
			out, err := runArchway(t, "", args...)
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("got error %v, want one containing %q", err, c.wantErr)
			}
			if !strings.Contains(out, c.wantOut) {
				t.Errorf("output has no %q:\n%s", c.wantOut, out)
			}
		})
	}
}

func TestIsLambda(t *testing.T) {
	const lambdaURI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"
	tests := []struct {
		in   *model.Integration
		want bool
	}{
		{&model.Integration{Type: model.IntegrationAWSProxy, URI: lambdaURI}, true},
		{&model.Integration{Type: model.IntegrationAWS, URI: lambdaURI}, true},
		{&model.Integration{Type: model.IntegrationAWS, URI: "arn:aws:apigateway:us-east-1:s3:path/b/k"}, false},
		{&model.Integration{Type: model.IntegrationHTTP, URI: "https://example.com"}, false},
		{nil, false},
	}
	for _, tc := range tests {
		if got := isLambda(tc.in); got != tc.want {
			t.Errorf("isLambda(%+v) = %v, want %v", tc.in, got, tc.want)
		}
	}
	reg, err := functions.New()
	if err != nil {
		t.Fatal(err)
	}
	inv := lambda.New(reg, lambda.Options{})
	defer inv.Close()
	_, err = awsInvoker(inv).Invoke(t.Context(), &integration.Request{Method: "POST", URI: "arn:aws:apigateway:us-east-1:s3:path/b/k"})
	if err == nil || !strings.Contains(err.Error(), "AWS service integrations are not supported yet") {
		t.Errorf("S3 integration: %v", err)
	}
	_, err = awsInvoker(inv).Invoke(t.Context(), &integration.Request{Method: "POST", URI: lambdaURI})
	if !errors.Is(err, functions.ErrNotFound) {
		t.Errorf("unknown function: %v", err)
	}
}
