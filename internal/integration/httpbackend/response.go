package httpbackend

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"

	"archway/internal/httptoken"
)

// head is what an exchange needs of a backend response's head.
type head struct {
	status int
	header http.Header
	// length is the body's length; -1 when body reads it to its end.
	length int64
	// body reads the body, nil when exactly length bytes follow the
	// head on the connection.
	body io.Reader
	// close tells that the connection cannot carry another request.
	close bool
}

// readHead reads the final response's head from br, skipping
// informational (1xx) responses before it; 101 Switching Protocols is
// final. A head of the plain kind nearly every backend sends is parsed
// where it lies in br's buffer (plainHead); any other goes through
// http.ReadResponse, with all of its rules.
func readHead(br *bufio.Reader, method string) (head, error) {
	if _, err := br.Peek(1); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return head{}, err
	}
	if h, ok := plainHead(br, method); ok {
		return h, nil
	}
	resp, err := readResponse(br, method)
	if err != nil {
		return head{}, err
	}
	h := head{status: resp.StatusCode, header: resp.Header, length: resp.ContentLength, body: resp.Body, close: resp.Close}
	if resp.Body == http.NoBody {
		h.length, h.body = 0, nil // HEAD, 204, 304: the length is not that of a body here
	}
	return h, nil
}

// plainHead parses the response head at the start of br's buffer when
// the buffer holds all of it and it is plain: HTTP/1.1, a final status
// that has a body (not 1xx, 204 or 304) to a request other than HEAD,
// header names that are tokens and are not continued on the next line,
// values of printable ASCII, one Content-Length, and no
// Transfer-Encoding, Connection, Trailer or Pragma header (whose rules,
// and the changes http.ReadResponse makes for them, stay its own). It
// makes what http.ReadResponse would of such a head, from one string and
// one backing array of values, and consumes the head from br.
func plainHead(br *bufio.Reader, method string) (head, bool) {
	if method == http.MethodHead {
		return head{}, false
	}
	buf, _ := br.Peek(br.Buffered())
	end := bytes.Index(buf, []byte("\r\n\r\n"))
	if end < 0 || !bytes.HasPrefix(buf, []byte("HTTP/1.1 ")) {
		return head{}, false
	}
	text := string(buf[:end+2]) // each line with its CRLF
	line, rest, _ := strings.Cut(text, "\r\n")
	status, ok := statusCode(line)
	if !ok || !printable(line) || status < 200 || status == http.StatusNoContent || status == http.StatusNotModified {
		return head{}, false
	}
	n := strings.Count(rest, "\r\n")
	h := head{status: status, header: make(http.Header, n), length: -1}
	values := make([]string, n)
	for i := 0; rest != ""; i++ {
		line, rest, _ = strings.Cut(rest, "\r\n")
		name, value, found := strings.Cut(line, ":")
		if !found || !httptoken.Valid(name) {
			return head{}, false
		}
		value = strings.Trim(value, " \t")
		if !printable(value) {
			return head{}, false
		}
		key := textproto.CanonicalMIMEHeaderKey(name)
		switch key {
		case "Transfer-Encoding", "Connection", "Trailer", "Pragma":
			return head{}, false
		case "Content-Length":
			if h.length >= 0 {
				return head{}, false
			}
			n, err := strconv.ParseUint(value, 10, 63) // digits only, as http.ReadResponse reads it
			if err != nil {
				return head{}, false
			}
			h.length = int64(n)
		}
		if vs := h.header[key]; vs != nil {
			h.header[key] = append(vs, value)
			continue
		}
		values[i] = value
		h.header[key] = values[i : i+1 : i+1]
	}
	if h.length < 0 {
		return head{}, false // the body runs to the end of the connection
	}
	_, _ = br.Discard(end + 4)
	return h, true
}

// statusCode returns the code of an "HTTP/1.1 200 OK" status line: three
// digits, then a space or the end.
func statusCode(line string) (int, bool) {
	const at = len("HTTP/1.1 ")
	if len(line) < at+3 || len(line) > at+3 && line[at+3] != ' ' {
		return 0, false
	}
	code := 0
	for _, c := range []byte(line[at : at+3]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		code = code*10 + int(c-'0')
	}
	return code, true
}

// printable reports whether s holds only printable ASCII and tabs.
func printable(s string) bool {
	for _, c := range []byte(s) {
		if (c < ' ' && c != '\t') || c > '~' {
			return false
		}
	}
	return true
}

// readResponse reads the final response's status line and headers from
// br with http.ReadResponse, skipping informational (1xx) responses
// before it; 101 Switching Protocols is final. The response's body reads
// from br.
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
