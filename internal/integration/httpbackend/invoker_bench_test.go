package httpbackend_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"archway/internal/integration"
	"archway/internal/integration/httpbackend"
)

// BenchmarkInvokeStreamed measures an HTTP_PROXY call whose response is
// buffered whole (pooled) and handed back as a stream, as the pipeline
// asks for it.
func BenchmarkInvokeStreamed(b *testing.B) {
	for _, size := range []int{1 << 10, 256 << 10} {
		b.Run(strconv.Itoa(size), func(b *testing.B) {
			body := strings.Repeat("x", size)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Length", strconv.Itoa(size))
				_, _ = io.WriteString(w, body)
			}))
			defer srv.Close()
			inv := httpbackend.New(httpbackend.Config{})
			defer inv.Close()
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				resp, err := inv.Invoke(b.Context(), &integration.Request{Method: "GET", URI: srv.URL + "/x",
					Header: http.Header{}, StreamResponse: true})
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.BodyStream)
				_ = resp.BodyStream.Close()
			}
		})
	}
}
