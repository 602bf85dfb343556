package lambdaevent

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

// decodeMember returns one top-level member of an encoded event.
func decodeMember(t *testing.T, event []byte, name string) any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(event, &m); err != nil {
		t.Fatalf("invalid JSON %v: %s", err, event)
	}
	return m[name]
}

func TestAppendProxyEventMembers(t *testing.T) {
	tests := []struct {
		name   string
		req    ProxyRequest
		member string
		want   any
	}{
		{"query last value", ProxyRequest{RawQuery: "a=1&a=2&b"}, "queryStringParameters",
			map[string]any{"a": "2", "b": ""}},
		{"query multi", ProxyRequest{RawQuery: "a=1&&a=2&b=%2B+%zz%41"}, "multiValueQueryStringParameters",
			map[string]any{"a": []any{"1", "2"}, "b": []any{"+ %zzA"}}},
		{"no query", ProxyRequest{}, "multiValueQueryStringParameters", nil},
		{"repeated header", ProxyRequest{Headers: []Header{{"X-A", "1"}, {"x-a", "2"}}}, "headers",
			map[string]any{"X-A": "2"}},
		{"repeated header multi", ProxyRequest{Headers: []Header{{"X-A", "1"}, {"B", "3"}, {"x-a", "2"}}}, "multiValueHeaders",
			map[string]any{"X-A": []any{"1", "2"}, "B": []any{"3"}}},
		{"hidden headers", ProxyRequest{Headers: []Header{{"Connection", "close"}, {"content-length", "3"}}}, "headers", nil},
		{"canonical names", ProxyRequest{Headers: []Header{{"authorization", "x"}, {"user-Agent", "y"}, {"tEsT", "z"}}}, "headers",
			map[string]any{"Authorization": "x", "User-Agent": "y", "tEsT": "z"}},
		{"text body", ProxyRequest{Body: []byte("a\"\x01\xff")}, "body", "a\"\x01\ufffd"},
		{"binary body", ProxyRequest{Body: []byte{0xff, 0}, Binary: true}, "body", "/wA="},
		{"binary flag", ProxyRequest{Body: []byte{0xff, 0}, Binary: true}, "isBase64Encoded", true},
		{"empty binary body", ProxyRequest{Binary: true}, "isBase64Encoded", false},
		{"stage variables", ProxyRequest{StageVariables: []Param{{"k", "v"}}}, "stageVariables", map[string]any{"k": "v"}},
		{"non-greedy param keeps slash", ProxyRequest{Resource: "/{id}", PathParameters: []Param{{"id", "a/"}}}, "pathParameters",
			map[string]any{"id": "a/"}},
		{"greedy param", ProxyRequest{Resource: "/x/{rest+}", PathParameters: []Param{{"rest", "a//b/"}}}, "pathParameters",
			map[string]any{"rest": "a//b"}},
		{"leading slashes", ProxyRequest{Path: "///a//b/"}, "path", "/a//b/"},
		{"path not decoded", ProxyRequest{Path: "/a%2Bb+c"}, "path", "/a%2Bb+c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decodeMember(t, AppendProxyEvent(nil, &tt.req), tt.member)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s = %#v, want %#v", tt.member, got, tt.want)
			}
		})
	}
}

func TestAppendProxyEventAuthorizer(t *testing.T) {
	req := ProxyRequest{Context: RequestContext{Authorizer: []byte(`{"principalId":"me"}`)}}
	rc := decodeMember(t, AppendProxyEvent(nil, &req), "requestContext").(map[string]any)
	if !reflect.DeepEqual(rc["authorizer"], map[string]any{"principalId": "me"}) {
		t.Errorf("authorizer = %#v", rc["authorizer"])
	}
	rc = decodeMember(t, AppendProxyEvent(nil, &ProxyRequest{}), "requestContext").(map[string]any)
	if _, ok := rc["authorizer"]; ok {
		t.Error("authorizer present without an authorizer")
	}
}

// TestProxyEventGolden pins the exact bytes (member order included) of the
// events built from the recorded vectors.
func TestProxyEventGolden(t *testing.T) {
	for _, v := range loadVectors(t, "aws-proxy-event-*.json") {
		t.Run(v.ID, func(t *testing.T) {
			got := AppendProxyEvent(nil, vectorRequest(t, &v))
			file := filepath.Join("testdata", "golden", v.ID+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("event differs from %s:\n got %s\nwant %s", file, got, want)
			}
		})
	}
}
