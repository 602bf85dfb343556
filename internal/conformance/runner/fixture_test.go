package runner

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"archway/internal/conformance"
)

func TestPyJSON(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{pyObject{{"statusCode", 200}, {"body", "{}"}, {"isBase64Encoded", pyRaw("false")}},
			`{"statusCode": 200, "body": "{}", "isBase64Encoded": false}`},
		{"a\"b\\c\n\t\x01/é😀", `"a\"b\\c\n\t\u0001/\u00e9\ud83d\ude00"`},
		{pyObject{}, `{}`},
	}
	for _, tc := range tests {
		if got := string(appendPyJSON(nil, tc.v)); got != tc.want {
			t.Errorf("PyJSON = %s, want %s", got, tc.want)
		}
	}
}

// fixtureCall sends one request to a fresh fixture and returns the
// response and the fixture's record.
func fixtureCall(t *testing.T, fixture, args, method, target, contentType, body string) (*http.Response, string, *conformance.HTTPRecord) {
	t.Helper()
	f, err := startHTTPFixture(&conformance.Backend{Fixture: fixture, Args: json.RawMessage(args)})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	req, err := http.NewRequest(method, f.origin()+target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("X-Amzn-Apigateway-Api-Id", "abc")
	resp, err := f.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b), f.last()
}

func TestHTTPFixtures(t *testing.T) {
	tests := []struct {
		name, fixture, args, method, target, contentType, body string
		wantStatus                                             int
		wantBody                                               []string // substrings
		wantHeaders                                            []string
	}{
		{name: "status from path", fixture: "http:status-from-path", method: "POST", target: "/status/404",
			wantStatus: 404, wantBody: []string{`{"status_code": 404, "message": ""}`},
			wantHeaders: []string{"Content-Type", "Content-Length", "Connection", "X-Amzn-Requestid", "Date"}},
		{name: "no status in path", fixture: "http:status-from-path", method: "GET", target: "/status/x%20y",
			wantStatus: 400, wantBody: []string{`{"status_code": 400, "message": "No valid status found at end of path /status/x y"}`}},
		{name: "unregistered status", fixture: "http:status-from-path", method: "GET", target: "/status/299",
			wantStatus: 400},
		{name: "url echo", fixture: "http:url-echo-json", args: `{"trim_x_headers": true}`, method: "POST",
			target: "/p/a?testVar=foo&x=a+b&testVar=bar", contentType: "application/json", body: `{"a": 1}`,
			wantStatus: 200, wantBody: []string{`{"args": {"testVar": "foo,bar", "x": "a b"}, "data": "{\"a\": 1}", "domain": "127.0.0.1:`,
				`"path": "/p/a"}`, `"content-type": "application/json"`}},
		{name: "url echo binary data", fixture: "http:url-echo-json", method: "PUT", target: "/",
			contentType: "image/png", body: "\x89PNG", wantStatus: 200, wantBody: []string{`"data": "iVBORw=="`, `"x-amzn-apigateway-api-id": "abc"`}},
		{name: "body echo", fixture: "http:body-echo", method: "POST", target: "/", body: "raw body",
			wantStatus: 200, wantBody: []string{"raw body"}},
		{name: "httpbin", fixture: "http:httpbin", method: "POST", target: "/post?a=1&a=2&b=x",
			contentType: "application/json", body: `{"z": 1, "a": [1.50]}`, wantStatus: 200,
			wantBody: []string{`"a": [` + "\n" + `      "1",`, `"json": {` + "\n" + `    "a": [` + "\n" + `      1.50`,
				`"X-Amzn-Apigateway-Api-Id": "abc"`, `"url": "http://127.0.0.1:`},
			wantHeaders: []string{"Server", "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials"}},
		{name: "httpbin form", fixture: "http:httpbin", method: "POST", target: "/post",
			contentType: "application/x-www-form-urlencoded", body: "f=1&f=2", wantStatus: 200,
			wantBody: []string{`"data": ""`, `"form": {` + "\n" + `    "f": [`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body, rec := fixtureCall(t, tc.fixture, tc.args, tc.method, tc.target, tc.contentType, tc.body)
			if resp.StatusCode != tc.wantStatus {
				t.Errorf("status %d, want %d", resp.StatusCode, tc.wantStatus)
			}
			for _, s := range tc.wantBody {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q:\n%s", s, body)
				}
			}
			for _, h := range tc.wantHeaders {
				if resp.Header.Get(h) == "" {
					t.Errorf("no %s header", h)
				}
			}
			if rec == nil || rec.Method != tc.method || string(rec.Body) != tc.body || rec.Headers.Get("Host") == "" {
				t.Errorf("record = %+v", rec)
			}
		})
	}
}
