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

// nullable is a $context string: absent values are null.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Map builds $context with the members in the order AWS's keySet()
// lists them (recorded: vtl-context-keyset-dump), the override maps
// included; members that apply only sometimes come after.
func (c *RequestContext) Map() *jsonvalue.Map {
	m := jsonvalue.NewMap(24)
	m.Opaque = true
	ro := newOpaque()
	ro.Put("path", newOpaque())
	ro.Put("header", newOpaque())
	ro.Put("querystring", newOpaque())
	so := newOpaque()
	so.Put("header", newOpaque())

	id := jsonvalue.NewMap(14)
	id.Opaque = true
	id.Put("cognitoIdentityPoolId", nullable(c.Identity.CognitoIdentityPoolID))
	id.Put("accountId", nullable(c.Identity.AccountID))
	id.Put("cognitoIdentityId", nullable(c.Identity.CognitoIdentityID))
	id.Put("caller", nullable(c.Identity.Caller))
	id.Put("sourceIp", nullable(c.Identity.SourceIP))
	id.Put("principalOrgId", nullable(c.Identity.PrincipalOrgID))
	id.Put("accessKey", nullable(c.Identity.AccessKey))
	id.Put("cognitoAuthenticationType", nullable(c.Identity.CognitoAuthenticationType))
	id.Put("cognitoAuthenticationProvider", nullable(c.Identity.CognitoAuthenticationProvider))
	id.Put("userArn", nullable(c.Identity.UserArn))
	id.Put("userAgent", nullable(c.Identity.UserAgent))
	id.Put("user", nullable(c.Identity.User))
	if c.Identity.APIKey != "" {
		id.Put("apiKey", c.Identity.APIKey)
		id.Put("apiKeyId", nullable(c.Identity.APIKeyID))
	}

	m.Put("resourceId", nullable(c.ResourceID))
	m.Put("resourcePath", nullable(c.ResourcePath))
	m.Put("httpMethod", nullable(c.HTTPMethod))
	m.Put("extendedRequestId", nullable(c.ExtendedRequestID))
	m.Put("requestTime", nullable(c.RequestTime))
	m.Put("path", nullable(c.Path))
	m.Put("accountId", nullable(c.AccountID))
	m.Put("protocol", nullable(c.Protocol))
	m.Put("requestOverride", ro)
	m.Put("stage", nullable(c.Stage))
	m.Put("domainPrefix", nullable(c.DomainPrefix))
	m.Put("requestTimeEpoch", c.RequestTimeEpoch)
	m.Put("requestId", nullable(c.RequestID))
	m.Put("identity", id)
	m.Put("domainName", nullable(c.DomainName))
	m.Put("deploymentId", nullable(c.DeploymentID))
	m.Put("responseOverride", so)
	m.Put("apiId", nullable(c.APIID))
	if c.Authorizer != nil {
		if a, ok := ContextValue(c.Authorizer).(*jsonvalue.Map); ok {
			m.Put("authorizer", a)
		}
	}
	hidden := jsonvalue.NewMap(1)
	if c.IsCanaryRequest {
		hidden.Put("isCanaryRequest", "true")
	} else {
		hidden.Put("isCanaryRequest", "false")
	}
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
	m.Put("validationErrorString", nullable(e.ValidationErrorString))
	return m
}

// quoteJSON is $context.error.messageString: the message as a quoted JSON
// string.
func quoteJSON(s string) string {
	return string(jsonvalue.AppendJSON(nil, s))
}
