package plan

import (
	"testing"

	"archway/internal/javalang"
)

func TestTemplatesLookup(t *testing.T) {
	ts := Templates{{ContentType: "application/json"}, {ContentType: "Application/XML"}}
	tests := []struct {
		ct   string
		want int // index, -1 for none
	}{
		{"application/json", 0},
		{"APPLICATION/JSON", 0},
		{"application/xml", 1},
		{"text/plain", -1},
		{"", -1},
	}
	for _, tc := range tests {
		got, ok := ts.Lookup(tc.ct)
		switch {
		case tc.want < 0 && ok:
			t.Errorf("Lookup(%q) = %q, want none", tc.ct, got.ContentType)
		case tc.want >= 0 && (!ok || got != &ts[tc.want]):
			t.Errorf("Lookup(%q) = %v %v, want %q", tc.ct, got, ok, ts[tc.want].ContentType)
		}
	}
}

func TestSelect(t *testing.T) {
	pattern := func(s string) *javalang.Pattern {
		p, err := javalang.Compile(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	four := &IntegrationResponse{StatusCode: "405", Pattern: pattern(".*four hundred.*")}
	plus := &IntegrationResponse{StatusCode: "502", Pattern: pattern(".+")}
	two := &IntegrationResponse{StatusCode: "200", Pattern: pattern(`2\d{2}`)}
	def := &IntegrationResponse{StatusCode: "200"}
	tests := []struct {
		name      string
		responses []*IntegrationResponse
		def       *IntegrationResponse
		s         string
		want      *IntegrationResponse
	}{
		{"first created wins (aws-lambda-selection-pattern-400)", []*IntegrationResponse{four, plus}, def, "error four hundred", four},
		{"later pattern", []*IntegrationResponse{four, plus}, def, "boom", plus},
		{"default", []*IntegrationResponse{four, plus}, def, "", def},
		{"whole string only", []*IntegrationResponse{two}, def, "2000", def},
		{"status", []*IntegrationResponse{two}, def, "201", two},
		{"no default", []*IntegrationResponse{two}, nil, "500", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Select(tc.responses, tc.def, tc.s); got != tc.want {
				t.Errorf("Select(%q) = %+v, want %+v", tc.s, got, tc.want)
			}
		})
	}
}

func TestErrorType(t *testing.T) {
	tests := map[string]string{
		"MISSING_AUTHENTICATION_TOKEN": "MissingAuthenticationTokenException",
		"API_CONFIGURATION_ERROR":      "InternalServerErrorException",
		"INTEGRATION_FAILURE":          "InternalServerErrorException",
		"UNSUPPORTED_MEDIA_TYPE":       "UnsupportedMediaTypeException",
		"BAD_REQUEST_PARAMETERS":       "BadRequestException",
	}
	for typ, want := range tests {
		if got := ErrorType(typ); got != want {
			t.Errorf("ErrorType(%s) = %q, want %q", typ, got, want)
		}
	}
}

func TestIsLambda(t *testing.T) {
	tests := []struct {
		in   Integration
		want bool
	}{
		{Integration{Type: AWS, URI: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations"}, true},
		{Integration{Type: AWSProxy, URI: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations"}, true},
		{Integration{Type: AWS, URI: "arn:aws:apigateway:us-east-1:sqs:path/1/q"}, false},
		{Integration{Type: HTTP, URI: "http://x/lambda:path/"}, false},
	}
	for _, tc := range tests {
		if got := tc.in.IsLambda(); got != tc.want {
			t.Errorf("%s %s: IsLambda = %v", tc.in.Type, tc.in.URI, got)
		}
	}
}
