package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestServeTerraformLambdaExample serves examples/terraform-lambda as its
// README walks through: the aws_lambda_function's local directory runs as
// a Node.js handler behind a non-proxy (AWS) integration, its errors
// selected by selection_pattern.
func TestServeTerraformLambdaExample(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is needed to run the example's function (.ci/run installs it)")
	}
	s := startServe(t, "--listen", "127.0.0.1:0", "../../examples/terraform-lambda")
	if !strings.Contains(s.banner[0], "Serving greeter from ../../examples/terraform-lambda Terraform configuration at") ||
		!strings.Contains(strings.Join(s.banner, "\n"), "Mounting GET / (AWS) at") {
		t.Fatalf("banner:\n%s", strings.Join(s.banner, "\n"))
	}
	tests := []exchange{
		{name: "greeting", method: "GET", path: "/?name=Ada", status: 200, want: `{"greeting":"Hello, Ada!"}`},
		{name: "escaped by the request template", method: "GET", path: "/?name=%22Ada%22", status: 200,
			want: `{"greeting":"Hello, \"Ada\"!"}`},
		{name: "function error selected", method: "GET", path: "/", status: 400,
			want: `{"error": "Bad request: say who to greet with ?name="}`},
	}
	for _, tt := range tests {
		tt.check(t, s.baseURLs()[0])
	}
}

// TestValidateTerraformShowJSON names the kind it found.
func TestValidateTerraformShowJSON(t *testing.T) {
	out, err := runArchway(t, "", "validate", "../../internal/source/terraform/testdata/showjson/show-state.json")
	if err != nil || !strings.Contains(out, "show-state.json: valid terraform show -json output (0 warnings)") {
		t.Fatalf("got %v:\n%s", err, out)
	}
}
