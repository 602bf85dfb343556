package pipeline_test

import (
	"bytes"
	"encoding/base64"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"archway/internal/compile"
	"archway/internal/integration"
	"archway/internal/integration/httpbackend"
	"archway/internal/pipeline"
	"archway/internal/plan"
	"archway/internal/source/openapi"
)

// backendCall is what the loopback backend received.
type backendCall struct {
	method, target, host string
	header               http.Header
	body                 string
}

// loopbackBackend answers every request with status 201, a few headers an
// API Gateway does not let through under their names, and a JSON body; it
// keeps the last request. A request to /slow waits until the client gives
// up.
func loopbackBackend(t *testing.T) (*httptest.Server, func() backendCall) {
	t.Helper()
	var mu sync.Mutex
	var last backendCall
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		last = backendCall{r.Method, r.RequestURI, r.Host, r.Header.Clone(), string(b)}
		mu.Unlock()
		if strings.HasPrefix(r.URL.Path, "/slow") {
			<-r.Context().Done()
			return
		}
		if r.URL.Path == "/notfound" {
			http.Error(w, "no such thing", http.StatusNotFound)
			return
		}
		h := w.Header()
		h["Server"] = []string{"backend/1.0"}
		h["x-amzn-RequestId"] = []string{"backend-request-id"}
		h["X-Custom"] = []string{"custom"}
		h["Content-Type"] = []string{"application/json"}
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, `{"id": "42", "nested": {"n": 7}}`)
	}))
	t.Cleanup(srv.Close)
	return srv, func() backendCall {
		mu.Lock()
		defer mu.Unlock()
		return last
	}
}

// httpDoc is an API with HTTP and HTTP_PROXY integrations to backend.
func httpDoc(backend string) string {
	return `
openapi: 3.0.1
info: {title: http, version: "1"}
paths:
  /proxy/{proxy+}:
    x-amazon-apigateway-any-method:
      parameters:
        - {name: proxy, in: path, required: true, schema: {type: string}}
        - {name: X-In, in: header, schema: {type: string}}
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: ANY
        uri: ` + backend + `/up/{proxy}?fixed=1
        requestParameters:
          integration.request.header.X-Mapped: method.request.header.X-In
          integration.request.querystring.fixed: "'2'"
  /plain:
    get:
      x-amazon-apigateway-integration:
        type: http
        httpMethod: POST
        uri: ` + backend + `/plain
        requestTemplates:
          application/json: '{"q": "$input.params(''q'')"}'
        responses:
          "2\\d{2}":
            statusCode: "200"
            responseParameters:
              method.response.header.X-Id: integration.response.body.id
              method.response.header.X-Server: integration.response.header.Server
              method.response.header.Date: "'mapped-date'"
          default:
            statusCode: "502"
  /missing:
    get:
      x-amazon-apigateway-integration:
        type: http
        httpMethod: GET
        uri: ` + backend + `/notfound
        responses:
          "2\\d{2}": {statusCode: "200"}
          "4\\d{2}":
            statusCode: "404"
            responseTemplates:
              application/json: '{"error": "$util.escapeJavaScript($input.body.trim())"}'
          default: {statusCode: "502"}
  /slow:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        timeoutInMillis: 50
        uri: ` + backend + `/slow
  /forbidden:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: ` + backend + `/x
        requestParameters:
          integration.request.header.Content-Length: "'0'"
  /linked:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        connectionType: VPC_LINK
        connectionId: ${stageVariables.link}
        uri: http://nlb.internal/linked
  /unlinked:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        connectionType: VPC_LINK
        connectionId: nosuchlink
        uri: http://nlb.internal/linked
  /nohost:
    get:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: http://${stageVariables.missing}/x
`
}

func TestHTTPIntegrations(t *testing.T) {
	backend, last := loopbackBackend(t)
	refused, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refusedURL := "http://" + refused.Addr().String()
	refused.Close()
	links := httpbackend.VPCLinks{}
	if err := links.ParseVPCLink("link1=" + backend.URL); err != nil {
		t.Fatal(err)
	}
	inv := httpbackend.New(httpbackend.Config{VPCLinks: links})
	defer inv.Close()
	opts := pipeline.Options{Invokers: map[plan.IntegrationType]integration.Invoker{plan.HTTP: inv, plan.HTTPProxy: inv}}
	srv, _ := serve(t, compilePlan(t, httpDoc(backend.URL), "link=link1"), opts)
	refusedSrv, _ := serve(t, compilePlan(t, httpDoc(refusedURL)), opts)

	t.Run("HTTP_PROXY", func(t *testing.T) {
		r := do(t, srv, "PUT", "/dev/proxy/a/b?fixed=3&c=d", "payload",
			"X-In: mapped", "X-Mapped: client", "Via: 1.1 cdn", "Content-Md5: x", "User-Agent: ua/1", "Accept: text/plain",
			"X-Forwarded-For: 10.0.0.1", "X-Forwarded-Proto: ftp", "X-Forwarded-Port: 21")
		r.check(t, 201, `{"id": "42", "nested": {"n": 7}}`)
		got := last()
		if got.method != "PUT" || got.target != "/up/a/b?fixed=1&fixed=3&c=d&fixed=2" || got.body != "payload" {
			t.Errorf("backend got %s %s %q", got.method, got.target, got.body)
		}
		_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
		wantSent := map[string]string{
			"X-Mapped": "mapped", "User-Agent": "ua/1", "Accept": "text/plain", "Via": "", "Content-Md5": "",
			"X-Amzn-Apigateway-Api-Id": got.header.Get("X-Amzn-Apigateway-Api-Id"),
			"X-Forwarded-For":          "10.0.0.1, 127.0.0.1", "X-Forwarded-Proto": "http", "X-Forwarded-Port": port,
		}
		for name, want := range wantSent {
			if v := got.header.Get(name); v != want {
				t.Errorf("backend header %s = %q, want %q", name, v, want)
			}
		}
		if got.header.Get("X-Amzn-Trace-Id") == "" {
			t.Error("no X-Amzn-Trace-Id sent to the backend")
		}
		wantBack := map[string]string{
			"x-amzn-Remapped-Server": "backend/1.0", "x-amzn-Remapped-X-Amzn-Requestid": "backend-request-id",
			"X-Custom": "custom", "Server": "", "X-Amzn-Trace-Id": "",
		}
		for name, want := range wantBack {
			if v := r.header.Get(name); v != want {
				t.Errorf("response header %s = %q, want %q", name, v, want)
			}
		}
		if r.header.Get("x-amzn-Remapped-Date") == "" || r.header.Get("x-amzn-Remapped-Content-Length") != "32" {
			t.Errorf("backend Date and Content-Length not remapped: %v", r.header)
		}
	})

	t.Run("HTTP", func(t *testing.T) {
		r := do(t, srv, "GET", "/dev/plain?q=v", "", "Accept: application/xml", "X-Client: c", "User-Agent: ua/1")
		r.check(t, 200, `{"id": "42", "nested": {"n": 7}}`)
		got := last()
		if got.method != "POST" || got.target != "/plain" || got.body != `{"q": "v"}` {
			t.Errorf("backend got %s %s %q", got.method, got.target, got.body)
		}
		apiID := got.header.Get("X-Amzn-Apigateway-Api-Id")
		for name, want := range map[string]string{
			"Accept": "application/json", "User-Agent": "AmazonAPIGateway_" + apiID,
			"Content-Type": "application/json", "X-Client": "", "X-Forwarded-For": "", "X-Forwarded-Proto": "",
		} {
			if v := got.header.Get(name); v != want {
				t.Errorf("backend header %s = %q, want %q", name, v, want)
			}
		}
		for name, want := range map[string]string{
			"X-Id": "42", "X-Server": "backend/1.0", "x-amzn-Remapped-Date": "mapped-date", "X-Custom": "",
		} {
			if v := r.header.Get(name); v != want {
				t.Errorf("response header %s = %q, want %q", name, v, want)
			}
		}
		if r.header.Get("X-Amzn-Trace-Id") == "" {
			t.Error("no X-Amzn-Trace-Id on an HTTP integration response")
		}
	})

	tests := []struct {
		name   string
		srv    *httptest.Server
		target string
		status int
		body   string
	}{
		{"selection by backend status", srv, "/dev/missing", 404, `{"error": "no such thing"}`},
		{"timeout", srv, "/dev/slow", 504, `{"message": "Endpoint request timed out"}`},
		{"forbidden mapping", srv, "/dev/forbidden", 500, `{"message": "Internal server error"}`},
		{"unknown VPC link", srv, "/dev/unlinked", 500, `{"message": "Internal server error"}`},
		{"undefined stage variable in URI", srv, "/dev/nohost", 500, `{"message": "Internal server error"}`},
		{"refused connection", refusedSrv, "/dev/plain", 500, `{"message": "Internal server error"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			do(t, tc.srv, "GET", tc.target, "").check(t, tc.status, tc.body)
		})
	}

	t.Run("VPC link from a stage variable", func(t *testing.T) {
		do(t, srv, "GET", "/dev/linked", "").check(t, 201, `{"id": "42", "nested": {"n": 7}}`)
		if got := last(); got.host != "nlb.internal" || got.target != "/linked" {
			t.Errorf("backend got Host %q target %q", got.host, got.target)
		}
	})
}

// TestHTTPProxyBodies sends binary and large bodies through an HTTP_PROXY
// integration and back: streamed when their length is known, read whole
// (and sent with a Content-Length) when the client sent them chunked.
func TestHTTPProxyBodies(t *testing.T) {
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Got-Length", strconv.FormatInt(r.ContentLength, 10))
		w.Header().Set("X-Got-Chunked", strconv.FormatBool(len(r.TransferEncoding) > 0))
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = w.Write(b)
	}))
	defer backend.Close()
	inv := httpbackend.New(httpbackend.Config{})
	defer inv.Close()
	doc := `
openapi: 3.0.1
info: {title: bodies, version: "1"}
paths:
  /echo:
    post:
      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: POST, uri: "` + backend.URL + `/"}
`
	srv, _ := serve(t, compilePlan(t, doc), pipeline.Options{Invokers: map[plan.IntegrationType]integration.Invoker{plan.HTTPProxy: inv}})
	binary := make([]byte, 3<<20)
	for i := range binary {
		binary[i] = byte(i * 7)
	}
	tests := []struct {
		name       string
		body       []byte
		chunked    bool
		status     int
		wantLength string
	}{
		{"binary, streamed", binary, false, 200, strconv.Itoa(len(binary))},
		{"chunked, read whole", []byte("chunked body"), true, 200, "12"},
		{"empty", nil, false, 200, "0"},
		{"over the payload limit", make([]byte, pipeline.MaxPayload+1), false, 413, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var rd io.Reader = bytes.NewReader(tc.body)
			if tc.chunked {
				rd = io.MultiReader(rd) // hides the length: sent chunked
			}
			req, err := http.NewRequest("POST", srv.URL+"/dev/echo", rd)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.status)
			}
			if tc.status != 200 {
				return
			}
			if !bytes.Equal(got, tc.body) {
				t.Errorf("body of %d bytes came back as %d bytes", len(tc.body), len(got))
			}
			if l := resp.Header.Get("X-Got-Length"); l != tc.wantLength || resp.Header.Get("X-Got-Chunked") != "false" {
				t.Errorf("backend got length %s chunked %s, want length %s", l, resp.Header.Get("X-Got-Chunked"), tc.wantLength)
			}
			if resp.Header.Get("Content-Length") != strconv.Itoa(len(tc.body)) {
				t.Errorf("Content-Length %q", resp.Header.Get("Content-Length"))
			}
		})
	}
}

// TestRequestParameterSources maps every kind of source into an HTTP
// integration request.
func TestRequestParameterSources(t *testing.T) {
	doc := `
openapi: 3.0.1
info: {title: sources, version: "1"}
paths:
  /items/{id}:
    post:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: tag, in: query, schema: {type: string}}
        - {name: X-List, in: header, schema: {type: string}}
      x-amazon-apigateway-integration:
        type: http
        httpMethod: POST
        uri: http://backend.example/{p}
        requestParameters:
          integration.request.path.p: method.request.multivaluequerystring.tag
          integration.request.querystring.tag: method.request.multivaluequerystring.tag
          integration.request.querystring.name: method.request.body.pet.name
          integration.request.header.X-All: method.request.multivalueheader.X-List
          integration.request.header.X-Last: method.request.header.X-List
          integration.request.header.X-Body: method.request.body
          integration.request.header.X-Id: method.request.path.id
          integration.request.header.X-Resource: context.resourcePath
          integration.request.header.X-None: method.request.body.pet.missing
        responses: {default: {statusCode: "200"}}
`
	// OpenAPI declares no multi-value parameters; the control plane does
	// (PutMethod requestParameters).
	api, _, err := openapi.Parse("test.yaml", []byte(strings.ReplaceAll(strings.ReplaceAll(doc,
		"method.request.multivaluequerystring.tag", "method.request.querystring.tag"),
		"method.request.multivalueheader.X-List", "method.request.header.X-List")))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range api.Resources {
		for _, m := range r.Methods {
			m.RequestParameters["method.request.multivaluequerystring.tag"] = false
			m.RequestParameters["method.request.multivalueheader.X-List"] = false
			m.Integration.RequestParameters.Set("integration.request.path.p", "method.request.multivaluequerystring.tag")
			m.Integration.RequestParameters.Set("integration.request.querystring.tag", "method.request.multivaluequerystring.tag")
			m.Integration.RequestParameters.Set("integration.request.header.X-All", "method.request.multivalueheader.X-List")
		}
	}
	p, err := compile.Compile(api, compile.StageConfig{Name: "dev"})
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	srv, _ := serve(t, p, pipeline.Options{Invokers: map[plan.IntegrationType]integration.Invoker{plan.HTTP: rec}})
	body := `{"pet": {"name": "Rex"}}`
	req, err := http.NewRequest("POST", srv.URL+"/dev/items/7?tag=a&tag=b+c", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Add("X-List", "one")
	req.Header.Add("X-List", "two")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	got := rec.last()
	if got == nil {
		t.Fatal("the integration was not called")
	}
	if got.URI != "http://backend.example/a,b c" {
		t.Errorf("URI = %q", got.URI)
	}
	if q := got.Query.Encode(); q != "name=Rex&tag=a&tag=b+c" {
		t.Errorf("query = %q", q)
	}
	for name, want := range map[string][]string{
		"X-All": {"one", "two"}, "X-Body": {body}, "X-Id": {"7"},
		"X-Resource": {"/items/{id}"}, "X-None": nil,
	} {
		if v := got.Header[name]; !reflect.DeepEqual(v, want) {
			t.Errorf("header %s = %q, want %q", name, v, want)
		}
	}
	if v := got.Header.Get("X-Last"); v == "" {
		t.Error("X-Last not mapped")
	}
}

// TestHTTPBinary passes binary payloads through an HTTP (non-proxy)
// integration with binary media types: the request body reaches the
// backend unchanged; the response is binary for a client that accepts the
// binary type, base64 text otherwise (content handling matrix).
func TestHTTPBinary(t *testing.T) {
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write(b)
	}))
	defer backend.Close()
	inv := httpbackend.New(httpbackend.Config{})
	defer inv.Close()
	doc := `
openapi: 3.0.1
info: {title: binary, version: "1"}
x-amazon-apigateway-binary-media-types: [image/png]
paths:
  /img:
    post:
      x-amazon-apigateway-integration:
        type: http
        httpMethod: POST
        uri: ` + backend.URL + `/
        responses: {default: {statusCode: "200"}}
`
	srv, _ := serve(t, compilePlan(t, doc), pipeline.Options{Invokers: map[plan.IntegrationType]integration.Invoker{plan.HTTP: inv}})
	png := "\x89PNG\r\n\x1a\n\x00\xff"
	tests := []struct {
		accept, want string
	}{
		{"image/png", png},
		{"application/json", base64.StdEncoding.EncodeToString([]byte(png))},
	}
	for _, tc := range tests {
		t.Run(tc.accept, func(t *testing.T) {
			do(t, srv, "POST", "/dev/img", png, "Content-Type: image/png", "Accept: "+tc.accept).check(t, 200, tc.want)
		})
	}
}
