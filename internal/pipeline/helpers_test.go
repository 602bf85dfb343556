package pipeline_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"archway/internal/compile"
	"archway/internal/pipeline"
	"archway/internal/plan"
	"archway/internal/source/openapi"
)

// compilePlan imports an OpenAPI document and compiles it for stage "dev"
// with the given stage variables (NAME=VALUE).
func compilePlan(t testing.TB, doc string, vars ...string) *plan.Plan {
	t.Helper()
	api, _, err := openapi.Parse("test.yaml", []byte(doc))
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	st := compile.StageConfig{Name: "dev", AccountID: "123456789012"}
	for _, kv := range vars {
		k, v, _ := strings.Cut(kv, "=")
		st.Variables.Set(k, v)
	}
	p, err := compile.Compile(api, st)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return p
}

// serve starts a loopback server for the plan.
func serve(t *testing.T, p *plan.Plan, opts pipeline.Options) (*httptest.Server, *pipeline.Handler) {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	h := pipeline.New(p, opts)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, h
}

// response is what a test request got.
type response struct {
	status int
	header http.Header
	body   string
}

// do sends a request; headers are NAME: VALUE lines.
func do(t *testing.T, srv *httptest.Server, method, target, body string, headers ...string) response {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, srv.URL+target, rd)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		req.Header.Set(k, v)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

// check compares a response with the expected status and body.
func (r response) check(t *testing.T, status int, body string) {
	t.Helper()
	if r.status != status || r.body != body {
		t.Errorf("got %d %q, want %d %q", r.status, r.body, status, body)
	}
}
