package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// signalHandler is a slog.Handler that reports on a channel every record
// whose message is msg, so that tests can wait for a lifecycle step.
type signalHandler struct {
	msg string
	c   chan struct{}
}

func (h *signalHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *signalHandler) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *signalHandler) WithGroup(string) slog.Handler            { return h }
func (h *signalHandler) Handle(_ context.Context, r slog.Record) error {
	if r.Message == h.msg {
		close(h.c)
	}
	return nil
}

// waitFor returns a logger and a channel closed when the logger receives
// msg.
func waitFor(msg string) (*slog.Logger, <-chan struct{}) {
	h := &signalHandler{msg: msg, c: make(chan struct{})}
	return slog.New(h), h.c
}

func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// start runs Serve in the background and returns its cancel function and
// the channel its result arrives on.
func start(t *testing.T, opts Options, sites ...Site) (context.CancelFunc, <-chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, opts, sites...) }()
	t.Cleanup(cancel)
	return cancel, done
}

func get(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func text(s string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, s) })
}

func TestServeSitesThenStop(t *testing.T) {
	sites := []Site{{listen(t), text("one")}, {listen(t), text("two")}}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	cancel, done := start(t, Options{Logger: quiet}, sites...)
	for _, c := range []struct {
		site Site
		want string
	}{{sites[0], "one"}, {sites[1], "two"}} {
		got, err := get("http://" + c.site.Listener.Addr().String() + "/")
		if err != nil || got != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.site.Listener.Addr(), got, err, c.want)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Serve after cancel: %v", err)
	}
	for _, s := range sites {
		if c, err := net.Dial("tcp", s.Listener.Addr().String()); err == nil {
			c.Close()
			t.Errorf("%s still accepts connections after shutdown", s.Listener.Addr())
		}
	}
}

func TestShutdownLetsRequestsInFlightFinish(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		close(entered)
		<-release
		io.WriteString(w, "finished")
	})
	ln := listen(t)
	log, shuttingDown := waitFor("shutting down")
	cancel, done := start(t, Options{Logger: log}, Site{ln, slow})

	type result struct {
		body string
		err  error
	}
	res := make(chan result, 1)
	go func() {
		body, err := get("http://" + ln.Addr().String() + "/slow")
		res <- result{body, err}
	}()
	<-entered
	cancel()
	<-shuttingDown
	select {
	case err := <-done:
		t.Fatalf("Serve returned %v while a request was in flight", err)
	default:
	}
	close(release)
	if r := <-res; r.err != nil || r.body != "finished" {
		t.Errorf("in-flight request: got %q, %v; want \"finished\"", r.body, r.err)
	}
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

func TestShutdownWaitIsBounded(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	stuck := http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		close(entered)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	ln := listen(t)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	cancel, done := start(t, Options{ShutdownTimeout: 50 * time.Millisecond, Logger: quiet}, Site{ln, stuck})
	res := make(chan error, 1)
	go func() {
		_, err := get("http://" + ln.Addr().String() + "/")
		res <- err
	}()
	<-entered
	cancel()
	err := <-done
	if err == nil || !strings.Contains(err.Error(), "were cut off") || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Serve: got %v, want the requests still in flight reported as cut off", err)
	}
	if err := <-res; err == nil {
		t.Error("the request cut off by shutdown got a response")
	}
}

func TestFailedListenerStopsEverySite(t *testing.T) {
	broken := listen(t)
	broken.Close()
	healthy := listen(t)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	_, done := start(t, Options{Logger: quiet}, Site{healthy, text("ok")}, Site{broken, text("never")})
	err := <-done
	if err == nil || !strings.Contains(err.Error(), broken.Addr().String()) || !errors.Is(err, net.ErrClosed) {
		t.Errorf("Serve: got %v, want the closed listener's error", err)
	}
	if c, err := net.Dial("tcp", healthy.Addr().String()); err == nil {
		c.Close()
		t.Error("the healthy site still accepts connections after another failed")
	}
}

func TestServerLimits(t *testing.T) {
	ln := listen(t)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	start(t, Options{Logger: quiet}, Site{ln, text("ok")})
	cases := []struct {
		name       string
		headerSize int
		want       int
	}{
		{"headers within the limit", MaxHeaderBytes / 2, http.StatusOK},
		{"headers far over the limit", 4 * MaxHeaderBytes, http.StatusRequestHeaderFieldsTooLarge},
	}
	for _, c := range cases {
		req, err := http.NewRequest(http.MethodGet, "http://"+ln.Addr().String()+"/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Big", strings.Repeat("a", c.headerSize))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("%s: status %d, want %d", c.name, resp.StatusCode, c.want)
		}
	}
}
