package model

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// AWS's messages for apigatewayv2 definition errors. The first two are
// AWS's answers as reported by users (aws/aws-cli#6363 for CreateIntegration,
// goldstack/goldstack#42 for CreateRoute); the others are not recorded and
// are Archway's rendering of the rules the apigatewayv2 API reference and
// the AWS::ApiGatewayV2 resource documentation state.
const (
	msgHTTPAPIProxyOnly = "Currently, an API with a protocol type of HTTP may only be associated with proxy " +
		"integrations (AWS_PROXY, HTTP_PROXY)"
	msgRouteKeyRequired = "Route key is required"

	msgAPINameRequired        = "Name is required"
	msgProtocolTypeRequired   = "ProtocolType is required: HTTP or WEBSOCKET"
	msgHTTPRouteSelection     = "For HTTP APIs the route selection expression must be $request.method $request.path"
	msgWebSocketRouteSelect   = "RouteSelectionExpression is required for WebSocket APIs"
	msgCorsMaxAge             = "CORS maxAge must be between -1 and 86400 seconds"
	msgIntegrationTypeMissing = "IntegrationType is required: one of AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK"
	msgPayloadRequired        = "PayloadFormatVersion is required for integrations of HTTP APIs: 1.0 or 2.0"
	msgPayloadVersion         = "Invalid payload format version %s: supported values are 1.0 and 2.0"
	msgPayloadV2Lambda        = "Payload format version 2.0 is supported only for Lambda proxy integrations " +
		"(AWS_PROXY without integration subtype); use 1.0"
	msgPayloadWebSocket     = "WebSocket APIs support payload format version 1.0 only"
	msgHTTPAPITimeout       = "Timeout should be between 50 ms and 30000 ms"
	msgSubtypeProxyOnly     = "An integration subtype is supported only for AWS_PROXY integrations"
	msgIntegrationURI       = "IntegrationUri is required for %s integrations"
	msgLambdaURI            = "Invalid integration URI specified: a Lambda proxy integration takes a Lambda function ARN or invocation URI"
	msgPrivateURI           = "Invalid integration URI specified: a private integration (VPC_LINK) takes a load balancer listener or Cloud Map service ARN"
	msgIntegrationMethod    = "IntegrationMethod is required for %s integrations"
	msgLambdaMethod         = "Lambda integrations of WebSocket APIs take integration method POST"
	msgIntegrationMethodBad = "Invalid integration method specified: %s. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY"
	msgHTTPParameterKey     = "Invalid parameter mapping %s: HTTP APIs map append|overwrite|remove:header.NAME, " +
		"append|overwrite|remove:querystring.NAME or overwrite:path"
	msgWebSocketParameterKey = "Invalid mapping expression specified: %s; WebSocket APIs map integration.request.header|querystring|path.NAME"
	msgResponseStatus        = "Invalid status code %s: response parameters are keyed by a status code between 200 and 599"
	msgResponseParameterKey  = "Invalid parameter mapping %s: responses map append|overwrite|remove:header.NAME or overwrite:statuscode"
	msgRouteKey              = "Invalid route key %s: HTTP API route keys are $default or METHOD /path, METHOD one of " +
		"GET, PUT, POST, DELETE, PATCH, OPTIONS, HEAD, ANY"
	msgRouteGreedy       = "Invalid route key %s: a greedy path variable ({name+}) must be the last segment of the path"
	msgRouteExists       = "Route with key %s already exists for this API"
	msgRouteTarget       = "Invalid target %s: a route target is integrations/INTEGRATION_ID"
	msgRouteIntegration  = "Invalid target %s: the API has no integration %s"
	msgRouteNoTarget     = "route %s has no target (integrations/INTEGRATION_ID): API Gateway has nothing to call for it"
	msgRouteAuthorizer   = "Invalid authorizer ID specified. Setting the authorization type to %s requires a valid authorizer."
	msgRouteAuthType     = "Invalid authorization type %s: %s APIs accept %s"
	msgStageExists       = "Stage %s already exists for this API"
	msgDefaultStageOnly  = "The $default stage is supported only for HTTP APIs"
	msgStageNameV2       = "Stage name only allows a-zA-Z0-9_- (or $default for HTTP APIs)"
	msgStageNameRequired = "Stage name is required"
)

// msgProtocolOnly reports a member given for the protocol that does not
// have it.
func msgProtocolOnly(member string, p ProtocolType) string {
	if p == ProtocolHTTP {
		return member + " is supported only for WebSocket APIs"
	}
	return member + " is supported only for HTTP APIs"
}

// msgEnumV2 reports a value outside an apigatewayv2 enum.
func msgEnumV2(member, value string, allowed string) string {
	return fmt.Sprintf("Invalid %s specified: %s. Valid values are %s", member, value, allowed)
}

// Validate checks the API, its integrations, routes and stages against the
// rules apigatewayv2 applies (CreateApi, CreateIntegration, CreateRoute,
// CreateStage), returning every error together (an Errors) and warnings for
// what AWS accepts but does not do what the author may expect. Validate
// expects defaults to be applied first (ApplyDefaults).
func (a *HttpApi) Validate() ([]Warning, error) {
	c := &checker{}
	a.check(c)
	return c.warns, c.errs.Err()
}

func (a *HttpApi) check(c *checker) {
	if a.Name == "" {
		c.fail(a.Src.Field("name"), msgAPINameRequired)
	}
	// The rest depends on the protocol.
	switch {
	case a.ProtocolType == "":
		c.fail(a.Src.Field("protocolType"), msgProtocolTypeRequired)
		return
	case !a.ProtocolType.Valid():
		c.fail(a.Src.Field("protocolType"), msgEnumV2("protocol type", string(a.ProtocolType), enumList(ProtocolTypes)))
		return
	}
	switch a.ProtocolType {
	case ProtocolHTTP:
		if e := a.RouteSelectionExpression; e != HTTPRouteSelectionExpression && e != "${request.method} ${request.path}" {
			c.fail(a.Src.Field("routeSelectionExpression"), msgHTTPRouteSelection)
		}
	case ProtocolWebSocket:
		if a.RouteSelectionExpression == "" {
			c.fail(a.Src.Field("routeSelectionExpression"), msgWebSocketRouteSelect)
		}
	}
	if cors := a.CorsConfiguration; cors != nil {
		if a.ProtocolType != ProtocolHTTP {
			c.fail(a.Src.Field("corsConfiguration"), msgProtocolOnly("corsConfiguration", ProtocolWebSocket))
		}
		if m := cors.MaxAge; m != nil && (*m < -1 || *m > 86400) {
			c.fail(cors.Src.Field("maxAge"), msgCorsMaxAge)
		}
	}
	for _, in := range a.Integrations {
		in.check(c, a.ProtocolType)
	}
	a.checkRoutes(c)
	a.checkStages(c)
}

// check applies CreateIntegration's rules for an API of protocol p.
func (in *HttpIntegration) check(c *checker, p ProtocolType) {
	switch {
	case in.Type == "":
		c.fail(in.Src.Field("integrationType"), msgIntegrationTypeMissing)
		return
	case !in.Type.Valid():
		c.fail(in.Src.Field("integrationType"), msgEnumV2("integration type", string(in.Type), "AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK"))
		return
	case p == ProtocolHTTP && !in.Type.IsProxy():
		c.fail(in.Src.Field("integrationType"), msgHTTPAPIProxyOnly)
		return
	}
	in.checkPayloadFormat(c, p)
	if in.TimeoutInMillis != 0 {
		switch {
		case p == ProtocolHTTP && (in.TimeoutInMillis < MinTimeoutInMillis || in.TimeoutInMillis > DefaultHTTPAPITimeoutInMillis):
			c.fail(in.Src.Field("timeoutInMillis"), msgHTTPAPITimeout)
		case p == ProtocolWebSocket && (in.TimeoutInMillis < MinTimeoutInMillis || in.TimeoutInMillis > DefaultWebSocketAPITimeoutInMillis):
			c.fail(in.Src.Field("timeoutInMillis"), msgTimeout)
		}
	}
	if !in.ConnectionType.Valid() {
		c.fail(in.Src.Field("connectionType"), msgEnumV2("connection type", string(in.ConnectionType), enumList(ConnectionTypes)))
	}
	if in.ConnectionType == ConnectionVPCLink && in.ConnectionID == "" {
		c.fail(in.Src.Field("connectionId"), msgVPCLinkConnection)
	}
	if in.CredentialsARN != "" && !isARN(in.CredentialsARN) {
		c.fail(in.Src.Field("credentialsArn"), msgInvalidARN)
	}
	if in.Subtype != "" && in.Type != IntegrationAWSProxy {
		c.fail(in.Src.Field("integrationSubtype"), msgSubtypeProxyOnly)
	}
	in.checkTarget(c, p)
	if p == ProtocolHTTP {
		in.checkForHTTPAPI(c)
	} else {
		in.checkForWebSocketAPI(c)
	}
}

func (in *HttpIntegration) checkPayloadFormat(c *checker, p ProtocolType) {
	l := in.Src.Field("payloadFormatVersion")
	switch v := in.PayloadFormatVersion; {
	case v == "" && p == ProtocolHTTP:
		c.fail(l, msgPayloadRequired)
	case v != "1.0" && v != "2.0" && v != "":
		c.fail(l, fmt.Sprintf(msgPayloadVersion, v))
	case v == "2.0" && p == ProtocolWebSocket:
		c.fail(l, msgPayloadWebSocket)
	case v == "2.0" && (in.Type != IntegrationAWSProxy || in.Subtype != ""):
		c.fail(l, msgPayloadV2Lambda)
	}
}

// checkTarget checks the integration URI and method the integration type
// needs.
func (in *HttpIntegration) checkTarget(c *checker, p ProtocolType) {
	uri, method := in.Src.Field("integrationUri"), in.Src.Field("integrationMethod")
	lambda := in.Type == IntegrationAWSProxy && in.Subtype == ""
	switch {
	case in.Type == IntegrationMock:
	case lambda || in.Type.IsHTTP() || in.Type == IntegrationAWS:
		if in.URI == "" {
			c.fail(uri, fmt.Sprintf(msgIntegrationURI, in.Type))
			break
		}
		switch {
		case stageVariableRef.MatchString(in.URI):
			// Resolved per request; checked when called.
		case in.Type.IsHTTP() && in.ConnectionType == ConnectionVPCLink && p == ProtocolHTTP:
			if !isARN(in.URI) {
				c.fail(uri, msgPrivateURI)
			}
		case in.Type.IsHTTP():
			if !validHTTPEndpoint(in.URI) {
				c.fail(uri, msgInvalidHTTPEndpoint)
			}
		case lambda && p == ProtocolHTTP:
			if !isLambdaFunctionARN(in.URI) && checkIntegrationARN(IntegrationAWSProxy, in.URI) != "" {
				c.fail(uri, msgLambdaURI)
			}
		default:
			if msg := checkIntegrationARN(in.Type, in.URI); msg != "" {
				c.fail(uri, msg)
			}
		}
	}
	switch {
	case in.Method != "" && !slices.Contains(HTTPMethods, in.Method):
		c.fail(method, fmt.Sprintf(msgIntegrationMethodBad, in.Method))
	case in.Method == "" && (in.Type.IsHTTP() || p == ProtocolWebSocket && in.Type != IntegrationMock):
		c.fail(method, fmt.Sprintf(msgIntegrationMethod, in.Type))
	case p == ProtocolWebSocket && in.Type.IsAWS() && strings.Contains(in.URI, ":lambda:path/") && in.Method != "POST":
		c.fail(method, msgLambdaMethod)
	}
}

// lambdaFunctionARN matches a Lambda function ARN, optionally qualified by
// a version or alias, which HTTP APIs accept as an integration URI.
var lambdaFunctionARN = regexp.MustCompile(`^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$`)

func isLambdaFunctionARN(s string) bool { return lambdaFunctionARN.MatchString(s) }

var (
	httpParameterKey      = regexp.MustCompile(`^(?:(?:append|overwrite|remove):(?:header|querystring)\.\S+|overwrite:path)$`)
	responseParameterKey  = regexp.MustCompile(`^(?:(?:append|overwrite|remove):header\.\S+|overwrite:statuscode)$`)
	webSocketParameterKey = regexp.MustCompile(`^integration\.request\.(?:header|querystring|path)\.\S+$`)
	responseStatusCode    = regexp.MustCompile(`^[2-5]\d\d$`)
)

// checkForHTTPAPI rejects the members of WebSocket APIs and checks the
// parameter mappings of HTTP APIs.
func (in *HttpIntegration) checkForHTTPAPI(c *checker) {
	only := func(member string, set bool) {
		if set {
			c.fail(in.Src.Field(member), msgProtocolOnly(member, ProtocolHTTP))
		}
	}
	only("passthroughBehavior", in.PassthroughBehavior != "")
	only("contentHandlingStrategy", in.ContentHandlingStrategy != "")
	only("templateSelectionExpression", in.TemplateSelectionExpression != "")
	only("requestTemplates", len(in.RequestTemplates) > 0)
	if in.Subtype == "" {
		// With a subtype the keys are the AWS service action's parameters.
		for _, e := range in.RequestParameters {
			if !httpParameterKey.MatchString(e.Key) {
				c.fail(in.Src.Field("requestParameters."+e.Key), fmt.Sprintf(msgHTTPParameterKey, e.Key))
			}
		}
	}
	for _, sm := range in.ResponseParameters {
		if !responseStatusCode.MatchString(sm.StatusCode) {
			c.fail(in.Src.Field("responseParameters."+sm.StatusCode), fmt.Sprintf(msgResponseStatus, sm.StatusCode))
		}
		for _, e := range sm.Mappings {
			if !responseParameterKey.MatchString(e.Key) {
				c.fail(in.Src.Field("responseParameters."+sm.StatusCode+"."+e.Key), fmt.Sprintf(msgResponseParameterKey, e.Key))
			}
		}
	}
}

// checkForWebSocketAPI rejects the members of HTTP APIs and checks those of
// WebSocket APIs.
func (in *HttpIntegration) checkForWebSocketAPI(c *checker) {
	only := func(member string, set bool) {
		if set {
			c.fail(in.Src.Field(member), msgProtocolOnly(member, ProtocolWebSocket))
		}
	}
	only("integrationSubtype", in.Subtype != "")
	only("connectionId", in.ConnectionID != "" && in.ConnectionType != ConnectionVPCLink)
	only("responseParameters", len(in.ResponseParameters) > 0)
	only("tlsConfig", in.TLSConfig != nil)
	if in.PassthroughBehavior != "" && !in.PassthroughBehavior.Valid() {
		c.fail(in.Src.Field("passthroughBehavior"), msgPassthrough)
	}
	if !in.ContentHandlingStrategy.Valid() {
		c.fail(in.Src.Field("contentHandlingStrategy"),
			msgEnumV2("content handling strategy", string(in.ContentHandlingStrategy), enumList(ContentHandlings)))
	}
	for _, e := range in.RequestParameters {
		if !webSocketParameterKey.MatchString(e.Key) {
			c.fail(in.Src.Field("requestParameters."+e.Key), fmt.Sprintf(msgWebSocketParameterKey, e.Key))
		}
	}
	checkTemplates(c, in.Src, "requestTemplates", in.RequestTemplates)
}

func (a *HttpApi) checkRoutes(c *checker) {
	seen := map[string]bool{}
	for _, r := range a.Routes {
		key := r.Src.Field("routeKey")
		switch {
		case r.RouteKey == "":
			c.fail(key, msgRouteKeyRequired)
		case seen[r.RouteKey]:
			c.fail(key, fmt.Sprintf(msgRouteExists, r.RouteKey))
		case a.ProtocolType == ProtocolHTTP:
			if msg := checkHTTPRouteKey(r.RouteKey); msg != "" {
				c.fail(key, msg)
			}
		}
		seen[r.RouteKey] = true
		a.checkRouteTarget(c, r)
		a.checkRouteAuthorization(c, r)
		if a.ProtocolType == ProtocolHTTP {
			only := func(member string, set bool) {
				if set {
					c.fail(r.Src.Field(member), msgProtocolOnly(member, ProtocolHTTP))
				}
			}
			only("apiKeyRequired", r.APIKeyRequired)
			only("modelSelectionExpression", r.ModelSelectionExpression != "")
			only("routeResponseSelectionExpression", r.RouteResponseSelectionExpression != "")
			only("requestModels", len(r.RequestModels) > 0)
			only("requestParameters", len(r.RequestParameters) > 0)
		}
	}
}

// routePathVariable matches a path variable of an HTTP API route key:
// {name} or, greedy, {name+}.
var routePathVariable = regexp.MustCompile(`^\{[A-Za-z0-9._-]+\+?\}$`)

// checkHTTPRouteKey returns the problem with an HTTP API route key, or "".
func checkHTTPRouteKey(key string) string {
	if key == DefaultRouteKey {
		return ""
	}
	method, path, ok := strings.Cut(key, " ")
	if !ok || !slices.Contains(HTTPMethods, method) || !strings.HasPrefix(path, "/") {
		return fmt.Sprintf(msgRouteKey, key)
	}
	if path == "/" {
		return ""
	}
	segments := strings.Split(path[1:], "/")
	for i, s := range segments {
		switch {
		case s == "" || strings.ContainsAny(s, " \t"):
			return fmt.Sprintf(msgRouteKey, key)
		case strings.ContainsAny(s, "{}"):
			if !routePathVariable.MatchString(s) {
				return fmt.Sprintf(msgRouteKey, key)
			}
			if IsGreedy(s) && i != len(segments)-1 {
				return fmt.Sprintf(msgRouteGreedy, key)
			}
		}
	}
	return ""
}

func (a *HttpApi) checkRouteTarget(c *checker, r *HttpRoute) {
	l := r.Src.Field("target")
	if r.Target == "" {
		c.warn(r.Src.Loc, fmt.Sprintf(msgRouteNoTarget, r.RouteKey))
		return
	}
	id, ok := strings.CutPrefix(r.Target, "integrations/")
	switch {
	case !ok || id == "" || strings.Contains(id, "/"):
		c.fail(l, fmt.Sprintf(msgRouteTarget, r.Target))
	case a.Integration(id) == nil:
		c.fail(l, fmt.Sprintf(msgRouteIntegration, r.Target, id))
	}
}

func (a *HttpApi) checkRouteAuthorization(c *checker, r *HttpRoute) {
	allowed, name := HTTPRouteAuthorizationTypes, "HTTP"
	if a.ProtocolType == ProtocolWebSocket {
		allowed, name = WebSocketRouteAuthorizationTypes, "WebSocket"
	}
	switch {
	case !slices.Contains(allowed, r.AuthorizationType):
		c.fail(r.Src.Field("authorizationType"),
			fmt.Sprintf(msgRouteAuthType, r.AuthorizationType, name, enumList(allowed)))
	case (r.AuthorizationType == AuthCustom || r.AuthorizationType == AuthJWT) && r.AuthorizerID == "":
		c.fail(r.Src.Field("authorizerId"), fmt.Sprintf(msgRouteAuthorizer, r.AuthorizationType))
	}
}

func (a *HttpApi) checkStages(c *checker) {
	seen := map[string]bool{}
	for _, s := range a.Stages {
		name := s.Src.Field("stageName")
		switch {
		case s.Name == "":
			c.fail(name, msgStageNameRequired)
		case seen[s.Name]:
			c.fail(name, fmt.Sprintf(msgStageExists, s.Name))
		case s.Name == DefaultStageName:
			if a.ProtocolType != ProtocolHTTP {
				c.fail(name, msgDefaultStageOnly)
			}
		case !stageNamePattern.MatchString(s.Name):
			c.fail(name, msgStageNameV2)
		}
		seen[s.Name] = true
		checkStageVariables(c, s.Src, "stageVariables", s.StageVariables)
	}
}
