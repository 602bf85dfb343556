package plan

// GatewayResponse is the resolved response of one gateway response type.
type GatewayResponse struct {
	// Type is the gateway response type, e.g. "MISSING_AUTHENTICATION_TOKEN".
	Type string
	// Status is the HTTP status.
	Status int
	// Parameters map gatewayresponse.header.* headers.
	Parameters []Mapping
	// Templates are the body templates; AWS renders them with simple
	// variable substitution, which the Velocity engine reproduces.
	Templates Templates
	// Default is set when neither the type nor its DEFAULT_4XX/DEFAULT_5XX
	// parent is customised: AWS's built-in response.
	Default bool
}

// ErrorType returns the x-amzn-ErrorType header API Gateway sends with a
// gateway response of type t. The recorded values are
// MissingAuthenticationTokenException (403) and InternalServerErrorException
// (500); the others follow the names AWS's documentation and SDK error codes
// use for the same conditions.
func ErrorType(t string) string {
	switch t {
	case "MISSING_AUTHENTICATION_TOKEN":
		return "MissingAuthenticationTokenException"
	case "ACCESS_DENIED":
		return "AccessDeniedException"
	case "UNAUTHORIZED":
		return "UnauthorizedException"
	case "INVALID_API_KEY", "WAF_FILTERED", "EXPIRED_TOKEN", "INVALID_SIGNATURE":
		return "ForbiddenException"
	case "BAD_REQUEST_PARAMETERS", "BAD_REQUEST_BODY", "DEFAULT_4XX":
		return "BadRequestException"
	case "THROTTLED":
		return "TooManyRequestsException"
	case "QUOTA_EXCEEDED":
		return "LimitExceededException"
	case "REQUEST_TOO_LARGE":
		return "RequestEntityTooLargeException"
	case "RESOURCE_NOT_FOUND":
		return "NotFoundException"
	case "UNSUPPORTED_MEDIA_TYPE":
		return "UnsupportedMediaTypeException"
	}
	return "InternalServerErrorException"
}
