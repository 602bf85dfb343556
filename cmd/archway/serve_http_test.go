package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeHTTPProxyAndVPCLink serves HTTP_PROXY integrations to a
// loopback backend, directly and through a VPC link given with
// --vpc-link.
func TestServeHTTPProxyAndVPCLink(t *testing.T) {
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintf(w, "%s %s host=%s", r.Method, r.URL.RequestURI(), r.Host)
	}))
	defer backend.Close()
	def := fmt.Sprintf(`openapi: 3.0.1
info: {title: Proxy, version: "1"}
paths:
  /direct/{proxy+}:
    x-amazon-apigateway-any-method:
      parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: ANY
        uri: %s/{proxy}
        requestParameters: {integration.request.path.proxy: method.request.path.proxy}
  /linked:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: http://internal.example/linked
        connectionType: VPC_LINK
        connectionId: link1
`, backend.URL)
	file := filepath.Join(t.TempDir(), "proxy.yaml")
	if err := os.WriteFile(file, []byte(def), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, "--listen", "127.0.0.1:0", "--vpc-link", "link1="+backend.URL, file)
	base := s.baseURLs()[0]
	for path, want := range map[string]string{
		"/direct/a/b?x=1": "GET /a/b?x=1 host=" + strings.TrimPrefix(backend.URL, "http://"),
		"/linked":         "GET /linked host=internal.example",
	} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || string(body) != want {
			t.Errorf("GET %s: %d %q, want 200 %q", path, resp.StatusCode, body, want)
		}
	}
}

func TestServeRefusesBadVPCLink(t *testing.T) {
	_, err := runArchway(t, "", "serve", "--vpc-link", "nourl", "../../examples/petstore/openapi.yaml")
	if err == nil || !strings.Contains(err.Error(), "--vpc-link") {
		t.Fatalf("want a --vpc-link error, got %v", err)
	}
}
