package openapi

import "testing"

func TestJSONForYAML(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`{"a": "x\/y"}`, `{"a": "x/y"}`},
		{`{"a": "\\/"}`, `{"a": "\\/"}`},
		{`{"a": "\ud83d\ude00"}`, `{"a": "\U0001F600"}`},
		{`{"a": "\u00e9"}`, `{"a": "\u00E9"}`},
		{`{"a": "\ud83d!"}`, `{"a": "\uFFFD!"}`},
		{`{"a": "\u12"}`, `{"a": "\u12"}`},
		{`{"a\/b": 1, "c": ["\/"]}`, `{"a/b": 1, "c": ["/"]}`},
		{`{"a": "plain"}`, `{"a": "plain"}`},
	}
	for _, tt := range tests {
		if got := string(jsonForYAML([]byte(tt.in))); got != tt.want {
			t.Errorf("jsonForYAML(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestJSONStringsReadAsJSON(t *testing.T) {
	doc := "\ufeff{\"openapi\": \"3.0.1\", \"info\": {\"title\": \"a\\/b \\ud83d\\ude00\"},\n\t\"paths\": {}}"
	api, _, err := Parse("api.json", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if api.Name != "a/b 😀" {
		t.Fatalf("title %q", api.Name)
	}
}

func TestLooksLikeJSON(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{" \n{}", true},
		{"\ufeff[1]", true},
		{"openapi: 3.0.1", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := looksLikeJSON([]byte(tt.in)); got != tt.want {
			t.Errorf("looksLikeJSON(%q) = %v", tt.in, got)
		}
	}
}
