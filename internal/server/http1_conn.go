package server

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"runtime"
	"sync/atomic"
	"time"

	"archway/internal/rawio"
)

// Connection states, for Shutdown: only an idle connection (waiting for
// the first byte of a request) may be closed under a client's feet.
const (
	stateIdle int32 = iota
	stateActive
	stateClosed
)

// initialReadBuffer is a connection's read buffer until a larger request
// head needs more; maxKeptBuffer is the most a connection keeps of a
// response buffer between requests.
const (
	initialReadBuffer = 4 << 10
	maxKeptBuffer     = 64 << 10
)

// connKey is the request context key of the connection a request came on.
type connKey struct{}

// conn is one client connection: its read buffer, the request being
// served and the response being built, all reused from one request to
// the next.
type conn struct {
	s  *HTTP1
	nc net.Conn
	// sock reads and writes nc: with raw system calls when it is TCP.
	sock   io.ReadWriter
	remote string
	// base is an empty request carrying the connection's context; each
	// request starts as a copy of it.
	base  *http.Request
	state atomic.Int32

	buf  []byte // read buffer; buf[r:w] is read but not consumed
	r, w int
	// deadline is the read deadline set on nc, zero for none.
	deadline time.Time

	req    *http.Request // the request being served
	fields []Field       // its header lines as sent
	body   body
	resp   response
	out    []byte // the response head being written
}

// newConn wraps an accepted connection.
func newConn(s *HTTP1, nc net.Conn) *conn {
	c := &conn{s: s, nc: nc, sock: nc, remote: nc.RemoteAddr().String(), buf: make([]byte, initialReadBuffer)}
	if rw := rawio.New(nc); rw != nil {
		c.sock = rw
	}
	ctx := context.WithValue(s.ctx, http.LocalAddrContextKey, nc.LocalAddr())
	c.base = new(http.Request).WithContext(context.WithValue(ctx, connKey{}, c))
	c.body.c = c
	c.resp.header = http.Header{}
	c.state.Store(stateIdle)
	return c
}

// serve answers the connection's requests until it closes, then forgets
// it. A handler panic is logged (but for http.ErrAbortHandler) and closes
// the connection without a response, as net/http does.
func (c *conn) serve() {
	defer func() {
		if v := recover(); v != nil && v != http.ErrAbortHandler {
			stack := make([]byte, 64<<10)
			stack = stack[:runtime.Stack(stack, false)]
			c.s.log.Error("handler panicked", "remote", c.remote, "panic", v, "stack", string(stack))
		}
		c.nc.Close()
		c.s.forget(c)
	}()
	next := carryOn
	for next == carryOn {
		next = c.serveOne()
	}
	if next == closeAfterAnswer {
		c.linger()
	}
}

// What a connection does after a request.
const (
	carryOn          = iota // read the next request
	closeAfterAnswer        // close, the answer having been written
	closeNow                // close: the client went away, or a write failed
)

// lingerTime bounds how long a connection closed after an answer goes on
// reading what the client still sends.
const lingerTime = 500 * time.Millisecond

// linger shuts the sending side of a connection the server closes after an
// answer and reads what the client still sends, for up to lingerTime or
// until the client closes: closing a socket with unread input makes the
// kernel reset the connection, which can destroy the answer before the
// client has read it.
func (c *conn) linger() {
	cw, ok := c.nc.(interface{ CloseWrite() error })
	if !ok || cw.CloseWrite() != nil {
		return
	}
	_ = c.nc.SetReadDeadline(time.Now().Add(lingerTime))
	_, _ = io.Copy(io.Discard, c.nc)
}

// serveOne reads one request, has the handler answer it and writes the
// response; it returns what the connection does next.
func (c *conn) serveOne() int {
	if c.r == c.w {
		if !c.state.CompareAndSwap(stateActive, stateIdle) && c.state.Load() != stateIdle {
			return closeNow
		}
		c.refreshIdleDeadline(time.Now())
		if c.fill() != nil {
			return closeNow
		}
		if !c.state.CompareAndSwap(stateIdle, stateActive) {
			return closeNow
		}
	}
	block, status := c.readHead()
	if status != 0 {
		return c.writeError(status)
	}
	if block == "" {
		return closeNow
	}
	r, status := c.parse(block)
	if status != 0 {
		return c.writeError(status)
	}
	if c.body.kind != bodyNone && (c.body.kind == bodyChunked || int64(c.w-c.r) < c.body.left) {
		c.clearDeadline() // reading a body has no time limit, as with net/http's defaults
	}
	c.req = r
	c.s.Handler.ServeHTTP(&c.resp, r)
	keep := !r.Close && c.body.finish() && !c.s.closing.Load()
	next := c.writeResponse(r.Method == http.MethodHead, keep, r.ProtoMinor == 0)
	c.req, c.fields = nil, c.fields[:0]
	c.resp.reset()
	return next
}

// refreshIdleDeadline makes the read deadline about IdleTimeout from now,
// setting it only when it has drifted by more than a sixteenth of that, so
// that busy connections do not reset a timer on every request.
func (c *conn) refreshIdleDeadline(now time.Time) {
	want := now.Add(c.s.idleWait)
	if c.deadline.IsZero() || want.Sub(c.deadline) > c.s.idleWait/16 {
		c.setDeadline(want)
	}
}

// setDeadline sets the read deadline.
func (c *conn) setDeadline(t time.Time) {
	_ = c.nc.SetReadDeadline(t)
	c.deadline = t
}

// clearDeadline removes the read deadline.
func (c *conn) clearDeadline() {
	if !c.deadline.IsZero() {
		c.setDeadline(time.Time{})
	}
}

// fill reads more input into the buffer, moving unconsumed bytes to its
// start or doubling it when it is full.
func (c *conn) fill() error {
	if c.r == c.w {
		c.r, c.w = 0, 0
	}
	if c.w == len(c.buf) {
		if c.r > 0 {
			c.w = copy(c.buf, c.buf[c.r:c.w])
			c.r = 0
		} else {
			grown := make([]byte, 2*len(c.buf))
			copy(grown, c.buf[:c.w])
			c.buf = grown
		}
	}
	n, err := c.sock.Read(c.buf[c.w:])
	c.w += n
	if n > 0 {
		return nil
	}
	if err == nil {
		err = io.ErrNoProgress
	}
	return err
}

// readHead reads the next request line and headers and returns them
// without the empty line that ends them, skipping empty lines before the
// request line (RFC 9112 §2.2). It returns "" when the connection ends or
// times out first, and a status when the head is too large.
func (c *conn) readHead() (string, int) {
	scan, headDeadline := 0, false
	for {
		if scan == 0 {
			for c.r < c.w && (c.buf[c.r] == '\n' || c.buf[c.r] == '\r' && c.r+1 < c.w && c.buf[c.r+1] == '\n') {
				c.r++
			}
		}
		data := c.buf[c.r:c.w]
		for {
			j := bytes.IndexByte(data[scan:], '\n')
			if j < 0 {
				break
			}
			nl := scan + j
			if line := data[scan:nl]; scan > 0 && (len(line) == 0 || len(line) == 1 && line[0] == '\r') {
				if scan > c.s.maxHead {
					return "", http.StatusRequestHeaderFieldsTooLarge
				}
				block := string(data[:scan])
				c.r += nl + 1
				return block, 0
			}
			scan = nl + 1
		}
		if len(data) > c.s.maxHead+2 {
			return "", http.StatusRequestHeaderFieldsTooLarge
		}
		if !headDeadline && len(data) > 0 {
			headDeadline = true
			c.setDeadline(time.Now().Add(c.s.headWait))
		}
		if c.fill() != nil {
			return "", 0
		}
	}
}
