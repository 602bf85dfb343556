package httpbackend_test

import (
	"crypto/tls"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"archway/internal/integration"
	"archway/internal/integration/httpbackend"
	"archway/internal/integration/httpbackend/testca"
)

// tlsBackend starts an HTTPS backend presenting a certificate of ca for
// hosts, limited to TLS versions [minV, maxV], and returns it with a
// function giving the SNI of the last handshake.
func tlsBackend(t *testing.T, ca *testca.CA, minV, maxV uint16, hosts ...string) (*httptest.Server, func() string) {
	t.Helper()
	cert, err := ca.Issue(hosts...)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	sni := ""
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("secure"))
	}))
	srv.TLS = &tls.Config{
		MinVersion: minV, MaxVersion: maxV,
		Certificates: []tls.Certificate{cert},
		GetConfigForClient: func(hello *tls.ClientHelloInfo) (*tls.Config, error) {
			mu.Lock()
			sni = hello.ServerName
			mu.Unlock()
			return nil, nil
		},
	}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // refused handshakes are expected
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv, func() string {
		mu.Lock()
		defer mu.Unlock()
		return sni
	}
}

func TestTLS(t *testing.T) {
	ca, err := testca.New()
	if err != nil {
		t.Fatal(err)
	}
	other, err := testca.New()
	if err != nil {
		t.Fatal(err)
	}
	byIP, _ := tlsBackend(t, ca, tls.VersionTLS12, tls.VersionTLS13, "127.0.0.1")
	byName, sni := tlsBackend(t, ca, tls.VersionTLS12, tls.VersionTLS13, "backend.internal")
	old, _ := tlsBackend(t, ca, tls.VersionTLS10, tls.VersionTLS11, "127.0.0.1")
	byLink, _ := tlsBackend(t, ca, tls.VersionTLS12, tls.VersionTLS13, "api.internal")
	links := httpbackend.VPCLinks{}
	if err := links.ParseVPCLink("link1=" + byLink.URL); err != nil {
		t.Fatal(err)
	}
	trusting := httpbackend.New(httpbackend.Config{RootCAs: ca.Pool, VPCLinks: links})
	defer trusting.Close()
	distrusting := httpbackend.New(httpbackend.Config{RootCAs: other.Pool})
	defer distrusting.Close()

	tests := []struct {
		name    string
		inv     *httpbackend.Invoker
		uri     string
		tls     *integration.TLSConfig
		link    string
		wantErr string
		wantSNI string
	}{
		{name: "trusted", inv: trusting, uri: byIP.URL},
		{name: "untrusted authority", inv: distrusting, uri: byIP.URL, wantErr: "certificate"},
		{name: "insecureSkipVerification", inv: distrusting, uri: byIP.URL,
			tls: &integration.TLSConfig{InsecureSkipVerification: true}},
		{name: "name mismatch", inv: trusting, uri: byName.URL, wantErr: "certificate"},
		{name: "serverNameToVerify: SNI and check", inv: trusting, uri: byName.URL,
			tls: &integration.TLSConfig{ServerNameToVerify: "backend.internal"}, wantSNI: "backend.internal"},
		{name: "serverNameToVerify mismatch", inv: trusting, uri: byName.URL,
			tls: &integration.TLSConfig{ServerNameToVerify: "other.internal"}, wantErr: "certificate"},
		{name: "TLS 1.1 refused", inv: trusting, uri: old.URL, wantErr: "version"},
		{name: "VPC link verifies the URI host", inv: trusting, uri: "https://api.internal/x", link: "link1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := invoke(t, tc.inv, &integration.Request{Method: "GET", URI: tc.uri, Header: http.Header{}, TLS: tc.tls, ConnectionID: tc.link})
			switch {
			case tc.wantErr != "" && err == nil:
				t.Fatalf("no error, want one containing %q", tc.wantErr)
			case tc.wantErr != "" && !strings.Contains(err.Error(), tc.wantErr):
				t.Fatalf("error %q does not contain %q", err, tc.wantErr)
			case tc.wantErr == "" && err != nil:
				t.Fatal(err)
			case tc.wantErr == "" && string(resp.Body) != "secure":
				t.Fatalf("body %q", resp.Body)
			}
			if tc.wantSNI != "" && sni() != tc.wantSNI {
				t.Errorf("SNI = %q, want %q", sni(), tc.wantSNI)
			}
		})
	}
}

// TestTLSKeepAlive checks that HTTPS calls with the same TLS settings
// share one connection, negotiated as HTTP/1.1 by ALPN with the SNI asked
// for, and that other settings take another connection.
func TestTLSKeepAlive(t *testing.T) {
	ca, err := testca.New()
	if err != nil {
		t.Fatal(err)
	}
	cert, err := ca.Issue("backend.internal")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns int
	var seen []string // "SNI ALPN" of each request
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.TLS.ServerName+" "+r.TLS.NegotiatedProtocol)
		mu.Unlock()
		_, _ = w.Write([]byte("secure"))
	}))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			mu.Lock()
			conns++
			mu.Unlock()
		}
	}
	srv.StartTLS()
	defer srv.Close()
	inv := httpbackend.New(httpbackend.Config{RootCAs: ca.Pool})
	defer inv.Close()
	calls := []*integration.TLSConfig{
		{ServerNameToVerify: "backend.internal"},
		{ServerNameToVerify: "backend.internal"},
		{ServerNameToVerify: "backend.internal"},
		{ServerNameToVerify: "backend.internal", InsecureSkipVerification: true},
	}
	for i, tc := range calls {
		resp, err := invoke(t, inv, &integration.Request{Method: "GET", URI: srv.URL, Header: http.Header{}, TLS: tc})
		if err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
		if string(resp.Body) != "secure" {
			t.Fatalf("call %d: body %q", i, resp.Body)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if conns != 2 {
		t.Errorf("%d connections, want 2 (one per TLS setting)", conns)
	}
	for i, s := range seen {
		if s != "backend.internal http/1.1" {
			t.Errorf("request %d: SNI and ALPN %q", i, s)
		}
	}
}
