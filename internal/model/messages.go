package model

import (
	"fmt"
	"regexp"
)

// AWS's messages for definition errors. Those marked "recorded" come from
// the control_plane conformance vectors; the others are AWS's wording as
// seen in AWS-validated tests of other emulators or in AWS error reports,
// and the few marked "not recorded" are Archway's best rendering of a rule
// AWS documents without a known message.
const (
	// recorded (control-put-integration-required-integration-method-*)
	msgEmptyHTTPMethod = "Enumeration value for HttpMethod must be non-empty"
	// recorded (control-put-integration-invalid-uri-not-an-arn, control-aws-proxy-uri-wrong-arn)
	msgInvalidARN = "Invalid ARN specified in the request"
	// recorded (control-put-integration-invalid-uri-invalid-arn, control-aws-proxy-uri-lambda-uri)
	msgARNPathOrAction = "AWS ARN for integration must contain path or action"
	// recorded (control-put-integration-no-s3-support-AWS_PROXY, control-aws-proxy-uri-bad-lambda-arn)
	msgAWSProxyTarget = "Integrations of type 'AWS_PROXY' currently only supports " +
		"Lambda function and Firehose stream invocations."

	msgInvalidHTTPEndpoint = "Invalid HTTP endpoint specified for URI"
	msgTimeout             = "Timeout should be between 50 ms and 29000 ms"
	msgInvalidHTTPMethod   = "Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY"
	msgPassthrough         = "Invalid passthrough behavior specified"
	msgVPCLinkConnection   = "ConnectionId must be set to vpcLinkId for ConnectionType VPC_LINK"
	msgSelectionPattern    = "Invalid selection pattern specified"
	msgDuplicateParamNames = "Parameter names must be unique across querystring, header and path"
	msgAuthorizerRequired  = "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or " +
		"COGNITO_USER_POOLS requires a valid authorizer."
	msgUnknownValidator = "Invalid Request Validator identifier specified"
	msgUnknownResource  = "Invalid Resource identifier specified"
	msgMethodExists     = "Method already exists for this resource"
	msgResponseExists   = "Response already exists for this resource"
	msgPathPart         = "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning " +
		"and the end and an optional plus sign before the closing brace."
	msgVariableSibling = "A sibling (%s) of this resource already has a variable path part -- only one is allowed"
	msgGreedyParent    = "Cannot create a child of a resource with a greedy path variable: %s"
	msgSameName        = "Another resource with the same parent already has this name: %s"
	msgUnknownModel    = "Invalid model identifier specified: %s"
	msgModelNameEmpty  = "Model name must be non-empty"
	msgModelNameAlnum  = "Model name must be alphanumeric: %s"
	msgModelExists     = "Model name already exists for this REST API"
	msgModelSchema     = "Model schema must have at least 1 property or array items defined"
	msgValidatorName   = "Request Validator name cannot be blank"
	msgCompression     = "Invalid minimum compression size, must be between 0 and 10485760"
	msgNoMethods       = "The REST API doesn't contain any methods"
	msgNoIntegration   = "No integration defined for method"

	// not recorded
	msgAuthorizationType = "Invalid authorization type specified. Valid values are NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS"
	msgTemplateTooLarge  = "Mapping template for content type %s exceeds the maximum size of 300 KB"
	msgStageName         = "Stage name only allows a-zA-Z0-9_-"
	msgStageVarName      = "Stage variable names can only contain alphanumeric characters and underscores: %s"
	msgStageVarValue     = "Stage variable value of %s can only contain alphanumeric characters and -._~:/?#&=,"
	msgCanaryPercent     = "Canary traffic percentage must be between 0.0 and 100.0"
	msgGatewayDuplicate  = "Gateway response of type %s is defined more than once"
)

// msgEnum is AWS's request-validation message for a value outside an enum.
func msgEnum(value, member string, allowed string) string {
	return fmt.Sprintf("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: "+
		"Member must satisfy enum value set: [%s]", value, member, allowed)
}

// msgNull is AWS's request-validation message for a missing required member.
func msgNull(member string) string {
	return fmt.Sprintf("1 validation error detected: Value null at '%s' failed to satisfy constraint: "+
		"Member must not be null", member)
}

// statusCodePattern is the pattern of AWS's StatusCode shape.
var statusCodePattern = regexp.MustCompile(`^[1-5]\d\d$`)

// msgStatusCode is AWS's request-validation message for a status code that
// does not match the StatusCode shape.
func msgStatusCode(value, member string) string {
	return fmt.Sprintf("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: "+
		`Member must satisfy regular expression pattern: [1-5]\d\d`, value, member)
}

// msgMapping wraps a mapping expression problem the way AWS reports it.
func msgMapping(problem string) string {
	return "Invalid mapping expression specified: Validation Result: warnings : [], errors : [" + problem + "]"
}

// msgBadExpression reports a mapping key or value AWS does not understand.
func msgBadExpression(expr string) string {
	return msgMapping("Invalid mapping expression specified: " + expr)
}

// msgBadParameter reports a mapping that names an undeclared parameter.
func msgBadParameter(expr string) string {
	return msgMapping("Invalid mapping expression parameter specified: " + expr)
}
