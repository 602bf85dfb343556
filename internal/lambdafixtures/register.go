package lambdafixtures

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"

	"archway/internal/functions"
	"archway/internal/integration/lambda/runtime"
)

// ProgramPackage is the import path of the fixture program.
const ProgramPackage = "archway/internal/lambdafixtures/fixture"

// Build compiles the fixture program into dir with the go tool and
// returns its path. It must run inside the archway module.
func Build(ctx context.Context, dir string) (string, error) {
	out := filepath.Join(dir, "archway-lambda-fixture")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, ProgramPackage)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("lambdafixtures: go build: %w: %s", err, msg)
	}
	return out, nil
}

// LocalFunction registers a fixture (a lambda:* name and its backend.args
// JSON) as the local function name in region and account, run by program
// (from Build).
func LocalFunction(name, region, account, program, fixture string, args []byte) *functions.Function {
	return &functions.Function{
		Name:   name,
		Region: region,
		ARN:    "arn:aws:lambda:" + region + ":" + account + ":function:" + name,
		Local: &functions.Local{
			Command: []string{program},
			Env:     []string{"ARCHWAY_FIXTURE=" + fixture, "ARCHWAY_FIXTURE_ARGS=" + string(args)},
		},
	}
}

// InvokeAPI serves the Lambda Invoke REST API (fixtures.md 2.1) for
// in-process fixtures keyed by function name: POST
// /2015-03-31/functions/{name, partial or full ARN}/invocations.
func InvokeAPI(fixtures map[string]Fixture) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.EscapedPath(), "/2015-03-31/functions/")
		name, ok2 := strings.CutSuffix(name, "/invocations")
		name, err := url.PathUnescape(name)
		f := fixtures[functionName(name)]
		w.Header().Set("Content-Type", "application/json")
		if !ok || !ok2 || err != nil || r.Method != http.MethodPost || f == nil {
			w.Header().Set("x-amzn-ErrorType", "ResourceNotFoundException")
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"Type":"User","message":"Function not found: `+url.PathEscape(name)+`"}`)
			return
		}
		payload, err := io.ReadAll(r.Body)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		id := runtime.NewRequestID()
		out := f(id, payload)
		w.Header().Set("X-Amz-Executed-Version", "$LATEST")
		w.Header().Set("x-amzn-RequestId", id)
		if out.Error {
			w.Header().Set("X-Amz-Function-Error", "Unhandled")
		}
		_, _ = w.Write(out.Payload)
	})
}

// functionName extracts the name from a name, partial ARN or full ARN,
// qualified or not.
func functionName(ref string) string {
	parts := strings.Split(ref, ":")
	switch {
	case len(parts) >= 7 && parts[0] == "arn":
		return parts[6]
	case len(parts) >= 3 && parts[1] == "function":
		return parts[2]
	}
	return parts[0]
}
