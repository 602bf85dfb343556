package httpbackend

import (
	"bytes"
	"io"
	"sync"
)

// maxPooled is the capacity above which a payload buffer is left to the
// garbage collector instead of going back to the pool, so that a rare
// large response does not keep its memory.
const maxPooled = 1 << 20

// payloadPool holds the buffers backend responses are read into.
var payloadPool = sync.Pool{New: func() any { return new(payload) }}

// payload is a backend response body read in full. Handed out as a
// stream, it reads from the buffer, and Close returns it to the pool.
type payload struct {
	buf bytes.Buffer
	r   bytes.Reader
	lim io.LimitedReader
}

// readPayload reads body to its end into a pooled buffer, sized up front
// when the backend gave the length (n >= 0). It stops one byte past
// MaxPayload, so that the caller can tell a response that is too large.
// The read runs on the caller's goroutine; the end of the request's
// context interrupts the connection it reads from.
func readPayload(body io.Reader, n int64) (*payload, error) {
	p := payloadPool.Get().(*payload)
	if n >= 0 {
		p.buf.Grow(int(n) + bytes.MinRead)
	}
	p.lim = io.LimitedReader{R: body, N: MaxPayload + 1}
	_, err := p.buf.ReadFrom(&p.lim)
	p.lim.R = nil
	if err != nil {
		p.release()
		return nil, err
	}
	p.r.Reset(p.buf.Bytes())
	return p, nil
}

// Len is the length of the payload.
func (p *payload) Len() int { return p.buf.Len() }

// Read reads the payload.
func (p *payload) Read(b []byte) (int, error) { return p.r.Read(b) }

// WriteTo writes the payload to w in one call (io.Copy uses it).
func (p *payload) WriteTo(w io.Writer) (int64, error) { return p.r.WriteTo(w) }

// Close returns the buffer to the pool; the payload must not be used
// afterwards.
func (p *payload) Close() error {
	p.release()
	return nil
}

// release empties p and puts it back into the pool, unless its buffer
// grew past maxPooled.
func (p *payload) release() {
	p.r.Reset(nil)
	if p.buf.Cap() > maxPooled {
		return
	}
	p.buf.Reset()
	payloadPool.Put(p)
}
