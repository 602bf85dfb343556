package httpbackend

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"archway/internal/integration"
)

// connPair returns the two ends of a loopback TCP connection: the
// client's as a persistConn, and the server's.
func connPair(t *testing.T) (*persistConn, net.Conn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	s, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c.Close()
		s.Close()
	})
	return newPersistConn(c, c), s
}

// TestPoolGet checks which idle connections are taken again: recent
// ones as they are, older ones when the backend has neither closed them
// nor sent anything, none past idleTimeout.
func TestPoolGet(t *testing.T) {
	tests := []struct {
		name string
		idle time.Duration
		tls  bool
		peer func(net.Conn) // what the backend does meanwhile
		want bool
	}{
		{name: "open", idle: checkAfter, peer: func(net.Conn) {}, want: true},
		{name: "closed by the backend", idle: checkAfter, peer: func(c net.Conn) { c.Close() }},
		{name: "unsolicited response", idle: checkAfter,
			peer: func(c net.Conn) { _, _ = io.WriteString(c, "HTTP/1.1 408 Request Timeout\r\n\r\n") }},
		{name: "TLS record waiting", idle: checkAfter, tls: true,
			peer: func(c net.Conn) { _, _ = c.Write([]byte{23, 3, 3, 0, 1, 0}) }, want: true},
		{name: "TLS connection closed", idle: checkAfter, tls: true, peer: func(c net.Conn) { c.Close() }},
		{name: "recent: taken unchecked", idle: 0, peer: func(c net.Conn) { c.Close() }, want: true},
		{name: "expired", idle: idleTimeout, peer: func(net.Conn) {}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pc, server := connPair(t)
			pc.tls = tc.tls
			p := &connPool{}
			p.put(pc)
			pc.idleAt = pc.idleAt.Add(-tc.idle)
			tc.peer(server)
			got := p.get()
			if (got != nil) != tc.want {
				t.Fatalf("get() = %v, want a connection: %v", got, tc.want)
			}
			if !tc.want {
				// The connection found unusable was closed.
				if _, err := pc.conn.Write([]byte("x")); err == nil {
					t.Error("the connection left is still open")
				}
			}
		})
	}
}

// TestPoolPrune checks that connections idle for idleTimeout are closed
// and the others kept.
func TestPoolPrune(t *testing.T) {
	old, _ := connPair(t)
	recent, _ := connPair(t)
	p := &connPool{}
	p.put(old)
	p.put(recent)
	old.idleAt = old.idleAt.Add(-idleTimeout)
	p.prune()
	if len(p.idle) != 1 || p.idle[0] != recent {
		t.Fatalf("idle after prune: %v", p.idle)
	}
	if _, err := old.conn.Write([]byte("x")); err == nil {
		t.Error("the expired connection is still open")
	}
	p.closeIdle()
	if len(p.idle) != 0 {
		t.Errorf("idle after closeIdle: %v", p.idle)
	}
}

// TestIdleConnectionClosedByBackend checks that a POST, which is not sent
// again on failure, does not go to a kept connection the backend closed
// while it was idle.
func TestIdleConnectionClosedByBackend(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "ok")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	inv := New(Config{})
	defer inv.Close()
	call := func(method string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		resp, err := inv.Invoke(ctx, &integration.Request{Method: method, URI: srv.URL, Header: http.Header{}, Body: []byte("b")})
		if err != nil {
			t.Fatal(err)
		}
		if string(resp.Body) != "ok" {
			t.Fatalf("body %q", resp.Body)
		}
	}
	call("GET")
	srv.CloseClientConnections()
	// The connection has been idle long enough to be checked.
	inv.pools.Range(func(_, p any) bool {
		for _, pc := range p.(*connPool).idle {
			pc.idleAt = pc.idleAt.Add(-checkAfter)
		}
		return true
	})
	call("POST")
	if n := conns.Load(); n != 2 {
		t.Errorf("%d connections, want 2", n)
	}
}
