package pipeline_test

import (
	"net/http"
	"net/http/httptest"
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
