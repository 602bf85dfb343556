package plan

import (
	"strings"
	"time"

	"archway/internal/javalang"
)

// IntegrationType is the type of backend a method calls.
type IntegrationType string

// The integration types of REST APIs.
const (
	Mock      IntegrationType = "MOCK"
	HTTP      IntegrationType = "HTTP"
	HTTPProxy IntegrationType = "HTTP_PROXY"
	AWS       IntegrationType = "AWS"
	AWSProxy  IntegrationType = "AWS_PROXY"
)

// IsProxy reports whether t ignores mapping templates and integration
// responses.
func (t IntegrationType) IsProxy() bool { return t == HTTPProxy || t == AWSProxy }

// Passthrough says what happens to a request body whose Content-Type has no
// mapping template.
type Passthrough string

// The passthrough behaviours.
const (
	WhenNoMatch     Passthrough = "WHEN_NO_MATCH"
	WhenNoTemplates Passthrough = "WHEN_NO_TEMPLATES"
	Never           Passthrough = "NEVER"
)

// ContentHandling converts a payload between text and binary; "" passes it
// through.
type ContentHandling string

// The content handling strategies.
const (
	ConvertToBinary ContentHandling = "CONVERT_TO_BINARY"
	ConvertToText   ContentHandling = "CONVERT_TO_TEXT"
)

// Integration is a method's integration, compiled.
type Integration struct {
	Type IntegrationType
	// HTTPMethod is the method of the backend request.
	HTTPMethod string
	// URI is the endpoint or ARN, with ${stageVariables.X} and {path}
	// references left for request time.
	URI string
	// Credentials is the IAM role ARN the gateway assumes.
	Credentials string
	// Timeout bounds the backend call.
	Timeout time.Duration
	// Passthrough applies when no request template matches.
	Passthrough Passthrough
	// ContentHandling converts the request payload.
	ContentHandling ContentHandling
	// RequestParameters map integration.request.* parameters, in order.
	RequestParameters []Mapping
	// RequestTemplates are in definition order.
	RequestTemplates Templates
	// Responses are the integration responses with a selection pattern,
	// in creation order: the first that matches wins.
	Responses []*IntegrationResponse
	// Default is the integration response without a selection pattern;
	// nil when there is none.
	Default *IntegrationResponse
	// ConnectionID is the VPC link of a VPC_LINK integration, possibly a
	// ${stageVariables.X} reference; "" for INTERNET.
	ConnectionID string
	// TLS is the integration's tlsConfig; nil when not set.
	TLS *TLSConfig
	// Broken, when not empty, says why every call of the integration fails
	// with 500: API Gateway accepts some definitions it cannot serve (a
	// mapping of a header it forbids, header-remap-*-forbidden-mapping-*).
	Broken string
}

// TLSConfig tunes the TLS connection to an HTTPS backend.
type TLSConfig struct {
	// InsecureSkipVerification accepts any server certificate.
	InsecureSkipVerification bool
	// ServerNameToVerify is sent as SNI and checked against the
	// certificate instead of the URI's host.
	ServerNameToVerify string
}

// IsLambda reports whether the integration invokes a Lambda function: an
// AWS or AWS_PROXY integration whose URI is a Lambda invocation ARN
// (arn:aws:apigateway:{region}:lambda:path/...).
func (in *Integration) IsLambda() bool {
	return (in.Type == AWS || in.Type == AWSProxy) && strings.Contains(in.URI, ":lambda:path/")
}

// IntegrationResponse maps a backend response to a method response.
type IntegrationResponse struct {
	// StatusCode is the method response status, as defined ("200").
	StatusCode string
	// Status is StatusCode as a number.
	Status int
	// Pattern is the compiled selection pattern, a full-string Java
	// regular expression; nil for the default response.
	Pattern *javalang.Pattern
	// Parameters map method.response.header.* headers, in order.
	Parameters []Mapping
	// Templates are the response templates in definition order.
	Templates Templates
	// ContentHandling converts the response payload.
	ContentHandling ContentHandling
}

// Select returns the first of responses whose pattern matches s, else def
// (which may be nil). A pattern that fails to run (timeout) counts as no
// match.
func Select(responses []*IntegrationResponse, def *IntegrationResponse, s string) *IntegrationResponse {
	for _, r := range responses {
		if ok, err := r.Pattern.Matches(s); err == nil && ok {
			return r
		}
	}
	return def
}
