package httpbackend

import (
	"context"
	"errors"
	"io"
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
func (inv *Invoker) roundTrip(ctx context.Context, p *connPool, o *outgoing) (head, *payload, error) {
	pc := p.get()
	reused := pc != nil
	for {
		if pc == nil {
			var err error
			if pc, err = inv.dial(ctx, p); err != nil {
				if ctx.Err() != nil {
					return head{}, nil, ctx.Err()
				}
				return head{}, nil, err
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
			return head{}, nil, ctx.Err()
		}
		retry := reused && pc.read == 0 && (o.replayable() || pc.written == 0)
		if !retry {
			return head{}, nil, err
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
func (pc *persistConn) exchange(ctx context.Context, o *outgoing) (h head, p *payload, keep bool, err error) {
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
		return head{}, nil, false, err
	}
	h, p, _, rerr := pc.receive(o.method)
	if rerr != nil {
		return head{}, nil, false, err
	}
	return h, p, false, nil
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
func (pc *persistConn) receive(method string) (head, *payload, bool, error) {
	pc.limit = maxHeaderBytes
	br := pc.reader()
	defer putReader(br)
	h, err := readHead(br, method)
	if err != nil {
		return head{}, nil, false, err
	}
	pc.limit = math.MaxInt64
	if h.length > MaxPayload {
		return head{}, nil, false, errTooLarge
	}
	body := h.body
	if body == nil {
		pc.body = io.LimitedReader{R: br, N: h.length}
		body = &pc.body
	}
	p, err := readPayload(body, h.length)
	pc.body.R = nil
	switch {
	case err != nil:
		return head{}, nil, false, err
	case h.body == nil && int64(p.Len()) < h.length:
		p.release()
		return head{}, nil, false, io.ErrUnexpectedEOF
	case p.Len() > MaxPayload:
		p.release()
		return head{}, nil, false, errTooLarge
	}
	keep := !h.close && br.Buffered() == 0 && h.status != http.StatusSwitchingProtocols
	return h, p, keep, nil
}

// interrupt makes the connection's pending and later reads and writes
// fail at once.
func (pc *persistConn) interrupt() {
	_ = pc.conn.SetDeadline(aLongTimeAgo)
}
