package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runAsArchway, set in the environment, makes the test binary run the
// archway command instead of the tests, so that tests can check exit codes
// and signals on a real process.
const runAsArchway = "ARCHWAY_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runAsArchway) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestValidateListsEveryError(t *testing.T) {
	out, err := runArchway(t, "", "validate", "testdata/broken.yaml", "testdata/badtemplates.yaml",
		"testdata/mixed.yaml", petstore)
	if err == nil || err.Error() != "validate: 2 of 4 definitions are invalid" {
		t.Errorf("got error %v, want 2 of 4 definitions invalid", err)
	}
	golden := filepath.Join("testdata", "validate.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("output differs from %s:\n%s", golden, out)
	}
	// Every error the definitions hold, by file, line and field.
	for _, e := range []string{
		"testdata/broken.yaml:7: paths./orders.get.x-amazon-apigateway-integration.type: ",
		"testdata/broken.yaml:11: paths./orders.post.x-amazon-apigateway-integration.uri: ",
		"testdata/broken.yaml:14: paths./orders.post.x-amazon-apigateway-integration.timeoutInMillis: ",
		"testdata/broken.yaml:15: paths./orders.post.x-amazon-apigateway-integration.passthroughBehavior: ",
		"testdata/broken.yaml:23: paths./orders/{id}.delete.x-amazon-apigateway-integration.responses.default.statusCode: ",
		"testdata/broken.yaml: invalid (5 errors, 0 warnings)",
		"testdata/badtemplates.yaml:9: paths./orders.get.x-amazon-apigateway-integration.requestTemplates.application/json: invalid mapping template: line 3",
		"testdata/badtemplates.yaml:13: paths./orders.get.x-amazon-apigateway-integration.responses.4\\d{2: invalid selection pattern",
		"testdata/badtemplates.yaml:18: paths./orders.get.x-amazon-apigateway-integration.responses.default.responseTemplates.application/json: invalid mapping template: line 1, column 26",
		"testdata/badtemplates.yaml:27: paths./orders.post.x-amazon-apigateway-integration.responses.default.responseTemplates.application/json: invalid mapping template: line 1, column 25",
		"testdata/badtemplates.yaml: invalid (4 errors, 0 warnings)",
		"warning: testdata/mixed.yaml:17: paths./proxy.get.x-amazon-apigateway-integration.type: GET /proxy calls a Lambda function, and no function is configured",
		"testdata/mixed.yaml: valid (1 warning)",
		petstore + ": valid (0 warnings)",
	} {
		if !strings.Contains(out, "\n"+e) && !strings.HasPrefix(out, e) {
			t.Errorf("no line starting with %q in:\n%s", e, out)
		}
	}
}

func TestValidateExitCode(t *testing.T) {
	cases := []struct {
		name     string
		files    []string
		code     int
		stdout   string
		stderr   string
		noStderr bool
	}{
		{"valid", []string{petstore}, 0, petstore + ": valid (0 warnings)\n", "", true},
		{"broken", []string{"testdata/broken.yaml", petstore}, 1,
			"testdata/broken.yaml: invalid (5 errors, 0 warnings)",
			"archway: validate: 1 of 2 definitions are invalid\n", false},
		{"missing file", []string{"testdata/nope.yaml"}, 1,
			"openapi: open testdata/nope.yaml: no such file or directory\ntestdata/nope.yaml: invalid (1 error, 0 warnings)\n",
			"archway: validate: 1 of 1 definitions are invalid\n", false},
		{"no file", nil, 1, "", "archway: requires at least 1 arg(s), only received 0\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := runProcess(t, append([]string{"validate"}, c.files...)...)
			if code != c.code {
				t.Errorf("exit code %d, want %d", code, c.code)
			}
			if !strings.Contains(stdout, c.stdout) {
				t.Errorf("stdout has no %q:\n%s", c.stdout, stdout)
			}
			if c.noStderr && stderr != "" || !strings.Contains(stderr, c.stderr) {
				t.Errorf("stderr is %q, want %q", stderr, c.stderr)
			}
		})
	}
}
