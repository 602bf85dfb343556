package terraform

import (
	"strings"

	"archway/internal/model"
)

// The resource types Archway reads.
const (
	typeRestAPI             = "aws_api_gateway_rest_api"
	typeResource            = "aws_api_gateway_resource"
	typeMethod              = "aws_api_gateway_method"
	typeIntegration         = "aws_api_gateway_integration"
	typeIntegrationResponse = "aws_api_gateway_integration_response"
	typeMethodResponse      = "aws_api_gateway_method_response"
	typeDeployment          = "aws_api_gateway_deployment"
	typeStage               = "aws_api_gateway_stage"
	typeGatewayResponse     = "aws_api_gateway_gateway_response"
	typeModel               = "aws_api_gateway_model"
	typeRequestValidator    = "aws_api_gateway_request_validator"
	typeFunction            = "aws_lambda_function"
	// typePermission grants API Gateway the right to invoke a function.
	// Locally every function may be invoked, so it changes nothing and
	// loads without a warning.
	typePermission = "aws_lambda_permission"
	// typeIAMRole is read only for the arn a role's references see.
	typeIAMRole = "aws_iam_role"
)

// buildAPI builds the first REST API the configuration defines, with the
// parts that name it, AWS's defaults applied and validated.
func (c *config) buildAPI() *model.RestApi {
	var apiRes *resource
	for _, r := range c.order {
		switch r.typ {
		case typeRestAPI:
			if apiRes == nil {
				apiRes = r
			} else {
				c.warnAt(r.block.TypeRange, r.addr(), "only one REST API per configuration is served: %s is not (serving %s)", r.addr(), apiRes.addr())
			}
		case typeResource, typeMethod, typeIntegration, typeIntegrationResponse, typeMethodResponse, typeDeployment,
			typeStage, typeGatewayResponse, typeModel, typeRequestValidator, typeFunction, typePermission, typeIAMRole:
		case typeV2API, typeV2Integration, typeV2Route, typeV2Stage, typeV2Deployment, typeV2VPCLink,
			typeCCAPI, typeCCIntegration, typeCCRoute, typeCCStage:
			// Read by httpAPIs.
		default:
			c.warnAt(r.block.TypeRange, r.addr(), "resource type %s is not read by Archway", r.typ)
		}
	}
	if apiRes == nil {
		if !c.hasHTTPAPI() {
			c.failAt(c.order[0].block.TypeRange, "", "the configuration defines no REST API (aws_api_gateway_rest_api) "+
				"and no HTTP API (aws_apigatewayv2_api, awscc_apigatewayv2_api)")
		}
		return nil
	}
	api := c.restAPI(apiRes)
	if api == nil {
		return nil
	}
	parts := map[string][]args{}
	for _, r := range c.order {
		if r.typ == typeRestAPI || r.typ == typeFunction || r.typ == typePermission {
			continue
		}
		a := c.args(r)
		if !a.has("rest_api_id") {
			continue
		}
		if id := a.str("rest_api_id"); id != api.ID {
			if id != "" {
				c.warnAt(r.block.TypeRange, r.addr(), "%s belongs to another REST API and is not served", r.addr())
			}
			continue
		}
		parts[r.typ] = append(parts[r.typ], a)
	}
	c.resourceTree(api, parts[typeResource])
	for _, a := range parts[typeModel] {
		c.apiModel(api, a)
	}
	for _, a := range parts[typeRequestValidator] {
		v := model.RequestValidator{Src: a.source(), ID: c.resources[a.path].id, Name: a.str("name"),
			ValidateRequestBody: a.boolean("validate_request_body"), ValidateRequestParameters: a.boolean("validate_request_parameters")}
		a.field(&v.Src, "name", "name")
		api.RequestValidators = append(api.RequestValidators, v)
	}
	for _, a := range parts[typeMethod] {
		c.method(api, a)
	}
	for _, a := range parts[typeMethodResponse] {
		c.methodResponse(api, a)
	}
	for _, a := range parts[typeIntegration] {
		c.integration(api, a)
	}
	for _, a := range parts[typeIntegrationResponse] {
		c.integrationResponse(api, a)
	}
	for _, a := range parts[typeDeployment] {
		c.deployment(api, a)
	}
	for _, a := range parts[typeStage] {
		c.stage(api, a)
	}
	for _, a := range parts[typeGatewayResponse] {
		c.gatewayResponse(api, a)
	}
	// The API is validated even when parts of it had errors, so that
	// every error is reported at once.
	for _, name := range []string{model.EmptyModelName, model.ErrorModelName} {
		if api.Model(name) == nil {
			builtin, _ := model.BuiltinModel(name)
			api.Models = append(api.Models, builtin)
		}
	}
	api.ApplyDefaults()
	warnings, err := api.Validate()
	c.warns = append(c.warns, warnings...)
	if es, ok := err.(model.Errors); ok {
		// An argument that could not be read is reported once: not again
		// as the empty value it left behind.
		reported := map[string]bool{}
		for _, e := range c.errs {
			reported[e.Loc.File+"\x00"+e.Loc.Path] = true
		}
		for _, e := range es {
			if !reported[e.Loc.File+"\x00"+e.Loc.Path] {
				c.errs = append(c.errs, e)
			}
		}
		return nil
	}
	return api
}

// restAPI builds the API itself: from its OpenAPI body, or empty with a
// root resource.
func (c *config) restAPI(r *resource) *model.RestApi {
	a := c.args(r)
	root := c.object(r, r.block.TypeRange).GetAttr("root_resource_id").AsString()
	api := &model.RestApi{Resources: []*model.Resource{{ID: root, Path: "/"}}}
	if a.has("body") {
		body := a.str("body")
		if c.opts.ParseOpenAPI == nil {
			c.failAt(r.block.TypeRange, r.addr()+".body", "no OpenAPI reader was given to read the body")
			return nil
		}
		// Problems inside the body are reported as
		// "main.tf:aws_api_gateway_rest_api.a.body:LINE: path", LINE
		// counting in the body.
		l := a.attrLoc("body")
		parsed, warnings, err := c.opts.ParseOpenAPI(l.File+":"+l.Path, []byte(body))
		c.warns = append(c.warns, warnings...)
		if es, ok := err.(model.Errors); ok {
			c.errs = append(c.errs, es...)
			return nil
		} else if err != nil {
			c.failAt(r.block.TypeRange, r.addr()+".body", "%s", err)
			return nil
		}
		api = parsed
		if r := api.RootResource(); r != nil {
			old := r.ID
			for _, x := range api.Resources {
				if x.ID == old {
					x.ID = root
				} else if x.ParentID == old {
					x.ParentID = root
				}
			}
		}
	}
	api.Src = a.source()
	api.ID = r.id
	if s := a.str("name"); s != "" {
		api.Name = s
		a.field(&api.Src, "name", "name")
	}
	if api.Name == "" {
		a.require("name")
	}
	if s := a.str("description"); s != "" {
		api.Description = s
	}
	if a.has("binary_media_types") {
		api.BinaryMediaTypes = a.strs("binary_media_types")
	}
	if s := a.str("api_key_source"); s != "" {
		api.APIKeySource = model.ParseAPIKeySource(s)
		a.field(&api.Src, "api_key_source", "apiKeySource")
	}
	if a.has("minimum_compression_size") {
		n := a.integer("minimum_compression_size")
		api.MinimumCompressionSize = &n
		a.field(&api.Src, "minimum_compression_size", "minimumCompressionSize")
	}
	api.DisableExecuteAPIEndpoint = a.boolean("disable_execute_api_endpoint")
	if ec, ok := a.sub("endpoint_configuration"); ok {
		api.EndpointConfiguration.Src = ec.source()
		for _, s := range ec.strs("types") {
			api.EndpointConfiguration.Types = append(api.EndpointConfiguration.Types, model.ParseEndpointType(s))
		}
		api.EndpointConfiguration.VPCEndpointIDs = ec.strs("vpc_endpoint_ids")
	}
	return api
}

// resourceTree adds the aws_api_gateway_resource resources, every parent
// before its children.
func (c *config) resourceTree(api *model.RestApi, rs []args) {
	added := make([]bool, len(rs))
	for progress := true; progress; {
		progress = false
		for i, a := range rs {
			if added[i] || !a.require("parent_id", "path_part") {
				added[i] = added[i] || !a.has("parent_id") || !a.has("path_part")
				continue
			}
			parent := api.Resource(a.str("parent_id"))
			if parent == nil {
				continue
			}
			part := a.str("path_part")
			res := &model.Resource{Src: a.source(), ID: c.resources[a.path].id, ParentID: parent.ID, PathPart: part,
				Path: strings.TrimSuffix(parent.Path, "/") + "/" + part}
			a.field(&res.Src, "parent_id", "parentId")
			a.field(&res.Src, "path_part", "pathPart")
			api.Resources = append(api.Resources, res)
			added[i], progress = true, true
		}
	}
	for i, a := range rs {
		if !added[i] {
			c.failAt(a.body.Attributes["parent_id"].SrcRange, a.path+".parent_id", "Invalid Resource identifier specified")
		}
	}
}

// resourceOf returns the API resource a part's resource_id names.
func (c *config) resourceOf(api *model.RestApi, a args) *model.Resource {
	if !a.require("resource_id") {
		return nil
	}
	res := api.Resource(a.str("resource_id"))
	if res == nil {
		c.failAt(a.body.Attributes["resource_id"].SrcRange, a.path+".resource_id", "Invalid Resource identifier specified")
	}
	return res
}

// methodOf returns the method a part's resource_id and http_method name.
func (c *config) methodOf(api *model.RestApi, a args) *model.Method {
	res := c.resourceOf(api, a)
	if res == nil || !a.require("http_method") {
		return nil
	}
	m := res.Method(strings.ToUpper(a.str("http_method")))
	if m == nil {
		c.failAt(a.body.Attributes["http_method"].SrcRange, a.path+".http_method", "Invalid Method identifier specified")
	}
	return m
}
