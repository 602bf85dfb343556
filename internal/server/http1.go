package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// HTTP1 serves HTTP/1.0 and HTTP/1.1 on plain TCP listeners: Archway's own
// server, used in place of net/http's. It reads each request with a single
// allocation for its header block, keeps the header lines as the client
// wrote them (HeaderFields: the AWS_PROXY event reports names as sent, in
// order), buffers each response whole and writes it with one system call,
// and runs no goroutine besides one per connection. The request context is
// done when the server is closed, not when the client goes away: API
// Gateway, too, lets an integration run to its end.
type HTTP1 struct {
	// Handler answers every request.
	Handler http.Handler
	// MaxHeaderBytes bounds the request line plus headers; MaxHeaderBytes
	// when zero. A larger request is answered 431.
	MaxHeaderBytes int
	// ReadHeaderTimeout bounds the time from a request's first byte to the
	// end of its headers; 30 s when zero.
	ReadHeaderTimeout time.Duration
	// IdleTimeout closes keep-alive connections that send nothing for this
	// long; 60 s when zero.
	IdleTimeout time.Duration
	// Logger receives handler panics and accept errors; slog.Default()
	// when nil.
	Logger *slog.Logger

	init     sync.Once
	ctx      context.Context
	cancel   context.CancelFunc
	mu       sync.Mutex
	conns    map[*conn]struct{}
	lns      map[net.Listener]struct{}
	closing  atomic.Bool
	date     atomic.Pointer[dateStamp]
	maxHead  int
	headWait time.Duration
	idleWait time.Duration
	log      *slog.Logger
}

// setup fills the defaults once.
func (s *HTTP1) setup() {
	s.init.Do(func() {
		s.ctx, s.cancel = context.WithCancel(context.Background())
		s.conns = map[*conn]struct{}{}
		s.lns = map[net.Listener]struct{}{}
		s.maxHead = orDefault(s.MaxHeaderBytes, MaxHeaderBytes)
		s.headWait = orDefault(s.ReadHeaderTimeout, readHeaderTimeout)
		s.idleWait = orDefault(s.IdleTimeout, idleTimeout)
		s.log = s.Logger
		if s.log == nil {
			s.log = slog.Default()
		}
	})
}

// orDefault is v, or def when v is not positive.
func orDefault[T int | time.Duration](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}

// Serve accepts connections on ln and serves each on its own goroutine
// until Shutdown or Close, when it returns http.ErrServerClosed; any other
// accept failure is returned as is. Serve closes ln.
func (s *HTTP1) Serve(ln net.Listener) error {
	s.setup()
	s.mu.Lock()
	if s.closing.Load() {
		s.mu.Unlock()
		ln.Close()
		return http.ErrServerClosed
	}
	s.lns[ln] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.lns, ln)
		s.mu.Unlock()
		ln.Close()
	}()
	var backoff time.Duration
	for {
		nc, err := ln.Accept()
		if err != nil {
			if s.closing.Load() {
				return http.ErrServerClosed
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() || isTemporary(err) {
				backoff = min(max(2*backoff, 5*time.Millisecond), time.Second)
				s.log.Warn("accept failed; retrying", "err", err, "in", backoff)
				time.Sleep(backoff)
				continue
			}
			return err
		}
		backoff = 0
		c := newConn(s, nc)
		s.mu.Lock()
		if s.closing.Load() {
			s.mu.Unlock()
			nc.Close()
			return http.ErrServerClosed
		}
		s.conns[c] = struct{}{}
		s.mu.Unlock()
		go c.serve()
	}
}

// isTemporary reports whether an accept error is worth retrying: running
// out of file descriptors or buffers, or a connection aborted before it
// was accepted.
func isTemporary(err error) bool {
	var t interface{ Temporary() bool }
	return errors.As(err, &t) && t.Temporary()
}

// forget removes a finished connection.
func (s *HTTP1) forget(c *conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
}

// Shutdown stops accepting, closes idle connections and waits for the
// requests in flight to be answered (their responses say Connection:
// close). It returns ctx's error when ctx ends first; Close then cuts the
// rest off.
func (s *HTTP1) Shutdown(ctx context.Context) error {
	s.setup()
	s.closeListeners()
	tick := 5 * time.Millisecond
	for {
		if s.closeIdle() {
			return nil
		}
		t := time.NewTimer(tick)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		tick = min(2*tick, 100*time.Millisecond)
	}
}

// Close closes the listeners and every connection at once, and ends the
// requests' contexts.
func (s *HTTP1) Close() error {
	s.setup()
	s.closeListeners()
	s.mu.Lock()
	for c := range s.conns {
		c.state.Store(stateClosed)
		c.nc.Close()
	}
	s.mu.Unlock()
	s.cancel() // after the connections, so that no response slips out
	return nil
}

// closeListeners marks the server closing and closes its listeners, which
// ends their Serve loops.
func (s *HTTP1) closeListeners() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closing.Store(true)
	for ln := range s.lns {
		ln.Close()
	}
}

// closeIdle closes the connections waiting for a request and reports
// whether none is left.
func (s *HTTP1) closeIdle() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if c.state.CompareAndSwap(stateIdle, stateClosed) {
			c.nc.Close()
		}
	}
	return len(s.conns) == 0
}
