package conformance

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// minimal is a valid runnable http vector with id "v1"; tests splice
// members into it.
const minimal = `{"format": "apigw-conformance/1", "id": "v1", "title": "t", "category": "routing",
 "integration_type": "MOCK", "evidence": "aws-snapshot", "source": {}, "requires": ["mock", "routing"],
 "runnable": true, "kind": "http",
 "placeholders": {"https://<lambda-url-id>.lambda-url.<region>.on.aws": "http_backend_origin", "{region}": "region", "{account}": "account_id"},
 "api": {"openapi": "3.0.1", "paths": {"/z": {}, "/a": {"get": {"x-amazon-apigateway-integration": {"type": "http",
   "uri": "https://<lambda-url-id>.lambda-url.<region>.on.aws/{region}/{account}/p", "n": 1.50}}}}},
 "stage": {"name": "dev", "variables": {"v": "{region}"}},
 "backend": {"fixture": "none", "args": {}},
 "request": {"method": "GET", "path": "/a/b%2Fc", "raw_query": "x=1", "headers": {"Z-First": "{account}", "a-second": "2"}, "body_utf8": "{region}"},
 "expect": {"status": 200, "body": "{region}", "body_match": "exact"}}`

// writeVectors writes name → content files into a temporary directory.
func writeVectors(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadErrors(t *testing.T) {
	replace := func(old, new string) string {
		if !strings.Contains(minimal, old) {
			t.Fatalf("minimal vector has no %q", old)
		}
		return strings.Replace(minimal, old, new, 1)
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string // substring of the error
	}{
		{"not JSON", map[string]string{"v1.json": "{"}, "v1.json"},
		{"unknown member", map[string]string{"v1.json": replace(`"title": "t"`, `"title": "t", "extra": 1`)}, `unknown field "extra"`},
		{"unknown expect member", map[string]string{"v1.json": replace(`"body_match": "exact"`, `"body_match": "exact", "bodyy": 1`)}, `unknown field "bodyy"`},
		{"id differs from file", map[string]string{"v2.json": minimal}, `id "v1" does not match the file name`},
		{"wrong format", map[string]string{"v1.json": replace(`apigw-conformance/1`, `apigw-conformance/2`)}, "format"},
		{"unknown kind", map[string]string{"v1.json": replace(`"kind": "http"`, `"kind": "smtp"`)}, `unknown kind "smtp"`},
		{"unknown tag", map[string]string{"v1.json": replace(`"routing"]`, `"routing", "teleport"]`)}, `unknown requires tag "teleport"`},
		{"unknown role", map[string]string{"v1.json": replace(`"account_id"`, `"account"`)}, `unknown role "account"`},
		{"not runnable without reason", map[string]string{"v1.json": replace(`"runnable": true`, `"runnable": false`)}, "not_runnable_reason"},
		{"runnable documentation", map[string]string{"v1.json": replace(`"kind": "http"`, `"kind": "documentation"`)}, "documentation vector cannot be runnable"},
		{"runnable without api", map[string]string{"v1.json": replace(`"api": {`, `"documentation": {`)}, "runnable http vector without api"},
		{"bad body_match", map[string]string{"v1.json": replace(`"body_match": "exact"`, `"body_match": "fuzzy"`)}, `body_match "fuzzy"`},
		{"illustrative runnable", map[string]string{"v1.json": replace(`"body_match": "exact"`, `"body_match": "illustrative"`)}, `body_match "illustrative"`},
		{"bytes without base64", map[string]string{"v1.json": replace(`"body_match": "exact"`, `"body_match": "bytes"`)}, "without body_base64"},
		{"status and class", map[string]string{"v1.json": replace(`"status": 200`, `"status": 200, "status_class": "2xx"`)}, "both status and status_class"},
		{"bad class", map[string]string{"v1.json": replace(`"status": 200`, `"status_class": "2XX"`)}, `status_class "2XX"`},
		{"bad op", map[string]string{"v1.json": replace(`"status": 200`, `"header_assertions": {"a": [{"op": "matches", "value": "x"}]}`)}, `unknown op "matches"`},
		{"bad ignore", map[string]string{"v1.json": replace(`"status": 200`, `"ignore": ["headers/Via"]`)}, "not a JSON Pointer"},
		{"one bad file", map[string]string{"v1.json": minimal, "v1x.json": strings.Replace(minimal, `"id": "v1"`, `"id": "v1x"`, 1),
			"sub.json": "{}"}, "sub.json"},
		{"empty dir", map[string]string{"README.md": "x"}, "no *.json vectors"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(writeVectors(t, tc.files))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Load error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestLoadMinimal(t *testing.T) {
	dir := writeVectors(t, map[string]string{"v1.json": minimal})
	vs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	v := vs[0]
	if v.ID != "v1" || v.Stage.Name != "dev" || v.Backend.Fixture != "none" || *v.Expect.Status != 200 {
		t.Errorf("decoded %+v", v)
	}
	if got := v.Request.Headers; len(got) != 2 || got[0] != (Header{"Z-First", "{account}"}) || got[1].Name != "a-second" {
		t.Errorf("headers lost order or casing: %v", got)
	}
	if got := v.Request.Target("dev"); got != "/dev/a/b%2Fc?x=1" {
		t.Errorf("Target = %q", got)
	}
	wantRoles := []string{"http_backend_origin", "region", "account_id"}
	var roles []string
	for _, p := range v.Placeholders {
		roles = append(roles, p.Role)
	}
	if !slices.Equal(roles, wantRoles) {
		t.Errorf("placeholder order %v, want %v", roles, wantRoles)
	}
	if _, err := LoadFile(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("LoadFile of a missing file: no error")
	}
}

func TestRequestBodyAndTarget(t *testing.T) {
	text, b64, bad := "héllo", "AP8=", "!!"
	tests := []struct {
		name   string
		req    Request
		stage  string
		target string
		body   string
		err    bool
	}{
		{"utf8", Request{Path: "/x", BodyUTF8: &text}, "s", "/s/x", "héllo", false},
		{"base64", Request{Path: "/x", BodyBase64: &b64}, "s", "/s/x", "\x00\xff", false},
		{"bad base64", Request{Path: "/x", BodyBase64: &bad}, "s", "/s/x", "", true},
		{"no body", Request{Path: "", RawQuery: "a=b"}, "dev", "/dev?a=b", "", false},
		{"raw path", Request{Path: "//x", RawPath: "//stage/x"}, "stage", "//stage/x", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.req.Target(tc.stage); got != tc.target {
				t.Errorf("Target = %q, want %q", got, tc.target)
			}
			body, err := tc.req.Body()
			if (err != nil) != tc.err || string(body) != tc.body {
				t.Errorf("Body = %q, %v; want %q, error %v", body, err, tc.body, tc.err)
			}
		})
	}
}

func TestSubstitute(t *testing.T) {
	v, err := decodeVector([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]string{
		RoleHTTPBackendOrigin: "http://127.0.0.1:9",
		RoleRegion:            "eu-west-3",
		RoleAccountID:         "000000000000",
	}
	s, err := v.Substitute(values)
	if err != nil {
		t.Fatal(err)
	}
	// The origin token contains <region> and is replaced first, as listed.
	wantAPI := `{"openapi":"3.0.1","paths":{"/z":{},"/a":{"get":{"x-amazon-apigateway-integration":{"type":"http","uri":"http://127.0.0.1:9/eu-west-3/000000000000/p","n":1.50}}}}}`
	if string(s.API) != wantAPI {
		t.Errorf("api = %s\nwant %s", s.API, wantAPI)
	}
	if s.Stage.Variables["v"] != "eu-west-3" {
		t.Errorf("stage variables = %v", s.Stage.Variables)
	}
	if s.Request.Headers[0] != (Header{"Z-First", "000000000000"}) || *s.Request.BodyUTF8 != "eu-west-3" {
		t.Errorf("request = %+v", s.Request)
	}
	var body string
	if err := json.Unmarshal(s.Expect.Body, &body); err != nil || body != "{region}" {
		t.Errorf("expect was substituted: %s", s.Expect.Body)
	}
	if *v.Request.BodyUTF8 != "{region}" {
		t.Error("Substitute changed the original vector")
	}
	if _, err := v.Substitute(map[string]string{RoleRegion: "x"}); err == nil ||
		!strings.Contains(err.Error(), "http_backend_origin, account_id") {
		t.Errorf("missing roles error = %v", err)
	}
	plain := &Vector{ID: "p"}
	if got, err := plain.Substitute(nil); err != nil || got != plain {
		t.Errorf("no placeholders: %v, %v", got, err)
	}
}

func TestRequires(t *testing.T) {
	v := &Vector{Requires: []string{"mock", "vtl", "routing"}}
	if !v.RequiresTag("vtl") || v.RequiresTag("s3") {
		t.Error("RequiresTag")
	}
	have := map[string]bool{"mock": true, "routing": true}
	if got := v.Missing(func(tag string) bool { return have[tag] }); !slices.Equal(got, []string{"vtl"}) {
		t.Errorf("Missing = %v", got)
	}
	if !KnownTag("client_raw_headers") || KnownTag("teleport") {
		t.Error("KnownTag")
	}
}

func TestKnownFailures(t *testing.T) {
	tests := []struct {
		name    string
		content string
		ids     []string
		err     string
	}{
		{"ids and comments", "# header\nv1\n\n  v2   # trailing reason\n#v3\n", []string{"v1", "v2"}, ""},
		{"empty", "", nil, ""},
		{"duplicate", "v1\nv2\nv1\n", nil, ":3: \"v1\" already listed on line 1"},
		{"two ids on a line", "v1 v2\n", nil, ":1: \"v1 v2\" is not one vector id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "known-failures.txt")
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			kf, err := LoadKnownFailures(path)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if kf.Len() != len(tc.ids) {
				t.Errorf("Len = %d, want %d", kf.Len(), len(tc.ids))
			}
			for _, id := range tc.ids {
				if !kf.Contains(id) {
					t.Errorf("Contains(%q) = false", id)
				}
			}
			if kf.Contains("v3") {
				t.Error("a commented id is listed")
			}
		})
	}
	if _, err := LoadKnownFailures(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestKnownFailuresStale(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kf")
	if err := os.WriteFile(path, []byte("b\na\nkept\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	kf, err := LoadKnownFailures(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := kf.Stale([]*Vector{{ID: "kept"}}); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("Stale = %v", got)
	}
}
