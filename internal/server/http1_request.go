package server

import (
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"

	"archway/internal/httptoken"
)

// Field is one header line of a request as its client wrote it.
type Field struct {
	Name, Value string
}

// HeaderFields returns the header lines of r as its client wrote them:
// names in their case, in their order, repeated names repeated. It returns
// nil for a request HTTP1 did not read. It must be called while the
// handler serves r (or a request derived from r), on the handler's
// goroutine or one the handler waits for; the slice is valid until the
// handler returns.
func HeaderFields(r *http.Request) []Field {
	c, _ := r.Context().Value(connKey{}).(*conn)
	if c == nil || c.req == nil {
		return nil
	}
	return c.fields
}

// parse turns a request head into the request handed to the handler, or
// returns the status of the error answer: 400 for a malformed head, 417
// for an expectation other than 100-continue, 501 for a transfer coding
// other than chunked, 505 for a version other than HTTP/1.0 and 1.1. All
// of the head's strings share the one allocation of block.
func (c *conn) parse(block string) (*http.Request, int) {
	line, rest, _ := strings.Cut(block, "\n")
	method, line, ok1 := strings.Cut(strings.TrimSuffix(line, "\r"), " ")
	target, proto, ok2 := strings.Cut(line, " ")
	if !ok1 || !ok2 || !httptoken.Valid(method) || target == "" {
		return nil, http.StatusBadRequest
	}
	r := new(http.Request)
	*r = *c.base
	switch proto {
	case "HTTP/1.1":
		r.Proto, r.ProtoMajor, r.ProtoMinor = "HTTP/1.1", 1, 1
	case "HTTP/1.0":
		r.Proto, r.ProtoMajor, r.ProtoMinor = "HTTP/1.0", 1, 0
	default:
		if len(proto) == 8 && strings.HasPrefix(proto, "HTTP/") && isDigit(proto[5]) && proto[6] == '.' && isDigit(proto[7]) {
			return nil, http.StatusHTTPVersionNotSupported
		}
		return nil, http.StatusBadRequest
	}
	u, err := url.ParseRequestURI(target)
	if err != nil {
		return nil, http.StatusBadRequest
	}
	r.Method, r.RequestURI, r.URL, r.RemoteAddr = method, target, u, c.remote

	var h headInfo
	if status := c.readFields(rest, r, &h); status != 0 {
		return nil, status
	}
	if status := h.check(r); status != 0 {
		return nil, status
	}
	r.Host = h.host
	if u.Host != "" {
		r.Host = u.Host
	}
	r.Close = h.close || r.ProtoMinor == 0 && !h.keepAlive
	expect := h.expect && r.ProtoMinor == 1
	switch {
	case h.chunked:
		r.ContentLength, r.TransferEncoding, r.Body = -1, []string{"chunked"}, &c.body
		c.body.reset(bodyChunked, 0, expect)
	case h.length > 0:
		r.ContentLength, r.Body = h.length, &c.body
		c.body.reset(bodyFixed, h.length, expect)
	default:
		r.Body = http.NoBody
		c.body.reset(bodyNone, 0, false)
	}
	return r, 0
}

// headInfo is what the server itself takes from a request's headers.
type headInfo struct {
	host             string
	hosts            int
	length           int64 // -1 when absent
	te               string
	tes              int
	close, keepAlive bool
	expect           bool
	badExpect        bool
	chunked          bool
}

// readFields reads the header lines into r.Header and c.fields.
func (c *conn) readFields(rest string, r *http.Request, h *headInfo) int {
	n := strings.Count(rest, "\n")
	header := make(http.Header, n)
	values := make([]string, n)
	h.length = -1
	for i := 0; rest != ""; i++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == ' ' || line[0] == '\t' {
			return http.StatusBadRequest // obs-fold (RFC 9112 §5.2)
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || !httptoken.Valid(name) {
			return http.StatusBadRequest
		}
		value = strings.Trim(value, " \t")
		if !validValue(value) {
			return http.StatusBadRequest
		}
		c.fields = append(c.fields, Field{Name: name, Value: value})
		key := canonicalKey(name)
		switch vs, seen := header[key]; {
		case key == "Host": // r.Host holds it, as with net/http
		case seen:
			header[key] = append(vs, value)
		default:
			values[i] = value
			header[key] = values[i : i+1 : i+1]
		}
		if status := h.note(key, value); status != 0 {
			return status
		}
	}
	r.Header = header
	return 0
}

// note records a header the server acts on.
func (h *headInfo) note(key, value string) int {
	switch key {
	case "Host":
		h.host = value
		h.hosts++
	case "Content-Length":
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil || n < 0 || value[0] == '+' || h.length >= 0 && n != h.length {
			return http.StatusBadRequest
		}
		h.length = n
	case "Transfer-Encoding":
		h.te = value
		h.tes++
	case "Connection":
		close, keepAlive := connectionOptions([]string{value})
		h.close, h.keepAlive = h.close || close, h.keepAlive || keepAlive
	case "Expect":
		if strings.EqualFold(value, "100-continue") {
			h.expect = true
		} else {
			h.badExpect = true
		}
	}
	return 0
}

// connectionOptions reports whether Connection header values hold the
// options close and keep-alive (in any case).
func connectionOptions(values []string) (close, keepAlive bool) {
	for _, v := range values {
		for v != "" {
			var opt string
			opt, v, _ = strings.Cut(v, ",")
			switch opt = strings.Trim(opt, " \t"); {
			case strings.EqualFold(opt, "close"):
				close = true
			case strings.EqualFold(opt, "keep-alive"):
				keepAlive = true
			}
		}
	}
	return close, keepAlive
}

// check applies the rules that need all of the headers.
func (h *headInfo) check(r *http.Request) int {
	switch {
	case r.ProtoMinor == 1 && h.hosts != 1, h.hosts > 1, !validHost(h.host):
		return http.StatusBadRequest
	case h.tes > 0 && (r.ProtoMinor == 0 || h.length >= 0):
		return http.StatusBadRequest // a request smuggling vector (RFC 9112 §6.1)
	case h.tes > 1 || h.tes == 1 && !strings.EqualFold(h.te, "chunked"):
		return http.StatusNotImplemented
	case h.badExpect && r.ProtoMinor == 1:
		return http.StatusExpectationFailed
	}
	h.chunked = h.tes == 1
	return 0
}

// validValue reports whether a header value holds no control character
// but horizontal tab.
func validValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if b := v[i]; b < ' ' && b != '\t' || b == 0x7f {
			return false
		}
	}
	return true
}

// validHost reports whether a Host value holds only the characters of a
// host and port: RFC 3986's unreserved, sub-delims, percent-encoding, and
// the colon and brackets of ports and IP literals.
func validHost(h string) bool {
	for i := 0; i < len(h); i++ {
		b := h[i]
		alnum := '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
		if !alnum && !strings.ContainsRune("-._~!$&'()*+,;=:[]%", rune(b)) {
			return false
		}
	}
	return true
}

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// canonicalKey is name in canonical MIME form, without allocating when it
// already is.
func canonicalKey(name string) string {
	upper := true
	for i := 0; i < len(name); i++ {
		b := name[i]
		if upper && 'a' <= b && b <= 'z' || !upper && 'A' <= b && b <= 'Z' {
			return textproto.CanonicalMIMEHeaderKey(name)
		}
		upper = b == '-'
	}
	return name
}
