package model

import (
	"errors"
	"slices"
	"testing"
)

// validHTTPAPI returns a small HTTP API that passes validation: a Lambda
// proxy integration on GET /pets/{id} and an HTTP proxy on $default.
func validHTTPAPI() *HttpApi {
	src := func(path string) Source { return Source{Loc: Loc{File: "main.tf", Line: 3, Path: path}} }
	a := &HttpApi{
		Src: src("aws_apigatewayv2_api.a"), ID: "a1b2c3d4e5", Name: "pets", ProtocolType: ProtocolHTTP,
		Integrations: []*HttpIntegration{{
			Src: src("aws_apigatewayv2_integration.lambda"), ID: "lam1234", Type: IntegrationAWSProxy,
			URI:                  "arn:aws:lambda:us-east-1:123456789012:function:pets",
			PayloadFormatVersion: "2.0",
		}, {
			Src: src("aws_apigatewayv2_integration.http"), ID: "htt1234", Type: IntegrationHTTPProxy,
			Method: "ANY", URI: "https://backend.example/{proxy}", PayloadFormatVersion: "1.0",
			RequestParameters:  StringMap{{Key: "overwrite:path", Value: "$request.path"}},
			ResponseParameters: []StatusMappings{{StatusCode: "200", Mappings: StringMap{{Key: "append:header.x", Value: "y"}}}},
		}},
		Routes: []*HttpRoute{
			{Src: src("aws_apigatewayv2_route.get"), RouteKey: "GET /pets/{id}", Target: "integrations/lam1234"},
			{Src: src("aws_apigatewayv2_route.default"), RouteKey: "$default", Target: "integrations/htt1234"},
		},
		Stages: []HttpStage{{Src: src("aws_apigatewayv2_stage.s"), Name: "$default", AutoDeploy: true,
			StageVariables: StringMap{{Key: "host", Value: "backend.example"}}}},
	}
	a.ApplyDefaults()
	return a
}

// validWebSocketAPI returns a WebSocket API with a MOCK integration on
// $connect.
func validWebSocketAPI() *HttpApi {
	src := Source{Loc: Loc{File: "ws.tf", Line: 9, Path: "aws_apigatewayv2_api.ws"}}
	a := &HttpApi{Src: src, Name: "chat", ProtocolType: ProtocolWebSocket, RouteSelectionExpression: "$request.body.action",
		Integrations: []*HttpIntegration{{Src: src, ID: "moc1234", Type: IntegrationMock,
			RequestTemplates: StringMap{{Key: "$default", Value: `{"statusCode": 200}`}}}},
		Routes: []*HttpRoute{{Src: src, RouteKey: "$connect", Target: "integrations/moc1234"}},
		Stages: []HttpStage{{Src: src, Name: "prod"}},
	}
	a.ApplyDefaults()
	return a
}

func TestHttpApiValidate(t *testing.T) {
	const (
		lam  = "main.tf:3: aws_apigatewayv2_integration.lambda."
		http = "main.tf:3: aws_apigatewayv2_integration.http."
		get  = "main.tf:3: aws_apigatewayv2_route.get."
	)
	tests := []struct {
		name   string
		ws     bool
		change func(a *HttpApi)
		want   []string
	}{
		{"valid", false, func(*HttpApi) {}, nil},
		{"valid websocket", true, func(*HttpApi) {}, nil},
		{"no name", false, func(a *HttpApi) { a.Name = "" }, []string{
			"main.tf:3: aws_apigatewayv2_api.a.name: Name is required"}},
		{"bad protocol stops there", false, func(a *HttpApi) {
			a.ProtocolType = "GRPC"
			a.Integrations[0].Type = "LAMBDA"
		}, []string{"main.tf:3: aws_apigatewayv2_api.a.protocolType: Invalid protocol type specified: GRPC. Valid values are HTTP, WEBSOCKET"}},
		{"http route selection", false, func(a *HttpApi) { a.RouteSelectionExpression = "$request.body.action" }, []string{
			"main.tf:3: aws_apigatewayv2_api.a.routeSelectionExpression: For HTTP APIs the route selection expression must be $request.method $request.path"}},
		{"braced route selection", false, func(a *HttpApi) { a.RouteSelectionExpression = "${request.method} ${request.path}" }, nil},
		{"cors max age", false, func(a *HttpApi) {
			a.CorsConfiguration = &CorsConfiguration{Src: Source{Loc: Loc{File: "main.tf", Line: 5, Path: "aws_apigatewayv2_api.a.cors_configuration"}}, MaxAge: new(86401)}
		}, []string{"main.tf:5: aws_apigatewayv2_api.a.cors_configuration.maxAge: CORS maxAge must be between -1 and 86400 seconds"}},
		{"integration type", false, func(a *HttpApi) { a.Integrations[0].Type = "LAMBDA" }, []string{
			lam + "integrationType: Invalid integration type specified: LAMBDA. Valid values are AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK"}},
		{"no integration type", false, func(a *HttpApi) { a.Integrations[0].Type = "" }, []string{
			lam + "integrationType: IntegrationType is required: one of AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK"}},
		{"non-proxy on http api", false, func(a *HttpApi) { a.Integrations[1].Type = IntegrationHTTP }, []string{
			http + "integrationType: Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)"}},
		{"mock on http api", false, func(a *HttpApi) { a.Integrations[1].Type = IntegrationMock }, []string{
			http + "integrationType: Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)"}},
		{"payload format required", false, func(a *HttpApi) { a.Integrations[0].PayloadFormatVersion = "" }, []string{
			lam + "payloadFormatVersion: PayloadFormatVersion is required for integrations of HTTP APIs: 1.0 or 2.0"}},
		{"payload format value", false, func(a *HttpApi) { a.Integrations[0].PayloadFormatVersion = "3.0" }, []string{
			lam + "payloadFormatVersion: Invalid payload format version 3.0: supported values are 1.0 and 2.0"}},
		{"payload 2.0 on http proxy", false, func(a *HttpApi) { a.Integrations[1].PayloadFormatVersion = "2.0" }, []string{
			http + "payloadFormatVersion: Payload format version 2.0 is supported only for Lambda proxy integrations (AWS_PROXY without integration subtype); use 1.0"}},
		{"payload 2.0 with subtype", false, func(a *HttpApi) {
			in := a.Integrations[0]
			in.Subtype, in.URI = "SQS-SendMessage", ""
			in.RequestParameters = StringMap{{Key: "QueueUrl", Value: "$request.header.queueUrl"}}
		}, []string{lam + "payloadFormatVersion: Payload format version 2.0 is supported only for Lambda proxy integrations"}},
		{"payload 2.0 on websocket", true, func(a *HttpApi) { a.Integrations[0].PayloadFormatVersion = "2.0" }, []string{
			"ws.tf:9: aws_apigatewayv2_api.ws.payloadFormatVersion: WebSocket APIs support payload format version 1.0 only"}},
		{"http api timeout bounds", false, func(a *HttpApi) {
			a.Integrations[0].TimeoutInMillis = 30000
			a.Integrations[1].TimeoutInMillis = 50
		}, nil},
		{"http api timeout too large", false, func(a *HttpApi) { a.Integrations[0].TimeoutInMillis = 30001 }, []string{
			lam + "timeoutInMillis: Timeout should be between 50 ms and 30000 ms"}},
		{"http api timeout too small", false, func(a *HttpApi) { a.Integrations[0].TimeoutInMillis = 49 }, []string{
			lam + "timeoutInMillis: Timeout should be between 50 ms and 30000 ms"}},
		{"websocket timeout", true, func(a *HttpApi) { a.Integrations[0].TimeoutInMillis = 30000 }, []string{
			"ws.tf:9: aws_apigatewayv2_api.ws.timeoutInMillis: Timeout should be between 50 ms and 29000 ms"}},
		{"connection type", false, func(a *HttpApi) { a.Integrations[1].ConnectionType = "VPN" }, []string{
			http + "connectionType: Invalid connection type specified: VPN. Valid values are INTERNET, VPC_LINK"}},
		{"vpc link without connection id", false, func(a *HttpApi) {
			a.Integrations[1].ConnectionType = ConnectionVPCLink
			a.Integrations[1].URI = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/1/2"
		}, []string{http + "connectionId: ConnectionId must be set to vpcLinkId for ConnectionType VPC_LINK"}},
		{"private integration uri", false, func(a *HttpApi) {
			a.Integrations[1].ConnectionType, a.Integrations[1].ConnectionID = ConnectionVPCLink, "vl1234"
		}, []string{http + "integrationUri: Invalid integration URI specified: a private integration (VPC_LINK) takes a load balancer listener or Cloud Map service ARN"}},
		{"http proxy needs uri and method", false, func(a *HttpApi) { a.Integrations[1].URI, a.Integrations[1].Method = "", "" }, []string{
			http + "integrationUri: IntegrationUri is required for HTTP_PROXY integrations",
			http + "integrationMethod: IntegrationMethod is required for HTTP_PROXY integrations"}},
		{"bad http endpoint", false, func(a *HttpApi) { a.Integrations[1].URI = "backend.example" }, []string{
			http + "integrationUri: Invalid HTTP endpoint specified for URI"}},
		{"bad method", false, func(a *HttpApi) { a.Integrations[1].Method = "FETCH" }, []string{
			http + "integrationMethod: Invalid integration method specified: FETCH. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY"}},
		{"lambda invocation uri", false, func(a *HttpApi) {
			a.Integrations[0].URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations"
		}, nil},
		{"lambda alias", false, func(a *HttpApi) { a.Integrations[0].URI += ":live" }, nil},
		{"lambda uri", false, func(a *HttpApi) { a.Integrations[0].URI = "arn:aws:s3:::bucket" }, []string{
			lam + "integrationUri: Invalid integration URI specified: a Lambda proxy integration takes a Lambda function ARN or invocation URI"}},
		{"lambda uri required", false, func(a *HttpApi) { a.Integrations[0].URI = "" }, []string{
			lam + "integrationUri: IntegrationUri is required for AWS_PROXY integrations"}},
		{"stage variable uri", false, func(a *HttpApi) { a.Integrations[0].URI = "${stageVariables.fn}" }, nil},
		{"credentials", false, func(a *HttpApi) { a.Integrations[0].CredentialsARN = "role" }, []string{
			lam + "credentialsArn: Invalid ARN specified in the request"}},
		{"subtype without aws_proxy", false, func(a *HttpApi) { a.Integrations[1].Subtype = "SQS-SendMessage" }, []string{
			http + "integrationSubtype: An integration subtype is supported only for AWS_PROXY integrations"}},
		{"websocket members on http api", false, func(a *HttpApi) {
			in := a.Integrations[0]
			in.PassthroughBehavior, in.ContentHandlingStrategy = PassthroughNever, ConvertToText
			in.TemplateSelectionExpression, in.RequestTemplates = "\\$default", StringMap{{Key: "application/json", Value: "{}"}}
		}, []string{
			lam + "passthroughBehavior: passthroughBehavior is supported only for WebSocket APIs",
			lam + "contentHandlingStrategy: contentHandlingStrategy is supported only for WebSocket APIs",
			lam + "templateSelectionExpression: templateSelectionExpression is supported only for WebSocket APIs",
			lam + "requestTemplates: requestTemplates is supported only for WebSocket APIs"}},
		{"http members on websocket api", true, func(a *HttpApi) {
			in := a.Integrations[0]
			in.TLSConfig = &TLSConfig{ServerNameToVerify: "x.example"}
			in.ResponseParameters = []StatusMappings{{StatusCode: "200"}}
		}, []string{
			"ws.tf:9: aws_apigatewayv2_api.ws.responseParameters: responseParameters is supported only for HTTP APIs",
			"ws.tf:9: aws_apigatewayv2_api.ws.tlsConfig: tlsConfig is supported only for HTTP APIs"}},
		{"request parameter key", false, func(a *HttpApi) {
			a.Integrations[1].RequestParameters.Set("integration.request.header.x", "y")
		}, []string{http + "requestParameters.integration.request.header.x: Invalid parameter mapping integration.request.header.x"}},
		{"response parameters", false, func(a *HttpApi) {
			a.Integrations[1].ResponseParameters = []StatusMappings{{StatusCode: "404", Mappings: StringMap{{Key: "overwrite:statuscode", Value: "200"}}},
				{StatusCode: "600", Mappings: StringMap{{Key: "overwrite:body", Value: "x"}}}}
		}, []string{
			http + "responseParameters.600: Invalid status code 600",
			http + "responseParameters.600.overwrite:body: Invalid parameter mapping overwrite:body"}},
		{"websocket integration", true, func(a *HttpApi) {
			in := a.Integrations[0]
			in.Type, in.URI = IntegrationAWS, "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"
			in.Method = "GET"
			in.PassthroughBehavior, in.ContentHandlingStrategy = "SOMETIMES", "CONVERT"
			in.RequestParameters = StringMap{{Key: "overwrite:path", Value: "x"}}
		}, []string{
			"ws.tf:9: aws_apigatewayv2_api.ws.integrationMethod: Lambda integrations of WebSocket APIs take integration method POST",
			"ws.tf:9: aws_apigatewayv2_api.ws.passthroughBehavior: Invalid passthrough behavior specified",
			"ws.tf:9: aws_apigatewayv2_api.ws.contentHandlingStrategy: Invalid content handling strategy specified: CONVERT",
			"ws.tf:9: aws_apigatewayv2_api.ws.requestParameters.overwrite:path: Invalid mapping expression specified: overwrite:path"}},
		{"websocket route selection", true, func(a *HttpApi) { a.RouteSelectionExpression = "" }, []string{
			"ws.tf:9: aws_apigatewayv2_api.ws.routeSelectionExpression: RouteSelectionExpression is required for WebSocket APIs"}},
		{"websocket cors", true, func(a *HttpApi) { a.CorsConfiguration = &CorsConfiguration{} }, []string{
			"ws.tf:9: aws_apigatewayv2_api.ws.corsConfiguration: corsConfiguration is supported only for HTTP APIs"}},
		{"route key", false, func(a *HttpApi) { a.Routes[0].RouteKey = "/pets" }, []string{
			get + "routeKey: Invalid route key /pets: HTTP API route keys are $default or METHOD /path"}},
		{"route key required", false, func(a *HttpApi) { a.Routes[0].RouteKey = "" }, []string{get + "routeKey: Route key is required"}},
		{"duplicate route", false, func(a *HttpApi) { a.Routes[1].RouteKey = "GET /pets/{id}" }, []string{
			"main.tf:3: aws_apigatewayv2_route.default.routeKey: Route with key GET /pets/{id} already exists for this API"}},
		{"route target", false, func(a *HttpApi) { a.Routes[0].Target = "lam1234" }, []string{
			get + "target: Invalid target lam1234: a route target is integrations/INTEGRATION_ID"}},
		{"route target unknown", false, func(a *HttpApi) { a.Routes[0].Target = "integrations/zzz9999" }, []string{
			get + "target: Invalid target integrations/zzz9999: the API has no integration zzz9999"}},
		{"route authorization", false, func(a *HttpApi) { a.Routes[0].AuthorizationType = AuthCognitoUserPools }, []string{
			get + "authorizationType: Invalid authorization type COGNITO_USER_POOLS: HTTP APIs accept NONE, JWT, AWS_IAM, CUSTOM"}},
		{"jwt without authorizer", false, func(a *HttpApi) { a.Routes[0].AuthorizationType = AuthJWT }, []string{
			get + "authorizerId: Invalid authorizer ID specified. Setting the authorization type to JWT requires a valid authorizer."}},
		{"jwt on websocket", true, func(a *HttpApi) { a.Routes[0].AuthorizationType, a.Routes[0].AuthorizerID = AuthJWT, "au1234" }, []string{
			"ws.tf:9: aws_apigatewayv2_api.ws.authorizationType: Invalid authorization type JWT: WebSocket APIs accept NONE, AWS_IAM, CUSTOM"}},
		{"websocket route members on http api", false, func(a *HttpApi) {
			r := a.Routes[0]
			r.APIKeyRequired, r.ModelSelectionExpression, r.RouteResponseSelectionExpression = true, "$request.body.type", "$default"
			r.RequestModels, r.RequestParameters = StringMap{{Key: "m", Value: "M"}}, map[string]bool{"route.request.header.x": true}
		}, []string{
			get + "apiKeyRequired: apiKeyRequired is supported only for WebSocket APIs",
			get + "modelSelectionExpression: modelSelectionExpression is supported only for WebSocket APIs",
			get + "routeResponseSelectionExpression: routeResponseSelectionExpression is supported only for WebSocket APIs",
			get + "requestModels: requestModels is supported only for WebSocket APIs",
			get + "requestParameters: requestParameters is supported only for WebSocket APIs"}},
		{"duplicate stage", false, func(a *HttpApi) { a.Stages = append(a.Stages, a.Stages[0]) }, []string{
			"main.tf:3: aws_apigatewayv2_stage.s.stageName: Stage $default already exists for this API"}},
		{"stage name", false, func(a *HttpApi) { a.Stages[0].Name = "my stage" }, []string{
			"main.tf:3: aws_apigatewayv2_stage.s.stageName: Stage name only allows a-zA-Z0-9_- (or $default for HTTP APIs)"}},
		{"default stage on websocket", true, func(a *HttpApi) { a.Stages[0].Name = "$default" }, []string{
			"ws.tf:9: aws_apigatewayv2_api.ws.stageName: The $default stage is supported only for HTTP APIs"}},
		{"stage variable", false, func(a *HttpApi) { a.Stages[0].StageVariables.Set("my-var", "x") }, []string{
			"main.tf:3: aws_apigatewayv2_stage.s.stageVariables.my-var: Stage variable names can only contain alphanumeric characters and underscores: my-var"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validHTTPAPI()
			if tt.ws {
				a = validWebSocketAPI()
			}
			tt.change(a)
			_, err := a.Validate()
			var es Errors
			if err != nil && !errors.As(err, &es) {
				t.Fatalf("error %v is not an Errors", err)
			}
			if len(es) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(es), len(tt.want), err)
			}
			for i, e := range es {
				if got := e.Error(); len(got) < len(tt.want[i]) || got[:len(tt.want[i])] != tt.want[i] {
					t.Errorf("error %d:\n got %s\nwant %s", i, got, tt.want[i])
				}
			}
		})
	}
}

func TestHttpApiRouteWithoutTargetWarns(t *testing.T) {
	a := validHTTPAPI()
	a.Routes[0].Target = ""
	ws, err := a.Validate()
	if err != nil || len(ws) != 1 || ws[0].Loc.Path != "aws_apigatewayv2_route.get" {
		t.Fatalf("warnings %v, err %v", ws, err)
	}
}

func TestHTTPRouteKey(t *testing.T) {
	tests := []struct {
		key string
		ok  bool
	}{
		{"$default", true},
		{"GET /", true},
		{"ANY /{proxy+}", true},
		{"POST /pets/{id}/toys", true},
		{"GET /pets/{id}.json", false},
		{"GET /{proxy+}/x", false},
		{"GET pets", false},
		{"FETCH /pets", false},
		{"get /pets", false},
		{"GET /pets//toys", false},
		{"GET", false},
		{"$connect", false},
	}
	for _, tt := range tests {
		if got := checkHTTPRouteKey(tt.key) == ""; got != tt.ok {
			t.Errorf("%q: valid %v, want %v", tt.key, got, tt.ok)
		}
	}
}

func TestHttpApiApplyDefaults(t *testing.T) {
	a := validHTTPAPI()
	w := validWebSocketAPI()
	in, win := a.Integrations[0], w.Integrations[0]
	if a.RouteSelectionExpression != HTTPRouteSelectionExpression || a.APIKeySelectionExpression != DefaultAPIKeySelectionExpression ||
		in.ConnectionType != ConnectionInternet || in.TimeoutInMillis != 30000 || in.PassthroughBehavior != "" ||
		a.Routes[0].AuthorizationType != AuthNone {
		t.Errorf("http api defaults: %+v %+v", a, in)
	}
	if w.RouteSelectionExpression != "$request.body.action" || win.TimeoutInMillis != 29000 || win.PayloadFormatVersion != "1.0" ||
		win.PassthroughBehavior != PassthroughWhenNoMatch {
		t.Errorf("websocket api defaults: %+v %+v", w, win)
	}
	h := &HttpApi{ProtocolType: ProtocolHTTP, Integrations: []*HttpIntegration{{Type: IntegrationAWSProxy}}}
	h.ApplyDefaults()
	if h.Integrations[0].PayloadFormatVersion != "" {
		t.Error("an HTTP API integration got a payload format version: AWS requires one")
	}
}

func TestHttpApiLookups(t *testing.T) {
	a := validHTTPAPI()
	if a.Integration("lam1234") != a.Integrations[0] || a.Integration("x") != nil ||
		a.Route("$default") != a.Routes[1] || a.Route("GET /") != nil ||
		a.Stage("$default") != &a.Stages[0] || a.Stage("dev") != nil {
		t.Error("lookups")
	}
	if !slices.Equal(HTTPRouteAuthorizationTypes, []AuthorizationType{AuthNone, AuthJWT, AuthIAM, AuthCustom}) ||
		ParseProtocolType("websocket") != ProtocolWebSocket {
		t.Error("enums")
	}
}
