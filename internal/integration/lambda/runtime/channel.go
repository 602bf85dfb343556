package runtime

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"archway/internal/deadline"
	"archway/internal/rawio"
)

// channel is the host end of the bootstrap protocol (frame.go) with one
// process: two pipes, one each way. The goroutine running an invocation
// writes it and reads the answer itself: no other goroutine reads, so the
// answer wakes the invocation directly.
type channel struct {
	in  *os.File // invocations to the process (write end)
	out *os.File // frames from the process (read end)
	// inw writes to in, with raw system calls (rawio) when it can; the
	// frame reader reads out likewise.
	inw    io.Writer
	frames frameReader
	// buf holds the invocation being written (one at a time).
	buf []byte
	// initDeadline ends the init phase (process start to its 'N' frame).
	initDeadline time.Time
	// timers runs the deadlines of reads (deadline explains why not the
	// pipe's own read deadline).
	timers *deadline.Timers

	// mu guards the cutting short of reads (the pipe's read deadline
	// moved to now): a cut aims at the read numbered read, and does
	// nothing once read has changed. cutByCtx and cutByDeadline say who
	// cut the current read; waited, that its wait for a frame is over
	// (the context may no longer cut it).
	mu            sync.Mutex
	read          uint64
	cutByCtx      bool
	cutByDeadline bool
	waited        bool
}

// inlineEvent is the largest event copied behind its frame header to go
// out in one write, which the pipe's buffer (64 KiB) holds at once; larger
// ones are written on their own, with the invocation's deadline.
const inlineEvent = 32 * 1024

// newChannel returns the host end of a new channel and the ends to give
// the process as its file descriptors 3 and 4.
func newChannel(timers *deadline.Timers) (*channel, [2]*os.File, error) {
	var child [2]*os.File
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, child, fmt.Errorf("bootstrap pipe: %w", err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, child, fmt.Errorf("bootstrap pipe: %w", err)
	}
	ch := &channel{in: inW, out: outR, inw: inW, initDeadline: time.Now().Add(InitTimeout), timers: timers}
	var outr io.Reader = outR
	if rw := rawio.New(outR); rw != nil {
		outr = rw
	}
	if rw := rawio.New(inW); rw != nil {
		ch.inw = rw
	}
	ch.frames = frameReader{r: bufio.NewReaderSize(outr, 64*1024)}
	child[0], child[1] = inR, outW
	return ch, child, nil
}

// close closes the host's ends, ending a read in progress.
func (ch *channel) close() {
	_ = ch.in.Close()
	_ = ch.out.Close()
}

// next reads one frame, failing with os.ErrDeadlineExceeded at limit,
// or when ctx ends while no frame has begun to arrive (a frame arriving is
// read whole, so that the next one can be).
func (ch *channel) next(ctx context.Context, limit time.Time) (frame, error) {
	ch.mu.Lock()
	ch.read++
	n := ch.read
	if ch.cutByCtx || ch.cutByDeadline { // left by an earlier read
		_ = ch.out.SetReadDeadline(time.Time{})
	}
	ch.cutByCtx, ch.cutByDeadline, ch.waited = false, false, false
	ch.mu.Unlock()
	timer := ch.timers.At(limit, func() { ch.cut(n, false) })
	defer timer.Stop()
	if ctx.Done() != nil {
		stop := deadline.AfterFunc(ctx, func() { ch.cut(n, true) })
		_, err := ch.frames.r.Peek(1)
		stop()
		ch.mu.Lock()
		ch.waited = true
		if err == nil && ch.cutByCtx && !ch.cutByDeadline {
			// ctx ended as the frame began to arrive: read it whole,
			// within the deadline alone.
			ch.cutByCtx = false
			_ = ch.out.SetReadDeadline(time.Time{})
		}
		ch.mu.Unlock()
		if err != nil {
			return frame{}, err
		}
	}
	return ch.frames.next()
}

// cut cuts read n short, if it is still the current one (and, for the
// context, still waiting for its frame).
func (ch *channel) cut(n uint64, byCtx bool) {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if ch.read != n || byCtx && ch.waited {
		return
	}
	if byCtx {
		ch.cutByCtx = true
	} else {
		ch.cutByDeadline = true
	}
	_ = ch.out.SetReadDeadline(time.Now())
}

// runFramed runs inv on a process speaking the bootstrap protocol: it
// waits for the end of the init phase, writes the invocation and reads its
// outcome. It returns finished=false when ctx ends first; runFramed must
// then be called again (with a context that does not end) to see the
// invocation through.
func (sb *sandbox) runFramed(ctx context.Context, inv *invocation) (*Result, bool) {
	ch := sb.ch
	for !sb.initialized.Load() {
		f, err := ch.next(ctx, ch.initDeadline)
		switch {
		case errors.Is(err, os.ErrDeadlineExceeded) && ctx.Err() != nil:
			return nil, false
		case errors.Is(err, os.ErrDeadlineExceeded):
			sb.kill()
			return errorResult(inv, "Runtime.InitTimeout", "Error: Init timed out after "+seconds(InitTimeout)), true
		case err != nil:
			return sb.broken(inv, err), true
		case f.typ == frameNext && f.n == 0:
			sb.initialized.Store(true)
		case f.typ == frameInitError && f.n == 2:
			payload := f.field(1)
			if len(payload) == 0 {
				payload = errorPayload(string(f.field(0)))
			}
			sb.initFailed(payload)
			sb.kill()
			return sb.broken(inv, errInitFailed), true
		default:
			return sb.broken(inv, unexpected(&f)), true
		}
	}
	if inv.deadline.IsZero() { // not written yet
		if res := sb.deliverFrame(inv); res != nil {
			return res, true
		}
	}
	f, err := ch.next(ctx, inv.deadline)
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded) && ctx.Err() != nil:
		return nil, false
	case errors.Is(err, os.ErrDeadlineExceeded):
		return sb.timedOut(inv, sb.cfg.Timeout), true
	case err != nil:
		return sb.broken(inv, err), true
	}
	payload, functionError, err := answerPayload(&f)
	if err == nil && string(f.field(0)) != inv.opts.RequestID {
		err = fmt.Errorf("%w: %q frame for request %q, which the process is not running", errFrame, f.typ, f.field(0))
	}
	if err != nil {
		return sb.broken(inv, err), true
	}
	sb.take(inv.opts.RequestID)
	sb.endInvocation()
	return &Result{RequestID: inv.opts.RequestID, Payload: payload, FunctionError: functionError}, true
}

// errInitFailed ends the init phase of a process that reported an init
// error: the invocation fails with that error.
var errInitFailed = errors.New("init error")

// deliverFrame writes inv to an initialised process: its event bytes go to
// the pipe as they are, behind the frame header. It returns the outcome of
// an invocation that could not be written: a process not reading its
// event until the deadline times out, one that exited fails.
func (sb *sandbox) deliverFrame(inv *invocation) *Result {
	sb.dispatch(inv)
	ch := sb.ch
	ch.buf = appendInvokeHeader(ch.buf[:0], inv, sb.cfg.ARN, len(inv.payload))
	var err error
	if len(inv.payload) <= inlineEvent {
		ch.buf = append(ch.buf, inv.payload...)
		_, err = ch.inw.Write(ch.buf)
	} else {
		_ = ch.in.SetWriteDeadline(inv.deadline)
		if _, err = ch.inw.Write(ch.buf); err == nil {
			_, err = ch.inw.Write(inv.payload)
		}
		_ = ch.in.SetWriteDeadline(time.Time{})
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, os.ErrDeadlineExceeded):
		return sb.timedOut(inv, sb.cfg.Timeout)
	}
	return sb.broken(inv, err)
}

// answerPayload returns the outcome a response or error frame carries.
func answerPayload(f *frame) (payload []byte, functionError string, err error) {
	switch {
	case f.typ == frameResponse && (f.n == 2 || f.oversize):
		payload = f.field(1)
		if f.oversize || len(payload) > MaxResponseSize {
			return responseTooLarge(), "Unhandled", nil
		}
		return payload, "", nil
	case f.typ == frameError && (f.n == 3 || f.oversize):
		payload = f.field(2)
		if f.oversize || len(payload) > MaxResponseSize {
			payload = responseTooLarge()
		} else if len(payload) == 0 {
			payload = errorPayload(string(f.field(1)))
		}
		return payload, "Unhandled", nil
	}
	return nil, "", unexpected(f)
}

func unexpected(f *frame) error {
	return fmt.Errorf("%w: unexpected %q frame with %d fields", errFrame, f.typ, f.n)
}

// broken is the outcome of an invocation whose process stopped answering:
// it broke the protocol (err wraps errFrame: it is stopped), reported an
// init error or exited (err is a read or write error). The process is
// waited for until the invocation's deadline.
func (sb *sandbox) broken(inv *invocation, err error) *Result {
	if errors.Is(err, errFrame) && sb.alive() {
		sb.protocolError(err)
	}
	deadline := inv.deadline
	if deadline.IsZero() {
		deadline = sb.ch.initDeadline
	}
	wait := time.NewTimer(time.Until(deadline))
	defer wait.Stop()
	select {
	case <-sb.exited:
		return sb.exitResult(inv)
	case <-wait.C:
		return sb.timedOut(inv, sb.cfg.Timeout)
	}
}
