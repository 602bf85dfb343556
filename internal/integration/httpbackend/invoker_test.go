package httpbackend_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"archway/internal/integration"
	"archway/internal/integration/httpbackend"
)

// received is what a test backend saw of one request.
type received struct {
	method, target, host string
	header               http.Header
	body                 []byte
}

// echoBackend starts a loopback backend that records the last request and
// answers 201 with a few headers and the body it got.
func echoBackend(t *testing.T) (*httptest.Server, func() received) {
	t.Helper()
	var mu sync.Mutex
	var last received
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		last = received{r.Method, r.RequestURI, r.Host, r.Header.Clone(), body}
		mu.Unlock()
		w.Header().Set("X-Backend", "yes")
		w.Header().Set("Content-Type", "application/octet-stream")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv, func() received {
		mu.Lock()
		defer mu.Unlock()
		return last
	}
}

func invoke(t *testing.T, inv *httpbackend.Invoker, req *integration.Request) (*integration.Response, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return inv.Invoke(ctx, req)
}

func TestInvokeSendsRequestFaithfully(t *testing.T) {
	srv, last := echoBackend(t)
	inv := httpbackend.New(httpbackend.Config{})
	defer inv.Close()
	binary := []byte{0x1f, 0x8b, 0x00, 0xff, 0xfe}
	tests := []struct {
		name       string
		req        integration.Request
		wantTarget string
		wantHost   string
		wantHeader map[string]string // "" means absent
		wantBody   []byte
	}{
		{
			name: "query appended after the URI's, in order",
			req: integration.Request{Method: "GET", URI: srv.URL + "/a/b?x=1&y=2",
				Query: url.Values{"x": {"3"}, "z": {"a b"}}, Header: http.Header{}},
			wantTarget: "/a/b?x=1&y=2&x=3&z=a+b",
			wantHeader: map[string]string{"User-Agent": "", "Accept-Encoding": ""},
		},
		{
			name: "mapped Host, Trailer and Upgrade sent; connection headers not",
			req: integration.Request{Method: "POST", URI: srv.URL + "/post", Header: http.Header{
				"Host": {"api.example"}, "Trailer": {"user-agent"}, "Upgrade": {"HTTP/2.0"},
				"Expect": {"200-ok"}, "Connection": {"keep-alive"}, "Te": {"gzip"},
				"User-Agent": {"AmazonAPIGateway_abc"}, "X-Amzn-Apigateway-Api-Id": {"abc"},
			}},
			wantTarget: "/post",
			wantHost:   "api.example",
			wantHeader: map[string]string{"Trailer": "user-agent", "Upgrade": "HTTP/2.0", "Expect": "", "Te": "",
				"User-Agent": "AmazonAPIGateway_abc", "X-Amzn-Apigateway-Api-Id": "abc", "Content-Length": "0"},
		},
		{
			name:       "binary body as is",
			req:        integration.Request{Method: "PUT", URI: srv.URL + "/bin", Header: http.Header{}, Body: binary},
			wantTarget: "/bin",
			wantHeader: map[string]string{"Content-Length": "5"},
			wantBody:   binary,
		},
		{
			name: "streamed body",
			req: integration.Request{Method: "POST", URI: srv.URL + "/stream", Header: http.Header{},
				BodyStream: strings.NewReader("streamed"), ContentLength: 8},
			wantTarget: "/stream",
			wantHeader: map[string]string{"Content-Length": "8", "Transfer-Encoding": ""},
			wantBody:   []byte("streamed"),
		},
		{
			name:       "DELETE without a body: no Content-Length",
			req:        integration.Request{Method: "DELETE", URI: srv.URL + "/d", Header: http.Header{}},
			wantTarget: "/d",
			wantHeader: map[string]string{"Content-Length": ""},
		},
		{
			name:       "encoded path kept",
			req:        integration.Request{Method: "GET", URI: srv.URL + "/a%2Fb/test%2Balias@x//y/", Header: http.Header{}},
			wantTarget: "/a%2Fb/test%2Balias@x//y/",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := invoke(t, inv, &tc.req)
			if err != nil {
				t.Fatal(err)
			}
			got := last()
			if got.method != tc.req.Method || got.target != tc.wantTarget {
				t.Errorf("backend got %s %s, want %s %s", got.method, got.target, tc.req.Method, tc.wantTarget)
			}
			wantHost := tc.wantHost
			if wantHost == "" {
				wantHost = strings.TrimPrefix(srv.URL, "http://")
			}
			if got.host != wantHost {
				t.Errorf("Host = %q, want %q", got.host, wantHost)
			}
			for name, want := range tc.wantHeader {
				if v := got.header.Get(name); v != want {
					t.Errorf("header %s = %q, want %q", name, v, want)
				}
			}
			if !bytes.Equal(got.body, tc.wantBody) && len(got.body)+len(tc.wantBody) > 0 {
				t.Errorf("body = %q, want %q", got.body, tc.wantBody)
			}
			if resp.Status != http.StatusCreated || resp.Header.Get("X-Backend") != "yes" || !bytes.Equal(resp.Body, got.body) {
				t.Errorf("response = %d %v %q", resp.Status, resp.Header, resp.Body)
			}
		})
	}
}

func TestInvokeFailures(t *testing.T) {
	// A backend that never answers before the call's deadline.
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	defer close(release)

	// A backend that resets every connection.
	reset := rawBackend(t, func(c net.Conn) {
		buf := make([]byte, 1024)
		_, _ = c.Read(buf)
		_ = c.(*net.TCPConn).SetLinger(0)
		_ = c.Close()
	})

	// An address nothing listens on.
	refused, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refusedAddr := refused.Addr().String()
	refused.Close()

	// A backend answering more than the payload limit.
	big := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(make([]byte, httpbackend.MaxPayload+1))
	}))
	defer big.Close()

	inv := httpbackend.New(httpbackend.Config{VPCLinks: httpbackend.VPCLinks{}})
	defer inv.Close()
	tests := []struct {
		name     string
		uri      string
		link     string
		timeout  time.Duration
		deadline bool   // the error is the context's deadline
		contains string // in the error message
	}{
		{name: "slow backend", uri: slow.URL, timeout: 50 * time.Millisecond, deadline: true},
		{name: "reset connection", uri: "http://" + reset + "/", contains: reset},
		{name: "refused connection", uri: "http://" + refusedAddr + "/", contains: "refused"},
		{name: "response too large", uri: big.URL, contains: "exceeds"},
		{name: "no host", uri: "https:///test-path?", contains: "invalid endpoint address"},
		{name: "not http", uri: "ftp://example.com/", contains: "invalid endpoint address"},
		{name: "unknown VPC link", uri: "http://nlb.internal/", link: "abc123", contains: `unknown VPC link "abc123"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			timeout := tc.timeout
			if timeout == 0 {
				timeout = 10 * time.Second
			}
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			_, err := inv.Invoke(ctx, &integration.Request{Method: "GET", URI: tc.uri, Header: http.Header{}, ConnectionID: tc.link})
			if err == nil {
				t.Fatal("no error")
			}
			if got := errors.Is(err, context.DeadlineExceeded); got != tc.deadline {
				t.Errorf("deadline error = %v, want %v: %v", got, tc.deadline, err)
			}
			if !strings.Contains(err.Error(), tc.contains) {
				t.Errorf("error %q does not contain %q", err, tc.contains)
			}
		})
	}
}

func TestVPCLink(t *testing.T) {
	srv, last := echoBackend(t)
	links := httpbackend.VPCLinks{}
	if err := links.ParseVPCLink("abc123=" + srv.URL); err != nil {
		t.Fatal(err)
	}
	inv := httpbackend.New(httpbackend.Config{VPCLinks: links})
	defer inv.Close()
	req := &integration.Request{Method: "GET", URI: "http://nlb.internal:8080/pets?id=1", Header: http.Header{}, ConnectionID: "abc123"}
	if _, err := invoke(t, inv, req); err != nil {
		t.Fatal(err)
	}
	// The link's target is reached; the URI gives the Host and the target.
	if got := last(); got.host != "nlb.internal:8080" || got.target != "/pets?id=1" {
		t.Errorf("backend got Host %q target %q", got.host, got.target)
	}
}

func TestParseVPCLink(t *testing.T) {
	tests := []struct {
		in      string
		wantErr bool
	}{
		{"abc=http://10.0.0.1:80", false},
		{"abc=https://nlb.example:443", false},
		{"abc", true},
		{"=http://x", true},
		{"abc=10.0.0.1:80", true},
		{"abc=ftp://x", true},
		{"abc=http://x:1/", false},
		{"abc=http://x:1/base", true},
		{"abc=http://x:1?q=1", true},
		{"abc=http://user@x:1", true},
		{"${stageVariables.link}=http://x:1", true},
	}
	for _, tc := range tests {
		err := httpbackend.VPCLinks{}.ParseVPCLink(tc.in)
		if (err != nil) != tc.wantErr {
			t.Errorf("ParseVPCLink(%q) = %v, want error %v", tc.in, err, tc.wantErr)
		}
	}
}
