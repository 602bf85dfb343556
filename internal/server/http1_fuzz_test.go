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
	"net/http/httputil"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"archway/internal/server"
)

// fuzzGuard bounds each fuzz exchange: a server that neither answers nor
// closes the connection within it is taken to hang.
const fuzzGuard = 10 * time.Second

// requestSeeds are valid and invalid request streams for FuzzHTTP1Request.
var requestSeeds = []string{
	"GET / HTTP/1.1\r\nHost: h\r\n\r\n",
	// pipelined, with a HEAD whose response has no body bytes
	"GET /a?b=c HTTP/1.1\r\nHost: h\r\n\r\nHEAD /b HTTP/1.1\r\nHost: h\r\n\r\n" +
		"POST /c HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello" +
		"GET /d HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\nGET /unanswered HTTP/1.1\r\nHost: h\r\n\r\n",
	"POST /chunked HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" +
		"5;ext=1\r\nhello\r\n3\r\nabc\r\n0\r\nX-Trailer: t\r\n\r\nGET /after HTTP/1.1\r\nHost: h\r\n\r\n",
	"POST /bad-chunk HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
	"PUT /expect HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc",
	"PUT /expect HTTP/1.1\r\nHost: h\r\nExpect: later\r\nContent-Length: 3\r\n\r\nabc",
	"GET /old HTTP/1.0\r\n\r\nGET /unanswered HTTP/1.0\r\n\r\n",
	"GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\nPOST /old2 HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi",
	"GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + strings.Repeat("a", 11000) + "\r\n\r\n",
	"GET / HTTP/1.1\r\nHost: h\r\nX-Fold: a\r\n b\r\n\r\n",
	"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n" +
		"0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: h\r\n\r\n",
	"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
	"GET / HTTP/2.0\r\nHost: h\r\n\r\n",
	"GET / HTTP/1.1\nHost: h\n\nGET /bare-lf HTTP/1.1\nHost: h\n\n",
	"POST /short HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc",
	"GET http://example.com/abs HTTP/1.1\r\nHost: h\r\n\r\n",
	"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
	"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
	"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
}

// FuzzHTTP1Request writes arbitrary bytes to a connection, half-closes it
// and reads everything the server sends back, which must be a sequence of
// well-formed responses: interim 100s, then 200s (one for each request
// the handler saw, with the handler's body), then at most one error answer
// (400, 417, 431, 501 or 505) after which the connection ends. The server
// must neither panic nor hang.
func FuzzHTTP1Request(f *testing.F) {
	for _, s := range requestSeeds {
		f.Add([]byte(s))
	}
	var l ledger
	addr, panics := startFuzzServer(f, http.HandlerFunc(l.serveHTTP))
	f.Fuzz(func(t *testing.T, raw []byte) {
		t.Cleanup(func() { checkNoPanic(t, panics) })
		c, br := sendAndHalfClose(t, addr, raw)
		key := c.LocalAddr().String()
		defer l.forget(key)
		oks, final := 0, false
		for {
			if _, err := br.Peek(1); err != nil {
				if err == io.EOF || final && errors.Is(err, syscall.ECONNRESET) {
					break
				}
				t.Fatalf("after %d responses, the connection neither sent more nor ended: %v", oks, err)
			}
			if final {
				rest, _ := io.ReadAll(br)
				t.Fatalf("bytes after a response that ends the connection: %q", rest)
			}
			// The first byte of a handler's response (or of its 100
			// Continue) comes after the handler was entered, so the
			// ledger knows the method of the request it answers.
			method, echo := l.entry(key, oks)
			resp, err := http.ReadResponse(br, &http.Request{Method: method})
			if err != nil {
				t.Fatalf("response %d: %v", oks+1, err)
			}
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatalf("response %d body: %v", oks+1, err)
			}
			if resp.Proto != "HTTP/1.1" {
				t.Errorf("status line protocol %q, want HTTP/1.1", resp.Proto)
			}
			switch resp.StatusCode {
			case http.StatusContinue:
				continue
			case http.StatusOK:
				if method != http.MethodHead && string(body) != echo {
					t.Errorf("response %d body %q, want the handler's %q", oks+1, body, echo)
				}
				oks++
			case http.StatusBadRequest, http.StatusExpectationFailed, http.StatusRequestHeaderFieldsTooLarge,
				http.StatusNotImplemented, http.StatusHTTPVersionNotSupported:
				if !resp.Close {
					t.Errorf("error answer %d without Connection: close", resp.StatusCode)
				}
				if want := resp.Status; string(body) != want {
					t.Errorf("error answer body %q, want %q", body, want)
				}
			default:
				t.Fatalf("unexpected status %q", resp.Status)
			}
			final = resp.Close
		}
		if saw := l.count(key); saw != oks {
			t.Errorf("the handler saw %d requests, %d were answered 200", saw, oks)
		}
	})
}

// FuzzHTTP1ChunkedBody sends fuzz bytes twice as a chunked request body:
// as they are, when the handler must get either a read error or the body
// net/http's own chunked reader decodes (when that decodes one); and
// encoded by httputil.NewChunkedWriter in writes of step bytes (all at
// once when 0), when the handler must get exactly those bytes.
func FuzzHTTP1ChunkedBody(f *testing.F) {
	seeds := []string{
		"5\r\nhello\r\n0\r\n\r\n",
		"3;name=value\r\nabc\r\n0\r\nTrailer: x\r\n\r\n",
		"3\nabc\n0\n\n",
		"A \r\n0123456789\r\n0\r\n\r\n",
		"zz\r\nhello\r\n0\r\n\r\n",
		"5\r\nhelloXX0\r\n\r\n",
		"ffffffffffffffffff\r\n",
		"+5\r\nhello\r\n0\r\n\r\n",
		"5\r\nhel",
		"0\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n",
	}
	for i, s := range seeds {
		f.Add([]byte(s), uint8(i))
	}
	addr, panics := startFuzzServer(f, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			w.Header().Set("X-Body-Error", err.Error())
		}
		w.Write(b)
	}))
	const head = "POST /chunked HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
	f.Fuzz(func(t *testing.T, data []byte, step uint8) {
		t.Cleanup(func() { checkNoPanic(t, panics) })
		// The bytes as they are.
		_, br := sendAndHalfClose(t, addr, append([]byte(head), data...))
		got, readErr := chunkedAnswer(t, br)
		want, wantErr := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(data)))
		if readErr == "" && wantErr == nil && !bytes.Equal(got, want) {
			t.Errorf("decoded %q, net/http decodes %q", got, want)
		}
		drain(t, br)

		// The bytes encoded.
		var enc bytes.Buffer
		cw := httputil.NewChunkedWriter(&enc)
		for rest := data; len(rest) > 0; {
			n := len(rest)
			if step > 0 {
				n = min(n, int(step))
			}
			cw.Write(rest[:n])
			rest = rest[n:]
		}
		cw.Close()
		enc.WriteString("\r\n")
		_, br = sendAndHalfClose(t, addr, append([]byte(head), enc.Bytes()...))
		got, readErr = chunkedAnswer(t, br)
		if readErr != "" || !bytes.Equal(got, data) {
			t.Errorf("encoded body %q: handler read %q (error %q), want the bytes back", enc.Bytes(), got, readErr)
		}
		if rest, err := io.ReadAll(br); err != nil || len(rest) > 0 {
			t.Errorf("after the response: %q, %v; want the connection closed", rest, err)
		}
	})
}

// chunkedAnswer reads FuzzHTTP1ChunkedBody's response: the body the
// handler read and the error it got, "" for none.
func chunkedAnswer(t *testing.T, br *bufio.Reader) ([]byte, string) {
	t.Helper()
	resp, err := http.ReadResponse(br, &http.Request{Method: http.MethodPost})
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the response body: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %q, want 200", resp.Status)
	}
	return body, resp.Header.Get("X-Body-Error")
}

// drain reads until the server closes the connection, answering whatever
// else the fuzz bytes held.
func drain(t *testing.T, br *bufio.Reader) {
	t.Helper()
	if _, err := io.Copy(io.Discard, br); err != nil && !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("connection not closed: %v", err)
	}
}

// startFuzzServer serves h with HTTP1 on a loopback listener for the rest
// of the fuzz process and returns its address and the channel its error
// log records (handler or server panics) arrive on.
func startFuzzServer(f *testing.F, h http.Handler) (string, <-chan string) {
	f.Helper()
	log := errorLog(make(chan string, 16))
	s := &server.HTTP1{Handler: h, Logger: slog.New(log)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		f.Fatal(err)
	}
	served := make(chan struct{})
	go func() {
		s.Serve(ln)
		close(served)
	}()
	f.Cleanup(func() {
		s.Close()
		<-served
	})
	return ln.Addr().String(), log
}

// sendAndHalfClose dials addr, writes raw and closes the sending side,
// and returns the connection for reading what comes back. Both the
// connection and the writer end with the test.
func sendAndHalfClose(t *testing.T, addr string, raw []byte) (*net.TCPConn, *bufio.Reader) {
	t.Helper()
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	c := nc.(*net.TCPConn)
	c.SetDeadline(time.Now().Add(fuzzGuard))
	written := make(chan struct{})
	go func() {
		defer close(written)
		// The server may close before reading everything, after an
		// error answer: a failed write is not a failure.
		if _, err := c.Write(raw); err == nil {
			c.CloseWrite()
		}
	}()
	t.Cleanup(func() {
		c.Close()
		<-written
	})
	return c, bufio.NewReader(c)
}

// checkNoPanic fails the test when the server logged an error: HTTP1
// recovers a panic on a connection's goroutine, logs it and closes the
// connection, so a panic in the server's own code shows only there.
// Fuzz functions run it last, as a cleanup, so that it reports even after
// the failure such a panic causes.
func checkNoPanic(t *testing.T, log <-chan string) {
	t.Helper()
	select {
	case rec := <-log:
		t.Errorf("the server logged an error: %s", rec)
	default:
	}
}

// errorLog is a slog.Handler sending the records of level Error and above
// to its channel, dropping them when it is full.
type errorLog chan string

func (l errorLog) Enabled(_ context.Context, level slog.Level) bool { return level >= slog.LevelError }
func (l errorLog) WithAttrs([]slog.Attr) slog.Handler               { return l }
func (l errorLog) WithGroup(string) slog.Handler                    { return l }
func (l errorLog) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(r.Message)
	r.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	})
	select {
	case l <- b.String():
	default:
	}
	return nil
}

// ledger records, per client connection (the request's RemoteAddr), the
// requests FuzzHTTP1Request's handler saw.
type ledger struct {
	mu     sync.Mutex
	byConn map[string][]*ledgerEntry
}

// ledgerEntry is one request the handler saw: its method, and the body the
// handler answered with, set once the handler has read the request body.
type ledgerEntry struct {
	method, echo string
}

// serveHTTP records the request, reads its whole body and answers 200 with
// the method, the target and the body length (and "error" when reading the
// body failed).
func (l *ledger) serveHTTP(w http.ResponseWriter, r *http.Request) {
	e := &ledgerEntry{method: r.Method}
	l.mu.Lock()
	if l.byConn == nil {
		l.byConn = map[string][]*ledgerEntry{}
	}
	l.byConn[r.RemoteAddr] = append(l.byConn[r.RemoteAddr], e)
	l.mu.Unlock()
	n, err := io.Copy(io.Discard, r.Body)
	echo := fmt.Sprintf("%s %s %d", r.Method, r.RequestURI, n)
	if err != nil {
		echo += " error"
	}
	l.mu.Lock()
	e.echo = echo
	l.mu.Unlock()
	io.WriteString(w, echo)
}

// entry returns the method and answer of the i-th request of conn, with
// GET and "" when the handler has not seen it: the next response is then
// an error answer, which always has a body.
func (l *ledger) entry(conn string, i int) (method, echo string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if es := l.byConn[conn]; i < len(es) {
		return es[i].method, es[i].echo
	}
	return http.MethodGet, ""
}

// count returns how many requests of conn the handler saw.
func (l *ledger) count(conn string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.byConn[conn])
}

// forget drops the records of conn, whose port may be used again.
func (l *ledger) forget(conn string) {
	l.mu.Lock()
	delete(l.byConn, conn)
	l.mu.Unlock()
}
