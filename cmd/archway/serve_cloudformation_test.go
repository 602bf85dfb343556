package main

import (
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
