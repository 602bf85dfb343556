package runtime

import (
	"bytes"
	"os"
	"sync"
	"syscall"

	"archway/internal/rawio"
)

// logPipe forwards one output stream of a process (the read end of its
// stdout or stderr pipe) to slog one line at a time, tagged with the
// request id being processed.
//
// A runtime writes an invocation's output before it answers the
// invocation, so when the answer arrives that output is in the pipe
// already: drain reads it then, before the request id changes, and every
// line gets the id of the invocation that wrote it however late the
// reading goroutine would have got to it.
type logPipe struct {
	sb     *sandbox
	stream string
	f      *os.File

	mu     sync.Mutex
	fd     int
	closed bool
	buf    []byte // a partial line
	chunk  []byte // read buffer
}

// maxLine caps a buffered partial line; longer lines are split.
const maxLine = 64 * 1024

// newLogPipe returns the forwarder of a pipe read end and the write end
// to give the process.
func newLogPipe(sb *sandbox, stream string) (*logPipe, *os.File, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	l := &logPipe{sb: sb, stream: stream, f: r, fd: -1}
	if rc, err := r.SyscallConn(); err == nil {
		_ = rc.Control(func(fd uintptr) { l.fd = int(fd) })
	}
	return l, w, nil
}

// run forwards the stream until the process closes it (or close).
func (l *logPipe) run() {
	rc, err := l.f.SyscallConn()
	if err != nil {
		return
	}
	eof := false
	for !eof {
		err := rc.Read(func(fd uintptr) bool {
			l.mu.Lock()
			defer l.mu.Unlock()
			if l.closed {
				eof = true
				return true
			}
			var again bool
			eof, again = l.read(int(fd))
			return !again
		})
		if err != nil {
			break
		}
	}
	l.close()
}

// read reads once from the pipe and forwards the complete lines. It
// reports the end of the stream, or that nothing was there. l.mu is held.
func (l *logPipe) read(fd int) (eof, again bool) {
	if l.chunk == nil {
		l.chunk = make([]byte, 16*1024)
	}
	n, errno := rawio.Read(uintptr(fd), l.chunk)
	switch {
	case errno == syscall.EAGAIN:
		return false, true
	case errno != 0 || n <= 0:
		l.flushPartial()
		return true, false
	}
	l.write(l.chunk[:n])
	return false, false
}

// drain forwards what the process has written so far, up to its last
// partial line (the invocation that wrote it is over).
func (l *logPipe) drain() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed || l.fd < 0 {
		return
	}
	for {
		if eof, again := l.read(l.fd); eof || again {
			break
		}
	}
	l.flushPartial()
}

// close stops forwarding; what is left in the pipe is dropped.
func (l *logPipe) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.closed {
		l.closed = true
		l.flushPartial()
		_ = l.f.Close()
	}
}

// write splits p into lines. l.mu is held.
func (l *logPipe) write(p []byte) {
	l.buf = append(l.buf, p...)
	for {
		i := bytes.IndexByte(l.buf, '\n')
		if i < 0 {
			if len(l.buf) < maxLine {
				break
			}
			i = maxLine
		}
		l.emit(l.buf[:i])
		if i < len(l.buf) && l.buf[i] == '\n' {
			i++
		}
		l.buf = l.buf[i:]
	}
	if len(l.buf) == 0 {
		l.buf = l.buf[:0:0]
	}
}

// flushPartial forwards a partial line. l.mu is held.
func (l *logPipe) flushPartial() {
	if len(l.buf) > 0 {
		l.emit(l.buf)
		l.buf = l.buf[:0:0]
	}
}

func (l *logPipe) emit(line []byte) {
	line = bytes.TrimSuffix(line, []byte{'\r'})
	l.sb.log.Info(string(line), "stream", l.stream, "requestId", *l.sb.requestID.Load())
}
