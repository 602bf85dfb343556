package main

import (
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
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

// writeFile writes data to name in a temporary directory and returns its
// path.
func writeFile(t *testing.T, name, data string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// whoBackend starts a loopback backend answering its name and the
// request's path.
func whoBackend(t *testing.T, name string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "%s %s", name, r.URL.Path)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// linkedDef is an API whose methods reach their backends through VPC
// links: connectionIds by path.
func linkedDef(ids map[string]string) string {
	def := "openapi: 3.0.1\ninfo: {title: Linked, version: \"1\"}\npaths:\n"
	for _, path := range slices.Sorted(maps.Keys(ids)) {
		def += fmt.Sprintf(`  %s:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: http://nlb.internal%s
        connectionType: VPC_LINK
        connectionId: "%s"
`, path, path, ids[path])
	}
	return def
}

// TestServeVPCLinksFile serves VPC links from a --vpc-links file, with a
// --vpc-link flag overriding one and a connectionId given by a stage
// variable.
func TestServeVPCLinksFile(t *testing.T) {
	a, b := whoBackend(t, "a"), whoBackend(t, "b")
	links := writeFile(t, "links.yaml", fmt.Sprintf("vpcLinks:\n  one: %s\n  two: %s\n", a.URL, a.URL))
	def := writeFile(t, "api.yaml", linkedDef(map[string]string{
		"/one": "one", "/two": "two", "/staged": "${stageVariables.link}",
	}))
	s := startServe(t, "--listen", "127.0.0.1:0", "--vpc-links", links, "--vpc-link", "two="+b.URL,
		"--stage-var", "link=one", def)
	base := s.baseURLs()[0]
	for path, want := range map[string]string{"/one": "a /one", "/two": "b /two", "/staged": "a /staged"} {
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

// TestServeRefusesUnconfiguredVPCLinks checks that serve refuses, before
// listening, a connectionId naming a VPC link without a target, literal or
// resolved from the stage variables, and a bad VPC link file, and reports
// every error at once.
func TestServeRefusesUnconfiguredVPCLinks(t *testing.T) {
	def := writeFile(t, "api.yaml", linkedDef(map[string]string{
		"/known": "known", "/literal": "nope", "/staged": "${stageVariables.link}",
	}))
	links := writeFile(t, "links.yaml", "vpcLinks:\n  known: http://127.0.0.1:1\n")
	badLinks := writeFile(t, "bad.yaml", "vpcLinks:\n  known: 127.0.0.1:1\n  other: {}\n")
	tests := []struct {
		name string
		args []string
		want []string // in the output or the error
	}{
		{
			name: "flags only",
			args: []string{"--vpc-link", "known=http://127.0.0.1:1", "--stage-var", "link=gone", def},
			want: []string{
				def + `:19: paths./literal.get.x-amazon-apigateway-integration.connectionId: GET /literal: VPC link "nope" has no target: configure it with --vpc-link nope=URL or under vpcLinks in a --vpc-links file`,
				def + `:27: paths./staged.get.x-amazon-apigateway-integration.connectionId: GET /staged: VPC link "gone" (connectionId ${stageVariables.link} in stage dev) has no target: configure it with --vpc-link gone=URL or under vpcLinks in a --vpc-links file`,
				"serve: 1 of 1 definitions are invalid; nothing served",
			},
		},
		{
			name: "file",
			args: []string{"--vpc-links", links, "--stage-var", "link=known", def},
			want: []string{`GET /literal: VPC link "nope" has no target: configure it with --vpc-link nope=URL or under vpcLinks in ` + links},
		},
		{
			name: "bad file",
			args: []string{"--vpc-links", badLinks, def},
			want: []string{
				"serve: --vpc-links: httpbackend: invalid VPC link file:\n" +
					badLinks + `:2: vpcLinks.known: target "127.0.0.1:1": expected http://host:port or https://host:port` + "\n" +
					badLinks + `:3: vpcLinks.other: expected the link's target, such as http://127.0.0.1:8080`,
			},
		},
		{
			name: "missing file",
			args: []string{"--vpc-links", links + ".missing", def},
			want: []string{"serve: --vpc-links: httpbackend: open " + links + ".missing"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := runArchway(t, "", append([]string{"serve", "--listen", "127.0.0.1:0"}, tc.args...)...)
			if err == nil {
				t.Fatalf("served; output:\n%s", out)
			}
			all := out + err.Error()
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("output and error lack %q:\n%s", w, all)
				}
			}
		})
	}
}

// TestServeWarnsEmptyVPCLink checks that a connectionId whose stage
// variable the stage does not define is served with a warning, and
// answers 500, as on AWS.
func TestServeWarnsEmptyVPCLink(t *testing.T) {
	def := writeFile(t, "api.yaml", linkedDef(map[string]string{"/staged": "${stageVariables.link}"}))
	s := startServe(t, "--listen", "127.0.0.1:0", def)
	want := `GET /staged: connectionId ${stageVariables.link} is empty in stage dev (stage variable link is not defined; set it with --stage-var link=ID): every call answers 500 {"message": "Internal server error"}`
	if !strings.Contains(s.errOut.String(), want) {
		t.Errorf("warnings lack %q:\n%s", want, s.errOut)
	}
	resp, err := http.Get(s.baseURLs()[0] + "/staged")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError {
		t.Errorf("status %d, want 500", resp.StatusCode)
	}
}

// TestServeBackendStallsMidBody checks that a backend that sends its
// headers and part of its body, then stalls past the integration timeout,
// gives AWS's 504 INTEGRATION_TIMEOUT, not a response cut short: API
// Gateway buffers the integration response before answering.
func TestServeBackendStallsMidBody(t *testing.T) {
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		if r.URL.Query().Get("chunked") == "" {
			w.Header().Set("Content-Length", "1000")
		}
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, "the first part")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	defer backend.Close()
	def := writeFile(t, "api.yaml", fmt.Sprintf(`openapi: 3.0.1
info: {title: Stall, version: "1"}
paths:
  /proxy:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: %[1]s/proxy
        timeoutInMillis: 200
  /http:
    get:
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: %[1]s/http
        timeoutInMillis: 200
        responses: {default: {statusCode: "200"}}
`, backend.URL))
	s := startServe(t, "--listen", "127.0.0.1:0", def)
	for _, path := range []string{"/proxy", "/proxy?chunked=1", "/http", "/http?chunked=1"} {
		resp, err := http.Get(s.baseURLs()[0] + path)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatalf("GET %s: reading the response: %v", path, err)
		}
		if resp.StatusCode != http.StatusGatewayTimeout || string(body) != `{"message": "Endpoint request timed out"}` {
			t.Errorf("GET %s: %d %q, want 504 {\"message\": \"Endpoint request timed out\"}", path, resp.StatusCode, body)
		}
	}
}
