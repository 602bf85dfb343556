package lambdaevent

import (
	"errors"
	"strings"
	"testing"
)

// gatewayHeaders are response headers API Gateway itself adds; the proxy
// response parser does not produce them.
var gatewayHeaders = []string{"content-length", "date", "connection", "via", "x-cache", "x-amz", "x-amzn"}

func gatewayHeader(name string) bool {
	l := strings.ToLower(name)
	for _, g := range gatewayHeaders {
		if l == g || strings.HasPrefix(l, g+"-") {
			return true
		}
	}
	return false
}

// fold joins repeated header values with ", " as the recording client did.
func fold(hs []Header) map[string]string {
	out := map[string]string{}
	names := map[string]string{}
	for _, h := range hs {
		l := strings.ToLower(h.Name)
		if _, ok := names[l]; ok {
			out[names[l]] += ", " + h.Value
			continue
		}
		names[l] = h.Name
		out[h.Name] = h.Value
	}
	return out
}

func lookup(m map[string]string, name string) (string, bool) {
	for k, v := range m {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return "", false
}

func TestProxyResponseVectors(t *testing.T) {
	vs := append(loadVectors(t, "aws-proxy-response-*.json"),
		append(loadVectors(t, "aws-proxy-binary-*.json"), loadVectors(t, "aws-proxy-status-300-*.json")...)...)
	for _, v := range vs {
		t.Run(v.ID, func(t *testing.T) {
			var payload []byte
			switch v.Backend.Fixture {
			case "lambda:fixed":
				payload = v.Backend.Args.Result
			case "lambda:return-body":
				if v.Request.Body == nil {
					// The fixture raises a function error: 502
					// without a payload to parse.
					if v.Expect.Status != 502 {
						t.Fatalf("function error must give 502, vector says %d", v.Expect.Status)
					}
					return
				}
				payload = []byte(*v.Request.Body)
			default:
				t.Fatalf("unexpected fixture %s", v.Backend.Fixture)
			}
			resp, err := ParseProxyResponse(payload)
			if v.Expect.Status == 502 {
				if !errors.Is(err, ErrMalformedProxyResponse) {
					t.Fatalf("want malformed, got %+v, %v", resp, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != v.Expect.Status {
				t.Errorf("status %d, want %d", resp.StatusCode, v.Expect.Status)
			}
			got := fold(resp.Headers)
			for name, want := range v.Expect.Headers {
				if gatewayHeader(name) {
					continue
				}
				g, ok := lookup(got, name)
				if !ok && strings.EqualFold(name, "Content-Type") && want == "application/json" {
					continue // the gateway's default
				}
				if !ok {
					t.Errorf("header %s missing in %v", name, got)
				} else if g != want {
					t.Errorf("header %s = %q, want %q", name, g, want)
				}
			}
			if v.Expect.HeadersComplete {
				for name := range got {
					if _, ok := lookup(v.Expect.Headers, name); !ok {
						t.Errorf("unexpected header %s", name)
					}
				}
			}
			accept := ""
			for _, h := range orderedHeaders(t, v.Request.Headers) {
				if strings.EqualFold(h.Name, "Accept") {
					accept = h.Value
				}
			}
			body, err := resp.DecodedBody(accept, v.API.BinaryMediaTypes)
			if err != nil {
				t.Fatal(err)
			}
			if want, _ := v.Expect.Body.(string); string(body) != want {
				t.Errorf("body %q, want %q", body, want)
			}
		})
	}
}

func TestParseProxyResponse(t *testing.T) {
	tests := []struct {
		name    string
		payload string
		status  int
		headers []Header
		body    string
		b64     bool
		bad     bool
	}{
		{name: "empty object", payload: `{}`, status: 200},
		{name: "all members", payload: `{"statusCode":404,"headers":{"a":"1"},"multiValueHeaders":{"b":["2","3"]},"body":"x","isBase64Encoded":true}`,
			status: 404, headers: []Header{{"b", "2"}, {"b", "3"}, {"a", "1"}}, body: "x", b64: true},
		{name: "number header", payload: `{"headers":{"n":1.50}}`, status: 200, headers: []Header{{"n", "1.50"}}},
		{name: "null members", payload: `{"statusCode":null,"headers":null,"multiValueHeaders":null,"body":null,"isBase64Encoded":null}`, status: 200},
		{name: "null header value skipped", payload: `{"headers":{"a":null}}`, status: 200},
		{name: "merge after last multi", payload: `{"multiValueHeaders":{"A":["1"],"b":["2"]},"headers":{"a":"3"}}`,
			status: 200, headers: []Header{{"A", "1"}, {"A", "3"}, {"b", "2"}}},
		{name: "whitespace", payload: " {\"statusCode\" : \"204\" } \n", status: 204},
		{name: "bare string", payload: `"justAString"`, bad: true},
		{name: "null", payload: `null`, bad: true},
		{name: "empty", payload: ``, bad: true},
		{name: "array", payload: `[]`, bad: true},
		{name: "unknown member", payload: `{"wrongValue":1}`, bad: true},
		{name: "status text", payload: `{"statusCode":"test"}`, bad: true},
		{name: "status fraction", payload: `{"statusCode":200.5}`, bad: true},
		{name: "status range", payload: `{"statusCode":42}`, bad: true},
		{name: "multi not list", payload: `{"multiValueHeaders":{"a":"b"}}`, bad: true},
		{name: "header object", payload: `{"headers":{"a":{}}}`, bad: true},
		{name: "body object", payload: `{"body":{}}`, bad: true},
		{name: "b64 string", payload: `{"isBase64Encoded":"true"}`, bad: true},
		{name: "trailing data", payload: `{} {}`, bad: true},
		{name: "truncated", payload: `{"statusCode":200`, bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := ParseProxyResponse([]byte(tt.payload))
			if tt.bad {
				if !errors.Is(err, ErrMalformedProxyResponse) {
					t.Fatalf("want malformed error, got %+v, %v", resp, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status || string(resp.Body) != tt.body || resp.IsBase64Encoded != tt.b64 {
				t.Errorf("got %+v", resp)
			}
			if len(resp.Headers) != len(tt.headers) {
				t.Fatalf("headers %v, want %v", resp.Headers, tt.headers)
			}
			for i := range tt.headers {
				if resp.Headers[i] != tt.headers[i] {
					t.Errorf("headers %v, want %v", resp.Headers, tt.headers)
				}
			}
		})
	}
}

func TestDecodedBody(t *testing.T) {
	resp := &ProxyResponse{Body: []byte("aGk="), IsBase64Encoded: true}
	tests := []struct {
		accept string
		want   string
	}{
		{"image/png", "hi"},
		{"IMAGE/PNG", "hi"},
		{"image/*", "aGk="},
		{"*/*", "aGk="},
		{"*/test", "aGk="},
		{"", "aGk="},
	}
	for _, tt := range tests {
		got, err := resp.DecodedBody(tt.accept, []string{"image/png", "*/test"})
		if err != nil || string(got) != tt.want {
			t.Errorf("accept %q: %q, %v", tt.accept, got, err)
		}
	}
	bad := &ProxyResponse{Body: []byte("!!"), IsBase64Encoded: true}
	if _, err := bad.DecodedBody("image/png", []string{"image/png"}); err == nil {
		t.Error("invalid base64 accepted")
	}
}

func FuzzParseProxyResponse(f *testing.F) {
	for _, s := range []string{`{}`, `{"statusCode":"201","headers":{"a":true},"multiValueHeaders":{"A":["x"]},"body":"b","isBase64Encoded":false}`, `"s"`, `{"wrongValue":1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		resp, err := ParseProxyResponse(payload)
		if err != nil {
			if !errors.Is(err, ErrMalformedProxyResponse) {
				t.Fatalf("error does not wrap ErrMalformedProxyResponse: %v", err)
			}
			return
		}
		if resp.StatusCode < 100 || resp.StatusCode > 599 {
			t.Fatalf("status %d accepted", resp.StatusCode)
		}
	})
}
