package model

import "strings"

// IntegrationType is the type of backend a method calls.
type IntegrationType string

// The integration types of REST APIs.
const (
	IntegrationMock      IntegrationType = "MOCK"
	IntegrationHTTP      IntegrationType = "HTTP"
	IntegrationHTTPProxy IntegrationType = "HTTP_PROXY"
	IntegrationAWS       IntegrationType = "AWS"
	IntegrationAWSProxy  IntegrationType = "AWS_PROXY"
)

// IntegrationTypes lists the integration types in the order AWS's
// validation message lists them.
var IntegrationTypes = []IntegrationType{IntegrationHTTP, IntegrationMock, IntegrationAWSProxy, IntegrationHTTPProxy, IntegrationAWS}

// Valid reports whether t is one of the integration types.
func (t IntegrationType) Valid() bool { return oneOf(t, IntegrationTypes) }

// IsHTTP reports whether t calls an HTTP endpoint (HTTP or HTTP_PROXY).
func (t IntegrationType) IsHTTP() bool { return t == IntegrationHTTP || t == IntegrationHTTPProxy }

// IsAWS reports whether t calls an AWS service or Lambda (AWS or AWS_PROXY).
func (t IntegrationType) IsAWS() bool { return t == IntegrationAWS || t == IntegrationAWSProxy }

// IsProxy reports whether t is a proxy integration (HTTP_PROXY or AWS_PROXY),
// which ignores mapping templates and integration responses.
func (t IntegrationType) IsProxy() bool {
	return t == IntegrationHTTPProxy || t == IntegrationAWSProxy
}

// ParseIntegrationType returns the integration type named s in any case
// (AWS exports them in lower case), or s unchanged when it names none.
func ParseIntegrationType(s string) IntegrationType { return parseEnum(s, IntegrationTypes) }

// PassthroughBehavior says what happens to a request body whose Content-Type
// has no mapping template.
type PassthroughBehavior string

// The passthrough behaviours.
const (
	PassthroughWhenNoMatch     PassthroughBehavior = "WHEN_NO_MATCH"
	PassthroughWhenNoTemplates PassthroughBehavior = "WHEN_NO_TEMPLATES"
	PassthroughNever           PassthroughBehavior = "NEVER"
)

// PassthroughBehaviors lists the passthrough behaviours.
var PassthroughBehaviors = []PassthroughBehavior{PassthroughWhenNoMatch, PassthroughWhenNoTemplates, PassthroughNever}

// Valid reports whether b is one of the passthrough behaviours.
func (b PassthroughBehavior) Valid() bool { return oneOf(b, PassthroughBehaviors) }

// ParsePassthroughBehavior returns the behaviour named s in any case, or s
// unchanged when it names none.
func ParsePassthroughBehavior(s string) PassthroughBehavior {
	return parseEnum(s, PassthroughBehaviors)
}

// ContentHandling converts a payload between text and binary. The empty
// value passes the payload through unchanged.
type ContentHandling string

// The content handling strategies.
const (
	ConvertToBinary ContentHandling = "CONVERT_TO_BINARY"
	ConvertToText   ContentHandling = "CONVERT_TO_TEXT"
)

// ContentHandlings lists the content handling strategies, in the order
// AWS's validation message lists them.
var ContentHandlings = []ContentHandling{ConvertToBinary, ConvertToText}

// Valid reports whether h is empty (pass through) or a strategy.
func (h ContentHandling) Valid() bool { return h == "" || oneOf(h, ContentHandlings) }

// ParseContentHandling returns the strategy named s in any case, or s
// unchanged when it names none.
func ParseContentHandling(s string) ContentHandling { return parseEnum(s, ContentHandlings) }

// ConnectionType is how API Gateway reaches an HTTP endpoint.
type ConnectionType string

// The connection types.
const (
	ConnectionInternet ConnectionType = "INTERNET"
	ConnectionVPCLink  ConnectionType = "VPC_LINK"
)

// ConnectionTypes lists the connection types.
var ConnectionTypes = []ConnectionType{ConnectionInternet, ConnectionVPCLink}

// Valid reports whether c is empty (not set) or a connection type.
func (c ConnectionType) Valid() bool { return c == "" || oneOf(c, ConnectionTypes) }

// ParseConnectionType returns the connection type named s in any case, or s
// unchanged when it names none.
func ParseConnectionType(s string) ConnectionType { return parseEnum(s, ConnectionTypes) }

// AuthorizationType is how a method authorizes its callers.
type AuthorizationType string

// The authorization types.
const (
	AuthNone             AuthorizationType = "NONE"
	AuthIAM              AuthorizationType = "AWS_IAM"
	AuthCustom           AuthorizationType = "CUSTOM"
	AuthCognitoUserPools AuthorizationType = "COGNITO_USER_POOLS"
)

// AuthorizationTypes lists the authorization types.
var AuthorizationTypes = []AuthorizationType{AuthNone, AuthIAM, AuthCustom, AuthCognitoUserPools}

// Valid reports whether a is one of the authorization types.
func (a AuthorizationType) Valid() bool { return oneOf(a, AuthorizationTypes) }

// ParseAuthorizationType returns the authorization type named s in any
// case, or s unchanged when it names none.
func ParseAuthorizationType(s string) AuthorizationType { return parseEnum(s, AuthorizationTypes) }

// APIKeySource is where API Gateway reads a request's API key from.
type APIKeySource string

// The API key sources.
const (
	APIKeyFromHeader     APIKeySource = "HEADER"
	APIKeyFromAuthorizer APIKeySource = "AUTHORIZER"
)

// APIKeySources lists the API key sources.
var APIKeySources = []APIKeySource{APIKeyFromHeader, APIKeyFromAuthorizer}

// Valid reports whether s is one of the API key sources.
func (s APIKeySource) Valid() bool { return oneOf(s, APIKeySources) }

// ParseAPIKeySource returns the source named s in any case, or s unchanged
// when it names none.
func ParseAPIKeySource(s string) APIKeySource { return parseEnum(s, APIKeySources) }

// EndpointType is how a REST API is exposed.
type EndpointType string

// The endpoint types.
const (
	EndpointEdge     EndpointType = "EDGE"
	EndpointRegional EndpointType = "REGIONAL"
	EndpointPrivate  EndpointType = "PRIVATE"
)

// EndpointTypes lists the endpoint types.
var EndpointTypes = []EndpointType{EndpointEdge, EndpointRegional, EndpointPrivate}

// Valid reports whether t is one of the endpoint types.
func (t EndpointType) Valid() bool { return oneOf(t, EndpointTypes) }

// ParseEndpointType returns the endpoint type named s in any case, or s
// unchanged when it names none.
func ParseEndpointType(s string) EndpointType { return parseEnum(s, EndpointTypes) }

// HTTPMethods lists the methods a REST API resource can have, in the order
// AWS's validation message lists them. ANY matches every method.
var HTTPMethods = []string{"GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "ANY"}

func oneOf[T ~string](v T, set []T) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}

func parseEnum[T ~string](s string, set []T) T {
	for _, v := range set {
		if strings.EqualFold(s, string(v)) {
			return v
		}
	}
	return T(s)
}

func enumList[T ~string](set []T) string {
	parts := make([]string, len(set))
	for i, v := range set {
		parts[i] = string(v)
	}
	return strings.Join(parts, ", ")
}
