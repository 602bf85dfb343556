package lambdaevent

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// vector is the part of a conformance vector (FORMAT.md) these tests read.
type vector struct {
	ID  string `json:"id"`
	API struct {
		Paths            map[string]json.RawMessage `json:"paths"`
		BinaryMediaTypes []string                   `json:"x-amazon-apigateway-binary-media-types"`
	} `json:"api"`
	Backend struct {
		Fixture string `json:"fixture"`
		Args    struct {
			Result json.RawMessage `json:"result"`
		} `json:"args"`
	} `json:"backend"`
	Stage struct {
		Name string `json:"name"`
	} `json:"stage"`
	Request struct {
		Method   string          `json:"method"`
		Path     string          `json:"path"`
		RawQuery string          `json:"raw_query"`
		Headers  json.RawMessage `json:"headers"`
		Body     *string         `json:"body_utf8"`
	} `json:"request"`
	Expect struct {
		Status          int    `json:"status"`
		Body            any    `json:"body"`
		BodyMatch       string `json:"body_match"`
		BackendReceived struct {
			LambdaEvent map[string]any `json:"lambda_event"`
			Match       string         `json:"lambda_event_match"`
		} `json:"backend_received"`
		Headers         map[string]string `json:"headers"`
		HeadersComplete bool              `json:"headers_complete"`
		Ignore          []string          `json:"ignore"`
	} `json:"expect"`
}

func loadVectors(t *testing.T, glob string) []vector {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "vectors", glob))
	if err != nil || len(files) == 0 {
		t.Fatalf("no vectors for %s: %v", glob, err)
	}
	var vs []vector
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v vector
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		vs = append(vs, v)
	}
	return vs
}

// orderedHeaders decodes a JSON object into headers in document order.
func orderedHeaders(t *testing.T, raw json.RawMessage) []Header {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	var hs []Header
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	for dec.More() {
		k, _ := dec.Token()
		v, _ := dec.Token()
		hs = append(hs, Header{Name: k.(string), Value: v.(string)})
	}
	return hs
}

// route matches the vector's request path against its resources the way
// API Gateway's router does for the shapes the vectors use: a literal
// path, one {param} segment, or a greedy {proxy+}.
func route(t *testing.T, v *vector, p string) (string, []Param) {
	t.Helper()
	var resources []string
	for r := range v.API.Paths {
		resources = append(resources, r)
	}
	sort.Slice(resources, func(i, j int) bool { return !strings.Contains(resources[i], "{") })
	for _, r := range resources {
		switch {
		case r == p:
			return r, nil
		case strings.HasSuffix(r, "+}"):
			name := r[strings.LastIndexByte(r, '{')+1 : len(r)-2]
			return r, []Param{{Name: name, Value: strings.TrimPrefix(p, "/")}}
		case strings.HasPrefix(r, "/{") && strings.Count(p, "/") == 1:
			return r, []Param{{Name: r[2 : len(r)-1], Value: p[1:]}}
		}
	}
	t.Fatalf("%s: no route for %s", v.ID, p)
	return "", nil
}

func vectorRequest(t *testing.T, v *vector) *ProxyRequest {
	t.Helper()
	hs := orderedHeaders(t, v.Request.Headers)
	hs = append(hs,
		Header{"Host", "abc123.execute-api.us-east-1.amazonaws.com"},
		Header{"X-Amzn-Trace-Id", "Root=1-5e66d96f-7491f09xmpl79d18acf3d050"},
		Header{"X-Forwarded-For", "198.51.100.7"},
		Header{"X-Forwarded-Port", "443"},
		Header{"X-Forwarded-Proto", "https"})
	resource, params := route(t, v, eventPath(v.Request.Path))
	r := &ProxyRequest{
		Resource:       resource,
		Path:           v.Request.Path,
		HTTPMethod:     v.Request.Method,
		Headers:        hs,
		RawQuery:       v.Request.RawQuery,
		PathParameters: params,
		Context: RequestContext{
			AccountID:         "123456789012",
			APIID:             "abc123",
			DeploymentID:      "dep1",
			DomainName:        "abc123.execute-api.us-east-1.amazonaws.com",
			DomainPrefix:      "abc123",
			ExtendedRequestID: "Ab1CdEfGhIjKlMn=",
			HTTPMethod:        v.Request.Method,
			Identity:          Identity{SourceIP: "198.51.100.7"},
			Path:              "/" + v.Stage.Name + v.Request.Path,
			Protocol:          "HTTP/1.1",
			RequestID:         "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
			RequestTime:       "21/Nov/2026:06:37:39 +0000",
			RequestTimeEpoch:  1795329459000,
			ResourceID:        "a1b2c3",
			ResourcePath:      resource,
			Stage:             v.Stage.Name,
		},
	}
	for _, h := range hs {
		if strings.EqualFold(h.Name, "User-Agent") {
			r.Context.Identity.UserAgent = h.Value
		}
	}
	if v.Request.Body != nil {
		r.Body = []byte(*v.Request.Body)
	}
	return r
}

var wholeToken = regexp.MustCompile(`^<[^<>]+>$`)

// normalise replaces strings that start with "{" and parse as JSON by the
// parsed value, recursively (FORMAT.md 8.4).
func normalise(v any) any {
	switch x := v.(type) {
	case string:
		if strings.HasPrefix(x, "{") {
			var parsed any
			if json.Unmarshal([]byte(x), &parsed) == nil {
				return normalise(parsed)
			}
		}
	case map[string]any:
		for k, e := range x {
			x[k] = normalise(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalise(e)
		}
	}
	return v
}

// drop removes the nodes matching a FORMAT.md ignore pattern (relative to
// v) from v.
func drop(v any, segs []string) {
	m, ok := v.(map[string]any)
	if !ok || len(segs) == 0 {
		return
	}
	for k, e := range m {
		if ok, _ := path.Match(strings.ToLower(segs[0]), strings.ToLower(k)); !ok {
			continue
		}
		if len(segs) == 1 {
			delete(m, k)
		} else {
			drop(e, segs[1:])
		}
	}
}

// match compares got with want in FORMAT.md json mode (subset at the top
// level when subset is set), whole-string placeholders matching anything.
func match(t *testing.T, where string, want, got any, subset bool) {
	t.Helper()
	if s, ok := want.(string); ok && wholeToken.MatchString(s) {
		return
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			t.Errorf("%s: want object, got %#v", where, got)
			return
		}
		for k, we := range w {
			ge, ok := g[k]
			if !ok {
				t.Errorf("%s: missing member %q", where, k)
				continue
			}
			match(t, where+"/"+k, we, ge, false)
		}
		if !subset {
			for k := range g {
				if _, ok := w[k]; !ok {
					t.Errorf("%s: unexpected member %q", where, k)
				}
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			t.Errorf("%s: want %#v, got %#v", where, want, got)
			return
		}
		for i := range w {
			match(t, where, w[i], g[i], false)
		}
	default:
		if want != got {
			t.Errorf("%s: want %#v, got %#v", where, want, got)
		}
	}
}

func TestProxyEventVectors(t *testing.T) {
	for _, v := range append(loadVectors(t, "aws-proxy-event-*.json"),
		append(loadVectors(t, "aws-proxy-ignores-*.json"), loadVectors(t, "header-remap-*.json")...)...) {
		t.Run(v.ID, func(t *testing.T) {
			want := v.Expect.BackendReceived.LambdaEvent
			if want == nil {
				t.Fatal("vector has no lambda_event")
			}
			encoded := AppendProxyEvent(nil, vectorRequest(t, &v))
			var got map[string]any
			if err := json.Unmarshal(encoded, &got); err != nil {
				t.Fatalf("invalid JSON %v: %s", err, encoded)
			}
			normalise(got)
			for _, p := range v.Expect.Ignore {
				rest, ok := strings.CutPrefix(p, "/backend_received/lambda_event/")
				if !ok {
					continue
				}
				segs := strings.Split(rest, "/")
				drop(got, segs)
				drop(want, segs)
			}
			match(t, "", want, got, v.Expect.BackendReceived.Match == "json-subset")
		})
	}
}
