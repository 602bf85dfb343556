package pipeline

import "testing"

func TestAppendQuery(t *testing.T) {
	tests := []struct{ uri, raw, want string }{
		{"http://h/p", "", "http://h/p"},
		{"http://h/p", "a=1", "http://h/p?a=1"},
		{"http://h/p?", "a=1", "http://h/p?a=1"},
		{"http://h/p?x=1&", "a=1", "http://h/p?x=1&a=1"},
		{"http://h/p?x=1", "a=1&a=2", "http://h/p?x=1&a=1&a=2"},
	}
	for _, tc := range tests {
		if got := appendQuery(tc.uri, tc.raw); got != tc.want {
			t.Errorf("appendQuery(%q, %q) = %q, want %q", tc.uri, tc.raw, got, tc.want)
		}
	}
}

func TestValidEndpoint(t *testing.T) {
	tests := map[string]bool{
		"http://h/p":                   true,
		"https://127.0.0.1:8443":       true,
		"https://u:p@h?x=1":            true,
		"https:///test-path?":          false, // undefined stage variable as host
		"http://:80/x":                 false,
		"ftp://h/":                     false,
		"arn:aws:apigateway:us-east-1": false,
		"h/p":                          false,
	}
	for uri, want := range tests {
		if got := validEndpoint(uri); got != want {
			t.Errorf("validEndpoint(%q) = %v, want %v", uri, got, want)
		}
	}
}
