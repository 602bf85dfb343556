package server

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strconv"
	"time"

	"archway/internal/httptoken"
)

// response is the http.ResponseWriter of a request: it keeps the status,
// headers and body until the handler returns, when writeResponse sends
// them in one write.
type response struct {
	header http.Header
	status int
	body   []byte
	keys   []string // scratch for sorting header names
}

// Header returns the response headers.
func (w *response) Header() http.Header { return w.header }

// WriteHeader sets the status; only the first call of a final status
// (200 and up) counts. An informational status (1xx) is not supported: it
// is dropped, and the response goes on to its final status.
func (w *response) WriteHeader(code int) {
	if code < 100 || code > 999 {
		panic(fmt.Sprintf("invalid WriteHeader code %v", code))
	}
	if w.status == 0 && code >= 200 {
		w.status = code
	}
}

// Write appends to the body, with status 200 unless one was set.
func (w *response) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	w.body = append(w.body, p...)
	return len(p), nil
}

// WriteString appends to the body, with status 200 unless one was set.
func (w *response) WriteString(s string) (int, error) {
	w.WriteHeader(http.StatusOK)
	w.body = append(w.body, s...)
	return len(s), nil
}

// ReadFrom appends all of r to the body, reading into the body buffer
// itself.
func (w *response) ReadFrom(r io.Reader) (int64, error) {
	w.WriteHeader(http.StatusOK)
	var n int64
	for {
		if len(w.body) == cap(w.body) {
			w.body = slices.Grow(w.body, max(512, cap(w.body)))
		}
		m, err := r.Read(w.body[len(w.body):cap(w.body)])
		w.body = w.body[:len(w.body)+m]
		n += int64(m)
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// reset empties w for the next request, keeping buffers of modest size.
func (w *response) reset() {
	clear(w.header)
	w.status = 0
	w.body = w.body[:0]
	if cap(w.body) > maxKeptBuffer {
		w.body = nil
	}
}

// bodyAllowed reports whether a response with this status may have a body
// (RFC 9110 §6.4.1).
func bodyAllowed(status int) bool {
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}

// writeResponse sends the handler's response: the status line, the
// headers sorted by name with Date, Content-Length and Connection added
// where the handler did not set them, and the body unless head. keep says
// whether the connection stays open; http10 that the request was
// HTTP/1.0, whose keep-alive must be confirmed. It returns what the
// connection does next: carryOn unless the write failed or the connection
// closes (the handler, too, may ask for that).
func (c *conn) writeResponse(head, keep, http10 bool) int {
	w := &c.resp
	status := w.status
	if status == 0 {
		status = http.StatusOK
	}
	out := appendStatusLine(c.out[:0], status)
	keys := w.keys[:0]
	for k := range w.header {
		if k != "Transfer-Encoding" && k != "Content-Length" {
			keys = append(keys, k)
		}
	}
	withBody := bodyAllowed(status)
	declared := w.header["Content-Length"]
	// The Content-Length sent: the body's, but for a HEAD response that
	// declares the length of the body it leaves out; none for statuses
	// without a body.
	sendDeclared := withBody && head && len(declared) > 0 && len(w.body) == 0
	if withBody && (!head || len(w.body) > 0) || sendDeclared {
		keys = append(keys, "Content-Length")
	}
	if _, ok := w.header["Date"]; !ok {
		keys = append(keys, "Date")
	}
	// The server's Connection header replaces the handler's when the
	// connection closes; a handler may itself ask to close.
	handlerConn, connSet := w.header["Connection"]
	if close, _ := connectionOptions(handlerConn); close {
		keep = false
	}
	if !keep && connSet {
		delete(w.header, "Connection")
		keys = slices.DeleteFunc(keys, func(k string) bool { return k == "Connection" })
	}
	if !keep || !connSet && http10 {
		keys = append(keys, "Connection")
	}
	slices.Sort(keys)
	for _, k := range keys {
		switch vs, ok := w.header[k]; {
		case k == "Content-Length":
			out = append(out, "Content-Length: "...)
			if sendDeclared {
				out = appendValue(out, declared[0])
			} else {
				out = strconv.AppendInt(out, int64(len(w.body)), 10)
			}
			out = append(out, "\r\n"...)
		case ok:
			if !httptoken.Valid(k) {
				continue
			}
			for _, v := range vs {
				out = append(out, k...)
				out = append(out, ": "...)
				out = appendValue(out, v)
				out = append(out, "\r\n"...)
			}
		case k == "Date":
			out = append(out, "Date: "...)
			out = append(out, c.s.dateFor(time.Now())...)
			out = append(out, "\r\n"...)
		case k == "Connection" && !keep:
			out = append(out, "Connection: close\r\n"...)
		case k == "Connection":
			out = append(out, "Connection: keep-alive\r\n"...)
		}
	}
	out = append(out, "\r\n"...)
	w.keys = keys[:0]
	var err error
	switch {
	case head || !withBody || len(w.body) == 0:
		_, err = c.sock.Write(out)
	case len(w.body) <= maxKeptBuffer:
		out = append(out, w.body...)
		_, err = c.sock.Write(out)
	default:
		bufs := net.Buffers{out, w.body}
		_, err = bufs.WriteTo(c.nc)
	}
	if cap(out) <= maxKeptBuffer {
		c.out = out
	}
	switch {
	case err != nil:
		return closeNow
	case !keep:
		return closeAfterAnswer
	}
	return carryOn
}

// appendStatusLine appends "HTTP/1.1 NNN Reason\r\n".
func appendStatusLine(out []byte, status int) []byte {
	out = append(out, "HTTP/1.1 "...)
	out = strconv.AppendInt(out, int64(status), 10)
	out = append(out, ' ')
	if text := http.StatusText(status); text != "" {
		out = append(out, text...)
	} else {
		out = append(out, "status code "...)
		out = strconv.AppendInt(out, int64(status), 10)
	}
	return append(out, "\r\n"...)
}

// appendValue appends a header value with any CR or LF replaced by a
// space, so that no value can start a header or a response of its own.
func appendValue(out []byte, v string) []byte {
	for i := 0; i < len(v); i++ {
		if b := v[i]; b == '\r' || b == '\n' {
			out = append(out, ' ')
		} else {
			out = append(out, b)
		}
	}
	return out
}

// writeError answers a request the server refuses before any handler sees
// it; the connection closes after the answer.
func (c *conn) writeError(status int) int {
	text := strconv.Itoa(status) + " " + http.StatusText(status)
	out := appendStatusLine(c.out[:0], status)
	out = append(out, "Content-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: "...)
	out = strconv.AppendInt(out, int64(len(text)), 10)
	out = append(out, "\r\n\r\n"...)
	out = append(out, text...)
	if _, err := c.sock.Write(out); err != nil {
		return closeNow
	}
	return closeAfterAnswer
}

// dateStamp is the Date header value of one second.
type dateStamp struct {
	sec  int64
	text []byte
}

// dateFor returns the Date header value for now, formatted once a second.
func (s *HTTP1) dateFor(now time.Time) []byte {
	sec := now.Unix()
	if d := s.date.Load(); d != nil && d.sec == sec {
		return d.text
	}
	d := &dateStamp{sec: sec, text: now.UTC().AppendFormat(nil, http.TimeFormat)}
	s.date.Store(d)
	return d.text
}
