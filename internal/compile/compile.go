package compile

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"archway/internal/model"
	"archway/internal/plan"
	"archway/internal/router"
)

// StageConfig is the stage a plan serves.
type StageConfig struct {
	// Name is the stage name, the first path segment of every request.
	Name string
	// Variables are the stage variables.
	Variables model.StringMap
	// AccountID is reported as $context.accountId.
	AccountID string
	// DeploymentID is reported as $context.deploymentId; a stable id
	// derived from the API and stage when empty.
	DeploymentID string
	// Canary, when not nil, is a canary deployment on the stage.
	Canary *Canary
}

// Canary is a canary deployment: another definition of the API served to a
// share of the stage's requests, with some stage variables overridden.
type Canary struct {
	// PercentTraffic is the share of requests, 0 to 100.
	PercentTraffic float64
	// StageVariableOverrides replace or add stage variables.
	StageVariableOverrides model.StringMap
	// API is the canary deployment's definition.
	API *model.RestApi
}

// Compile builds the plan of api deployed to stage. api must have had its
// defaults applied (model.RestApi.ApplyDefaults; the sources do it). Every
// problem found is returned together as a model.Errors.
func Compile(api *model.RestApi, stage StageConfig) (*plan.Plan, error) {
	if stage.Name == "" {
		return nil, fmt.Errorf("compile: a stage name is required")
	}
	p, err := compileAPI(api, stage, stage.Variables)
	if err != nil {
		return nil, err
	}
	if c := stage.Canary; c != nil {
		vars := append(model.StringMap{}, stage.Variables...)
		for _, e := range c.StageVariableOverrides {
			vars.Set(e.Key, e.Value)
		}
		cs := stage
		cs.Canary = nil
		cs.DeploymentID = ""
		cp, err := compileAPI(c.API, cs, vars)
		if err != nil {
			return nil, fmt.Errorf("compile: canary deployment: %w", err)
		}
		p.Canary = &plan.Canary{PercentTraffic: c.PercentTraffic, Plan: cp}
	}
	return p, nil
}

// compileAPI builds the plan of one deployment of api.
func compileAPI(api *model.RestApi, stage StageConfig, vars model.StringMap) (*plan.Plan, error) {
	if err := api.ValidateDeployment(); err != nil {
		return nil, err
	}
	c := &compiler{api: api}
	p := &plan.Plan{
		APIID:            api.ID,
		AccountID:        stage.AccountID,
		DeploymentID:     stage.DeploymentID,
		Stage:            stage.Name,
		BinaryMediaTypes: append([]string(nil), api.BinaryMediaTypes...),
		GatewayResponses: c.gatewayResponses(),
	}
	if p.DeploymentID == "" {
		p.DeploymentID = model.StableID(6, api.ID, stage.Name, "deployment")
	}
	for _, e := range vars {
		p.StageVariables = append(p.StageVariables, plan.Variable{Name: e.Key, Value: e.Value})
	}
	var routes []router.Route
	for _, r := range api.Resources {
		if len(r.Methods) == 0 {
			continue
		}
		pr := &plan.Resource{ID: r.ID, Path: r.Path}
		route := router.Route{Path: r.Path}
		for _, m := range r.Methods {
			pr.Methods = append(pr.Methods, c.method(m))
			route.Methods = append(route.Methods, strings.ToUpper(m.HTTPMethod))
		}
		p.Resources = append(p.Resources, pr)
		routes = append(routes, route)
	}
	rt, err := router.New(routes)
	if err != nil {
		c.fail(api.Src.Loc, err.Error())
	}
	p.Router = rt
	if err := c.errs.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// compiler collects the errors of one compilation.
type compiler struct {
	api  *model.RestApi
	errs model.Errors
}

func (c *compiler) fail(l model.Loc, msg string) {
	c.errs = append(c.errs, &model.Error{Loc: l, Message: msg})
}

func (c *compiler) method(m *model.Method) *plan.Method {
	pm := &plan.Method{HTTPMethod: strings.ToUpper(m.HTTPMethod)}
	if v := c.api.RequestValidator(m.RequestValidatorID); v != nil && v.ValidateRequestParameters {
		pm.Validation.RequiredParameters = requiredParameters(m.RequestParameters)
	}
	if m.Integration != nil {
		pm.Integration = c.integration(m.Integration)
	}
	return pm
}

// requiredParameters lists the required method request parameters sorted
// by their full name, the order AWS lists missing ones in
// ("Missing required request parameters: [x-header-param, issuer, qs1]":
// header, then path, then querystring).
func requiredParameters(params map[string]bool) []plan.RequiredParameter {
	names := make([]string, 0, len(params))
	for k, required := range params {
		if required {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	var out []plan.RequiredParameter
	for _, k := range names {
		rest, ok := strings.CutPrefix(k, "method.request.")
		if !ok {
			continue
		}
		loc, name, ok := strings.Cut(rest, ".")
		if !ok {
			continue
		}
		switch loc {
		case "multivaluequerystring":
			loc = "querystring"
		case "multivalueheader":
			loc = "header"
		}
		out = append(out, plan.RequiredParameter{Location: loc, Name: name})
	}
	return out
}

func (c *compiler) integration(in *model.Integration) *plan.Integration {
	timeout := in.TimeoutInMillis
	if timeout == 0 {
		timeout = model.DefaultTimeoutInMillis
	}
	pi := &plan.Integration{
		Type:            plan.IntegrationType(in.Type),
		HTTPMethod:      in.HTTPMethod,
		URI:             in.URI,
		Credentials:     in.Credentials,
		Timeout:         time.Duration(timeout) * time.Millisecond,
		Passthrough:     plan.Passthrough(in.PassthroughBehavior),
		ContentHandling: plan.ContentHandling(in.ContentHandling),
	}
	if pi.Passthrough == "" {
		pi.Passthrough = plan.WhenNoMatch
	}
	pi.RequestParameters = c.mappings(in.Src, "requestParameters", in.RequestParameters, "integration.request.")
	pi.Broken = forbiddenMapping(pi.Type, pi.RequestParameters)
	if pi.Broken == "" {
		pi.Broken = lambdaMethod(pi)
	}
	if in.ConnectionType == model.ConnectionVPCLink {
		pi.ConnectionID = in.ConnectionID
	}
	if t := in.TLSConfig; t != nil {
		pi.TLS = &plan.TLSConfig{InsecureSkipVerification: t.InsecureSkipVerification, ServerNameToVerify: t.ServerNameToVerify}
	}
	pi.RequestTemplates = c.templates(in.Src, "requestTemplates", in.RequestTemplates)
	for i := range in.IntegrationResponses {
		r := c.integrationResponse(&in.IntegrationResponses[i])
		if r == nil {
			continue
		}
		if r.Pattern == nil {
			if pi.Default == nil {
				pi.Default = r
			}
			continue
		}
		pi.Responses = append(pi.Responses, r)
	}
	return pi
}

func (c *compiler) integrationResponse(r *model.IntegrationResponse) *plan.IntegrationResponse {
	status, err := strconv.Atoi(r.StatusCode)
	if err != nil || status < 100 || status > 599 {
		c.fail(r.Src.Field("statusCode"), fmt.Sprintf("Invalid status code %q: expected a number from 100 to 599", r.StatusCode))
		return nil
	}
	pr := &plan.IntegrationResponse{
		StatusCode:      r.StatusCode,
		Status:          status,
		ContentHandling: plan.ContentHandling(r.ContentHandling),
	}
	if !r.IsDefault() {
		pr.Pattern = c.pattern(r.Src.Field("selectionPattern"), r.SelectionPattern)
		if pr.Pattern == nil {
			return nil
		}
	}
	pr.Parameters = c.mappings(r.Src, "responseParameters", r.ResponseParameters, "method.response.header.")
	pr.Templates = c.templates(r.Src, "responseTemplates", r.ResponseTemplates)
	return pr
}
