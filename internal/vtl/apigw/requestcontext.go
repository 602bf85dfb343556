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
	ro.Append("path", b.opaque(4))
	ro.Append("header", b.opaque(4))
	ro.Append("querystring", b.opaque(4))
	so := b.opaque(2)
	so.Append("header", b.opaque(4))

	id := b.opaque(14)
	id.Append("cognitoIdentityPoolId", b.str(c.Identity.CognitoIdentityPoolID))
	id.Append("accountId", b.str(c.Identity.AccountID))
	id.Append("cognitoIdentityId", b.str(c.Identity.CognitoIdentityID))
	id.Append("caller", b.str(c.Identity.Caller))
	id.Append("sourceIp", b.str(c.Identity.SourceIP))
	id.Append("principalOrgId", b.str(c.Identity.PrincipalOrgID))
	id.Append("accessKey", b.str(c.Identity.AccessKey))
	id.Append("cognitoAuthenticationType", b.str(c.Identity.CognitoAuthenticationType))
	id.Append("cognitoAuthenticationProvider", b.str(c.Identity.CognitoAuthenticationProvider))
	id.Append("userArn", b.str(c.Identity.UserArn))
	id.Append("userAgent", b.str(c.Identity.UserAgent))
	id.Append("user", b.str(c.Identity.User))
	if c.Identity.APIKey != "" {
		id.Append("apiKey", b.str(c.Identity.APIKey))
		id.Append("apiKeyId", b.str(c.Identity.APIKeyID))
	}

	m.Append("resourceId", b.str(c.ResourceID))
	m.Append("resourcePath", b.str(c.ResourcePath))
	m.Append("httpMethod", b.str(c.HTTPMethod))
	m.Append("extendedRequestId", b.str(c.ExtendedRequestID))
	m.Append("requestTime", b.str(c.RequestTime))
	m.Append("path", b.str(c.Path))
	m.Append("accountId", b.str(c.AccountID))
	m.Append("protocol", b.str(c.Protocol))
	m.Append("requestOverride", ro)
	m.Append("stage", b.str(c.Stage))
	m.Append("domainPrefix", b.str(c.DomainPrefix))
	m.Append("requestTimeEpoch", b.a.Int(c.RequestTimeEpoch))
	m.Append("requestId", b.str(c.RequestID))
	m.Append("identity", id)
	m.Append("domainName", b.str(c.DomainName))
	m.Append("deploymentId", b.str(c.DeploymentID))
	m.Append("responseOverride", so)
	m.Append("apiId", b.str(c.APIID))
	if c.Authorizer != nil {
		if a, ok := ContextValue(c.Authorizer).(*jsonvalue.Map); ok {
			m.Append("authorizer", a)
		}
	}
	// Documented members that AWS's keySet() does not list: they resolve
	// but are not iterated. Without WAF, wafResponseCode and webaclArn are
	// null.
	hidden := b.a.NewMap(4)
	if c.IsCanaryRequest {
		hidden.Append("isCanaryRequest", "true")
	} else {
		hidden.Append("isCanaryRequest", "false")
	}
	hidden.Append("awsEndpointRequestId", b.str(c.AWSEndpointRequestID))
	hidden.Append("wafResponseCode", nil)
	hidden.Append("webaclArn", nil)
	m.Hidden = hidden
	if c.Error != nil {
		m.Append("error", c.Error.Map())
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
