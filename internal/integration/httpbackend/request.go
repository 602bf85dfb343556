package httpbackend

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"archway/internal/httptoken"
)

// outgoing is an integration request as it goes on the wire.
type outgoing struct {
	method string
	// target is the request target: the path and query of the URI.
	target string
	// host is the Host header: the URI's host or a mapped one.
	host   string
	header http.Header
	// body is the payload, unless stream is set: then stream gives
	// length bytes of it, which can be read only once.
	body   []byte
	stream io.Reader
	length int64
}

// errInvalidRequest is the error of a request that cannot be written.
var errInvalidRequest = errors.New("invalid request")

// replayable reports whether the request may be sent again after a
// reused connection failed before any response: its body is at hand and
// the method is idempotent or the client marked it so, as net/http
// decides.
func (o *outgoing) replayable() bool {
	if o.stream != nil {
		return false
	}
	switch o.method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
		return true
	}
	_, key := o.header["Idempotency-Key"]
	_, xkey := o.header["X-Idempotency-Key"]
	return key || xkey
}

// check refuses a request that cannot be written as it is: the method
// must be a token, the target and the Host free of control characters
// (and the Host of spaces), header names tokens and header values free of
// control characters but tabs (RFC 9110, section 5), so that nothing can
// add header lines or end the header.
func (o *outgoing) check() error {
	switch {
	case !httptoken.Valid(o.method):
		return fmt.Errorf("%w: method %q", errInvalidRequest, o.method)
	case hasControl(o.target):
		return fmt.Errorf("%w: control character in the path %q", errInvalidRequest, o.target)
	case o.host == "" || hasControl(o.host) || strings.Contains(o.host, " "):
		return fmt.Errorf("%w: Host %q", errInvalidRequest, o.host)
	}
	for name, values := range o.header {
		if !httptoken.Valid(name) {
			return fmt.Errorf("%w: header name %q", errInvalidRequest, name)
		}
		for _, v := range values {
			for i := 0; i < len(v); i++ {
				if c := v[i]; c < ' ' && c != '\t' || c == 0x7f {
					return fmt.Errorf("%w: value of header %s", errInvalidRequest, name)
				}
			}
		}
	}
	return nil
}

// write writes the request line, the Host header, the headers and the
// body of a checked request to bw, not flushing it. Header lines that
// describe the gateway's own connection or the framing (Content-Length,
// Transfer-Encoding) are not copied: the framing is written from the
// payload's length. A User-Agent is written only when given and not
// empty; no header of the client's own is added (no Accept-Encoding). A
// Content-Length of 0 is written for an empty POST, PUT or PATCH only, as
// net/http does.
func (o *outgoing) write(bw *bufio.Writer) error {
	bw.WriteString(o.method)
	bw.WriteByte(' ')
	bw.WriteString(o.target)
	bw.WriteString(" HTTP/1.1\r\nHost: ")
	bw.WriteString(o.host)
	bw.WriteString("\r\n")
	for name, values := range o.header {
		switch {
		case skippedHeader(name):
			continue
		case strings.EqualFold(name, "User-Agent"):
			// The first value only, and none when empty (net/http's rule).
			if len(values) > 0 {
				values = values[:1]
			}
			if len(values) == 0 || trimSpace(values[0]) == "" {
				continue
			}
		}
		for _, v := range values {
			bw.WriteString(name)
			bw.WriteString(": ")
			bw.WriteString(trimSpace(v))
			bw.WriteString("\r\n")
		}
	}
	if o.length > 0 || o.method == http.MethodPost || o.method == http.MethodPut || o.method == http.MethodPatch {
		bw.WriteString("Content-Length: ")
		bw.Write(strconv.AppendInt(bw.AvailableBuffer(), o.length, 10))
		bw.WriteString("\r\n")
	}
	_, err := bw.WriteString("\r\n")
	switch {
	case err != nil:
	case o.stream != nil:
		var n int64
		n, err = io.CopyN(bw, o.stream, o.length)
		if err == io.EOF {
			err = fmt.Errorf("the request body ended after %d of its %d bytes", n, o.length)
		}
	default:
		_, err = bw.Write(o.body)
	}
	return err
}

// skippedHeader reports whether a header line of the integration request
// is left out: the Host (written from outgoing.host), the framing, and the
// headers of the gateway's own connection to the backend, which it
// manages itself: mapped values are not sent (AWS did not deliver them
// either: header-remap-http-proxy-full). An Expect header, in particular,
// would make the backend wait or refuse (417), although the whole body is
// sent at once.
func skippedHeader(name string) bool {
	for _, s := range [...]string{"Host", "Content-Length", "Transfer-Encoding",
		"Connection", "Keep-Alive", "Proxy-Connection", "Te", "Expect"} {
		if len(name) == len(s) && strings.EqualFold(name, s) {
			return true
		}
	}
	return false
}

// hasControl reports whether s holds a control character.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] == 0x7f {
			return true
		}
	}
	return false
}

// trimSpace trims the spaces and tabs around a header value.
func trimSpace(v string) string {
	for v != "" && (v[0] == ' ' || v[0] == '\t') {
		v = v[1:]
	}
	for v != "" && (v[len(v)-1] == ' ' || v[len(v)-1] == '\t') {
		v = v[:len(v)-1]
	}
	return v
}
