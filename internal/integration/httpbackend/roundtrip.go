package httpbackend

import (
	"bufio"
	"context"
	"errors"
	"math"
	"net/http"
	"time"

	"archway/internal/deadline"
)

// errTooLarge is the error of a response above MaxPayload.
var errTooLarge = errors.New("response too large")

// max1xx bounds the informational responses read before the final one,
// as net/http bounds them.
const max1xx = 5

// roundTrip sends o to the backend of p over an idle connection or a new
// one, on the caller's goroutine, and reads the response whole into a
// pooled payload. A reused connection that fails before any byte of the
// response (the backend closed it while it was idle) is replaced by a new
// one once, when o can be sent again or nothing of it was sent. An error
// once ctx has ended is ctx's error.
func (inv *Invoker) roundTrip(ctx context.Context, p *connPool, o *outgoing) (*http.Response, *payload, error) {
	pc := p.get()
	reused := pc != nil
	for {
		if pc == nil {
			var err error
			if pc, err = inv.dial(ctx, p); err != nil {
				if ctx.Err() != nil {
					return nil, nil, ctx.Err()
				}
				return nil, nil, err
			}
		}
		resp, body, keep, err := pc.exchange(ctx, o)
		if err == nil {
			if keep {
				p.put(pc)
			} else {
				_ = pc.conn.Close()
			}
			return resp, body, nil
		}
		_ = pc.conn.Close()
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		retry := reused && pc.read == 0 && (o.replayable() || pc.written == 0)
		if !retry {
			return nil, nil, err
		}
		pc, reused = nil, false
	}
}

// aLongTimeAgo is a deadline in the past: it interrupts the reads and
// writes of a connection at once.
var aLongTimeAgo = time.Unix(1, 0)

// exchange writes o on pc, reads the response and its body whole (up to
// MaxPayload), and tells whether pc may carry another request: the
// response was read to its end, nothing follows it, and neither side
// closes the connection. When writing to the backend fails, an answer it
// sent before it stopped reading (a 413 ahead of a large body) is the
// response. The end of ctx interrupts it.
func (pc *persistConn) exchange(ctx context.Context, o *outgoing) (resp *http.Response, p *payload, keep bool, err error) {
	pc.read, pc.written, pc.writeFailed = 0, 0, false
	if ctx.Done() != nil {
		stop := deadline.AfterFunc(ctx, pc.interruptFunc)
		defer func() {
			if !stop() {
				// Interrupted: the connection's deadline is spent.
				keep = false
			}
		}()
	}
	if err = pc.send(o); err == nil {
		return pc.receive(o.method)
	}
	if !pc.writeFailed || ctx.Err() != nil {
		return nil, nil, false, err
	}
	resp, p, _, rerr := pc.receive(o.method)
	if rerr != nil {
		return nil, nil, false, err
	}
	return resp, p, false, nil
}

// send writes o on pc.
func (pc *persistConn) send(o *outgoing) error {
	bw := pc.writer()
	defer putWriter(bw)
	if err := o.write(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// receive reads a response and its body whole from pc, and tells whether
// pc may carry another request.
func (pc *persistConn) receive(method string) (*http.Response, *payload, bool, error) {
	pc.limit = maxHeaderBytes
	br := pc.reader()
	defer putReader(br)
	resp, err := readResponse(br, method)
	if err != nil {
		return nil, nil, false, err
	}
	pc.limit = math.MaxInt64
	n := resp.ContentLength // -1 when unknown
	switch {
	case resp.Body == http.NoBody:
		n = 0 // HEAD, 204, 304: the length is not that of a body here
	case n > MaxPayload:
		return nil, nil, false, errTooLarge
	}
	p, err := readPayload(resp.Body, n)
	if err != nil {
		return nil, nil, false, err
	}
	if p.Len() > MaxPayload {
		p.release()
		return nil, nil, false, errTooLarge
	}
	keep := !resp.Close && br.Buffered() == 0 && resp.StatusCode != http.StatusSwitchingProtocols
	return resp, p, keep, nil
}

// interrupt makes the connection's pending and later reads and writes
// fail at once.
func (pc *persistConn) interrupt() {
	_ = pc.conn.SetDeadline(aLongTimeAgo)
}

// readResponse reads the final response's status line and headers from
// br, skipping informational (1xx) responses before it; 101 Switching
// Protocols is final. The response's body reads from br.
func readResponse(br *bufio.Reader, method string) (*http.Response, error) {
	req := requestOf(method)
	for range max1xx + 1 {
		resp, err := http.ReadResponse(br, req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode < 100 || resp.StatusCode > 199 || resp.StatusCode == http.StatusSwitchingProtocols {
			return resp, nil
		}
	}
	return nil, errors.New("too many 1xx informational responses")
}

// methodRequests are the requests http.ReadResponse is given for the
// usual methods: it only reads the method (no body after a HEAD).
var methodRequests = map[string]*http.Request{}

func init() {
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut,
		http.MethodPatch, http.MethodDelete, http.MethodOptions} {
		methodRequests[m] = &http.Request{Method: m}
	}
}

// requestOf returns a request of method for http.ReadResponse.
func requestOf(method string) *http.Request {
	if r, ok := methodRequests[method]; ok {
		return r
	}
	return &http.Request{Method: method}
}
