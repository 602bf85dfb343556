package terraform

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"archway/internal/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// The apigatewayv2 resource types Archway reads, from the aws provider and
// from the awscc (Cloud Control) provider.
const (
	typeV2API         = "aws_apigatewayv2_api"
	typeV2Integration = "aws_apigatewayv2_integration"
	typeV2Route       = "aws_apigatewayv2_route"
	typeV2Stage       = "aws_apigatewayv2_stage"
	// Deployments and VPC links change nothing Archway reads: a stage
	// serves the API as defined, and a VPC link is named by id.
	typeV2Deployment  = "aws_apigatewayv2_deployment"
	typeV2VPCLink     = "aws_apigatewayv2_vpc_link"
	typeCCAPI         = "awscc_apigatewayv2_api"
	typeCCIntegration = "awscc_apigatewayv2_integration"
	typeCCRoute       = "awscc_apigatewayv2_route"
	typeCCStage       = "awscc_apigatewayv2_stage"
)

// hasHTTPAPI reports whether the configuration defines an apigatewayv2 API.
func (c *config) hasHTTPAPI() bool {
	return slices.ContainsFunc(c.order, func(r *resource) bool { return r.typ == typeV2API || r.typ == typeCCAPI })
}

// v2ID is the id AWS would give an apigatewayv2 resource: 10 characters for
// APIs, 7 for the rest, derived from the resource's own generated id.
func v2ID(r *resource) string {
	if r.typ == typeV2API || r.typ == typeCCAPI {
		return model.StableID(10, "apigatewayv2", r.id)
	}
	return model.StableID(7, "apigatewayv2", r.id)
}

// httpAPIComputed adds to out the attributes AWS computes for the
// apigatewayv2 resources. The awscc provider's id is the resource's
// CloudFormation identifier: "API_ID|INTEGRATION_ID" for integrations,
// "API_ID|ROUTE_ID" for routes, with the plain ids in integration_id and
// route_id.
func (c *config) httpAPIComputed(r *resource, attrs, out map[string]cty.Value) {
	str := func(name string) string {
		if v, ok := attrs[name]; ok && v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
			return v.AsString()
		}
		return ""
	}
	id := v2ID(r)
	region, account := c.opts.Region, c.opts.AccountID
	switch r.typ {
	case typeV2API, typeCCAPI:
		scheme := "https://"
		if strings.EqualFold(str("protocol_type"), string(model.ProtocolWebSocket)) {
			scheme = "wss://"
		}
		out["id"] = cty.StringVal(id)
		out["api_endpoint"] = cty.StringVal(scheme + id + ".execute-api." + region + ".amazonaws.com")
		if r.typ == typeCCAPI {
			out["api_id"] = cty.StringVal(id)
			return
		}
		out["arn"] = cty.StringVal("arn:aws:apigateway:" + region + "::/apis/" + id)
		out["execution_arn"] = cty.StringVal("arn:aws:execute-api:" + region + ":" + account + ":" + id)
	case typeV2Integration, typeV2Route, typeV2Deployment:
		out["id"] = cty.StringVal(id)
		if r.typ == typeV2Deployment {
			out["auto_deployed"] = cty.False
		}
	case typeCCIntegration:
		out["id"] = cty.StringVal(str("api_id") + "|" + id)
		out["integration_id"] = cty.StringVal(id)
	case typeCCRoute:
		out["id"] = cty.StringVal(str("api_id") + "|" + id)
		out["route_id"] = cty.StringVal(id)
	case typeCCStage:
		out["id"] = cty.StringVal(id)
		out["stage_id"] = cty.StringVal(id)
	case typeV2VPCLink:
		out["id"] = cty.StringVal(id)
		out["arn"] = cty.StringVal("arn:aws:apigateway:" + region + "::/vpclinks/" + id)
	case typeV2Stage:
		// The aws provider's stage id is its name.
		api, name := str("api_id"), str("name")
		out["id"] = cty.StringVal(name)
		out["arn"] = cty.StringVal("arn:aws:apigateway:" + region + "::/apis/" + api + "/stages/" + name)
		out["execution_arn"] = cty.StringVal("arn:aws:execute-api:" + region + ":" + account + ":" + api + "/" + name)
		path := "/" + name
		if name == model.DefaultStageName {
			path = "/"
		}
		out["invoke_url"] = cty.StringVal("https://" + api + ".execute-api." + region + ".amazonaws.com" + path)
	}
}

// httpAPIs builds every apigatewayv2 API the configuration defines, with
// the integrations, routes and stages that name it, AWS's defaults applied
// and validated. Each valid API gets a warning that it is not served yet.
func (c *config) httpAPIs() []*model.HttpApi {
	var apis []*model.HttpApi
	byID := map[string]*model.HttpApi{}
	for _, r := range c.order {
		if r.typ == typeV2API || r.typ == typeCCAPI {
			api := c.httpAPI(r)
			apis = append(apis, api)
			byID[api.ID] = api
		}
	}
	if apis == nil {
		return nil
	}
	// broken holds the ids of integrations whose own errors kept them out,
	// so that routes targeting them do not report them again.
	broken := map[string]bool{}
	for _, r := range c.order {
		var part func(*model.HttpApi, *resource, args) bool
		switch r.typ {
		case typeV2Integration, typeCCIntegration:
			part = c.httpIntegration
		case typeV2Route, typeCCRoute:
			part = c.httpRoute
		case typeV2Stage, typeCCStage:
			part = c.httpStage
		default:
			continue
		}
		a := c.args(r)
		if !a.require("api_id") {
			broken[v2ID(r)] = true
			continue
		}
		id := a.str("api_id")
		api := byID[id]
		if api == nil {
			if id != "" {
				c.warnAt(a.attrRange("api_id"), r.addr()+".api_id", "%s belongs to an API this configuration does not define and is not read", r.addr())
			}
			broken[v2ID(r)] = true
			continue
		}
		if !part(api, r, a) {
			broken[v2ID(r)] = true
		}
	}
	for _, api := range apis {
		api.ApplyDefaults()
		warnings, err := api.Validate()
		c.warns = append(c.warns, warnings...)
		if es, ok := err.(model.Errors); ok {
			c.addModelErrors(es, api, broken)
			continue
		}
		kind := "HTTP API"
		if api.ProtocolType == model.ProtocolWebSocket {
			kind = "WebSocket API"
		}
		c.warns = append(c.warns, model.Warning{Loc: api.Src.Loc, Message: fmt.Sprintf(
			"%s %q is loaded and validated but not served yet: Archway serves REST APIs only", kind, api.Name)})
	}
	return apis
}

// addModelErrors adds the validation errors of api, leaving out those of
// arguments already reported as unreadable and those of routes targeting an
// integration that has errors of its own.
func (c *config) addModelErrors(es model.Errors, api *model.HttpApi, broken map[string]bool) {
	reported := map[string]bool{}
	for _, e := range c.errs {
		reported[e.Loc.File+"\x00"+e.Loc.Path] = true
	}
	for _, r := range api.Routes {
		if id, ok := strings.CutPrefix(r.Target, "integrations/"); ok && broken[id] {
			l := r.Src.Field("target")
			reported[l.File+"\x00"+l.Path] = true
		}
	}
	for _, e := range es {
		if !reported[e.Loc.File+"\x00"+e.Loc.Path] {
			c.errs = append(c.errs, e)
		}
	}
}

// httpAPI builds an aws_apigatewayv2_api or awscc_apigatewayv2_api with
// what quick create adds.
func (c *config) httpAPI(r *resource) *model.HttpApi {
	a := c.args(r)
	cc := r.typ == typeCCAPI
	api := &model.HttpApi{Src: a.source(), ID: v2ID(r)}
	body := a.has("body") || a.has("body_s3_location")
	if !cc {
		a.require("name", "protocol_type")
	}
	fields := [][2]string{{"name", "name"}, {"protocol_type", "protocolType"},
		{"route_selection_expression", "routeSelectionExpression"}, {"api_key_selection_expression", "apiKeySelectionExpression"}}
	for _, f := range fields {
		a.field(&api.Src, f[0], f[1])
	}
	api.Name = a.str("name")
	api.ProtocolType = model.ParseProtocolType(a.str("protocol_type"))
	api.Description = a.str("description")
	api.Version = a.str("version")
	api.RouteSelectionExpression = a.str("route_selection_expression")
	api.APIKeySelectionExpression = a.str("api_key_selection_expression")
	api.DisableExecuteAPIEndpoint = a.boolean("disable_execute_api_endpoint")
	if cors, ok := c.nested(a, "cors_configuration", cc); ok {
		api.CorsConfiguration = &model.CorsConfiguration{Src: cors.source(), AllowCredentials: cors.boolean("allow_credentials"),
			AllowHeaders: cors.strs("allow_headers"), AllowMethods: cors.strs("allow_methods"),
			AllowOrigins: cors.strs("allow_origins"), ExposeHeaders: cors.strs("expose_headers")}
		if cors.has("max_age") {
			n := cors.integer("max_age")
			api.CorsConfiguration.MaxAge = &n
			cors.field(&api.CorsConfiguration.Src, "max_age", "maxAge")
		}
	}
	if body {
		name := "body"
		if !a.has(name) {
			name = "body_s3_location"
		}
		c.warnAt(a.attrRange(name), r.addr()+"."+name,
			"the OpenAPI definition of an HTTP API is not read yet: its routes and integrations are missing")
		// The awscc provider takes the name and protocol from the body
		// then; the API only needs them to be valid.
		if api.ProtocolType == "" {
			api.ProtocolType = model.ProtocolHTTP
		}
		if api.Name == "" {
			api.Name = r.name
		}
	}
	if a.has("target") {
		c.quickCreate(api, r, a)
	} else {
		for _, name := range []string{"route_key", "credentials_arn"} {
			if a.has(name) {
				c.warnAt(a.attrRange(name), r.addr()+"."+name, "%s is part of quick create, which needs target; it is ignored", name)
			}
		}
	}
	return api
}

// quickCreate adds what CreateApi creates with a target: an integration
// (AWS_PROXY with payload format 2.0 for a Lambda function ARN, HTTP_PROXY
// with method ANY otherwise), a route (route_key, $default by default) and
// the auto-deployed $default stage.
func (c *config) quickCreate(api *model.HttpApi, r *resource, a args) {
	src := model.Source{Loc: a.attrLoc("target")}
	in := &model.HttpIntegration{Src: src, ID: model.StableID(7, "quick-create", r.id), URI: a.str("target"),
		CredentialsARN: a.str("credentials_arn")}
	in.Src.SetField("integrationUri", a.attrLoc("target"))
	in.Src.SetField("credentialsArn", a.attrLoc("credentials_arn"))
	if strings.HasPrefix(in.URI, "arn:") {
		in.Type, in.PayloadFormatVersion = model.IntegrationAWSProxy, "2.0"
	} else {
		in.Type, in.Method, in.PayloadFormatVersion = model.IntegrationHTTPProxy, "ANY", "1.0"
	}
	rt := &model.HttpRoute{Src: src, ID: model.StableID(7, "quick-create-route", r.id), RouteKey: a.str("route_key"),
		Target: "integrations/" + in.ID}
	rt.Src.SetField("routeKey", a.attrLoc("route_key"))
	if rt.RouteKey == "" {
		rt.RouteKey = model.DefaultRouteKey
	}
	api.Integrations = append(api.Integrations, in)
	api.Routes = append(api.Routes, rt)
	api.Stages = append(api.Stages, model.HttpStage{Src: src, Name: model.DefaultStageName, AutoDeploy: true})
}

// httpIntegration adds an aws_apigatewayv2_integration or
// awscc_apigatewayv2_integration to its API: every argument of both. It
// reports whether the integration was added.
func (c *config) httpIntegration(api *model.HttpApi, r *resource, a args) bool {
	if !a.require("integration_type") {
		return false
	}
	cc := r.typ == typeCCIntegration
	timeout := "timeout_milliseconds"
	if cc {
		timeout = "timeout_in_millis"
	}
	in := &model.HttpIntegration{Src: a.source(), ID: v2ID(r)}
	fields := [][2]string{
		{"integration_type", "integrationType"}, {"integration_subtype", "integrationSubtype"},
		{"integration_method", "integrationMethod"}, {"integration_uri", "integrationUri"},
		{"connection_type", "connectionType"}, {"connection_id", "connectionId"}, {"credentials_arn", "credentialsArn"},
		{"payload_format_version", "payloadFormatVersion"}, {timeout, "timeoutInMillis"},
		{"passthrough_behavior", "passthroughBehavior"}, {"content_handling_strategy", "contentHandlingStrategy"},
		{"template_selection_expression", "templateSelectionExpression"}, {"tls_config", "tlsConfig"},
		{"response_parameters", "responseParameters"},
	}
	for _, f := range fields {
		a.field(&in.Src, f[0], f[1])
	}
	in.Type = model.ParseIntegrationType(a.str("integration_type"))
	in.Subtype = a.str("integration_subtype")
	in.Method = strings.ToUpper(a.str("integration_method"))
	in.URI = a.str("integration_uri")
	in.ConnectionType = model.ParseConnectionType(a.str("connection_type"))
	in.ConnectionID = a.str("connection_id")
	in.CredentialsARN = a.str("credentials_arn")
	in.Description = a.str("description")
	in.PayloadFormatVersion = a.str("payload_format_version")
	if !cc && !a.has("payload_format_version") {
		// The aws provider's default; awscc sends none.
		in.PayloadFormatVersion = "1.0"
	}
	in.TimeoutInMillis = a.integer(timeout)
	in.PassthroughBehavior = model.ParsePassthroughBehavior(a.str("passthrough_behavior"))
	in.ContentHandlingStrategy = model.ParseContentHandling(a.str("content_handling_strategy"))
	in.TemplateSelectionExpression = a.str("template_selection_expression")
	in.RequestParameters = a.strMap("request_parameters", &in.Src, "requestParameters")
	in.RequestTemplates = a.strMap("request_templates", &in.Src, "requestTemplates")
	// Blocks (aws provider) are located at their own line.
	for name, member := range map[string]string{"tls_config": "tlsConfig", "response_parameters": "responseParameters"} {
		if b, ok := a.sub(name); ok {
			in.Src.SetField(member, b.loc())
		}
	}
	if tls, ok := c.nested(a, "tls_config", cc); ok {
		in.TLSConfig = &model.TLSConfig{Src: tls.source(), ServerNameToVerify: tls.str("server_name_to_verify")}
	}
	if cc {
		in.ResponseParameters = c.ccResponseParameters(a, &in.Src)
	} else {
		for _, b := range blocks(a, "response_parameters") {
			if !b.require("status_code", "mappings") {
				continue
			}
			code := b.str("status_code")
			sm := model.StatusMappings{StatusCode: code, Mappings: b.strMap("mappings", &in.Src, "responseParameters."+code)}
			b.field(&in.Src, "status_code", "responseParameters."+code)
			in.ResponseParameters = append(in.ResponseParameters, sm)
		}
	}
	api.Integrations = append(api.Integrations, in)
	return true
}

// ccResponseParameters reads awscc's response_parameters: a map from status
// code to {response_parameters = [{destination, source}, ...]}.
func (c *config) ccResponseParameters(a args, src *model.Source) []model.StatusMappings {
	v, ok := a.value("response_parameters")
	if !ok {
		return nil
	}
	at := a.attrRange("response_parameters")
	path := a.path + ".response_parameters"
	if !v.Type().IsMapType() && !v.Type().IsObjectType() {
		c.failAt(at, path, "Incorrect attribute value type: a map from status code to {response_parameters = [{destination, source}]} is required")
		return nil
	}
	var out []model.StatusMappings
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		code := k.AsString()
		src.SetField("responseParameters."+code, model.Loc{File: at.Filename, Line: at.Start.Line, Path: path + "." + code})
		sm := model.StatusMappings{StatusCode: code, Mappings: model.StringMap{}}
		list, ok := ctyAttr(e, "response_parameters")
		if !ok || !(list.Type().IsListType() || list.Type().IsTupleType() || list.Type().IsSetType()) {
			c.failAt(at, path+"."+code, "Incorrect attribute value type: {response_parameters = [{destination, source}]} is required")
			continue
		}
		for lit := list.ElementIterator(); lit.Next(); {
			_, p := lit.Element()
			dest, okd := ctyAttr(p, "destination")
			from, oks := ctyAttr(p, "source")
			if !okd || !oks {
				c.failAt(at, path+"."+code, "Incorrect attribute value type: each response parameter needs destination and source")
				continue
			}
			ds, okd := a.asString(dest, at, path+"."+code+".destination")
			ss, oks := a.asString(from, at, path+"."+code+".source")
			if !okd || !oks {
				continue
			}
			sm.Mappings.Set(ds, ss)
			src.SetField("responseParameters."+code+"."+ds, model.Loc{File: at.Filename, Line: at.Start.Line, Path: path + "." + code + "." + ds})
		}
		out = append(out, sm)
	}
	return out
}

// ctyAttr returns attribute name of an object value.
func ctyAttr(v cty.Value, name string) (cty.Value, bool) {
	if v.IsNull() || !v.IsKnown() || !v.Type().IsObjectType() || !v.Type().HasAttribute(name) {
		return cty.NilVal, false
	}
	a := v.GetAttr(name)
	return a, !a.IsNull()
}

// httpRoute adds an aws_apigatewayv2_route or awscc_apigatewayv2_route to
// its API.
func (c *config) httpRoute(api *model.HttpApi, r *resource, a args) bool {
	if !a.require("route_key") {
		return false
	}
	rt := &model.HttpRoute{Src: a.source(), ID: v2ID(r)}
	fields := [][2]string{{"route_key", "routeKey"}, {"target", "target"}, {"authorization_type", "authorizationType"},
		{"authorizer_id", "authorizerId"}, {"api_key_required", "apiKeyRequired"},
		{"model_selection_expression", "modelSelectionExpression"},
		{"route_response_selection_expression", "routeResponseSelectionExpression"}}
	for _, f := range fields {
		a.field(&rt.Src, f[0], f[1])
	}
	rt.RouteKey = a.str("route_key")
	rt.Target = a.str("target")
	rt.AuthorizationType = model.AuthorizationType(a.str("authorization_type"))
	rt.AuthorizerID = a.str("authorizer_id")
	rt.AuthorizationScopes = a.strs("authorization_scopes")
	rt.APIKeyRequired = a.boolean("api_key_required")
	rt.OperationName = a.str("operation_name")
	rt.ModelSelectionExpression = a.str("model_selection_expression")
	rt.RouteResponseSelectionExpression = a.str("route_response_selection_expression")
	rt.RequestModels = a.strMap("request_models", &rt.Src, "requestModels")
	if r.typ == typeCCRoute {
		rt.RequestParameters = a.boolMap("request_parameters", &rt.Src, "requestParameters")
	} else {
		for _, b := range blocks(a, "request_parameter") {
			if !b.require("request_parameter_key", "required") {
				continue
			}
			if rt.RequestParameters == nil {
				rt.RequestParameters = map[string]bool{}
				b.field(&rt.Src, "request_parameter_key", "requestParameters")
			}
			rt.RequestParameters[b.str("request_parameter_key")] = b.boolean("required")
		}
	}
	api.Routes = append(api.Routes, rt)
	return true
}

// httpStage adds an aws_apigatewayv2_stage or awscc_apigatewayv2_stage to
// its API.
func (c *config) httpStage(api *model.HttpApi, r *resource, a args) bool {
	cc := r.typ == typeCCStage
	name := "name"
	if cc {
		name = "stage_name"
	}
	if !a.require(name) {
		return false
	}
	st := model.HttpStage{Src: a.source(), Name: a.str(name), Description: a.str("description"),
		DeploymentID: a.str("deployment_id"), AutoDeploy: a.boolean("auto_deploy")}
	a.field(&st.Src, name, "stageName")
	st.StageVariables = c.stageVariables(a, &st.Src)
	api.Stages = append(api.Stages, st)
	return true
}

// stageVariables reads stage_variables: a map, or, as the awscc provider
// types it, a JSON object in a string.
func (c *config) stageVariables(a args, src *model.Source) model.StringMap {
	at, ok := a.body.Attributes["stage_variables"]
	if !ok {
		return nil
	}
	if _, literal := at.Expr.(*hclsyntax.ObjectConsExpr); literal {
		return a.strMap("stage_variables", src, "stageVariables")
	}
	v, ok := a.value("stage_variables")
	if !ok || v.Type() != cty.String {
		return a.strMap("stage_variables", src, "stageVariables")
	}
	a.field(src, "stage_variables", "stageVariables")
	var vars map[string]string
	if err := json.Unmarshal([]byte(v.AsString()), &vars); err != nil {
		c.failAt(at.SrcRange, a.path+".stage_variables", "Incorrect attribute value type: a JSON object of strings is required: %s", err)
		return nil
	}
	keys := make([]string, 0, len(vars))
	for k := range vars {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := model.StringMap{}
	for _, k := range keys {
		out.Set(k, vars[k])
	}
	return out
}

// blocks returns every nested block called name, in order.
func blocks(a args, name string) []args {
	var out []args
	for _, b := range a.body.Blocks {
		if b.Type == name {
			out = append(out, args{c: a.c, inst: a.inst, body: b.Body, at: b.TypeRange, path: model.JoinPath(a.path, name)})
		}
	}
	return out
}

// attrRange is where argument name was given, or the block when it was
// not.
func (a args) attrRange(name string) hcl.Range {
	if at, ok := a.body.Attributes[name]; ok {
		return at.SrcRange
	}
	return a.at
}

// fieldReader reads the arguments of a nested block (aws provider) or the
// attributes of an object argument (awscc provider) alike.
type fieldReader interface {
	has(name string) bool
	str(name string) string
	strs(name string) []string
	boolean(name string) bool
	integer(name string) int
	source() model.Source
	field(src *model.Source, name, member string)
}

// nested returns the nested configuration called name: an object argument
// when object is true (awscc's tls_config = {...}), else a block.
func (c *config) nested(a args, name string, object bool) (fieldReader, bool) {
	if !object {
		b, ok := a.sub(name)
		return b, ok
	}
	v, ok := a.value(name)
	if !ok {
		return nil, false
	}
	if !v.Type().IsObjectType() && !v.Type().IsMapType() {
		c.failAt(a.attrRange(name), a.path+"."+name, "Incorrect attribute value type: an object is required")
		return nil, false
	}
	return objectArg{a: a, name: name, v: v}, true
}

// objectArg reads the attributes of an object-valued argument, reporting
// problems at the argument.
type objectArg struct {
	a    args
	name string
	v    cty.Value
}

func (o objectArg) loc(attr string) model.Loc {
	l := o.a.attrLoc(o.name)
	l.Path = model.JoinPath(l.Path, attr)
	return l
}

func (o objectArg) source() model.Source { return model.Source{Loc: o.a.attrLoc(o.name)} }

func (o objectArg) field(src *model.Source, name, member string) { src.SetField(member, o.loc(name)) }

func (o objectArg) get(name string, t cty.Type) (cty.Value, bool) {
	var v cty.Value
	switch {
	case o.v.Type().IsObjectType() && o.v.Type().HasAttribute(name):
		v = o.v.GetAttr(name)
	case o.v.Type().IsMapType() && o.v.HasIndex(cty.StringVal(name)).True():
		v = o.v.Index(cty.StringVal(name))
	default:
		return cty.NilVal, false
	}
	if v.IsNull() {
		return cty.NilVal, false
	}
	out, err := convert.Convert(v, t)
	if err != nil {
		l := o.loc(name)
		o.a.c.errs = append(o.a.c.errs, &model.Error{Loc: l, Message: "Incorrect attribute value type: " + err.Error()})
		return cty.NilVal, false
	}
	return out, true
}

func (o objectArg) has(name string) bool {
	_, ok := o.get(name, cty.DynamicPseudoType)
	return ok
}

func (o objectArg) str(name string) string {
	if v, ok := o.get(name, cty.String); ok {
		return v.AsString()
	}
	return ""
}

func (o objectArg) strs(name string) []string {
	v, ok := o.get(name, cty.List(cty.String))
	if !ok {
		return nil
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		out = append(out, e.AsString())
	}
	return out
}

func (o objectArg) boolean(name string) bool {
	v, ok := o.get(name, cty.Bool)
	return ok && v.True()
}

func (o objectArg) integer(name string) int {
	v, ok := o.get(name, cty.Number)
	if !ok {
		return 0
	}
	n, _ := v.AsBigFloat().Int64()
	return int(n)
}

// isStatusMappingsBlock reports whether the tokens after a block's opening
// brace start aws_apigatewayv2_integration's response_parameters block
// (status_code = ..., mappings = {...}), which is not a Terraform 0.11 map
// written as a block.
func isStatusMappingsBlock(toks hclsyntax.Tokens) bool {
	for _, t := range toks {
		if t.Type == hclsyntax.TokenNewline {
			continue
		}
		return t.Type == hclsyntax.TokenIdent && (string(t.Bytes) == "status_code" || string(t.Bytes) == "mappings")
	}
	return false
}
