package server_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

func TestHTTP1StatusAndLength(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 1<<16)
	cases := []struct {
		name    string
		handler http.HandlerFunc
		status  string   // the whole status line
		length  []string // Content-Length field values
		body    string
	}{
		{
			name:    "nothing written",
			handler: func(http.ResponseWriter, *http.Request) {},
			status:  "HTTP/1.1 200 OK", length: []string{"0"},
		},
		{
			name:    "WriteHeader only",
			handler: func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusCreated) },
			status:  "HTTP/1.1 201 Created", length: []string{"0"},
		},
		{
			name:    "unknown status code",
			handler: func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(599) },
			status:  "HTTP/1.1 599 status code 599", length: []string{"0"},
		},
		{
			name: "first WriteHeader wins",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(http.StatusNotFound)
				w.WriteHeader(http.StatusInternalServerError)
				io.WriteString(w, "nf")
			},
			status: "HTTP/1.1 404 Not Found", length: []string{"2"}, body: "nf",
		},
		{
			name:    "Write without WriteHeader",
			handler: func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "hi") },
			status:  "HTTP/1.1 200 OK", length: []string{"2"}, body: "hi",
		},
		{
			name: "WriteHeader after Write ignored",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				io.WriteString(w, "x")
				w.WriteHeader(http.StatusInternalServerError)
			},
			status: "HTTP/1.1 200 OK", length: []string{"1"}, body: "x",
		},
		{
			name: "several writes",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Write([]byte("a"))
				io.WriteString(w, "b")
				io.Copy(w, strings.NewReader("c"))
				fmt.Fprintf(w, "%d", 4)
			},
			status: "HTTP/1.1 200 OK", length: []string{"4"}, body: "abc4",
		},
		{
			name:    "large body",
			handler: func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, big) },
			status:  "HTTP/1.1 200 OK", length: []string{strconv.Itoa(len(big))}, body: big,
		},
		{
			name: "handler's Content-Length kept",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Length", "5")
				io.WriteString(w, "hello")
			},
			status: "HTTP/1.1 200 OK", length: []string{"5"}, body: "hello",
		},
		{
			name: "handler's Transfer-Encoding dropped",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Transfer-Encoding", "chunked")
				io.WriteString(w, "abc")
			},
			status: "HTTP/1.1 200 OK", length: []string{"3"}, body: "abc",
		},
		{
			name:    "204 has no Content-Length",
			handler: func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) },
			status:  "HTTP/1.1 204 No Content",
		},
		{
			name: "304 has no Content-Length",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("ETag", `"v1"`)
				w.WriteHeader(http.StatusNotModified)
			},
			status: "HTTP/1.1 304 Not Modified",
		},
	}
	addr := startHandler(t, byIndex(len(cases), func(i int) http.HandlerFunc { return cases[i].handler }))
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := exchange(t, addr, fmt.Sprintf("GET /%d HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", i))
			if got := statusLine(raw); got != c.status {
				t.Errorf("status line %q, want %q", got, c.status)
			}
			if got := fieldValues(raw, "Content-Length"); !slices.Equal(got, c.length) {
				t.Errorf("Content-Length %q, want %q", got, c.length)
			}
			if got := fieldValues(raw, "Transfer-Encoding"); got != nil {
				t.Errorf("Transfer-Encoding %q, want none", got)
			}
			_, body, _ := strings.Cut(raw, "\r\n\r\n")
			if body != c.body {
				t.Errorf("body of %d bytes %.40q…, want %d bytes %.40q…", len(body), body, len(c.body), c.body)
			}
		})
	}
}

func TestHTTP1ResponseFields(t *testing.T) {
	const fixedDate = "Mon, 01 Jan 2001 00:00:00 GMT"
	cases := []struct {
		name    string
		handler http.HandlerFunc
		check   func(t *testing.T, raw string)
	}{
		{
			name: "sorted by name, values in order",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				h := w.Header()
				h.Set("Zeta", "z")
				h.Set("Alpha", "a")
				h.Add("Mid", "2")
				h.Add("Mid", "1")
				h.Add("Mid", "3")
				h.Set("Beta", "b")
			},
			check: func(t *testing.T, raw string) {
				var mine []string
				for _, line := range headerLines(raw) {
					switch name, _, _ := strings.Cut(line, ":"); name {
					case "Zeta", "Alpha", "Mid", "Beta":
						mine = append(mine, line)
					}
				}
				want := []string{"Alpha: a", "Beta: b", "Mid: 2", "Mid: 1", "Mid: 3", "Zeta: z"}
				if !slices.Equal(mine, want) {
					t.Errorf("handler's fields written as %q, want %q", mine, want)
				}
			},
		},
		{
			name: "CR and LF in values replaced by spaces",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("X-Inject", "a\r\nSet-Cookie: evil")
				w.Header().Set("X-Lf", "a\nb")
				w.Header().Set("X-Cr", "a\rb")
			},
			check: func(t *testing.T, raw string) {
				for name, want := range map[string]string{"X-Inject": "a  Set-Cookie: evil", "X-Lf": "a b", "X-Cr": "a b"} {
					if got := fieldValues(raw, name); !slices.Equal(got, []string{want}) {
						t.Errorf("%s %q, want %q", name, got, want)
					}
				}
				if got := fieldValues(raw, "Set-Cookie"); got != nil {
					t.Errorf("injected Set-Cookie %q", got)
				}
			},
		},
		{
			name: "names that are not tokens dropped",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				h := w.Header()
				h["Bad Name"] = []string{"1"}
				h["X(y)"] = []string{"2"}
				h["Bad\r\nName"] = []string{"3"}
				h["Bad:Name"] = []string{"4"}
				h[""] = []string{"5"}
				h.Set("Good", "6")
			},
			check: func(t *testing.T, raw string) {
				var names []string
				for _, line := range headerLines(raw) {
					name, _, _ := strings.Cut(line, ":")
					names = append(names, name)
				}
				for _, n := range names {
					switch n {
					case "Good", "Date", "Content-Length", "Connection":
					default:
						t.Errorf("unexpected field name %q in %q", n, names)
					}
				}
				if got := fieldValues(raw, "Good"); !slices.Equal(got, []string{"6"}) {
					t.Errorf("Good %q, want [6]", got)
				}
			},
		},
		{
			name:    "Date added",
			handler: func(http.ResponseWriter, *http.Request) {},
			check: func(t *testing.T, raw string) {
				dates := fieldValues(raw, "Date")
				if len(dates) != 1 {
					t.Fatalf("Date %q, want one", dates)
				}
				if _, err := http.ParseTime(dates[0]); err != nil || len(dates[0]) != len(http.TimeFormat) || !strings.HasSuffix(dates[0], " GMT") {
					t.Errorf("Date %q is not in the IMF-fixdate form: %v", dates[0], err)
				}
			},
		},
		{
			name:    "handler's Date kept",
			handler: func(w http.ResponseWriter, _ *http.Request) { w.Header().Set("Date", fixedDate) },
			check: func(t *testing.T, raw string) {
				if got := fieldValues(raw, "Date"); !slices.Equal(got, []string{fixedDate}) {
					t.Errorf("Date %q, want [%s]", got, fixedDate)
				}
			},
		},
	}
	addr := startHandler(t, byIndex(len(cases), func(i int) http.HandlerFunc { return cases[i].handler }))
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			raw := exchange(t, addr, fmt.Sprintf("GET /%d HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", i))
			c.check(t, raw)
		})
	}
}

func TestHTTP1Head(t *testing.T) {
	cases := []struct {
		name    string
		handler http.HandlerFunc
		length  []string // Content-Length field values; nil: not checked
	}{
		{
			name:    "body written",
			handler: func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "hello") },
		},
		{
			name: "handler's Content-Length kept",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Length", "42")
			},
			length: []string{"42"},
		},
		{
			name: "handler's Content-Length and body",
			handler: func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Length", "5")
				io.WriteString(w, "hello")
			},
			length: []string{"5"},
		},
	}
	addr := startHandler(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodHead {
			io.WriteString(w, "after")
			return
		}
		byIndex(len(cases), func(i int) http.HandlerFunc { return cases[i].handler })(w, r)
	})
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// A GET follows on the connection: any body byte of the HEAD
			// answer would come before its status line.
			raw := exchange(t, addr, fmt.Sprintf("HEAD /%d HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", i))
			head, next, _ := strings.Cut(raw, "\r\n\r\n")
			if got := statusLine(head); got != "HTTP/1.1 200 OK" {
				t.Errorf("HEAD status line %q", got)
			}
			if c.length != nil {
				if got := fieldValues(head+"\r\n\r\n", "Content-Length"); !slices.Equal(got, c.length) {
					t.Errorf("Content-Length %q, want %q", got, c.length)
				}
			}
			if !strings.HasPrefix(next, "HTTP/1.1 200 OK\r\n") {
				t.Fatalf("after the HEAD answer's head: %q, want the GET answer", next)
			}
			if _, body := parseResponse(t, next, http.MethodGet); body != "after" {
				t.Errorf("GET answer body %q", body)
			}
		})
	}
}

func TestHTTP1ConnectionField(t *testing.T) {
	cases := []struct {
		name       string
		raw        string
		connection []string // Connection field values; nil: none
		keep       bool
	}{
		{"HTTP/1.1", "GET / HTTP/1.1\r\nHost: h\r\n\r\n", nil, true},
		{"HTTP/1.1 close", "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", []string{"close"}, false},
		{"HTTP/1.1 Close", "GET / HTTP/1.1\r\nHost: h\r\nConnection: Close\r\n\r\n", []string{"close"}, false},
		{"HTTP/1.1 close among options", "GET / HTTP/1.1\r\nHost: h\r\nConnection: x-opt, close\r\nX-Opt: 1\r\n\r\n", []string{"close"}, false},
		{"HTTP/1.0", "GET / HTTP/1.0\r\n\r\n", []string{"close"}, false},
		{"HTTP/1.0 keep-alive", "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", []string{"keep-alive"}, true},
		{"HTTP/1.0 Keep-Alive", "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", []string{"keep-alive"}, true},
		{"HTTP/1.0 body, keep-alive", "POST / HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nhi", []string{"keep-alive"}, true},
		{"handler's close", "GET /?conn=close HTTP/1.1\r\nHost: h\r\n\r\n", []string{"close"}, false},
		{"handler's keep-alive, client's close", "GET /?conn=keep-alive HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", []string{"close"}, false},
		{"handler's keep-alive, HTTP/1.0", "GET /?conn=keep-alive HTTP/1.0\r\n\r\n", []string{"close"}, false},
	}
	addr := startHandler(t, func(w http.ResponseWriter, r *http.Request) {
		if v := r.URL.Query().Get("conn"); v != "" {
			w.Header().Set("Connection", v)
		}
		ok(w, r)
	})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn := dialH1(t, addr)
			conn.send(c.raw)
			raw := conn.rawResponse(http.MethodGet)
			if got := statusLine(raw); got != "HTTP/1.1 200 OK" {
				t.Errorf("status line %q", got)
			}
			if got := fieldValues(raw, "Connection"); !slices.Equal(got, c.connection) {
				t.Errorf("Connection %q, want %q", got, c.connection)
			}
			if c.keep {
				conn.open()
			} else {
				conn.closed()
			}
		})
	}
}

func TestHTTP1Pipelining(t *testing.T) {
	addr := startHandler(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/ignore") {
			io.WriteString(w, r.URL.Path)
			return
		}
		echo(w, r)
	})
	cases := []struct {
		name    string
		raw     string
		method  []string
		want    []string
		oneByte bool // written one byte at a time instead of at once
	}{
		{
			name: "three requests",
			raw: "GET /1 HTTP/1.1\r\nHost: h\r\n\r\n" +
				"POST /2 HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nbody" +
				"GET /3 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
			want: []string{"/1 ", "/2 body", "/3 "},
		},
		{
			name: "chunked and unread bodies",
			raw: "POST /1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\nT: 1\r\n\r\n" +
				"POST /ignore2 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nGET /" +
				"POST /ignore3 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nxyz\r\n0\r\n\r\n" +
				"GET /4 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
			want: []string{"/1 ab", "/ignore2", "/ignore3", "/4 "},
		},
		{
			name: "HEAD between GETs",
			raw: "GET /1 HTTP/1.1\r\nHost: h\r\n\r\n" +
				"HEAD /2 HTTP/1.1\r\nHost: h\r\n\r\n" +
				"GET /3 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
			method: []string{"GET", "HEAD", "GET"},
			want:   []string{"/1 ", "", "/3 "},
		},
		{
			name: "three requests one byte at a time",
			raw: "GET /1 HTTP/1.1\r\nHost: h\r\n\r\n" +
				"POST /2 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbody\r\n0\r\n\r\n" +
				"GET /3 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
			want:    []string{"/1 ", "/2 body", "/3 "},
			oneByte: true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn := dialH1(t, addr)
			if c.oneByte {
				for i := range len(c.raw) {
					conn.send(c.raw[i : i+1])
				}
			} else {
				conn.send(c.raw)
			}
			for i, want := range c.want {
				method := http.MethodGet
				if c.method != nil {
					method = c.method[i]
				}
				resp, body := conn.response(method)
				if resp.StatusCode != 200 || body != want {
					t.Errorf("response %d: %d %q, want 200 %q", i+1, resp.StatusCode, body, want)
				}
			}
			conn.closed()
		})
	}
}

func TestHTTP1UnreadBody(t *testing.T) {
	addr := startHandler(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/read10" {
			io.ReadFull(r.Body, make([]byte, 10))
		}
		io.WriteString(w, "ok")
	})
	const small, large = 100 << 10, 1 << 20
	chunked := func(n int) string {
		var b strings.Builder
		chunk := strings.Repeat("c", 4096)
		for ; n > 0; n -= len(chunk) {
			fmt.Fprintf(&b, "%x\r\n%s\r\n", len(chunk), chunk)
		}
		b.WriteString("0\r\n\r\n")
		return b.String()
	}
	cases := []struct {
		name    string
		path    string
		framing string
		body    string
		keep    bool
	}{
		{"small Content-Length body", "/", fmt.Sprintf("Content-Length: %d", small), strings.Repeat("b", small), true},
		{"small chunked body", "/", "Transfer-Encoding: chunked", chunked(small), true},
		{"small body partly read", "/read10", fmt.Sprintf("Content-Length: %d", small), strings.Repeat("b", small), true},
		{"large Content-Length body", "/", fmt.Sprintf("Content-Length: %d", large), strings.Repeat("b", large), false},
		{"large chunked body", "/", "Transfer-Encoding: chunked", chunked(large), false},
		{"large body partly read", "/read10", fmt.Sprintf("Content-Length: %d", large), strings.Repeat("b", large), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn := dialH1(t, addr)
			written := make(chan struct{})
			go func() {
				// Errors are expected when the server closes early.
				io.WriteString(conn.c, "POST "+c.path+" HTTP/1.1\r\nHost: h\r\n"+c.framing+"\r\n\r\n"+c.body)
				close(written)
			}()
			raw := conn.rawResponse(http.MethodPost)
			if _, body := parseResponse(t, raw, http.MethodPost); body != "ok" {
				t.Errorf("body %q", body)
			}
			closing := slices.Equal(fieldValues(raw, "Connection"), []string{"close"})
			if closing == c.keep {
				t.Errorf("Connection %q, want close: %v", fieldValues(raw, "Connection"), !c.keep)
			}
			if c.keep {
				<-written
				conn.open()
			} else {
				conn.rest()
			}
		})
	}
}

// TestHTTP1CloseDeliversWholeResponse checks that closing a connection
// with request bytes still unread does not reset it before the client has
// the response: a close with unread input makes the kernel send RST, which
// discards what is still queued.
func TestHTTP1CloseDeliversWholeResponse(t *testing.T) {
	const size, unread, tries = 1 << 20, 4 << 20, 10
	big := strings.Repeat("r", size)
	addr := startHandler(t, func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, big) })
	cases := []struct {
		name    string
		request string
	}{
		{"unread Content-Length body", fmt.Sprintf("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: %d\r\n\r\n%s", unread, strings.Repeat("b", unread))},
		{"unread chunked body", fmt.Sprintf("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n", unread, strings.Repeat("b", unread))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i := range tries {
				conn := dialH1(t, addr)
				// Errors are expected once the server closes.
				go io.WriteString(conn.c, c.request)
				resp, err := http.ReadResponse(conn.br, nil)
				if err != nil {
					t.Fatalf("try %d: reading the response: %v", i, err)
				}
				n, err := io.Copy(io.Discard, resp.Body)
				if err != nil || n != size {
					t.Fatalf("try %d: got %d of %d body bytes: %v", i, n, size, err)
				}
				conn.c.Close()
			}
		})
	}
}

func TestHTTP1WithNetHTTPClient(t *testing.T) {
	addr := startHandler(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Method", r.Method)
		w.Header().Set("X-Host", r.Host)
		echo(w, r)
	})
	var dials, continues atomic.Int32
	trace := &httptrace.ClientTrace{
		GotConn: func(i httptrace.GotConnInfo) {
			if !i.Reused {
				dials.Add(1)
			}
		},
		Got100Continue: func() { continues.Add(1) },
	}
	client := &http.Client{Transport: &http.Transport{ExpectContinueTimeout: guard}}
	defer client.CloseIdleConnections()
	cases := []struct {
		name   string
		method string
		path   string
		body   func() io.Reader
		expect bool
		want   string
	}{
		{name: "GET", method: "GET", path: "/a?x=1", want: "/a "},
		{name: "POST with a length", method: "POST", path: "/p", body: func() io.Reader { return strings.NewReader("data") }, want: "/p data"},
		{name: "POST chunked", method: "POST", path: "/c", body: func() io.Reader { return io.MultiReader(strings.NewReader("chun"), strings.NewReader("ked")) }, want: "/c chunked"},
		{name: "POST with 100-continue", method: "POST", path: "/e", body: func() io.Reader { return bytes.NewReader([]byte("expected")) }, expect: true, want: "/e expected"},
		{name: "HEAD", method: "HEAD", path: "/h", want: ""},
		{name: "GET again", method: "GET", path: "/b", want: "/b "},
	}
	for _, c := range cases {
		var body io.Reader
		if c.body != nil {
			body = c.body()
		}
		req, err := http.NewRequestWithContext(httptrace.WithClientTrace(t.Context(), trace), c.method, "http://"+addr+c.path, body)
		if err != nil {
			t.Fatal(err)
		}
		if c.expect {
			req.Header.Set("Expect", "100-continue")
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatalf("%s: reading the body: %v", c.name, err)
		}
		got := []string{resp.Status, resp.Header.Get("X-Method"), resp.Header.Get("X-Host"), string(b)}
		want := []string{"200 OK", c.method, addr, c.want}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", c.name, got, want)
		}
	}
	if n := dials.Load(); n != 1 {
		t.Errorf("%d connections for %d requests, want one kept alive", n, len(cases))
	}
	if n := continues.Load(); n != 1 {
		t.Errorf("%d 100 Continue answers, want 1", n)
	}
}
