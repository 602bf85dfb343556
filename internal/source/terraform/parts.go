package terraform

import (
	"encoding/json"
	"slices"
	"strings"

	"archway/internal/model"
)

// method adds an aws_api_gateway_method to its resource.
func (c *config) method(api *model.RestApi, a args) {
	res := c.resourceOf(api, a)
	if res == nil || !a.require("http_method", "authorization") {
		return
	}
	m := &model.Method{Src: a.source(), HTTPMethod: strings.ToUpper(a.str("http_method"))}
	a.field(&m.Src, "http_method", "httpMethod")
	m.AuthorizationType = model.ParseAuthorizationType(a.str("authorization"))
	a.field(&m.Src, "authorization", "authorizationType")
	m.AuthorizerID = a.str("authorizer_id")
	a.field(&m.Src, "authorizer_id", "authorizerId")
	m.AuthorizationScopes = a.strs("authorization_scopes")
	m.APIKeyRequired = a.boolean("api_key_required")
	m.OperationName = a.str("operation_name")
	m.RequestParameters = a.boolMap("request_parameters", &m.Src, "requestParameters")
	m.RequestModels = a.strMap("request_models", &m.Src, "requestModels")
	m.RequestValidatorID = a.str("request_validator_id")
	a.field(&m.Src, "request_validator_id", "requestValidatorId")
	if res.Method(m.HTTPMethod) != nil {
		c.failAt(a.at, a.path, "Method already exists for this resource")
		return
	}
	res.Methods = append(res.Methods, m)
}

// methodResponse adds an aws_api_gateway_method_response to its method.
func (c *config) methodResponse(api *model.RestApi, a args) {
	m := c.methodOf(api, a)
	if m == nil || !a.require("status_code") {
		return
	}
	mr := model.MethodResponse{Src: a.source(), StatusCode: a.str("status_code")}
	a.field(&mr.Src, "status_code", "statusCode")
	mr.ResponseParameters = a.boolMap("response_parameters", &mr.Src, "responseParameters")
	mr.ResponseModels = a.strMap("response_models", &mr.Src, "responseModels")
	if m.MethodResponse(mr.StatusCode) != nil {
		c.failAt(a.at, a.path, "Response already exists for this resource")
		return
	}
	m.MethodResponses = append(m.MethodResponses, mr)
}

// integration sets an aws_api_gateway_integration on its method: every
// argument of the resource.
func (c *config) integration(api *model.RestApi, a args) {
	m := c.methodOf(api, a)
	if m == nil {
		return
	}
	if !a.require("type") {
		c.noIntegration[m] = true
		return
	}
	in := &model.Integration{Src: a.source()}
	fields := [][2]string{
		{"type", "type"}, {"uri", "uri"}, {"integration_http_method", "httpMethod"}, {"connection_type", "connectionType"},
		{"connection_id", "connectionId"}, {"credentials", "credentials"}, {"passthrough_behavior", "passthroughBehavior"},
		{"content_handling", "contentHandling"}, {"timeout_milliseconds", "timeoutInMillis"},
		{"cache_namespace", "cacheNamespace"}, {"cache_key_parameters", "cacheKeyParameters"},
	}
	for _, f := range fields {
		a.field(&in.Src, f[0], f[1])
	}
	in.Type = model.ParseIntegrationType(a.str("type"))
	in.URI = a.str("uri")
	in.HTTPMethod = strings.ToUpper(a.str("integration_http_method"))
	in.ConnectionType = model.ParseConnectionType(a.str("connection_type"))
	in.ConnectionID = a.str("connection_id")
	in.Credentials = a.str("credentials")
	in.PassthroughBehavior = model.ParsePassthroughBehavior(a.str("passthrough_behavior"))
	in.ContentHandling = model.ParseContentHandling(a.str("content_handling"))
	in.TimeoutInMillis = a.integer("timeout_milliseconds")
	in.CacheNamespace = a.str("cache_namespace")
	in.CacheKeyParameters = a.strs("cache_key_parameters")
	in.RequestParameters = a.strMap("request_parameters", &in.Src, "requestParameters")
	if a.has("request_parameters_in_json") {
		c.requestParametersInJSON(in, a)
	}
	in.RequestTemplates = a.strMap("request_templates", &in.Src, "requestTemplates")
	if mode := a.str("response_transfer_mode"); mode != "" && !strings.EqualFold(mode, "BUFFERED") {
		c.warnAt(a.body.Attributes["response_transfer_mode"].SrcRange, a.path+".response_transfer_mode",
			"response_transfer_mode %s is not supported yet: responses are buffered (BUFFERED), with its 10 MB and timeout limits", mode)
	}
	if tls, ok := a.sub("tls_config"); ok {
		in.TLSConfig = &model.TLSConfig{Src: tls.source(), InsecureSkipVerification: tls.boolean("insecure_skip_verification")}
	}
	if m.Integration != nil {
		// A second integration replaces the first, as PutIntegration does,
		// keeping the responses already put.
		in.IntegrationResponses = m.Integration.IntegrationResponses
	}
	m.Integration = in
}

// integrationResponse adds an aws_api_gateway_integration_response to its
// method's integration, in configuration order.
func (c *config) integrationResponse(api *model.RestApi, a args) {
	m := c.methodOf(api, a)
	if m == nil || !a.require("status_code") {
		return
	}
	if m.Integration == nil {
		if !c.noIntegration[m] {
			c.failAt(a.at, a.path, "No integration defined for method")
		}
		return
	}
	ir := model.IntegrationResponse{Src: a.source(), StatusCode: a.str("status_code"), SelectionPattern: a.str("selection_pattern")}
	a.field(&ir.Src, "status_code", "statusCode")
	a.field(&ir.Src, "selection_pattern", "selectionPattern")
	a.field(&ir.Src, "content_handling", "contentHandling")
	ir.ContentHandling = model.ParseContentHandling(a.str("content_handling"))
	ir.ResponseParameters = a.strMap("response_parameters", &ir.Src, "responseParameters")
	ir.ResponseTemplates = a.strMap("response_templates", &ir.Src, "responseTemplates")
	m.Integration.PutIntegrationResponse(ir)
}

// deployment adds the stage an aws_api_gateway_deployment creates with
// stage_name.
func (c *config) deployment(api *model.RestApi, a args) {
	name := a.str("stage_name")
	if name == "" {
		return
	}
	st := model.Stage{Src: a.source(), Name: name, DeploymentID: c.resources[a.path].id,
		Description: a.str("stage_description"), Variables: a.strMap("variables", &model.Source{}, "variables")}
	a.field(&st.Src, "stage_name", "stageName")
	api.Stages = append(api.Stages, st)
}

// stage adds an aws_api_gateway_stage, replacing a deployment's stage of
// the same name.
func (c *config) stage(api *model.RestApi, a args) {
	if !a.require("stage_name", "deployment_id") {
		return
	}
	st := model.Stage{Src: a.source(), Name: a.str("stage_name"), DeploymentID: a.str("deployment_id"),
		Description: a.str("description"), CacheClusterEnabled: a.boolean("cache_cluster_enabled"),
		CacheClusterSize: a.str("cache_cluster_size"), TracingEnabled: a.boolean("xray_tracing_enabled")}
	a.field(&st.Src, "stage_name", "stageName")
	st.Variables = a.strMap("variables", &st.Src, "variables")
	if existing := api.Stage(st.Name); existing != nil {
		*existing = st
		return
	}
	api.Stages = append(api.Stages, st)
}

// gatewayResponse adds an aws_api_gateway_gateway_response.
func (c *config) gatewayResponse(api *model.RestApi, a args) {
	if !a.require("response_type") {
		return
	}
	g := model.GatewayResponse{Src: a.source(), ResponseType: model.GatewayResponseType(a.str("response_type")),
		StatusCode: a.str("status_code")}
	a.field(&g.Src, "response_type", "responseType")
	a.field(&g.Src, "status_code", "statusCode")
	g.ResponseParameters = a.strMap("response_parameters", &g.Src, "responseParameters")
	g.ResponseTemplates = a.strMap("response_templates", &g.Src, "responseTemplates")
	api.GatewayResponses = append(api.GatewayResponses, g)
}

// apiModel adds an aws_api_gateway_model.
func (c *config) apiModel(api *model.RestApi, a args) {
	if !a.require("name", "content_type") {
		return
	}
	m := model.Model{Src: a.source(), ID: c.resources[a.path].id, Name: a.str("name"),
		Description: a.str("description"), ContentType: a.str("content_type"), Schema: a.str("schema")}
	a.field(&m.Src, "name", "name")
	a.field(&m.Src, "schema", "schema")
	api.Models = append(api.Models, m)
}

// requestParametersInJSON reads the deprecated request_parameters_in_json,
// a JSON object of the same mappings as request_parameters, which wins
// for a name both give.
func (c *config) requestParametersInJSON(in *model.Integration, a args) {
	at := a.body.Attributes["request_parameters_in_json"]
	path := a.path + ".request_parameters_in_json"
	c.warnAt(at.SrcRange, path, "request_parameters_in_json is deprecated: use request_parameters")
	raw := a.str("request_parameters_in_json")
	var m map[string]string
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		c.failAt(at.SrcRange, path, "a JSON object of strings is expected: %s", err)
		return
	}
	if in.RequestParameters == nil {
		in.RequestParameters = model.StringMap{}
		a.field(&in.Src, "request_parameters_in_json", "requestParameters")
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		in.RequestParameters.Set(k, m[k])
		in.Src.SetField("requestParameters."+k, model.Loc{File: at.SrcRange.Filename, Line: at.SrcRange.Start.Line, Path: path + "." + k})
	}
}
