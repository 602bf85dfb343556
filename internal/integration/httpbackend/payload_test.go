package httpbackend_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"archway/internal/integration"
	"archway/internal/integration/httpbackend"
)

// stallingBackend answers with its headers and the first part of a body,
// then waits until the request ends, never sending the rest. With
// declared, the header gives the full length; else the body is chunked.
func stallingBackend(t *testing.T, declared bool) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if declared {
			w.Header().Set("Content-Length", "1000")
		}
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, "the first part")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestInvokeTimeoutCoversBody checks that the call's deadline bounds
// reading the whole body: a backend that stalls after its headers gives a
// deadline error (504 INTEGRATION_TIMEOUT in the pipeline), whether or not
// the response is streamed to the caller.
func TestInvokeTimeoutCoversBody(t *testing.T) {
	inv := httpbackend.New(httpbackend.Config{})
	defer inv.Close()
	tests := []struct {
		name     string
		declared bool
		stream   bool
	}{
		{"length given, streamed", true, true},
		{"length given, read whole", true, false},
		{"chunked, streamed", false, true},
		{"chunked, read whole", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := stallingBackend(t, tc.declared)
			ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
			defer cancel()
			resp, err := inv.Invoke(ctx, &integration.Request{Method: "GET", URI: srv.URL, Header: http.Header{},
				StreamResponse: tc.stream})
			if err == nil {
				t.Fatalf("no error; response %d, length %d", resp.Status, resp.ContentLength)
			}
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("error is not the deadline: %v", err)
			}
		})
	}
}

// TestInvokeResponsePayload checks the payload handed back, streamed or
// not, with the length given by the backend or chunked.
func TestInvokeResponsePayload(t *testing.T) {
	large := strings.Repeat("0123456789abcdef", 1<<17) // 2 MiB: past the pooled size
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := r.URL.Query().Get("body")
		if r.URL.Query().Get("large") != "" {
			body = large
		}
		if r.URL.Query().Get("chunked") == "" {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		w.WriteHeader(http.StatusAccepted)
		// Written in two parts, so that a chunked body has two chunks.
		half := len(body) / 2
		_, _ = io.WriteString(w, body[:half])
		w.(http.Flusher).Flush()
		_, _ = io.WriteString(w, body[half:])
	}))
	defer srv.Close()
	inv := httpbackend.New(httpbackend.Config{})
	defer inv.Close()
	tests := []struct {
		name   string
		query  string
		stream bool
		want   string
	}{
		{"length given, streamed", "?body=hello", true, "hello"},
		{"length given, read whole", "?body=hello", false, "hello"},
		{"chunked, streamed", "?body=hello&chunked=1", true, "hello"},
		{"chunked, read whole", "?body=hello&chunked=1", false, "hello"},
		{"empty, streamed", "?body=", true, ""},
		{"empty, read whole", "?body=", false, ""},
		{"large chunked, streamed", "?large=1&chunked=1", true, large},
		{"large, read whole", "?large=1", false, large},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Twice, so that the second call reuses a pooled buffer.
			for range 2 {
				resp, err := invoke(t, inv, &integration.Request{Method: "GET", URI: srv.URL + tc.query,
					Header: http.Header{}, StreamResponse: tc.stream})
				if err != nil {
					t.Fatal(err)
				}
				if resp.Status != http.StatusAccepted {
					t.Errorf("status %d", resp.Status)
				}
				body := resp.Body
				if tc.stream {
					if resp.BodyStream == nil || resp.Body != nil {
						t.Fatalf("streamed response has BodyStream %v, Body %q", resp.BodyStream, resp.Body)
					}
					if resp.ContentLength != int64(len(tc.want)) {
						t.Errorf("ContentLength = %d, want %d", resp.ContentLength, len(tc.want))
					}
					var buf bytes.Buffer
					if _, err := io.Copy(&buf, resp.BodyStream); err != nil {
						t.Fatal(err)
					}
					if err := resp.BodyStream.Close(); err != nil {
						t.Fatal(err)
					}
					body = buf.Bytes()
				} else if resp.BodyStream != nil {
					t.Fatal("BodyStream set without StreamResponse")
				}
				if string(body) != tc.want {
					t.Errorf("body of %d bytes, want %d", len(body), len(tc.want))
				}
			}
		})
	}
}

// TestInvokeDeclaredTooLarge checks that a response whose declared length
// is above the limit fails without being read.
func TestInvokeDeclaredTooLarge(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(httpbackend.MaxPayload+1))
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	defer srv.Close()
	inv := httpbackend.New(httpbackend.Config{})
	defer inv.Close()
	for _, stream := range []bool{true, false} {
		_, err := invoke(t, inv, &integration.Request{Method: "GET", URI: srv.URL, Header: http.Header{}, StreamResponse: stream})
		if err == nil || !strings.Contains(err.Error(), "exceeds") || errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("StreamResponse %v: error %v, want a size error", stream, err)
		}
	}
}

// TestInvokePayloadLimit checks responses at and just past MaxPayload,
// with their length given or chunked, streamed or not.
func TestInvokePayloadLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		size, _ := strconv.Atoi(r.URL.Query().Get("size"))
		if r.URL.Query().Get("chunked") == "" {
			w.Header().Set("Content-Length", strconv.Itoa(size))
		}
		chunk := make([]byte, 64<<10)
		for size > 0 {
			n := min(size, len(chunk))
			if _, err := w.Write(chunk[:n]); err != nil {
				return
			}
			size -= n
		}
	}))
	defer srv.Close()
	inv := httpbackend.New(httpbackend.Config{})
	defer inv.Close()
	limit := strconv.Itoa(httpbackend.MaxPayload)
	over := strconv.Itoa(httpbackend.MaxPayload + 1)
	tests := []struct {
		name    string
		query   string
		stream  bool
		wantErr bool
	}{
		{name: "limit, length given", query: "size=" + limit},
		{name: "limit, chunked, streamed", query: "size=" + limit + "&chunked=1", stream: true},
		{name: "past the limit, length given", query: "size=" + over, wantErr: true},
		{name: "past the limit, chunked", query: "size=" + over + "&chunked=1", wantErr: true},
		{name: "past the limit, chunked, streamed", query: "size=" + over + "&chunked=1", stream: true, wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := invoke(t, inv, &integration.Request{Method: "GET", URI: srv.URL + "/?" + tc.query,
				Header: http.Header{}, StreamResponse: tc.stream})
			if tc.wantErr {
				if err == nil || !strings.Contains(err.Error(), "exceeds") {
					t.Fatalf("error %v, want a size error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			n := int64(len(resp.Body))
			if tc.stream {
				n, err = io.Copy(io.Discard, resp.BodyStream)
				resp.BodyStream.Close()
				if err != nil {
					t.Fatal(err)
				}
			}
			if n != httpbackend.MaxPayload {
				t.Errorf("%d bytes, want %d", n, httpbackend.MaxPayload)
			}
		})
	}
}
