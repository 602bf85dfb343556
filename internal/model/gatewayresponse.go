package model

// GatewayResponseType names a response API Gateway generates itself, for an
// error or a request it refuses. DEFAULT_4XX and DEFAULT_5XX stand for every
// other type of their class.
type GatewayResponseType string

// The gateway response types.
const (
	GatewayAccessDenied                 GatewayResponseType = "ACCESS_DENIED"
	GatewayAPIConfigurationError        GatewayResponseType = "API_CONFIGURATION_ERROR"
	GatewayAuthorizerConfigurationError GatewayResponseType = "AUTHORIZER_CONFIGURATION_ERROR"
	GatewayAuthorizerFailure            GatewayResponseType = "AUTHORIZER_FAILURE"
	GatewayBadRequestBody               GatewayResponseType = "BAD_REQUEST_BODY"
	GatewayBadRequestParameters         GatewayResponseType = "BAD_REQUEST_PARAMETERS"
	GatewayDefault4XX                   GatewayResponseType = "DEFAULT_4XX"
	GatewayDefault5XX                   GatewayResponseType = "DEFAULT_5XX"
	GatewayExpiredToken                 GatewayResponseType = "EXPIRED_TOKEN"
	GatewayIntegrationFailure           GatewayResponseType = "INTEGRATION_FAILURE"
	GatewayIntegrationTimeout           GatewayResponseType = "INTEGRATION_TIMEOUT"
	GatewayInvalidAPIKey                GatewayResponseType = "INVALID_API_KEY"
	GatewayInvalidSignature             GatewayResponseType = "INVALID_SIGNATURE"
	GatewayMissingAuthenticationToken   GatewayResponseType = "MISSING_AUTHENTICATION_TOKEN"
	GatewayQuotaExceeded                GatewayResponseType = "QUOTA_EXCEEDED"
	GatewayRequestTooLarge              GatewayResponseType = "REQUEST_TOO_LARGE"
	GatewayResourceNotFound             GatewayResponseType = "RESOURCE_NOT_FOUND"
	GatewayThrottled                    GatewayResponseType = "THROTTLED"
	GatewayUnauthorized                 GatewayResponseType = "UNAUTHORIZED"
	GatewayUnsupportedMediaType         GatewayResponseType = "UNSUPPORTED_MEDIA_TYPE"
	GatewayWAFFiltered                  GatewayResponseType = "WAF_FILTERED"
)

// GatewayResponseTypes lists every gateway response type, sorted by name as
// GetGatewayResponses lists them.
var GatewayResponseTypes = []GatewayResponseType{
	GatewayAccessDenied, GatewayAPIConfigurationError, GatewayAuthorizerConfigurationError,
	GatewayAuthorizerFailure, GatewayBadRequestBody, GatewayBadRequestParameters,
	GatewayDefault4XX, GatewayDefault5XX, GatewayExpiredToken, GatewayIntegrationFailure,
	GatewayIntegrationTimeout, GatewayInvalidAPIKey, GatewayInvalidSignature,
	GatewayMissingAuthenticationToken, GatewayQuotaExceeded, GatewayRequestTooLarge,
	GatewayResourceNotFound, GatewayThrottled, GatewayUnauthorized,
	GatewayUnsupportedMediaType, GatewayWAFFiltered,
}

// defaultGatewayStatus is the status code of each type's default response,
// as GetGatewayResponses returns it on a new API (vector
// gateway-responses-defaults). DEFAULT_4XX and DEFAULT_5XX have none.
var defaultGatewayStatus = map[GatewayResponseType]string{
	GatewayAccessDenied:                 "403",
	GatewayAPIConfigurationError:        "500",
	GatewayAuthorizerConfigurationError: "500",
	GatewayAuthorizerFailure:            "500",
	GatewayBadRequestBody:               "400",
	GatewayBadRequestParameters:         "400",
	GatewayExpiredToken:                 "403",
	GatewayIntegrationFailure:           "504",
	GatewayIntegrationTimeout:           "504",
	GatewayInvalidAPIKey:                "403",
	GatewayInvalidSignature:             "403",
	GatewayMissingAuthenticationToken:   "403",
	GatewayQuotaExceeded:                "429",
	GatewayRequestTooLarge:              "413",
	GatewayResourceNotFound:             "404",
	GatewayThrottled:                    "429",
	GatewayUnauthorized:                 "401",
	GatewayUnsupportedMediaType:         "415",
	GatewayWAFFiltered:                  "403",
}

// DefaultGatewayTemplate is the application/json template of every default
// gateway response. $context.error.messageString is already a quoted JSON
// string.
const DefaultGatewayTemplate = `{"message":$context.error.messageString}`

// Valid reports whether t is one of the gateway response types.
func (t GatewayResponseType) Valid() bool { return oneOf(t, GatewayResponseTypes) }

// DefaultStatus is the status code of t's default response, "" for
// DEFAULT_4XX and DEFAULT_5XX.
func (t GatewayResponseType) DefaultStatus() string { return defaultGatewayStatus[t] }

// Parent is the DEFAULT_4XX or DEFAULT_5XX type whose customisation applies
// to t when t itself is not customised, or "" for those two and unknown
// types.
func (t GatewayResponseType) Parent() GatewayResponseType {
	switch s := t.DefaultStatus(); {
	case s == "":
		return ""
	case s[0] == '4':
		return GatewayDefault4XX
	default:
		return GatewayDefault5XX
	}
}

// GatewayResponse customises, or is the default of, one gateway response
// type. An empty StatusCode means "the type's own status".
type GatewayResponse struct {
	Src                Source
	ResponseType       GatewayResponseType
	StatusCode         string
	ResponseParameters StringMap // gatewayresponse.header.X -> 'static' | method.request.* | stageVariables.* | context.*
	ResponseTemplates  StringMap // content type -> VTL template
	DefaultResponse    bool      // true for AWS's built-in response of a type
}

// DefaultGatewayResponse returns AWS's built-in response for t.
func DefaultGatewayResponse(t GatewayResponseType) GatewayResponse {
	return GatewayResponse{
		ResponseType:       t,
		StatusCode:         t.DefaultStatus(),
		ResponseParameters: StringMap{},
		ResponseTemplates:  StringMap{{Key: "application/json", Value: DefaultGatewayTemplate}},
		DefaultResponse:    true,
	}
}
