package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestValidateParameters(t *testing.T) {
	out, err := runArchway(t, "", "validate", "--parameter", "Nope=1", "../../examples/cloudformation/template.yaml")
	if err == nil || !strings.Contains(out, "Parameters: [Nope] do not exist in the template") {
		t.Errorf("an undeclared parameter must be refused; got %v:\n%s", err, out)
	}
	out, err = runArchway(t, "", "validate", "--parameter", "Greeting=Hola", "../../examples/cloudformation/template.yaml")
	if err != nil || !strings.Contains(out, "valid CloudFormation template") {
		t.Errorf("a declared parameter must be accepted; got %v:\n%s", err, out)
	}
	if _, err := runArchway(t, "", "validate", "--parameter", "novalue", "../../examples/cloudformation/template.yaml"); err == nil {
		t.Error("--parameter without = must be refused")
	}
}

// TestServeParameters: a parameter override changes what the template
// serves.
func TestServeParameters(t *testing.T) {
	s := startServe(t, "--listen", "127.0.0.1:0", "--parameter", "Greeting=Hola", "../../examples/cloudformation/template.yaml")
	resp, err := http.Get(s.baseURLs()[0] + "/greet/Ada")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if want := `{"message": "Hola, Ada!", "production": false}`; resp.StatusCode != 200 || string(body) != want {
		t.Errorf("GET /greet/Ada: %d %s, want 200 %s", resp.StatusCode, body, want)
	}
}
