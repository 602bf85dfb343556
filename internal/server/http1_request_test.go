package server_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"archway/internal/server"
)

func TestHTTP1RequestErrors(t *testing.T) {
	called := make(chan string, 100)
	addr := startHandler(t, func(w http.ResponseWriter, r *http.Request) {
		called <- r.RequestURI
		ok(w, r)
	})
	const host = "Host: h\r\n"
	cases := []struct {
		name   string
		raw    string
		status int
	}{
		{"method with a separator", "GE(T / HTTP/1.1\r\n" + host + "\r\n", 400},
		{"empty method", " / HTTP/1.1\r\n" + host + "\r\n", 400},
		{"no target", "GET HTTP/1.1\r\n" + host + "\r\n", 400},
		{"no version", "GET /\r\n" + host + "\r\n", 400},
		{"space in the target", "GET /a b HTTP/1.1\r\n" + host + "\r\n", 400},
		{"control byte in the target", "GET /a\x01 HTTP/1.1\r\n" + host + "\r\n", 400},
		{"relative target", "GET a/b HTTP/1.1\r\n" + host + "\r\n", 400},
		{"lowercase protocol name", "GET / http/1.1\r\n" + host + "\r\n", 400},
		{"not HTTP", "GET / FTP/1.1\r\n" + host + "\r\n", 400},
		{"version not digits", "GET / HTTP/1.x\r\n" + host + "\r\n", 400},
		{"version with two-digit minor", "GET / HTTP/1.10\r\n" + host + "\r\n", 400},
		{"version without a dot", "GET / HTTP/11\r\n" + host + "\r\n", 400},
		{"HTTP/2.0", "GET / HTTP/2.0\r\n" + host + "\r\n", 505},
		{"HTTP/3.0", "GET / HTTP/3.0\r\n" + host + "\r\n", 505},
		{"HTTP/1.2", "GET / HTTP/1.2\r\n" + host + "\r\n", 505},
		{"HTTP/0.9", "GET / HTTP/0.9\r\n" + host + "\r\n", 505},
		{"header line without a colon", "GET / HTTP/1.1\r\n" + host + "NoColon\r\n\r\n", 400},
		{"space before the colon", "GET / HTTP/1.1\r\n" + host + "X-A : 1\r\n\r\n", 400},
		{"tab before the colon", "GET / HTTP/1.1\r\n" + host + "X-A\t: 1\r\n\r\n", 400},
		{"obs-fold with a space", "GET / HTTP/1.1\r\n" + host + "X-A: 1\r\n 2\r\n\r\n", 400},
		{"obs-fold with a tab", "GET / HTTP/1.1\r\n" + host + "X-A: 1\r\n\t2\r\n\r\n", 400},
		{"first header line folded", "GET / HTTP/1.1\r\n " + host + "\r\n", 400},
		{"header name with a separator", "GET / HTTP/1.1\r\n" + host + "X(A): 1\r\n\r\n", 400},
		{"empty header name", "GET / HTTP/1.1\r\n" + host + ": 1\r\n\r\n", 400},
		{"HTTP/1.1 without Host", "GET / HTTP/1.1\r\nX-A: 1\r\n\r\n", 400},
		{"two Host fields", "GET / HTTP/1.1\r\n" + host + host + "\r\n", 400},
		{"two Host fields in HTTP/1.0", "GET / HTTP/1.0\r\n" + host + "Host: i\r\n\r\n", 400},
		{"Content-Length not digits", "POST / HTTP/1.1\r\n" + host + "Content-Length: abc\r\n\r\n", 400},
		{"Content-Length negative", "POST / HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n", 400},
		{"Content-Length with a sign", "POST / HTTP/1.1\r\n" + host + "Content-Length: +1\r\n\r\nx", 400},
		{"Content-Length in hex", "POST / HTTP/1.1\r\n" + host + "Content-Length: 0x1\r\n\r\nx", 400},
		{"Content-Length overflowing", "POST / HTTP/1.1\r\n" + host + "Content-Length: 99999999999999999999999\r\n\r\n", 400},
		{"differing Content-Lengths", "POST / HTTP/1.1\r\n" + host + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nxx", 400},
		{"differing Content-Lengths in one field", "POST / HTTP/1.1\r\n" + host + "Content-Length: 1, 2\r\n\r\nxx", 400},
		{"Content-Length with Transfer-Encoding", "POST / HTTP/1.1\r\n" + host + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
		{"Transfer-Encoding before Content-Length", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n", 400},
		{"Transfer-Encoding in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
		{"Transfer-Encoding gzip", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip\r\n\r\n", 501},
		{"Transfer-Encoding identity", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: identity\r\n\r\n", 501},
		{"Transfer-Encoding gzip, chunked", "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501},
		{"Expect other than 100-continue", "POST / HTTP/1.1\r\n" + host + "Expect: something\r\nContent-Length: 1\r\n\r\nx", 417},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := exchange(t, addr, c.raw)
			text := http.StatusText(c.status)
			if got, want := statusLine(raw), fmt.Sprintf("HTTP/1.1 %d %s", c.status, text); got != want {
				t.Errorf("status line %q, want %q", got, want)
			}
			resp, body := parseResponse(t, raw, http.MethodGet)
			if got := resp.Header.Get("Content-Type"); got != "text/plain; charset=utf-8" {
				t.Errorf("Content-Type %q", got)
			}
			if !resp.Close { // ReadResponse turns Connection: close into Close
				t.Error("no Connection: close")
			}
			if want := fmt.Sprintf("%d %s", c.status, text); body != want {
				t.Errorf("body %q, want %q", body, want)
			}
			select {
			case uri := <-called:
				t.Errorf("the handler was called for %q", uri)
			default:
			}
		})
	}
}

func TestHTTP1HeaderLimit(t *testing.T) {
	// header returns a request whose request line and headers take about
	// size bytes.
	header := func(size int) string {
		return "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + strings.Repeat("a", size-40) + "\r\n\r\n"
	}
	cases := []struct {
		name   string
		limit  int
		raw    string
		status int
	}{
		{"default limit, well within", 0, header(server.MaxHeaderBytes - 1000), 200},
		{"default limit, over it", 0, header(server.MaxHeaderBytes + 1000), 431},
		{"default limit, far over it", 0, header(4 * server.MaxHeaderBytes), 431},
		{"small limit, within", 512, header(400), 200},
		{"small limit, over it", 512, header(700), 431},
		{"small limit, long request line", 512, "GET /" + strings.Repeat("a", 700) + " HTTP/1.1\r\nHost: h\r\n\r\n", 431},
		{"small limit, many short fields", 512, "GET / HTTP/1.1\r\nHost: h\r\n" + strings.Repeat("X-A: 1\r\n", 100) + "\r\n", 431},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			addr, _ := startH1(t, &server.HTTP1{Handler: http.HandlerFunc(ok), MaxHeaderBytes: c.limit})
			conn := dialH1(t, addr)
			conn.send(c.raw)
			resp, body := conn.response(http.MethodGet)
			if resp.StatusCode != c.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, c.status)
			}
			if c.status == 200 {
				conn.open()
				return
			}
			if want := "431 Request Header Fields Too Large"; body != want {
				t.Errorf("body %q, want %q", body, want)
			}
			if !resp.Close {
				t.Error("no Connection: close")
			}
			conn.closed()
		})
	}
}

// reqInfo is what a handler saw of a request.
type reqInfo struct {
	Method, RequestURI      string
	Path, RawQuery, URLHost string
	Proto                   string
	ProtoMajor, ProtoMinor  int
	Host                    string
	ContentLength           int64
	TransferEncoding        []string
	Close                   bool
	Body                    string
	header                  http.Header
	remoteAddr              string
}

func TestHTTP1RequestFields(t *testing.T) {
	seen := make(chan reqInfo, 1)
	addr := startHandler(t, func(w http.ResponseWriter, r *http.Request) {
		seen <- reqInfo{
			Method: r.Method, RequestURI: r.RequestURI,
			Path: r.URL.Path, RawQuery: r.URL.RawQuery, URLHost: r.URL.Host,
			Proto: r.Proto, ProtoMajor: r.ProtoMajor, ProtoMinor: r.ProtoMinor,
			Host: r.Host, ContentLength: r.ContentLength, TransferEncoding: r.TransferEncoding,
			Close: r.Close, Body: bodyString(r), header: r.Header.Clone(), remoteAddr: r.RemoteAddr,
		}
	})
	get11 := func(path string) reqInfo {
		return reqInfo{Method: "GET", RequestURI: path, Path: path, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Host: "h"}
	}
	with := func(r reqInfo, f func(*reqInfo)) reqInfo {
		f(&r)
		return r
	}
	cases := []struct {
		name   string
		raw    string
		want   reqInfo
		header http.Header // fields r.Header must hold, others unchecked
	}{
		{
			name: "origin form",
			raw:  "GET /a/b?x=1&y=2 HTTP/1.1\r\nHost: example.com\r\n\r\n",
			want: reqInfo{Method: "GET", RequestURI: "/a/b?x=1&y=2", Path: "/a/b", RawQuery: "x=1&y=2",
				Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Host: "example.com"},
		},
		{
			name: "absolute form: its host wins",
			raw:  "GET http://other.example:8080/p?q=1 HTTP/1.1\r\nHost: example.com\r\n\r\n",
			want: reqInfo{Method: "GET", RequestURI: "http://other.example:8080/p?q=1", Path: "/p", RawQuery: "q=1",
				URLHost: "other.example:8080", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Host: "other.example:8080"},
		},
		{
			name: "escaped path",
			raw:  "GET /a%2Fb/c%20d HTTP/1.1\r\nHost: h\r\n\r\n",
			want: with(get11("/a/b/c d"), func(r *reqInfo) { r.RequestURI = "/a%2Fb/c%20d" }),
		},
		{
			name: "asterisk form",
			raw:  "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n",
			want: with(get11("*"), func(r *reqInfo) { r.Method = "OPTIONS" }),
		},
		{
			name: "extension method",
			raw:  "PURGE /x HTTP/1.1\r\nHost: h\r\n\r\n",
			want: with(get11("/x"), func(r *reqInfo) { r.Method = "PURGE" }),
		},
		{
			name: "Host with a port",
			raw:  "GET / HTTP/1.1\r\nHost: h:8080\r\n\r\n",
			want: with(get11("/"), func(r *reqInfo) { r.Host = "h:8080" }),
		},
		{
			name: "HTTP/1.0 without Host",
			raw:  "GET / HTTP/1.0\r\n\r\n",
			want: reqInfo{Method: "GET", RequestURI: "/", Path: "/", Proto: "HTTP/1.0", ProtoMajor: 1, ProtoMinor: 0, Close: true},
		},
		{
			name: "HTTP/1.0 keep-alive",
			raw:  "GET / HTTP/1.0\r\nHost: h\r\nConnection: keep-alive\r\n\r\n",
			want: reqInfo{Method: "GET", RequestURI: "/", Path: "/", Proto: "HTTP/1.0", ProtoMajor: 1, ProtoMinor: 0, Host: "h"},
		},
		{
			name: "Connection: close",
			raw:  "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
			want: with(get11("/"), func(r *reqInfo) { r.Close = true }),
		},
		{
			name:   "bare LF line endings",
			raw:    "GET /lf HTTP/1.1\nHost: h\nX-A: 1\n\n",
			want:   get11("/lf"),
			header: http.Header{"X-A": {"1"}},
		},
		{
			name:   "mixed line endings",
			raw:    "GET /mixed HTTP/1.1\r\nHost: h\nX-A: 1\r\n\n",
			want:   get11("/mixed"),
			header: http.Header{"X-A": {"1"}},
		},
		{
			name:   "optional whitespace trimmed",
			raw:    "GET / HTTP/1.1\r\nHost: \t h \t\r\nX-A:  v  w \t\r\nX-B:v\r\n\r\n",
			want:   get11("/"),
			header: http.Header{"X-A": {"v  w"}, "X-B": {"v"}},
		},
		{
			name:   "empty value",
			raw:    "GET / HTTP/1.1\r\nHost: h\r\nX-Empty:\r\nX-Blank:   \r\n\r\n",
			want:   get11("/"),
			header: http.Header{"X-Empty": {""}, "X-Blank": {""}},
		},
		{
			name:   "repeated fields in order under the canonical key",
			raw:    "GET / HTTP/1.1\r\nHost: h\r\nx-multi: 1\r\nX-MULTI: 2\r\nX-Multi: 3\r\ncontent-type: text/plain\r\n\r\n",
			want:   get11("/"),
			header: http.Header{"X-Multi": {"1", "2", "3"}, "Content-Type": {"text/plain"}},
		},
		{
			name:   "obs-text value kept",
			raw:    "GET / HTTP/1.1\r\nHost: h\r\nX-A: caf\xc3\xa9\r\n\r\n",
			want:   get11("/"),
			header: http.Header{"X-A": {"caf\xc3\xa9"}},
		},
		{
			name: "Content-Length body",
			raw:  "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello",
			want: with(get11("/p"), func(r *reqInfo) { r.Method, r.ContentLength, r.Body = "POST", 5, "hello" }),
		},
		{
			name: "repeated equal Content-Length",
			raw:  "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
			want: with(get11("/p"), func(r *reqInfo) { r.Method, r.ContentLength, r.Body = "POST", 5, "hello" }),
		},
		{
			name: "HTTP/1.0 Content-Length body",
			raw:  "POST /p HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi",
			want: reqInfo{Method: "POST", RequestURI: "/p", Path: "/p", Proto: "HTTP/1.0", ProtoMajor: 1,
				ContentLength: 2, Close: true, Body: "hi"},
		},
		{
			name: "chunked body",
			raw:  "POST /p HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
			want: with(get11("/p"), func(r *reqInfo) {
				r.Method, r.ContentLength, r.TransferEncoding, r.Body = "POST", -1, []string{"chunked"}, "abc"
			}),
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn := dialH1(t, addr)
			conn.send(c.raw)
			conn.response(http.MethodGet)
			got := <-seen
			if want := conn.c.LocalAddr().String(); got.remoteAddr != want {
				t.Errorf("RemoteAddr %q, want %q", got.remoteAddr, want)
			}
			for k, v := range c.header {
				if !reflect.DeepEqual(got.header[k], v) {
					t.Errorf("Header[%q] = %q, want %q", k, got.header[k], v)
				}
			}
			got.header, got.remoteAddr = nil, ""
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
}

// bodyString reads r's whole body, or describes the read error.
func bodyString(r *http.Request) string {
	var b strings.Builder
	buf := make([]byte, 512)
	for {
		n, err := r.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return "error: " + err.Error()
			}
			return b.String()
		}
	}
}

func TestHTTP1HeaderFields(t *testing.T) {
	seen := make(chan []server.Field, 1)
	addr := startHandler(t, func(w http.ResponseWriter, r *http.Request) {
		seen <- append([]server.Field(nil), server.HeaderFields(r)...)
		echo(w, r)
	})
	cases := []struct {
		name string
		raw  string
		want []server.Field
	}{
		{
			name: "case, order and duplicates kept",
			raw: "GET / HTTP/1.1\r\nhost: h\r\nX-lower-Case:  v1 \r\nx-dup: 1\r\nX-Dup: 2\r\nx-dup: 3\r\n" +
				"Content-Type:text/plain\r\nX-Empty:\r\n\r\n",
			want: []server.Field{{"host", "h"}, {"X-lower-Case", "v1"}, {"x-dup", "1"}, {"X-Dup", "2"},
				{"x-dup", "3"}, {"Content-Type", "text/plain"}, {"X-Empty", ""}},
		},
		{
			name: "second request on the connection has its own fields",
			raw:  "GET / HTTP/1.1\r\nHOST: h\r\nX-Second: yes\r\n\r\n",
			want: []server.Field{{"HOST", "h"}, {"X-Second", "yes"}},
		},
		{
			name: "bare LF",
			raw:  "GET / HTTP/1.1\nHost: h\nA: 1\n\n",
			want: []server.Field{{"Host", "h"}, {"A", "1"}},
		},
		{
			name: "chunked trailers are not fields",
			raw:  "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\nX-Trailer: t\r\n\r\n",
			want: []server.Field{{"Host", "h"}, {"Transfer-Encoding", "chunked"}},
		},
		{
			name: "no fields",
			raw:  "GET / HTTP/1.0\r\n\r\n",
			want: []server.Field{},
		},
	}
	// One connection for every case, to check that fields do not leak
	// from one request to the next.
	conn := dialH1(t, addr)
	for _, c := range cases {
		conn.send(c.raw)
		conn.response(http.MethodGet)
		if got := <-seen; len(got) != len(c.want) || (len(got) > 0 && !reflect.DeepEqual(got, c.want)) {
			t.Errorf("%s: HeaderFields = %q, want %q", c.name, got, c.want)
		}
	}

	req, err := http.NewRequest(http.MethodGet, "http://h/", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-A", "1")
	if got := server.HeaderFields(req); got != nil {
		t.Errorf("HeaderFields of a request HTTP1 did not read = %q, want nil", got)
	}
}

// TestHTTP1HeaderFieldsOfDerivedRequest checks HeaderFields on the copies
// middleware hands on: r.WithContext (http.TimeoutHandler, tracing) and a
// shallow copy (http.StripPrefix).
func TestHTTP1HeaderFieldsOfDerivedRequest(t *testing.T) {
	type key struct{}
	cases := []struct {
		name   string
		derive func(r *http.Request) *http.Request
	}{
		{"WithContext", func(r *http.Request) *http.Request {
			return r.WithContext(context.WithValue(r.Context(), key{}, 1))
		}},
		{"shallow copy", func(r *http.Request) *http.Request {
			r2 := new(http.Request)
			*r2 = *r
			return r2
		}},
	}
	seen := make(chan []server.Field, 1)
	addr := startHandler(t, func(w http.ResponseWriter, r *http.Request) {
		i, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		seen <- append([]server.Field(nil), server.HeaderFields(cases[i].derive(r))...)
	})
	want := []server.Field{{"Host", "h"}, {"x-a", "1"}}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn := dialH1(t, addr)
			conn.send(fmt.Sprintf("GET /%d HTTP/1.1\r\nHost: h\r\nx-a: 1\r\n\r\n", i))
			conn.response(http.MethodGet)
			if got := <-seen; !reflect.DeepEqual(got, want) {
				t.Errorf("HeaderFields = %q, want %q", got, want)
			}
		})
	}
}

func TestHTTP1ChunkedBodies(t *testing.T) {
	addr := startHandler(t, echo)
	cases := []struct {
		name      string
		chunks    string
		halfClose bool // the client closes its side after the chunks
		want      string
		malformed bool
	}{
		{name: "single chunk", chunks: "5\r\nhello\r\n0\r\n\r\n", want: "hello"},
		{name: "several chunks", chunks: "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", want: "hello world"},
		{name: "hex sizes in both cases", chunks: "a\r\n0123456789\r\nA\r\nabcdefghij\r\n0\r\n\r\n", want: "0123456789abcdefghij"},
		{name: "leading zeros", chunks: "005\r\nhello\r\n000\r\n\r\n", want: "hello"},
		{name: "extensions ignored", chunks: "5;name=value\r\nhello\r\n0;last\r\n\r\n", want: "hello"},
		{name: "trailers discarded", chunks: "5\r\nhello\r\n0\r\nX-Trailer: 1\r\nX-Other: 2\r\n\r\n", want: "hello"},
		{name: "empty body", chunks: "0\r\n\r\n", want: ""},
		{name: "size not hex", chunks: "zz\r\nhello\r\n0\r\n\r\n", malformed: true},
		{name: "empty size line", chunks: "\r\nhello\r\n0\r\n\r\n", malformed: true},
		{name: "negative size", chunks: "-5\r\nhello\r\n0\r\n\r\n", malformed: true},
		{name: "size overflowing", chunks: "fffffffffffffffff\r\nhello\r\n0\r\n\r\n", malformed: true},
		{name: "data longer than its size", chunks: "3\r\nhello\r\n0\r\n\r\n", malformed: true},
		{name: "no CRLF after the data", chunks: "5\r\nhello0\r\n\r\n", malformed: true},
		{name: "truncated data", chunks: "5\r\nhel", halfClose: true, malformed: true},
		{name: "no last chunk", chunks: "5\r\nhello\r\n", halfClose: true, malformed: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn := dialH1(t, addr)
			conn.send("POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" + c.chunks)
			if c.halfClose {
				if err := conn.c.(*net.TCPConn).CloseWrite(); err != nil {
					t.Fatal(err)
				}
			}
			resp, body := conn.response(http.MethodPost)
			if !c.malformed {
				if want := "/c " + c.want; resp.StatusCode != 200 || body != want {
					t.Errorf("got %d %q, want 200 %q", resp.StatusCode, body, want)
				}
				conn.open()
				return
			}
			if resp.StatusCode != http.StatusTeapot {
				t.Errorf("got %d %q, want the handler's read to fail", resp.StatusCode, body)
			}
			if !resp.Close { // ReadResponse turns Connection: close into Close
				t.Error("no Connection: close")
			}
			conn.closed()
		})
	}
}

func TestHTTP1ExpectContinue(t *testing.T) {
	addr := startHandler(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/read" {
			echo(w, r)
			return
		}
		ok(w, r)
	})
	cases := []struct {
		name          string
		path          string
		framing       string
		body          string
		want          string
		sendsContinue bool
	}{
		{"read Content-Length body", "/read", "Content-Length: 5", "hello", "/read hello", true},
		{"read chunked body", "/read", "Transfer-Encoding: chunked", "5\r\nhello\r\n0\r\n\r\n", "/read hello", true},
		{"unread body", "/ignore", "Content-Length: 5", "", "ok", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn := dialH1(t, addr)
			conn.send("POST " + c.path + " HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n" + c.framing + "\r\n\r\n")
			if c.sendsContinue {
				line, err := conn.br.ReadString('\n')
				if err != nil || line != "HTTP/1.1 100 Continue\r\n" {
					t.Fatalf("got %q, %v; want the 100 Continue status line", line, err)
				}
				if line, err := conn.br.ReadString('\n'); err != nil || line != "\r\n" {
					t.Fatalf("got %q, %v after 100 Continue; want its empty line", line, err)
				}
				conn.send(c.body)
			}
			resp, body := conn.response(http.MethodPost)
			if resp.StatusCode != 200 || body != c.want {
				t.Errorf("got %d %q, want 200 %q", resp.StatusCode, body, c.want)
			}
		})
	}
}
