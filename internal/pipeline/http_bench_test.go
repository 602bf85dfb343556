package pipeline_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"archway/internal/integration"
	"archway/internal/integration/httpbackend"
	"archway/internal/pipeline"
	"archway/internal/plan"
)

// BenchmarkHTTPProxyRequest measures an HTTP_PROXY request through the
// whole pipeline to a loopback backend and back, body streamed both ways.
func BenchmarkHTTPProxyRequest(b *testing.B) {
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"ok": true}`)
	}))
	defer backend.Close()
	inv := httpbackend.New(httpbackend.Config{})
	defer inv.Close()
	doc := `
openapi: 3.0.1
info: {title: bench, version: "1"}
paths:
  /{proxy+}:
    x-amazon-apigateway-any-method:
      parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: ANY, uri: "` + backend.URL + `/{proxy}"}
`
	h := pipeline.New(compilePlan(b, doc), pipeline.Options{
		Invokers: map[plan.IntegrationType]integration.Invoker{plan.HTTPProxy: inv},
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/dev/items/1?q=x", strings.NewReader(`{"name": "x"}`))
		req.RequestURI = "/dev/items/1?q=x"
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}
