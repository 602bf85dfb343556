package httpbackend_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"archway/internal/integration"
	"archway/internal/integration/httpbackend"
)

// then is what a scripted backend does after writing an answer.
type then int

const (
	keep   then = iota // wait for the next request
	hangUp             // close the connection
	stall              // wait until the client closes the connection
)

// script gives the answer to the n-th request of a connection (from 0):
// the bytes to write, and what to do next.
type script func(n int, req *http.Request) (string, then)

// rawBackend listens on loopback and hands each connection to handle, in
// a goroutine of its own; it returns the address. The listener closes,
// and the handlers are waited for, when the test ends.
func rawBackend(t *testing.T, handle func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() {
		ln.Close()
		wg.Wait()
	})
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() { handle(c) })
		}
	})
	return ln.Addr().String()
}

// scripted is a backend speaking raw HTTP/1.1 from a script. It counts
// connections and requests.
type scripted struct {
	addr   string
	answer script

	mu          sync.Mutex
	conns, reqs int
	bodies      []string
}

func newScripted(t *testing.T, answer script) *scripted {
	t.Helper()
	s := &scripted{answer: answer}
	s.addr = rawBackend(t, func(c net.Conn) {
		s.mu.Lock()
		s.conns++
		s.mu.Unlock()
		s.serve(c)
	})
	return s
}

// serve answers the requests of one connection.
func (s *scripted) serve(c net.Conn) {
	defer c.Close()
	br := bufio.NewReader(c)
	for n := 0; ; n++ {
		req, err := http.ReadRequest(br)
		if err != nil {
			return
		}
		body, _ := io.ReadAll(req.Body)
		s.mu.Lock()
		s.reqs++
		s.bodies = append(s.bodies, string(body))
		s.mu.Unlock()
		answer, next := s.answer(n, req)
		if _, err := io.WriteString(c, answer); err != nil || next == hangUp {
			return
		}
		if next == stall {
			_, _ = io.Copy(io.Discard, c)
			return
		}
	}
}

// url is the backend's address with path.
func (s *scripted) url(path string) string { return "http://" + s.addr + path }

// counts returns the connections and requests seen so far.
func (s *scripted) counts() (conns, reqs int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns, s.reqs
}

// always answers every request with answer, then does next.
func always(answer string, next then) script {
	return func(int, *http.Request) (string, then) { return answer, next }
}

// TestResponseFraming checks how responses are delimited and when their
// connection is kept: three requests in a row, and the connections they
// took.
func TestResponseFraming(t *testing.T) {
	const ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
	tests := []struct {
		name       string
		method     string
		answer     string
		next       then
		wantStatus int
		wantBody   string
		wantConns  int
	}{
		{name: "keep-alive", answer: ok, wantStatus: 200, wantBody: "ok", wantConns: 1},
		{name: "chunked", answer: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
			"1\r\no\r\n1;ext=1\r\nk\r\n0\r\nX-Trailer: t\r\n\r\n", wantStatus: 200, wantBody: "ok", wantConns: 1},
		{name: "Connection: close", answer: "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok",
			next: hangUp, wantStatus: 200, wantBody: "ok", wantConns: 3},
		{name: "body until the connection ends", answer: "HTTP/1.1 200 OK\r\n\r\nok", next: hangUp,
			wantStatus: 200, wantBody: "ok", wantConns: 3},
		{name: "HTTP/1.0", answer: "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", next: hangUp,
			wantStatus: 200, wantBody: "ok", wantConns: 3},
		{name: "HTTP/1.0 keep-alive", answer: "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok",
			wantStatus: 200, wantBody: "ok", wantConns: 1},
		{name: "HEAD: no body whatever the length", method: "HEAD",
			answer: "HTTP/1.1 200 OK\r\nContent-Length: 20000000\r\n\r\n", wantStatus: 200, wantConns: 1},
		{name: "204: no body", answer: "HTTP/1.1 204 No Content\r\n\r\n", wantStatus: 204, wantConns: 1},
		{name: "304: no body", answer: "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", wantStatus: 304, wantConns: 1},
		{name: "1xx skipped", answer: "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n" + ok,
			wantStatus: 200, wantBody: "ok", wantConns: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			backend := newScripted(t, always(tc.answer, tc.next))
			inv := httpbackend.New(httpbackend.Config{})
			defer inv.Close()
			method := tc.method
			if method == "" {
				method = "GET"
			}
			for i := range 3 {
				resp, err := invoke(t, inv, &integration.Request{Method: method, URI: backend.url("/x"), Header: http.Header{}})
				if err != nil {
					t.Fatalf("request %d: %v", i, err)
				}
				if resp.Status != tc.wantStatus || string(resp.Body) != tc.wantBody {
					t.Errorf("request %d: %d %q, want %d %q", i, resp.Status, resp.Body, tc.wantStatus, tc.wantBody)
				}
			}
			if conns, reqs := backend.counts(); conns != tc.wantConns || reqs != 3 {
				t.Errorf("%d connections for %d requests, want %d for 3", conns, reqs, tc.wantConns)
			}
		})
	}
}

// TestStaleConnection checks a backend that closes a kept connection when
// the next request arrives, without answering: a request that can be
// sent again is, once, on a new connection; others fail.
func TestStaleConnection(t *testing.T) {
	tests := []struct {
		name     string
		req      integration.Request
		wantErr  bool
		wantReqs int // requests the backend read, the first one included
	}{
		{name: "GET sent again", req: integration.Request{Method: "GET", Header: http.Header{}}, wantReqs: 3},
		{name: "HEAD sent again", req: integration.Request{Method: "HEAD", Header: http.Header{}}, wantReqs: 3},
		{name: "POST not sent again", req: integration.Request{Method: "POST", Header: http.Header{}, Body: []byte("b")},
			wantErr: true, wantReqs: 2},
		{name: "POST with an Idempotency-Key sent again", req: integration.Request{Method: "POST",
			Header: http.Header{"Idempotency-Key": {"k1"}}, Body: []byte("b")}, wantReqs: 3},
		{name: "streamed body not sent again", req: integration.Request{Method: "PUT",
			Header: http.Header{"Idempotency-Key": {"k1"}}, BodyStream: strings.NewReader("b"), ContentLength: 1},
			wantErr: true, wantReqs: 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The first request of a connection is answered; the
			// second ends the connection.
			backend := newScripted(t, func(n int, _ *http.Request) (string, then) {
				if n > 0 {
					return "", hangUp
				}
				return "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", keep
			})
			inv := httpbackend.New(httpbackend.Config{})
			defer inv.Close()
			if _, err := invoke(t, inv, &integration.Request{Method: "GET", URI: backend.url("/"), Header: http.Header{}}); err != nil {
				t.Fatal(err)
			}
			req := tc.req
			req.URI = backend.url("/again")
			_, err := invoke(t, inv, &req)
			if (err != nil) != tc.wantErr {
				t.Errorf("error %v, want one: %v", err, tc.wantErr)
			}
			if _, reqs := backend.counts(); reqs != tc.wantReqs {
				t.Errorf("backend read %d requests, want %d", reqs, tc.wantReqs)
			}
		})
	}
}

// TestInvalidResponses checks responses that cannot be used.
func TestInvalidResponses(t *testing.T) {
	early := "HTTP/1.1 103 Early Hints\r\n\r\n"
	tests := []struct {
		name     string
		answer   string
		contains string
	}{
		{"too many 1xx", strings.Repeat(early, 6) + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "1xx"},
		{"not HTTP", "SSH-2.0-OpenSSH_9.6\r\n\r\n", "malformed HTTP"},
		{"body cut short", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", "unexpected EOF"},
		{"chunked body cut short", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", "unexpected EOF"},
		{"conflicting lengths", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nok", "Content-Length"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			backend := newScripted(t, always(tc.answer, hangUp))
			inv := httpbackend.New(httpbackend.Config{})
			defer inv.Close()
			_, err := invoke(t, inv, &integration.Request{Method: "GET", URI: backend.url("/"), Header: http.Header{}})
			if err == nil || !strings.Contains(err.Error(), tc.contains) {
				t.Errorf("error %v, want one containing %q", err, tc.contains)
			}
		})
	}
}

// TestInvalidRequests checks that a request that cannot be written as it
// is fails before it reaches the backend.
func TestInvalidRequests(t *testing.T) {
	tests := []struct {
		name   string
		method string
		header http.Header
	}{
		{name: "line break in a value", header: http.Header{"X-A": {"a\r\nX-Injected: 1"}}},
		{name: "space in a name", header: http.Header{"X A": {"a"}}},
		{name: "empty name", header: http.Header{"": {"a"}}},
		{name: "space in the Host", header: http.Header{"Host": {"a b"}}},
		{name: "method not a token", method: "GET /x HTTP/1.1\r\n"},
	}
	backend := newScripted(t, always("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", keep))
	inv := httpbackend.New(httpbackend.Config{})
	defer inv.Close()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method := tc.method
			if method == "" {
				method = "GET"
			}
			_, err := invoke(t, inv, &integration.Request{Method: method, URI: backend.url("/"), Header: tc.header})
			if err == nil || !strings.Contains(err.Error(), "invalid request") {
				t.Errorf("error %v, want an invalid request", err)
			}
		})
	}
	if conns, _ := backend.counts(); conns != 0 {
		t.Errorf("the backend was reached %d times", conns)
	}
}

// TestInterruptedCall checks a call that ends while the backend has not
// answered whole: by its deadline (504 in the pipeline) or by its
// cancellation (the client left); the connection is not used again.
func TestInterruptedCall(t *testing.T) {
	tests := []struct {
		name     string
		answer   string // what the backend sends before it stalls
		cancel   bool
		deadline bool
	}{
		{name: "deadline before the headers", deadline: true},
		{name: "deadline mid-headers", answer: "HTTP/1.1 200 OK\r\nContent-", deadline: true},
		{name: "deadline mid-body", answer: "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", deadline: true},
		{name: "cancelled mid-body", answer: "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", cancel: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			backend := newScripted(t, func(_ int, r *http.Request) (string, then) {
				if r.URL.Path == "/ok" {
					return "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", keep
				}
				return tc.answer, stall
			})
			inv := httpbackend.New(httpbackend.Config{})
			defer inv.Close()
			// A kept connection first, so that the stalled call reuses it.
			if _, err := invoke(t, inv, &integration.Request{Method: "GET", URI: backend.url("/ok"), Header: http.Header{}}); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
			defer cancel()
			if tc.cancel {
				ctx, cancel = context.WithCancel(context.Background())
				time.AfterFunc(50*time.Millisecond, cancel)
			}
			_, err := inv.Invoke(ctx, &integration.Request{Method: "GET", URI: backend.url("/stall"), Header: http.Header{}})
			if err == nil {
				t.Fatal("no error")
			}
			if got := errors.Is(err, context.DeadlineExceeded); got != tc.deadline {
				t.Errorf("deadline error = %v, want %v: %v", got, tc.deadline, err)
			}
			if tc.cancel && !errors.Is(err, context.Canceled) {
				t.Errorf("error is not the cancellation: %v", err)
			}
			// The connection was left: the next call opens another.
			resp, err := invoke(t, inv, &integration.Request{Method: "GET", URI: backend.url("/ok"), Header: http.Header{}})
			if err != nil || string(resp.Body) != "ok" {
				t.Fatalf("next call: %v", err)
			}
			if conns, _ := backend.counts(); conns != 2 {
				t.Errorf("%d connections, want 2", conns)
			}
		})
	}
}

// TestEarlyAnswer checks a backend that answers before reading a large
// body and closes the connection: its answer is the response, although
// writing the body failed.
func TestEarlyAnswer(t *testing.T) {
	addr := rawBackend(t, func(c net.Conn) {
		defer c.Close()
		if _, err := http.ReadRequest(bufio.NewReader(c)); err == nil {
			_, _ = io.WriteString(c, "HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\nContent-Length: 8\r\n\r\ntoo much")
		}
	})
	inv := httpbackend.New(httpbackend.Config{})
	defer inv.Close()
	for _, stream := range []bool{false, true} {
		body := make([]byte, 8<<20)
		req := &integration.Request{Method: "POST", URI: "http://" + addr + "/upload", Header: http.Header{}, Body: body}
		if stream {
			req.Body, req.BodyStream, req.ContentLength = nil, bytes.NewReader(body), int64(len(body))
		}
		resp, err := invoke(t, inv, req)
		if err != nil {
			t.Fatalf("streamed %v: %v", stream, err)
		}
		if resp.Status != http.StatusRequestEntityTooLarge || string(resp.Body) != "too much" {
			t.Errorf("streamed %v: %d %q", stream, resp.Status, resp.Body)
		}
	}
}
