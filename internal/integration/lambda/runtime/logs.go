package runtime

import (
	"bytes"
	"sync"
)

// lineLogger forwards a process stream to slog one line at a time, tagged
// with the request id being processed.
type lineLogger struct {
	sb     *sandbox
	stream string
	mu     sync.Mutex
	buf    []byte
}

// maxLine caps a buffered partial line; longer lines are split.
const maxLine = 64 * 1024

func (l *lineLogger) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
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
	return len(p), nil
}

func (l *lineLogger) emit(line []byte) {
	line = bytes.TrimSuffix(line, []byte{'\r'})
	id, _ := l.sb.requestID.Load().(string)
	l.sb.log.Info(string(line), "stream", l.stream, "requestId", id)
}
