package cloudformation

import "slices"

// knownProperties lists, per resource type and for Method Integration,
// the properties Archway reads or that do not change how requests are
// served; any other property is reported as a warning.
var knownProperties = map[string][]string{
	typeRestAPI: {"Name", "Description", "Body", "BodyS3Location", "BinaryMediaTypes", "ApiKeySourceType",
		"MinimumCompressionSize", "DisableExecuteApiEndpoint", "EndpointConfiguration", "Tags", "FailOnWarnings", "Parameters"},
	samAPI: {"Name", "Description", "DefinitionBody", "DefinitionUri", "BinaryMediaTypes", "ApiKeySourceType",
		"MinimumCompressionSize", "DisableExecuteApiEndpoint", "EndpointConfiguration", "Tags", "StageName", "Variables",
		"OpenApiVersion", "FailOnWarnings", "TracingEnabled"},
	typeMethod: {"RestApiId", "ResourceId", "HttpMethod", "AuthorizationType", "AuthorizerId", "AuthorizationScopes",
		"ApiKeyRequired", "OperationName", "RequestParameters", "RequestModels", "RequestValidatorId", "MethodResponses", "Integration"},
	"Integration": {"Type", "Uri", "IntegrationHttpMethod", "ConnectionType", "ConnectionId", "Credentials",
		"PassthroughBehavior", "ContentHandling", "TimeoutInMillis", "CacheNamespace", "CacheKeyParameters",
		"RequestParameters", "RequestTemplates", "IntegrationResponses", "TlsConfig"},
}

// warnUnknown reports the properties of o that Archway does not read.
func (o obj) warnUnknown(kind string) {
	known := knownProperties[kind]
	for _, p := range pairs(o.v.n) {
		if !slices.Contains(known, p[0].Value) {
			o.t.warn(o.v.child(p[0].Value, p[1]), "%s property %s is not honoured yet", kind, p[0].Value)
		}
	}
}
