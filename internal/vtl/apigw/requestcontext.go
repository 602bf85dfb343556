package apigw

import "archway/internal/jsonvalue"

// RequestContext is what API Gateway knows about a request when it
// builds $context. Empty strings are null in $context (they print as "").
type RequestContext struct {
	AccountID         string
	APIID             string
	DeploymentID      string
	DomainName        string
	DomainPrefix      string
	ExtendedRequestID string
	HTTPMethod        string
	Path              string // the request path including the stage: /dev/pets/1
	Protocol          string // HTTP/1.1
	RequestID         string
	RequestTime       string // CLF format: 21/Nov/2026:09:00:00 +0000
	RequestTimeEpoch  int64  // milliseconds
	ResourceID        string
	ResourcePath      string // the resource template: /pets/{id}
	Stage             string
	Identity          Identity

	// The members below are present only when they apply.

	// Authorizer holds $context.authorizer.* (nil without an authorizer;
	// AWS then has no authorizer key at all).
	Authorizer *jsonvalue.Map
	// IsCanaryRequest is whether a canary deployment serves the request.
	// $context.isCanaryRequest prints "true" or "false" (recorded:
	// canary-response-*), although AWS's keySet() does not list it
	// (vtl-context-keyset-dump).
	IsCanaryRequest bool
	// Error is set while a gateway response renders: $context.error.*.
	Error *GatewayError
	// AWSEndpointRequestID is the request id of the AWS service call
	// behind an AWS integration ($context.awsEndpointRequestId), known
	// once the integration answered.
	AWSEndpointRequestID string
}

// Identity is $context.identity.
type Identity struct {
	CognitoIdentityPoolID         string
	AccountID                     string
	CognitoIdentityID             string
	Caller                        string
	SourceIP                      string
	PrincipalOrgID                string
	AccessKey                     string
	CognitoAuthenticationType     string
	CognitoAuthenticationProvider string
	UserArn                       string
	UserAgent                     string
	User                          string
	APIKey                        string // only with API keys
	APIKeyID                      string // only with API keys
}

// GatewayError is $context.error while a gateway response is rendered.
type GatewayError struct {
	Message               string // e.g. Missing Authentication Token
	ResponseType          string // e.g. MISSING_AUTHENTICATION_TOKEN
	ValidationErrorString string
}

// contextBuilder makes $context's maps from one arena.
type contextBuilder struct{ a *jsonvalue.Arena }

func (b contextBuilder) opaque(n int) *jsonvalue.Map {
	m := b.a.NewMap(n)
	m.Opaque = true
	return m
}

// str is a $context string: absent values are null.
func (b contextBuilder) str(s string) any {
	if s == "" {
		return nil
	}
	return b.a.String(s)
}

// Map builds $context with the members in the order AWS's keySet()
// lists them (recorded: vtl-context-keyset-dump), the override maps
// included; members that apply only sometimes come after.
func (c *RequestContext) Map() *jsonvalue.Map {
	b := contextBuilder{jsonvalue.NewArena(64)}
	m := b.opaque(24)
	ro := b.opaque(3)
	ro.Put("path", b.opaque(4))
	ro.Put("header", b.opaque(4))
	ro.Put("querystring", b.opaque(4))
	so := b.opaque(2)
	so.Put("header", b.opaque(4))

	id := b.opaque(14)
	id.Put("cognitoIdentityPoolId", b.str(c.Identity.CognitoIdentityPoolID))
	id.Put("accountId", b.str(c.Identity.AccountID))
	id.Put("cognitoIdentityId", b.str(c.Identity.CognitoIdentityID))
	id.Put("caller", b.str(c.Identity.Caller))
	id.Put("sourceIp", b.str(c.Identity.SourceIP))
	id.Put("principalOrgId", b.str(c.Identity.PrincipalOrgID))
	id.Put("accessKey", b.str(c.Identity.AccessKey))
	id.Put("cognitoAuthenticationType", b.str(c.Identity.CognitoAuthenticationType))
	id.Put("cognitoAuthenticationProvider", b.str(c.Identity.CognitoAuthenticationProvider))
	id.Put("userArn", b.str(c.Identity.UserArn))
	id.Put("userAgent", b.str(c.Identity.UserAgent))
	id.Put("user", b.str(c.Identity.User))
	if c.Identity.APIKey != "" {
		id.Put("apiKey", b.str(c.Identity.APIKey))
		id.Put("apiKeyId", b.str(c.Identity.APIKeyID))
	}

	m.Put("resourceId", b.str(c.ResourceID))
	m.Put("resourcePath", b.str(c.ResourcePath))
	m.Put("httpMethod", b.str(c.HTTPMethod))
	m.Put("extendedRequestId", b.str(c.ExtendedRequestID))
	m.Put("requestTime", b.str(c.RequestTime))
	m.Put("path", b.str(c.Path))
	m.Put("accountId", b.str(c.AccountID))
	m.Put("protocol", b.str(c.Protocol))
	m.Put("requestOverride", ro)
	m.Put("stage", b.str(c.Stage))
	m.Put("domainPrefix", b.str(c.DomainPrefix))
	m.Put("requestTimeEpoch", b.a.Int(c.RequestTimeEpoch))
	m.Put("requestId", b.str(c.RequestID))
	m.Put("identity", id)
	m.Put("domainName", b.str(c.DomainName))
	m.Put("deploymentId", b.str(c.DeploymentID))
	m.Put("responseOverride", so)
	m.Put("apiId", b.str(c.APIID))
	if c.Authorizer != nil {
		if a, ok := ContextValue(c.Authorizer).(*jsonvalue.Map); ok {
			m.Put("authorizer", a)
		}
	}
	// Documented members that AWS's keySet() does not list: they resolve
	// but are not iterated. Without WAF, wafResponseCode and webaclArn are
	// null.
	hidden := b.a.NewMap(4)
	if c.IsCanaryRequest {
		hidden.Put("isCanaryRequest", "true")
	} else {
		hidden.Put("isCanaryRequest", "false")
	}
	hidden.Put("awsEndpointRequestId", b.str(c.AWSEndpointRequestID))
	hidden.Put("wafResponseCode", nil)
	hidden.Put("webaclArn", nil)
	m.Hidden = hidden
	if c.Error != nil {
		m.Put("error", c.Error.Map())
	}
	return m
}

// Map builds $context.error.
func (e *GatewayError) Map() *jsonvalue.Map {
	m := newOpaque()
	m.Put("message", e.Message)
	m.Put("messageString", quoteJSON(e.Message))
	m.Put("responseType", e.ResponseType)
	if e.ValidationErrorString != "" {
		m.Put("validationErrorString", e.ValidationErrorString)
	} else {
		m.Put("validationErrorString", nil)
	}
	return m
}

// quoteJSON is $context.error.messageString: the message as a quoted JSON
// string.
func quoteJSON(s string) string {
	return string(jsonvalue.AppendJSON(nil, s))
}
