package runner

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"

	"archway/internal/conformance"
	"archway/internal/functions"
	"archway/internal/integration"
	"archway/internal/integration/lambda"
	"archway/internal/lambdafixtures"
)

// fixtureProgram is the lambda:* fixture program, built once per Run
// (building it takes seconds; each vector then starts its own process).
var fixtureProgram struct {
	mu        sync.Mutex
	built     bool
	dir, path string
	err       error
}

// lambdaProgram builds the fixture program on first use.
func lambdaProgram() (string, error) {
	fp := &fixtureProgram
	fp.mu.Lock()
	defer fp.mu.Unlock()
	if !fp.built {
		fp.built = true
		fp.dir, fp.err = os.MkdirTemp("", "archway-lambda-fixture-")
		if fp.err == nil {
			fp.path, fp.err = lambdafixtures.Build(context.Background(), fp.dir)
		}
	}
	return fp.path, fp.err
}

// removeLambdaProgram deletes the fixture program, if it was built.
func removeLambdaProgram() {
	fp := &fixtureProgram
	fp.mu.Lock()
	defer fp.mu.Unlock()
	if fp.dir != "" {
		_ = os.RemoveAll(fp.dir)
	}
	fp.built, fp.dir, fp.path, fp.err = false, "", "", nil
}

// lambdaFixture is a running lambda:* fixture (fixtures.md section 2): the
// function lambda_function_name, a real handler process under Archway's
// Runtime API host, and the payload of its last invocation.
type lambdaFixture struct {
	inv *lambda.Invoker

	mu   sync.Mutex
	last []byte
}

// startLambdaFixture registers b's fixture as the local function the
// placeholders name. Its process starts on the first invocation.
func startLambdaFixture(b *conformance.Backend) (*lambdaFixture, error) {
	program, err := lambdaProgram()
	if err != nil {
		return nil, fmt.Errorf("runner: %w", err)
	}
	if _, err := lambdafixtures.New(b.Fixture, b.Args); err != nil {
		return nil, fmt.Errorf("runner: %w", err)
	}
	fn := lambdafixtures.LocalFunction(placeholderValues["lambda_function_name"], placeholderValues["region"],
		placeholderValues["account_id"], program, b.Fixture, b.Args)
	reg, err := functions.New(fn)
	if err != nil {
		return nil, fmt.Errorf("runner: %w", err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	return &lambdaFixture{inv: lambda.New(reg, lambda.Options{Logger: quiet})}, nil
}

// Invoke invokes the function and records the payload it was given.
func (f *lambdaFixture) Invoke(ctx context.Context, req *integration.Request) (*integration.Response, error) {
	resp, err := f.inv.Invoke(ctx, req)
	if err == nil {
		f.mu.Lock()
		f.last = append([]byte(nil), req.Body...)
		f.mu.Unlock()
	}
	return resp, err
}

// reset forgets the invocations made so far.
func (f *lambdaFixture) reset() {
	f.mu.Lock()
	f.last = nil
	f.mu.Unlock()
}

// record returns the fixture's record of the main request.
func (f *lambdaFixture) record() *conformance.BackendRecord {
	f.mu.Lock()
	defer f.mu.Unlock()
	return &conformance.BackendRecord{LambdaEvent: f.last}
}

// Close stops the function's processes.
func (f *lambdaFixture) Close() error { return f.inv.Close() }
