package pipeline_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"archway/internal/pipeline"
)

// BenchmarkMockRequest measures a MOCK request through the whole pipeline:
// route, request template, integration, response template, headers.
func BenchmarkMockRequest(b *testing.B) {
	p := compilePlan(b, routesDoc)
	h := pipeline.New(p, pipeline.Options{})
	req := httptest.NewRequest("GET", "/dev/pets/42", nil)
	req.RequestURI = "/dev/pets/42"
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// BenchmarkPetstoreRequest is the route bench/mock.sh serves:
// examples/petstore's GET /pets/1, a request template with a regular
// expression, MOCK, and a response template building a map literal.
func BenchmarkPetstoreRequest(b *testing.B) {
	doc, err := os.ReadFile("../../examples/petstore/openapi.yaml")
	if err != nil {
		b.Fatal(err)
	}
	h := pipeline.New(compilePlan(b, string(doc)), pipeline.Options{})
	req := httptest.NewRequest("GET", "/dev/pets/1", nil)
	req.RequestURI = "/dev/pets/1"
	w := &discardWriter{header: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		clear(w.header)
		h.ServeHTTP(w, req)
		if w.status != http.StatusOK {
			b.Fatalf("status %d", w.status)
		}
	}
}

// discardWriter is a ResponseWriter that keeps only the status, as a
// server connection's writer costs nothing the pipeline should count.
type discardWriter struct {
	header http.Header
	status int
}

func (w *discardWriter) Header() http.Header         { return w.header }
func (w *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w *discardWriter) WriteHeader(status int)      { w.status = status }
