package server_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"testing"
	"time"

	"archway/internal/server"
)

// short is the timeout the timeout tests configure; they wait several
// times longer before expecting it to have struck.
const short = 50 * time.Millisecond

func TestHTTP1Timeouts(t *testing.T) {
	handler := func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			time.Sleep(4 * short)
		}
		echo(w, r)
	}
	cases := []struct {
		name             string
		readHeader, idle time.Duration
		run              func(t *testing.T, c *h1Conn)
	}{
		{
			name: "idle after a response", readHeader: time.Hour, idle: short,
			run: func(t *testing.T, c *h1Conn) {
				c.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n")
				c.response(http.MethodGet)
				c.closed()
			},
		},
		{
			name: "nothing sent", readHeader: short, idle: short,
			run: func(t *testing.T, c *h1Conn) { c.closed() },
		},
		{
			name: "head not complete", readHeader: short, idle: time.Hour,
			run: func(t *testing.T, c *h1Conn) {
				c.send("GET / HTTP/1.1\r\nHost: h\r\n")
				c.closed()
			},
		},
		{
			name: "head trickled", readHeader: short, idle: time.Hour,
			run: func(t *testing.T, c *h1Conn) {
				c.send("GET / HTTP/1.1\r\nHost: h\r\nX-A: ")
				closed := make(chan string, 1)
				go func() {
					b, _ := io.ReadAll(c.br)
					closed <- string(b)
				}()
				tick := time.NewTicker(short / 5)
				defer tick.Stop()
				for {
					select {
					case got := <-closed:
						if got != "" {
							t.Errorf("answer to a trickled head: %q", got)
						}
						return
					case <-tick.C:
						// Errors are expected once the server closes.
						io.WriteString(c.c, "a")
					}
				}
			},
		},
		{
			name: "pipelined head after a slow handler", readHeader: short, idle: time.Hour,
			run: func(t *testing.T, c *h1Conn) {
				// The first head comes in two pieces, so that the server
				// starts its header timer; the second head is completed
				// only once the slow first request is answered.
				c.send("GET /slow HTTP/1.1\r\n")
				time.Sleep(short / 5)
				c.send("Host: h\r\n\r\nGET /second HTTP/1.1\r\n")
				c.response(http.MethodGet)
				c.send("Host: h\r\n\r\n")
				if resp, body := c.response(http.MethodGet); resp.StatusCode != 200 || body != "/second " {
					t.Errorf("got %d %q", resp.StatusCode, body)
				}
			},
		},
		{
			name: "slow body not bounded by the header timeout", readHeader: short, idle: short,
			run: func(t *testing.T, c *h1Conn) {
				c.send("POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhe")
				time.Sleep(4 * short)
				c.send("llo")
				if resp, body := c.response(http.MethodPost); resp.StatusCode != 200 || body != "/b hello" {
					t.Errorf("got %d %q", resp.StatusCode, body)
				}
			},
		},
		{
			name: "slow handler not bounded by either timeout", readHeader: short, idle: short,
			run: func(t *testing.T, c *h1Conn) {
				c.send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n")
				if resp, body := c.response(http.MethodGet); resp.StatusCode != 200 || body != "/slow " {
					t.Errorf("got %d %q", resp.StatusCode, body)
				}
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			addr, _ := startH1(t, &server.HTTP1{
				Handler:           http.HandlerFunc(handler),
				ReadHeaderTimeout: c.readHeader,
				IdleTimeout:       c.idle,
			})
			c.run(t, dialH1(t, addr))
		})
	}
}

func TestHTTP1HandlerPanic(t *testing.T) {
	cases := []struct {
		name   string
		value  any
		logged string // what the log must mention; "" if nothing
		before bool   // a request is answered on the connection first
		write  bool   // the handler writes before panicking
	}{
		{name: "string", value: "boom-string", logged: "boom-string"},
		{name: "error", value: errors.New("boom-error"), logged: "boom-error"},
		{name: "after writing", value: "boom-written", logged: "boom-written", write: true},
		{name: "second request", value: "boom-second", logged: "boom-second", before: true},
		{name: "ErrAbortHandler", value: http.ErrAbortHandler},
		{name: "ErrAbortHandler after writing", value: http.ErrAbortHandler, write: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := newLogRecorder()
			addr, _ := startH1(t, &server.HTTP1{
				Logger: slog.New(rec),
				Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					switch r.URL.Path {
					case "/panic":
						if c.write {
							w.Header().Set("X-Partial", "1")
							io.WriteString(w, "partial")
						}
						panic(c.value)
					case "/sentinel":
						panic("sentinel")
					}
					ok(w, r)
				}),
			})
			conn := dialH1(t, addr)
			if c.before {
				conn.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n")
				conn.response(http.MethodGet)
			}
			conn.send("GET /panic HTTP/1.1\r\nHost: h\r\n\r\n")
			conn.closed()
			if c.logged != "" {
				rec.waitFor(t, c.logged)
			}
			// Another panic, logged after this one, bounds the wait for
			// what this one logs.
			dialH1(t, addr).send("GET /sentinel HTTP/1.1\r\nHost: h\r\n\r\n")
			rec.waitFor(t, "sentinel")
			if c.logged == "" {
				if got := rec.containing("abort"); got != nil {
					t.Errorf("ErrAbortHandler logged: %q", got)
				}
			}
			dialH1(t, addr).open()
		})
	}
}

func TestHTTP1Shutdown(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	s := &server.HTTP1{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			close(entered)
			<-release
			io.WriteString(w, "finished")
			return
		}
		ok(w, r)
	})}
	addr, served := startH1(t, s)

	idle := dialH1(t, addr)
	idle.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n")
	idle.response(http.MethodGet)
	busy := dialH1(t, addr)
	busy.send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n")
	<-entered
	fresh := dialH1(t, addr)

	shut := make(chan error, 1)
	go func() { shut <- s.Shutdown(context.Background()) }()
	select {
	case err := <-served:
		if !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve returned %v, want http.ErrServerClosed", err)
		}
	case <-time.After(guard):
		t.Fatal("Serve did not return after Shutdown")
	}
	if c, err := net.Dial("tcp", addr); err == nil {
		c.Close()
		t.Error("the listener still accepts connections")
	}
	idle.closed()
	fresh.closed()
	select {
	case err := <-shut:
		t.Fatalf("Shutdown returned %v while a request was in flight", err)
	default:
	}

	close(release)
	raw := busy.rawResponse(http.MethodGet)
	if _, body := parseResponse(t, raw, http.MethodGet); body != "finished" {
		t.Errorf("in-flight request answered %q", body)
	}
	if got := fieldValues(raw, "Connection"); !slices.Equal(got, []string{"close"}) {
		t.Errorf("in-flight answer's Connection %q, want close", got)
	}
	busy.closed()
	select {
	case err := <-shut:
		if err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	case <-time.After(guard):
		t.Error("Shutdown did not return after the last request finished")
	}
}

func TestHTTP1ShutdownContextThenClose(t *testing.T) {
	entered, closed := make(chan struct{}), make(chan struct{})
	ended := make(chan error, 1)
	s := &server.HTTP1{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-r.Context().Done()
		ended <- r.Context().Err()
		<-closed // answer only once Close has returned
		io.WriteString(w, "too late")
	})}
	addr, served := startH1(t, s)
	busy := dialH1(t, addr)
	busy.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n")
	<-entered

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Shutdown(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Shutdown with a done context returned %v, want context.Canceled", err)
	}
	select {
	case err := <-ended:
		t.Fatalf("the request's context ended (%v) before Close", err)
	default:
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	close(closed)
	select {
	case err := <-ended:
		if err == nil {
			t.Error("the request's context reports no error after Close")
		}
	case <-time.After(guard):
		t.Fatal("Close did not end the request's context")
	}
	busy.closed()
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Serve returned %v, want http.ErrServerClosed", err)
	}
}

func TestHTTP1ContextOutlivesClientDisconnect(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	seen := make(chan error, 1)
	addr := startHandler(t, func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		seen <- r.Context().Err()
	})
	conn := dialH1(t, addr)
	conn.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n")
	<-entered
	conn.c.Close()
	time.Sleep(4 * short) // give a disconnect watcher, were there one, time to act
	close(release)
	if err := <-seen; err != nil {
		t.Errorf("the request's context ended with %v when the client left", err)
	}
}

// TestHTTP1RequestContextValues checks the context values net/http sets
// that handlers use: pipeline's X-Forwarded-Port comes from
// http.LocalAddrContextKey.
func TestHTTP1RequestContextValues(t *testing.T) {
	seen := make(chan any, 1)
	addr := startHandler(t, func(w http.ResponseWriter, r *http.Request) {
		seen <- r.Context().Value(http.LocalAddrContextKey)
	})
	conn := dialH1(t, addr)
	conn.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n")
	conn.response(http.MethodGet)
	got, _ := (<-seen).(net.Addr)
	if want := conn.c.RemoteAddr().String(); got == nil || got.String() != want {
		t.Errorf("LocalAddrContextKey = %v, want %s", got, want)
	}
}

func TestHTTP1ServeResult(t *testing.T) {
	cases := []struct {
		name string
		// before runs ahead of Serve, during while it runs; either may be nil.
		before, during func(s *server.HTTP1, ln net.Listener)
		want           error
	}{
		{
			name:   "Close while serving",
			during: func(s *server.HTTP1, _ net.Listener) { s.Close() },
			want:   http.ErrServerClosed,
		},
		{
			name:   "Shutdown while serving",
			during: func(s *server.HTTP1, _ net.Listener) { s.Shutdown(context.Background()) },
			want:   http.ErrServerClosed,
		},
		{
			name:   "Serve after Close",
			before: func(s *server.HTTP1, _ net.Listener) { s.Close() },
			want:   http.ErrServerClosed,
		},
		{
			name:   "Serve after Shutdown",
			before: func(s *server.HTTP1, _ net.Listener) { s.Shutdown(context.Background()) },
			want:   http.ErrServerClosed,
		},
		{
			name:   "listener closed by another",
			during: func(_ *server.HTTP1, ln net.Listener) { ln.Close() },
			want:   net.ErrClosed,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			defer ln.Close()
			s := &server.HTTP1{Handler: http.HandlerFunc(ok), Logger: slog.New(slog.DiscardHandler)}
			defer s.Close()
			if c.before != nil {
				c.before(s, ln)
			}
			done := make(chan error, 1)
			go func() { done <- s.Serve(ln) }()
			if c.during != nil {
				// A served request proves Serve is running.
				conn := dialH1(t, ln.Addr().String())
				conn.send("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
				conn.response(http.MethodGet)
				c.during(s, ln)
			}
			select {
			case err := <-done:
				if !errors.Is(err, c.want) {
					t.Errorf("Serve returned %v, want %v", err, c.want)
				}
				if c.want == net.ErrClosed && errors.Is(err, http.ErrServerClosed) {
					t.Errorf("Serve returned %v for a listener it did not close", err)
				}
			case <-time.After(guard):
				t.Fatal("Serve did not return")
			}
		})
	}
}
