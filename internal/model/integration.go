package model

// Integration is the backend a method calls and how requests and responses
// are transformed on the way: every member of AWS's Integration resource
// (PutIntegration, x-amazon-apigateway-integration, AWS::ApiGateway::Method
// Integration, aws_api_gateway_integration).
type Integration struct {
	Src  Source
	Type IntegrationType
	// HTTPMethod is the method of the backend request (integrationHttpMethod),
	// required for every type but MOCK; Lambda functions need POST.
	HTTPMethod string
	// URI is the endpoint URL for HTTP and HTTP_PROXY, or an ARN
	// arn:aws:apigateway:{region}:{subdomain.service|service}:{path|action}/{service_api}
	// for AWS and AWS_PROXY. MOCK has none. It may reference
	// ${stageVariables.NAME} and, for HTTP types, {path} parameters.
	URI            string
	ConnectionType ConnectionType // INTERNET (default for HTTP types) or VPC_LINK
	ConnectionID   string         // the VpcLink id when ConnectionType is VPC_LINK
	// Credentials is the IAM role ARN API Gateway assumes, or
	// arn:aws:iam::*:user/* to pass the caller's identity through.
	Credentials string
	// RequestParameters maps integration.request.{path|querystring|header|multivaluequerystring|multivalueheader}.NAME
	// to a source: method.request.*, 'static value', context.*,
	// stageVariables.* or method.request.body[.JSONPath].
	RequestParameters StringMap
	// RequestTemplates maps a content type to a Velocity template.
	RequestTemplates    StringMap
	PassthroughBehavior PassthroughBehavior // WHEN_NO_MATCH by default
	ContentHandling     ContentHandling     // request payload conversion; "" passes through
	// TimeoutInMillis is 50 to 29,000; 0 means not set (29,000 once
	// defaults are applied).
	TimeoutInMillis int
	// CacheNamespace groups cached parameters; AWS defaults it to the id of
	// the method's resource.
	CacheNamespace string
	// CacheKeyParameters are method request parameters whose values key the
	// cache.
	CacheKeyParameters []string
	// TLSConfig tunes TLS to the backend; nil when not set.
	TLSConfig *TLSConfig
	// IntegrationResponses in creation order: when several selection
	// patterns match, the one created first wins.
	IntegrationResponses []IntegrationResponse

	// The members below exist on HTTP API (apigatewayv2) integrations only;
	// they are kept so that nothing a definition says is lost.

	Description                 string
	IntegrationSubtype          string
	PayloadFormatVersion        string
	TemplateSelectionExpression string
	// HTTPAPIResponseParameters maps a backend status code to header and
	// status mappings (HTTP APIs' responseParameters).
	HTTPAPIResponseParameters []StatusMappings
}

// TLSConfig tunes the TLS connection to an HTTP backend.
type TLSConfig struct {
	Src Source
	// InsecureSkipVerification accepts a certificate that is not issued by
	// a supported authority (REST APIs).
	InsecureSkipVerification bool
	// ServerNameToVerify is the host name checked against the certificate
	// and sent as SNI (HTTP API private integrations).
	ServerNameToVerify string
}

// StatusMappings is a set of mappings applied to backend responses with one
// status code (HTTP APIs).
type StatusMappings struct {
	StatusCode string
	Mappings   StringMap
}

// IntegrationResponse maps a backend response to a method response.
type IntegrationResponse struct {
	Src Source
	// StatusCode is the method response status this response produces.
	StatusCode string
	// SelectionPattern is the Java regular expression matched against the
	// backend status code (HTTP) or the Lambda errorMessage; "" marks the
	// default response.
	SelectionPattern string
	// ResponseParameters maps method.response.header.NAME to
	// integration.response.header.*, integration.response.body[.JSONPath],
	// 'static value', context.* or stageVariables.*.
	ResponseParameters StringMap
	// ResponseTemplates maps a content type to a Velocity template.
	ResponseTemplates StringMap
	ContentHandling   ContentHandling // response payload conversion
}

// IsDefault reports whether r is the default integration response, chosen
// when no selection pattern matches.
func (r *IntegrationResponse) IsDefault() bool { return r.SelectionPattern == "" }

// IntegrationResponse returns the integration response with the given
// status code, or nil.
func (in *Integration) IntegrationResponse(statusCode string) *IntegrationResponse {
	for i := range in.IntegrationResponses {
		if in.IntegrationResponses[i].StatusCode == statusCode {
			return &in.IntegrationResponses[i]
		}
	}
	return nil
}

// PutIntegrationResponse adds r, or replaces the integration response with
// the same status code where it stands, as PutIntegrationResponse does (AWS
// keys integration responses by status code). It reports whether an
// existing response was replaced.
func (in *Integration) PutIntegrationResponse(r IntegrationResponse) bool {
	for i := range in.IntegrationResponses {
		if in.IntegrationResponses[i].StatusCode == r.StatusCode {
			in.IntegrationResponses[i] = r
			return true
		}
	}
	in.IntegrationResponses = append(in.IntegrationResponses, r)
	return false
}
