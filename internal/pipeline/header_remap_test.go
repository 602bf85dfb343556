package pipeline

import (
	"net/http"
	"reflect"
	"testing"
)

func TestRemapHeaders(t *testing.T) {
	tests := []struct {
		name string
		in   http.Header
		want http.Header
	}{
		{"nil", nil, http.Header{}},
		{
			"backend response (http-proxy-lambda-url-echo-headers)",
			http.Header{
				"Connection": {"keep-alive"}, "Content-Length": {"12"}, "Date": {"d"},
				"X-Amzn-Requestid": {"id"}, "Content-Type": {"application/json"}, "Transfer-Encoding": {"chunked"},
			},
			http.Header{
				"x-amzn-Remapped-Connection": {"keep-alive"}, "x-amzn-Remapped-Content-Length": {"12"},
				"x-amzn-Remapped-Date": {"d"}, "x-amzn-Remapped-X-Amzn-Requestid": {"id"},
				"Content-Type": {"application/json"},
			},
		},
		{
			"mapped names keep their casing (header-remap-http-full)",
			http.Header{"WWW-Authenticate": {"w"}, "TE": {"t"}, "Via": {"v"}, "Content-MD5": {"m"}},
			http.Header{"x-amzn-Remapped-WWW-Authenticate": {"w"}, "TE": {"t"}, "Via": {"v"}, "x-amzn-Remapped-Content-MD5": {"m"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := remapHeaders(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
