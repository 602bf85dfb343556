package httpbackend

import (
	"bufio"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// plainCases are response heads (and bodies) plainHead parses itself
// (plain) or leaves to http.ReadResponse.
var plainCases = []struct {
	name   string
	method string
	raw    string
	plain  bool
}{
	{"typical", "GET", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: Sat, 21 Nov 2026 12:00:00 GMT\r\nContent-Length: 2\r\n\r\n{}", true},
	{"no reason", "GET", "HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n", true},
	{"names canonicalised, values trimmed", "POST", "HTTP/1.1 201 Created\r\ncontent-length: 3\r\nx-custom-NAME: \t a b \t\r\nX-Empty:\r\n\r\nabc", true},
	{"repeated names in order", "GET", "HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nVary: Accept\r\nSet-Cookie: b=2\r\nContent-Length: 0\r\n\r\n", true},
	{"pipelined bytes after the body", "GET", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1", true},
	{"5xx", "GET", "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 4\r\n\r\nbusy", true},
	{"HEAD", "HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n", false},
	{"HTTP/1.0", "GET", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", false},
	{"chunked", "GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", false},
	{"Connection: close", "GET", "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", false},
	{"Pragma", "GET", "HTTP/1.1 200 OK\r\nPragma: no-cache\r\nContent-Length: 2\r\n\r\nok", false},
	{"Trailer", "GET", "HTTP/1.1 200 OK\r\nTrailer: X-T\r\nContent-Length: 2\r\n\r\nok", false},
	{"no length", "GET", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nto the end", false},
	{"204", "GET", "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n", false},
	{"304", "GET", "HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n", false},
	{"two lengths", "GET", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok", false},
	{"signed length", "GET", "HTTP/1.1 200 OK\r\nContent-Length: +2\r\n\r\nok", false},
	{"continued line", "GET", "HTTP/1.1 200 OK\r\nX-A: a\r\n b\r\nContent-Length: 2\r\n\r\nok", false},
	{"space before the colon", "GET", "HTTP/1.1 200 OK\r\nX-A : a\r\nContent-Length: 2\r\n\r\nok", false},
	{"non-ASCII value", "GET", "HTTP/1.1 200 OK\r\nX-A: caf\xc3\xa9\r\nContent-Length: 2\r\n\r\nok", false},
	{"head not all buffered", "GET", "HTTP/1.1 200 OK\r\nX-Big: " + strings.Repeat("x", 5000) + "\r\nContent-Length: 2\r\n\r\nok", false},
	{"bare LF", "GET", "HTTP/1.1 200 \nX-A: 1\r\nContent-Length: 0\r\n\r\n", false},
	{"status with letters", "GET", "HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\nok", false},
}

// read is what a reader of a response makes of it.
type read struct {
	status int
	header http.Header
	length int64
	close  bool
	body   string
	rest   string // what is left on the connection
}

// viaReadHead reads raw with readHead, as an exchange does.
func viaReadHead(raw, method string) (read, bool, error) {
	br := bufio.NewReaderSize(strings.NewReader(raw), bufioSize)
	if _, err := br.Peek(1); err != nil {
		return read{}, false, err
	}
	probe := bufio.NewReaderSize(strings.NewReader(raw), bufioSize)
	_, _ = probe.Peek(1)
	_, plain := plainHead(probe, method)
	h, err := readHead(br, method)
	if err != nil {
		return read{}, plain, err
	}
	body := h.body
	if body == nil {
		body = io.LimitReader(br, h.length)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return read{}, plain, err
	}
	rest, _ := io.ReadAll(br)
	return read{h.status, h.header, h.length, h.close, string(b), string(rest)}, plain, nil
}

// viaReadResponse reads raw with http.ReadResponse alone.
func viaReadResponse(raw, method string) (read, error) {
	br := bufio.NewReaderSize(strings.NewReader(raw), bufioSize)
	resp, err := http.ReadResponse(br, &http.Request{Method: method})
	if err != nil {
		return read{}, err
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return read{}, err
	}
	n := resp.ContentLength
	if resp.Body == http.NoBody {
		n = 0
	}
	rest, _ := io.ReadAll(br)
	return read{resp.StatusCode, resp.Header, n, resp.Close, string(b), string(rest)}, nil
}

func TestPlainHeadReadsAsReadResponse(t *testing.T) {
	for _, tc := range plainCases {
		t.Run(tc.name, func(t *testing.T) {
			got, plain, err := viaReadHead(tc.raw, tc.method)
			if plain != tc.plain {
				t.Errorf("parsed by plainHead: %v, want %v", plain, tc.plain)
			}
			want, wantErr := viaReadResponse(tc.raw, tc.method)
			if (err != nil) != (wantErr != nil) {
				t.Fatalf("readHead error %v, http.ReadResponse error %v", err, wantErr)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("readHead:\n %+v\nhttp.ReadResponse:\n %+v", got, want)
			}
		})
	}
}

// FuzzPlainHead checks that whatever plainHead accepts, http.ReadResponse
// reads the same way.
func FuzzPlainHead(f *testing.F) {
	for _, tc := range plainCases {
		f.Add(tc.raw, tc.method == http.MethodHead)
	}
	f.Fuzz(func(t *testing.T, raw string, isHead bool) {
		method := http.MethodGet
		if isHead {
			method = http.MethodHead
		}
		br := bufio.NewReaderSize(strings.NewReader(raw), bufioSize)
		if _, err := br.Peek(1); err != nil {
			return
		}
		h, ok := plainHead(br, method)
		if !ok {
			return
		}
		body, _ := io.ReadAll(io.LimitReader(br, h.length))
		rest, _ := io.ReadAll(br)
		got := read{h.status, h.header, h.length, h.close, string(body), string(rest)}
		if int64(len(body)) < h.length {
			// A body cut short: the exchange fails it (ErrUnexpectedEOF),
			// as http.ReadResponse's body does.
			return
		}
		want, err := viaReadResponse(raw, method)
		if err != nil {
			t.Fatalf("plainHead accepted what http.ReadResponse refuses (%v): %q", err, raw)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q\nplainHead:\n %+v\nhttp.ReadResponse:\n %+v", raw, got, want)
		}
	})
}
