package model

import (
	"reflect"
	"testing"
)

func TestIntegrationApplyDefaults(t *testing.T) {
	tests := []struct {
		name string
		in   Integration
		want Integration
	}{
		{
			name: "http",
			in:   Integration{Type: IntegrationHTTP, HTTPMethod: "GET", URI: "http://x"},
			want: Integration{Type: IntegrationHTTP, HTTPMethod: "GET", URI: "http://x", ConnectionType: ConnectionInternet,
				PassthroughBehavior: PassthroughWhenNoMatch, TimeoutInMillis: 29000, CacheNamespace: "res1", CacheKeyParameters: []string{}},
		},
		{
			name: "mock drops its uri",
			in:   Integration{Type: IntegrationMock, URI: "http://example.com"},
			want: Integration{Type: IntegrationMock, PassthroughBehavior: PassthroughWhenNoMatch, TimeoutInMillis: 29000,
				CacheNamespace: "res1", CacheKeyParameters: []string{}},
		},
		{
			name: "aws gets no connection type",
			in:   Integration{Type: IntegrationAWS, HTTPMethod: "POST", URI: "arn:aws:apigateway:us-east-1:s3:path/b/k"},
			want: Integration{Type: IntegrationAWS, HTTPMethod: "POST", URI: "arn:aws:apigateway:us-east-1:s3:path/b/k",
				PassthroughBehavior: PassthroughWhenNoMatch, TimeoutInMillis: 29000, CacheNamespace: "res1", CacheKeyParameters: []string{}},
		},
		{
			name: "given values stay",
			in: Integration{Type: IntegrationHTTPProxy, HTTPMethod: "ANY", URI: "http://x", ConnectionType: ConnectionVPCLink,
				ConnectionID: "vl", PassthroughBehavior: PassthroughNever, TimeoutInMillis: 100, CacheNamespace: "ns",
				CacheKeyParameters: []string{"method.request.path.id"}},
			want: Integration{Type: IntegrationHTTPProxy, HTTPMethod: "ANY", URI: "http://x", ConnectionType: ConnectionVPCLink,
				ConnectionID: "vl", PassthroughBehavior: PassthroughNever, TimeoutInMillis: 100, CacheNamespace: "ns",
				CacheKeyParameters: []string{"method.request.path.id"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.in
			got.ApplyDefaults("res1")
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestRestApiApplyDefaults(t *testing.T) {
	m := &Method{HTTPMethod: "GET", Integration: &Integration{Type: IntegrationMock}}
	a := &RestApi{Resources: []*Resource{{ID: "r0", Path: "/", Methods: []*Method{m}}}}
	a.ApplyDefaults()
	if a.APIKeySource != APIKeyFromHeader || !reflect.DeepEqual(a.EndpointConfiguration.Types, []EndpointType{EndpointEdge}) {
		t.Fatalf("api defaults: %v %v", a.APIKeySource, a.EndpointConfiguration.Types)
	}
	if m.AuthorizationType != AuthNone || m.Integration.CacheNamespace != "r0" {
		t.Fatalf("method defaults: %v %q", m.AuthorizationType, m.Integration.CacheNamespace)
	}
}

func TestPutIntegrationResponse(t *testing.T) {
	in := &Integration{}
	in.PutIntegrationResponse(IntegrationResponse{StatusCode: "200"})
	in.PutIntegrationResponse(IntegrationResponse{StatusCode: "400", SelectionPattern: "4.*"})
	if replaced := in.PutIntegrationResponse(IntegrationResponse{StatusCode: "200", SelectionPattern: "2.*"}); !replaced {
		t.Fatal("existing status code not replaced")
	}
	if len(in.IntegrationResponses) != 2 || in.IntegrationResponses[0].SelectionPattern != "2.*" {
		t.Fatalf("got %+v", in.IntegrationResponses)
	}
	if in.IntegrationResponse("400").IsDefault() {
		t.Fatal("a response with a pattern is not the default")
	}
	if in.IntegrationResponse("500") != nil {
		t.Fatal("unknown status code found")
	}
}
