package main

import (
	"strings"
	"testing"
)

// httpAPIOnly is the example Terraform configuration that defines an HTTP API
// (apigatewayv2) and no REST API.
const httpAPIOnly = "../../examples/terraform-httpapi"

const notServedYet = `awscc_apigatewayv2_api.greetings: HTTP API "greetings-api" is loaded and validated but not served yet: Archway serves REST APIs only`

func TestHTTPAPIOnlyConfiguration(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"validate", []string{"validate", httpAPIOnly}, 0,
			[]string{"warning: " + httpAPIOnly + "/main.tf:25: " + notServedYet,
				httpAPIOnly + ": valid Terraform configuration (1 warning)"}, nil},
		{"serve", []string{"serve", "--listen", "127.0.0.1:0", httpAPIOnly}, 1, nil,
			[]string{"warning: " + httpAPIOnly + "/main.tf:25: " + notServedYet,
				"archway: serve: the definitions define no REST API; HTTP APIs (apigatewayv2) are loaded and validated but not served yet"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := runProcess(t, c.args...)
			if code != c.code {
				t.Errorf("exit code %d, want %d", code, c.code)
			}
			for _, want := range c.stdout {
				if !strings.Contains(stdout, want+"\n") {
					t.Errorf("stdout has no line %q:\n%s", want, stdout)
				}
			}
			for _, want := range c.stderr {
				if !strings.Contains(stderr, want+"\n") {
					t.Errorf("stderr has no line %q:\n%s", want, stderr)
				}
			}
		})
	}
}

func TestServeSkipsHTTPAPIOnlyDefinition(t *testing.T) {
	s := startServe(t, "--listen", "127.0.0.1:0", petstore, httpAPIOnly)
	if urls := s.baseURLs(); len(urls) != 1 {
		t.Fatalf("want the REST API alone served, got banner:\n%s", strings.Join(s.banner, "\n"))
	}
	if !strings.Contains(s.errOut.String(), notServedYet) {
		t.Errorf("the HTTP API is not announced as not served:\n%s", s.errOut)
	}
}
