package runtime

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func benchPool(b *testing.B) *Pool {
	b.Helper()
	p, err := NewPool(Config{Name: "bench", Command: []string{handlerBin}, Dir: b.TempDir(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { p.Close() })
	return p
}

// BenchmarkWarmInvoke measures one invocation of a warm aws-lambda-go
// process through the Runtime API host.
func BenchmarkWarmInvoke(b *testing.B) {
	p := benchPool(b)
	payload := []byte(`{"message":"hello world"}`)
	if _, err := p.Invoke(context.Background(), payload, InvokeOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Invoke(context.Background(), payload, InvokeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkColdStart measures process start to first response.
func BenchmarkColdStart(b *testing.B) {
	payload := []byte(`{}`)
	b.ReportAllocs()
	for b.Loop() {
		p := benchPool(b)
		if _, err := p.Invoke(context.Background(), payload, InvokeOptions{}); err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}

// BenchmarkLoopbackRoundTrip is the baseline for BenchmarkWarmInvoke: one
// HTTP request/response on loopback, the least any out-of-process
// invocation costs.
func BenchmarkLoopbackRoundTrip(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		_, _ = w.Write(body)
	}))
	defer srv.Close()
	payload := []byte(`{"message":"hello world"}`)
	b.ReportAllocs()
	for b.Loop() {
		resp, err := http.Post(srv.URL, "application/json", bytes.NewReader(payload))
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

// BenchmarkNodeWarmInvoke measures one invocation of a warm Node.js
// handler run by Archway's bootstrap.
func BenchmarkNodeWarmInvoke(b *testing.B) {
	if _, err := exec.LookPath("node"); err != nil {
		b.Skip("node is not installed")
	}
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.js"), []byte(nodeHandlers), 0o644); err != nil {
		b.Fatal(err)
	}
	p, err := NewPool(Config{Name: "node-bench", Dir: dir, Handler: "index.handler", Runtime: "nodejs20.x",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	payload := []byte(`{"message":"hello world"}`)
	if _, err := p.Invoke(context.Background(), payload, InvokeOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Invoke(context.Background(), payload, InvokeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
