package server_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"archway/internal/server"
)

// guard bounds every network wait so that a broken server fails a test
// instead of hanging it. No test asserts how fast anything happens.
const guard = 5 * time.Second

// startH1 runs s on a loopback listener and returns its address and the
// channel Serve's result arrives on. The server is closed when the test
// ends, and the test fails if Serve does not return then.
func startH1(t *testing.T, s *server.HTTP1) (string, <-chan error) {
	t.Helper()
	if s.Logger == nil {
		s.Logger = slog.New(slog.DiscardHandler)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	finished := make(chan struct{})
	go func() {
		done <- s.Serve(ln)
		close(finished)
	}()
	t.Cleanup(func() {
		s.Close()
		select {
		case <-finished:
		case <-time.After(guard):
			t.Error("Serve did not return after Close")
		}
	})
	return ln.Addr().String(), done
}

// startHandler serves h with the default limits and returns the address.
func startHandler(t *testing.T, h http.HandlerFunc) string {
	t.Helper()
	addr, _ := startH1(t, &server.HTTP1{Handler: h})
	return addr
}

// byIndex returns a handler that passes a request for /N to the handler
// of table case N, as handler(N) gives it; tables request "/0", "/1"...
func byIndex(n int, handler func(i int) http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		if err != nil || i < 0 || i >= n {
			http.Error(w, "no such case", http.StatusNotFound)
			return
		}
		handler(i)(w, r)
	}
}

// h1Conn is a raw client connection to the server under test.
type h1Conn struct {
	t  *testing.T
	c  net.Conn
	br *bufio.Reader
}

// dialH1 opens a connection to addr, closed when the test ends.
func dialH1(t *testing.T, addr string) *h1Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	c.SetDeadline(time.Now().Add(guard))
	t.Cleanup(func() { c.Close() })
	return &h1Conn{t: t, c: c, br: bufio.NewReader(c)}
}

// send writes s as it is.
func (c *h1Conn) send(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.c, s); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// response reads one response to a request with the given method and
// returns it with its whole body.
func (c *h1Conn) response(method string) (*http.Response, string) {
	c.t.Helper()
	resp, err := http.ReadResponse(c.br, &http.Request{Method: method})
	if err != nil {
		c.t.Fatalf("reading the response: %v", err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("reading the response body: %v", err)
	}
	return resp, string(body)
}

// rawResponse reads one response to a request with method and returns
// its bytes as the server wrote them. The body is delimited by the
// Content-Length field, absent for HEAD, 1xx, 204 and 304.
func (c *h1Conn) rawResponse(method string) string {
	c.t.Helper()
	var head strings.Builder
	length := 0
	for {
		line, err := c.br.ReadString('\n')
		if err != nil {
			c.t.Fatalf("reading a response head: %v (read %q)", err, head.String()+line)
		}
		head.WriteString(line)
		if line == "\r\n" {
			break
		}
		name, value, _ := strings.Cut(strings.TrimRight(line, "\r\n"), ":")
		if strings.EqualFold(name, "Content-Length") {
			if n, err := strconv.Atoi(strings.TrimSpace(value)); err == nil {
				length = n
			}
		}
	}
	_, code, _ := strings.Cut(statusLine(head.String()), " ")
	code, _, _ = strings.Cut(code, " ")
	if method == http.MethodHead || strings.HasPrefix(code, "1") || code == "204" || code == "304" {
		return head.String()
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(c.br, body); err != nil {
		c.t.Fatalf("reading a response body: %v", err)
	}
	return head.String() + string(body)
}

// fieldValues returns the values of the header lines of the first response
// in raw that are named name, compared case-insensitively.
func fieldValues(raw, name string) []string {
	var out []string
	for _, line := range headerLines(raw) {
		n, v, _ := strings.Cut(line, ":")
		if strings.EqualFold(n, name) {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}

// rest reads until the server closes the connection and returns what it
// read; the test fails if the connection is still open at the guard's end.
func (c *h1Conn) rest() string {
	c.t.Helper()
	var buf bytes.Buffer
	_, err := io.Copy(&buf, c.br)
	if err != nil && !errors.Is(err, syscall.ECONNRESET) {
		c.t.Fatalf("connection not closed by the server: %v (read %q)", err, buf.String())
	}
	return buf.String()
}

// closed checks that the server closed the connection without sending
// anything more.
func (c *h1Conn) closed() {
	c.t.Helper()
	if extra := c.rest(); extra != "" {
		c.t.Errorf("bytes after the last response: %q", extra)
	}
}

// open checks that the connection still serves requests.
func (c *h1Conn) open() {
	c.t.Helper()
	c.send("GET /still-open HTTP/1.1\r\nHost: h\r\n\r\n")
	c.response(http.MethodGet)
}

// exchange sends raw on a new connection and returns every byte the server
// wrote until it closed the connection.
func exchange(t *testing.T, addr, raw string) string {
	t.Helper()
	c := dialH1(t, addr)
	c.send(raw)
	return c.rest()
}

// parseResponse parses one raw response to a request with method.
func parseResponse(t *testing.T, raw, method string) (*http.Response, string) {
	t.Helper()
	resp, err := http.ReadResponse(bufio.NewReader(strings.NewReader(raw)), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("parsing %q: %v", raw, err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("parsing the body of %q: %v", raw, err)
	}
	return resp, string(body)
}

// statusLine returns the first line of raw without its CRLF.
func statusLine(raw string) string {
	line, _, _ := strings.Cut(raw, "\r\n")
	return line
}

// headerLines returns the header lines of the first response in raw.
func headerLines(raw string) []string {
	head, _, _ := strings.Cut(raw, "\r\n\r\n")
	lines := strings.Split(head, "\r\n")
	return lines[1:]
}

// ok answers every request with 200 and the body "ok".
func ok(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok") }

// echo answers with the request's path and body.
func echo(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "body: "+err.Error(), http.StatusTeapot)
		return
	}
	fmt.Fprintf(w, "%s %s", r.URL.Path, b)
}

// logRecorder is a slog.Handler keeping every record as text.
type logRecorder struct {
	mu      sync.Mutex
	records []string
	added   chan struct{}
}

func newLogRecorder() *logRecorder { return &logRecorder{added: make(chan struct{}, 100)} }

func (l *logRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (l *logRecorder) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *logRecorder) WithGroup(string) slog.Handler            { return l }
func (l *logRecorder) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", r.Level, r.Message)
	r.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	})
	l.mu.Lock()
	l.records = append(l.records, b.String())
	l.mu.Unlock()
	select {
	case l.added <- struct{}{}:
	default:
	}
	return nil
}

// containing returns the records that contain s.
func (l *logRecorder) containing(s string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, r := range l.records {
		if strings.Contains(r, s) {
			out = append(out, r)
		}
	}
	return out
}

// waitFor waits until a record contains s and fails the test otherwise.
func (l *logRecorder) waitFor(t *testing.T, s string) {
	t.Helper()
	deadline := time.After(guard)
	for len(l.containing(s)) == 0 {
		select {
		case <-l.added:
		case <-deadline:
			t.Errorf("nothing logged containing %q", s)
			return
		}
	}
}
