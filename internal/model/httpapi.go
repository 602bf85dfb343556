package model

// HttpApi is one API of API Gateway version 2 (apigatewayv2): an HTTP API
// or a WebSocket API, with its integrations, routes and stages, mirroring
// the shapes of CreateApi, CreateIntegration, CreateRoute and CreateStage.
// Members are keyed in Src by their apigatewayv2 member names
// ("protocolType", "routeSelectionExpression").
type HttpApi struct {
	Src          Source
	ID           string
	Name         string
	ProtocolType ProtocolType
	Description  string
	Version      string
	// RouteSelectionExpression chooses a route: for HTTP APIs always
	// "$request.method $request.path", for WebSocket APIs an expression
	// over the message ("$request.body.action").
	RouteSelectionExpression string
	// APIKeySelectionExpression tells where a WebSocket API finds the API
	// key ("$request.header.x-api-key" by default).
	APIKeySelectionExpression string
	// DisableExecuteAPIEndpoint turns the default execute-api endpoint off.
	DisableExecuteAPIEndpoint bool
	// CorsConfiguration is the CORS API Gateway answers with (HTTP APIs
	// only); nil when not configured.
	CorsConfiguration *CorsConfiguration
	Integrations      []*HttpIntegration
	Routes            []*HttpRoute
	Stages            []HttpStage
}

// ProtocolType is the protocol of an apigatewayv2 API.
type ProtocolType string

// The protocol types.
const (
	ProtocolHTTP      ProtocolType = "HTTP"
	ProtocolWebSocket ProtocolType = "WEBSOCKET"
)

// ProtocolTypes lists the protocol types.
var ProtocolTypes = []ProtocolType{ProtocolHTTP, ProtocolWebSocket}

// Valid reports whether p is one of the protocol types.
func (p ProtocolType) Valid() bool { return oneOf(p, ProtocolTypes) }

// ParseProtocolType returns the protocol type named s in any case, or s
// unchanged when it names none.
func ParseProtocolType(s string) ProtocolType { return parseEnum(s, ProtocolTypes) }

// CorsConfiguration is the cross-origin resource sharing of an HTTP API.
type CorsConfiguration struct {
	Src              Source
	AllowCredentials bool
	AllowHeaders     []string
	AllowMethods     []string
	AllowOrigins     []string
	ExposeHeaders    []string
	// MaxAge is how long, in seconds, browsers cache a preflight answer;
	// nil when not set.
	MaxAge *int
}

// HttpIntegration is the backend of apigatewayv2 routes: every member of
// CreateIntegration (AWS::ApiGatewayV2::Integration,
// aws_apigatewayv2_integration, awscc_apigatewayv2_integration).
type HttpIntegration struct {
	Src  Source
	ID   string
	Type IntegrationType
	// Subtype is the AWS service action of an HTTP API AWS_PROXY
	// integration ("SQS-SendMessage"); "" for Lambda.
	Subtype string
	// Method is the method of the backend request (integrationMethod).
	Method string
	// URI is a Lambda function ARN or invocation URI, an http(s) URL, or,
	// for a private integration, a load balancer listener or Cloud Map
	// service ARN.
	URI            string
	ConnectionType ConnectionType // INTERNET by default, or VPC_LINK
	ConnectionID   string         // the VPC link id when ConnectionType is VPC_LINK
	// CredentialsARN is the IAM role API Gateway assumes, or
	// arn:aws:iam::*:user/* to pass the caller's identity through.
	CredentialsARN string
	Description    string
	// PayloadFormatVersion is the Lambda event format, "1.0" or "2.0"
	// (Lambda proxy integrations of HTTP APIs only).
	PayloadFormatVersion string
	// TimeoutInMillis is 50 to 30,000 for HTTP APIs and 50 to 29,000 for
	// WebSocket APIs; 0 means not set.
	TimeoutInMillis int
	// RequestParameters map what is sent to the backend:
	// "append|overwrite|remove:header|querystring.NAME" or "overwrite:path"
	// to a value ("$request.header.x", "static") for HTTP APIs, the
	// parameters of the AWS service action with a Subtype, or
	// integration.request.* to route.request.* for WebSocket APIs.
	RequestParameters StringMap
	// ResponseParameters transform the backend's answer, per status code
	// (HTTP APIs only).
	ResponseParameters []StatusMappings
	// TLSConfig sets the server name checked on a private integration's
	// certificate (HTTP APIs only); nil when not set.
	TLSConfig *TLSConfig

	// The members below exist on WebSocket APIs only.

	PassthroughBehavior         PassthroughBehavior
	ContentHandlingStrategy     ContentHandling
	TemplateSelectionExpression string
	RequestTemplates            StringMap
}

// HttpRoute sends the requests (or WebSocket messages) whose route key
// matches to a target: every member of CreateRoute.
type HttpRoute struct {
	Src Source
	ID  string
	// RouteKey is "$default" or "METHOD /path" for HTTP APIs ("GET
	// /pets/{id}", "ANY /{proxy+}"), and the value of the route selection
	// expression for WebSocket APIs ("$connect", "sendmessage").
	RouteKey string
	// Target is "integrations/INTEGRATION_ID", or "" for a route without
	// integration.
	Target              string
	AuthorizationType   AuthorizationType // NONE by default
	AuthorizerID        string
	AuthorizationScopes []string
	APIKeyRequired      bool
	OperationName       string

	// The members below exist on WebSocket APIs only.

	ModelSelectionExpression         string
	RouteResponseSelectionExpression string
	RequestModels                    StringMap
	RequestParameters                map[string]bool
}

// HttpStage is a named stage of an apigatewayv2 API.
type HttpStage struct {
	Src          Source
	Name         string // "$default" serves at the root of an HTTP API
	Description  string
	DeploymentID string
	// AutoDeploy deploys every change of the API to the stage at once.
	AutoDeploy bool
	// StageVariables are read as ${stageVariables.NAME}.
	StageVariables StringMap
}

// AuthJWT authorizes HTTP API routes with JSON Web Tokens.
const AuthJWT AuthorizationType = "JWT"

// The route authorization types each protocol accepts.
var (
	HTTPRouteAuthorizationTypes      = []AuthorizationType{AuthNone, AuthJWT, AuthIAM, AuthCustom}
	WebSocketRouteAuthorizationTypes = []AuthorizationType{AuthNone, AuthIAM, AuthCustom}
)

// DefaultRouteKey is the route key of the catch-all route, and
// DefaultStageName the name of the stage served at the root of an HTTP API.
const (
	DefaultRouteKey  = "$default"
	DefaultStageName = "$default"
)

// HTTPRouteSelectionExpression is the one route selection expression of HTTP
// APIs, as AWS returns it.
const HTTPRouteSelectionExpression = "$request.method $request.path"

// DefaultAPIKeySelectionExpression is the API key selection expression AWS
// sets when none is given.
const DefaultAPIKeySelectionExpression = "$request.header.x-api-key"

// The integration timeouts of apigatewayv2 APIs: the default is also the
// largest accepted.
const (
	DefaultHTTPAPITimeoutInMillis      = 30000
	DefaultWebSocketAPITimeoutInMillis = 29000
)

// Integration returns the integration with the given id, or nil.
func (a *HttpApi) Integration(id string) *HttpIntegration {
	for _, in := range a.Integrations {
		if in.ID == id {
			return in
		}
	}
	return nil
}

// Route returns the route with the given route key, or nil.
func (a *HttpApi) Route(key string) *HttpRoute {
	for _, r := range a.Routes {
		if r.RouteKey == key {
			return r
		}
	}
	return nil
}

// Stage returns the stage with the given name, or nil.
func (a *HttpApi) Stage(name string) *HttpStage {
	for i := range a.Stages {
		if a.Stages[i].Name == name {
			return &a.Stages[i]
		}
	}
	return nil
}

// ApplyDefaults fills in what CreateApi, CreateIntegration and CreateRoute
// fill in: the route selection expression of HTTP APIs, the API key
// selection expression, connection type INTERNET, the protocol's largest
// timeout, payload format 1.0 and passthrough WHEN_NO_MATCH for WebSocket
// integrations, and authorization type NONE. An HTTP API integration gets
// no payload format version: AWS requires one.
func (a *HttpApi) ApplyDefaults() {
	if a.RouteSelectionExpression == "" && a.ProtocolType == ProtocolHTTP {
		a.RouteSelectionExpression = HTTPRouteSelectionExpression
	}
	if a.APIKeySelectionExpression == "" {
		a.APIKeySelectionExpression = DefaultAPIKeySelectionExpression
	}
	for _, in := range a.Integrations {
		if in.ConnectionType == "" {
			in.ConnectionType = ConnectionInternet
		}
		switch a.ProtocolType {
		case ProtocolHTTP:
			if in.TimeoutInMillis == 0 {
				in.TimeoutInMillis = DefaultHTTPAPITimeoutInMillis
			}
		case ProtocolWebSocket:
			if in.TimeoutInMillis == 0 {
				in.TimeoutInMillis = DefaultWebSocketAPITimeoutInMillis
			}
			if in.PayloadFormatVersion == "" {
				in.PayloadFormatVersion = "1.0"
			}
			if in.PassthroughBehavior == "" {
				in.PassthroughBehavior = PassthroughWhenNoMatch
			}
		}
	}
	for _, r := range a.Routes {
		if r.AuthorizationType == "" {
			r.AuthorizationType = AuthNone
		}
	}
}
