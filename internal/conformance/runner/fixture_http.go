package runner

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"sort"
	"strings"
	"sync"

	"archway/internal/conformance"
)

// httpArgs are the backend.args of the http:* fixtures.
type httpArgs struct {
	// TrimXHeaders removes x-amzn* and x-forwarded-* headers from what
	// http:url-echo-json echoes.
	TrimXHeaders bool `json:"trim_x_headers"`
	// TLS serves the fixture over HTTPS with a certificate of the run's
	// test CA.
	TLS bool `json:"tls"`
}

// httpFixture is a running http:* fixture (fixtures.md section 3): a
// loopback server that answers as the recorded backend did and records
// every request it receives.
type httpFixture struct {
	srv    *httptest.Server
	args   httpArgs
	answer func(w http.ResponseWriter, r *http.Request, body []byte, args httpArgs)

	mu      sync.Mutex
	records []*conformance.HTTPRecord
}

// httpFixtures are the answers of the http:* fixtures by name.
var httpFixtures = map[string]func(w http.ResponseWriter, r *http.Request, body []byte, args httpArgs){
	"http:httpbin":          answerHTTPBin,
	"http:url-echo-json":    answerURLEcho,
	"http:status-from-path": answerStatusFromPath,
	"http:body-echo":        answerBodyEcho,
}

// startHTTPFixture starts a fresh instance of the fixture b names.
func startHTTPFixture(b *conformance.Backend) (*httpFixture, error) {
	answer, ok := httpFixtures[b.Fixture]
	if !ok {
		return nil, fmt.Errorf("runner: no fixture %s", b.Fixture)
	}
	f := &httpFixture{answer: answer}
	if len(b.Args) > 0 {
		if err := json.Unmarshal(b.Args, &f.args); err != nil {
			return nil, fmt.Errorf("runner: %s args: %w", b.Fixture, err)
		}
	}
	f.srv = httptest.NewUnstartedServer(f)
	if f.args.TLS {
		ca, err := runCA()
		if err != nil {
			return nil, fmt.Errorf("runner: test CA: %w", err)
		}
		f.srv.TLS = &tls.Config{Certificates: []tls.Certificate{ca.leaf}, MinVersion: tls.VersionTLS12}
		f.srv.StartTLS()
	} else {
		f.srv.Start()
	}
	return f, nil
}

// origin is the fixture's scheme://host:port (http_backend_origin).
func (f *httpFixture) origin() string { return f.srv.URL }

// host is the fixture's host:port (http_backend_host).
func (f *httpFixture) host() string { return f.srv.Listener.Addr().String() }

// Close stops the fixture.
func (f *httpFixture) Close() { f.srv.Close() }

// reset forgets the requests received so far.
func (f *httpFixture) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.records = nil
}

// last returns the record of the last request received, nil when none.
func (f *httpFixture) last() *conformance.HTTPRecord {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.records) == 0 {
		return nil
	}
	return f.records[len(f.records)-1]
}

// ServeHTTP records the request and answers it.
func (f *httpFixture) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	path, query, _ := strings.Cut(r.RequestURI, "?")
	rec := &conformance.HTTPRecord{
		Method: r.Method, Path: path, RawQuery: query, Headers: receivedHeaders(r, ", "), Body: body,
	}
	f.mu.Lock()
	f.records = append(f.records, rec)
	f.mu.Unlock()
	f.answer(w, r, body, f.args)
}

// receivedHeaders returns every header line received, Host and
// Transfer-Encoding included, repeated lines joined with sep.
func receivedHeaders(r *http.Request, sep string) http.Header {
	h := make(http.Header, len(r.Header)+2)
	for name, values := range r.Header {
		h[name] = []string{strings.Join(values, sep)}
	}
	h["Host"] = []string{r.Host}
	if len(r.TransferEncoding) > 0 {
		h["Transfer-Encoding"] = []string{strings.Join(r.TransferEncoding, sep)}
	}
	return h
}

// hopByHop reports whether a received header is hop-by-hop (fixtures.md
// 0.4): one of the standard ones or one the Connection header names.
func hopByHop(r *http.Request, name string) bool {
	switch textproto.CanonicalMIMEHeaderKey(name) {
	case "Connection", "Keep-Alive", "Proxy-Connection", "Te", "Trailer", "Transfer-Encoding", "Upgrade":
		return true
	}
	for _, v := range r.Header["Connection"] {
		for _, tok := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(tok), name) {
				return true
			}
		}
	}
	return false
}

// endToEndHeaders returns the received headers without the hop-by-hop
// ones, Host included, names sorted, repeated lines joined with sep.
func endToEndHeaders(r *http.Request, sep string) ([]string, http.Header) {
	all := receivedHeaders(r, sep)
	names := make([]string, 0, len(all))
	for name := range all {
		if hopByHop(r, name) {
			delete(all, name)
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	return names, all
}

// clientIP is the address of the connection's peer, without port.
func clientIP(r *http.Request) string {
	if h, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return h
	}
	return r.RemoteAddr
}
