package pipeline

import (
	"bytes"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"archway/internal/lambdaevent"
)

// maxRecorded is how much of a connection's most recent input a
// HeaderListener keeps: more than a request line and headers may take
// (server.MaxHeaderBytes plus net/http's slack).
const maxRecorded = 16 << 10

// HeaderListener wraps a listener and keeps the latest input of each of
// its connections, so that the header lines of a request can be read back
// as the client wrote them: net/http canonicalises header names and does
// not keep their order, while the AWS_PROXY event reports them as sent
// ("tEsT-HEADeR"). Set Options.RawHeaders to its Headers method.
type HeaderListener struct {
	net.Listener
	conns sync.Map // remote address → *recordingConn
}

// NewHeaderListener wraps ln.
func NewHeaderListener(ln net.Listener) *HeaderListener {
	return &HeaderListener{Listener: ln}
}

// Accept accepts a connection and starts recording its input.
func (l *HeaderListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	rc := &recordingConn{Conn: c, l: l, key: c.RemoteAddr().String()}
	l.conns.Store(rc.key, rc)
	return rc, nil
}

// Headers returns the header lines of r as its client wrote them, or nil
// when r did not come through l or its header block is no longer held.
func (l *HeaderListener) Headers(r *http.Request) []lambdaevent.Header {
	v, ok := l.conns.Load(r.RemoteAddr)
	if !ok {
		return nil
	}
	return v.(*recordingConn).headers(r.Method + " " + r.RequestURI + " ")
}

// recordingConn keeps the last maxRecorded bytes read from a connection
// that no request has claimed yet.
type recordingConn struct {
	net.Conn
	l   *HeaderListener
	key string

	mu  sync.Mutex
	buf []byte
	// skip is how many bytes of the body of the request last claimed are
	// still to come: they are not recorded, so that a body holding a
	// request line cannot be taken for the next request.
	skip int64
}

func (c *recordingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.mu.Lock()
		in := p[:n]
		drop := min(c.skip, int64(len(in)))
		in, c.skip = in[drop:], c.skip-drop
		c.buf = append(c.buf, in...)
		if len(c.buf) > maxRecorded {
			c.buf = append(c.buf[:0], c.buf[len(c.buf)-maxRecorded:]...)
		}
		c.mu.Unlock()
	}
	return n, err
}

func (c *recordingConn) Close() error {
	c.l.conns.CompareAndDelete(c.key, c)
	return c.Conn.Close()
}

// headers finds the request starting with requestLine in the recorded
// input, parses its header lines and forgets the input up to their end.
func (c *recordingConn) headers(requestLine string) []lambdaevent.Header {
	c.mu.Lock()
	defer c.mu.Unlock()
	i := bytes.Index(c.buf, []byte(requestLine))
	if i < 0 {
		return nil
	}
	n := bytes.Index(c.buf[i:], []byte("\r\n\r\n"))
	if n < 0 {
		return nil
	}
	block := string(c.buf[i : i+n])
	c.buf = append(c.buf[:0], c.buf[i+n+4:]...)
	out := []lambdaevent.Header{}
	var length int64
	chunked := false
	lines := strings.Split(block, "\r\n")
	for _, line := range lines[1:] {
		name, value, ok := strings.Cut(line, ":")
		if !ok || name == "" || name[0] == ' ' || name[0] == '\t' {
			continue // obsolete line folding: net/http refuses it anyway
		}
		value = strings.Trim(value, " \t")
		switch {
		case strings.EqualFold(name, "Content-Length"):
			length, _ = strconv.ParseInt(value, 10, 64)
		case strings.EqualFold(name, "Transfer-Encoding"):
			chunked = true
		}
		out = append(out, lambdaevent.Header{Name: name, Value: value})
	}
	if !chunked && length > 0 {
		// A chunked body's length is unknown: it stays recorded, and only
		// a body that holds a request line could mislead the search.
		drop := min(length, int64(len(c.buf)))
		c.buf = append(c.buf[:0], c.buf[drop:]...)
		c.skip = length - drop
	}
	return out
}
