package cloudformation

import (
	"strings"

	"archway/internal/model"
)

// apiCandidate is a REST API the template defines.
type apiCandidate struct {
	logical string
	r       *resource // nil for SAM's implicit API
}

// buildAPI builds the REST API the template defines (the one Options
// names, else the first), with AWS's defaults applied and validated.
func (t *template) buildAPI() *model.RestApi {
	var cands []apiCandidate
	implicit := false
	for _, id := range t.order {
		r := t.resources[id]
		if !t.included(r) {
			continue
		}
		switch r.typ {
		case typeRestAPI, samAPI:
			cands = append(cands, apiCandidate{logical: id, r: r})
		case samFunction:
			if !implicit && t.sam && t.hasImplicitEvents(r) {
				implicit = true
				cands = append(cands, apiCandidate{logical: samImplicitAPI})
			}
		case typeResource, typeMethod, typeDeployment, typeStage, typeGatewayResponse, typeModel,
			typeRequestValidator, typeFunction:
		default:
			if !ignoredTypes[r.typ] {
				t.warnAt(member(r.v.n, "Type").Line, joinPath(r.v.path, "Type"), "resource type %s is not read by Archway", r.typ)
			}
		}
	}
	if len(cands) == 0 {
		t.failAt(0, "Resources", "the template defines no REST API (AWS::ApiGateway::RestApi, AWS::Serverless::Api or a AWS::Serverless::Function with Api events)")
		return nil
	}
	chosen := cands[0]
	if t.opts.RestApi != "" {
		found := false
		for _, c := range cands {
			if c.logical == t.opts.RestApi {
				chosen, found = c, true
			}
		}
		if !found {
			t.failAt(0, "Resources", "the template defines no REST API %s", t.opts.RestApi)
			return nil
		}
	}
	for _, c := range cands {
		if c != chosen && c.r != nil {
			t.warn(c.r.v, "only one REST API per template is served: %s is not (serving %s)", c.logical, chosen.logical)
		}
	}
	api := t.restAPI(chosen)
	if api == nil {
		return nil
	}
	t.attach(api, chosen)
	if len(t.errs) > 0 {
		return nil
	}
	// Every API CreateRestApi makes starts with the Empty and Error models.
	for _, name := range []string{model.EmptyModelName, model.ErrorModelName} {
		if api.Model(name) == nil {
			builtin, _ := model.BuiltinModel(name)
			api.Models = append(api.Models, builtin)
		}
	}
	api.ApplyDefaults()
	warnings, err := api.Validate()
	t.warns = append(t.warns, warnings...)
	if es, ok := err.(model.Errors); ok {
		t.errs = append(t.errs, es...)
		return nil
	}
	return api
}

// ignoredTypes are resource types that do not change how an API serves
// requests locally; they load without a warning.
var ignoredTypes = map[string]bool{
	"AWS::Lambda::Permission":                  true,
	"AWS::IAM::Role":                           true,
	"AWS::IAM::Policy":                         true,
	"AWS::Logs::LogGroup":                      true,
	"AWS::ApiGateway::Account":                 true,
	"AWS::CloudFormation::WaitConditionHandle": true,
}

// restAPI builds the API itself: from its OpenAPI body, or empty with a
// root resource.
func (t *template) restAPI(c apiCandidate) *model.RestApi {
	id := t.implicitID(samImplicitAPI)
	if c.r != nil {
		id, _ = t.physicalID(c.r)
	}
	root := t.rootResourceID(c.logical)
	if c.r == nil {
		api := &model.RestApi{ID: id, Name: t.opts.StackName}
		api.Resources = []*model.Resource{{ID: root, Path: "/"}}
		api.Stages = []model.Stage{{Name: "Prod"}}
		return api
	}
	o, ok := t.props(c.r)
	if !ok {
		return nil
	}
	o.warnUnknown(c.r.typ)
	bodyKey, locKey := "Body", "BodyS3Location"
	if c.r.typ == samAPI {
		bodyKey, locKey = "DefinitionBody", "DefinitionUri"
	}
	var api *model.RestApi
	if b, ok := o.get(bodyKey); ok {
		api = t.bodyAPI(b)
	} else if l, ok := o.get(locKey); ok {
		api = t.bodyFile(l)
	} else {
		api = &model.RestApi{Resources: []*model.Resource{{ID: root, Path: "/"}}}
	}
	if api == nil {
		return nil
	}
	api.Src = o.source()
	api.ID = id
	if r := api.RootResource(); r != nil && r.ID != root {
		old := r.ID
		for _, x := range api.Resources {
			if x.ID == old {
				x.ID = root
			}
			if x.ParentID == old {
				x.ParentID = root
			}
		}
	}
	if s := o.str("Name"); s != "" {
		api.Name = s
		o.field(&api.Src, "Name", "name")
	}
	if api.Name == "" {
		api.Name = c.logical
	}
	if s := o.str("Description"); s != "" {
		api.Description = s
	}
	if o.has("BinaryMediaTypes") {
		api.BinaryMediaTypes = o.strs("BinaryMediaTypes")
	}
	if s := o.str("ApiKeySourceType"); s != "" {
		api.APIKeySource = model.ParseAPIKeySource(s)
		o.field(&api.Src, "ApiKeySourceType", "apiKeySource")
	}
	if o.has("MinimumCompressionSize") {
		n := o.integer("MinimumCompressionSize")
		api.MinimumCompressionSize = &n
		o.field(&api.Src, "MinimumCompressionSize", "minimumCompressionSize")
	}
	api.DisableExecuteAPIEndpoint = o.boolean("DisableExecuteApiEndpoint")
	if ec, ok := o.sub("EndpointConfiguration"); ok {
		api.EndpointConfiguration.Src = ec.source()
		for _, s := range ec.strs("Types") {
			api.EndpointConfiguration.Types = append(api.EndpointConfiguration.Types, model.ParseEndpointType(s))
		}
		api.EndpointConfiguration.VPCEndpointIDs = ec.strs("VpcEndpointIds")
	} else if s := o.str("EndpointConfiguration"); s != "" {
		api.EndpointConfiguration.Types = []model.EndpointType{model.ParseEndpointType(s)}
	}
	if c.r.typ == samAPI {
		st := model.Stage{Src: o.source(), Name: o.str("StageName"), Variables: o.strMap("Variables", &model.Source{}, "variables")}
		o.field(&st.Src, "StageName", "stageName")
		if st.Name == "" {
			t.fail(c.r.props, "AWS::Serverless::Api: StageName is required")
		}
		api.Stages = append(api.Stages, st)
	}
	return api
}

// belongs reports whether the resource's RestApiId names the API.
func belongs(o obj, apiID string) bool { return o.str("RestApiId") == apiID }

// attach adds the resources, methods and other parts the template defines
// separately to the API.
func (t *template) attach(api *model.RestApi, c apiCandidate) {
	var methods []obj
	var cfnResources []treeNode
	for _, id := range t.order {
		r := t.resources[id]
		if !t.included(r) {
			continue
		}
		switch r.typ {
		case typeResource, typeMethod, typeDeployment, typeStage, typeGatewayResponse, typeModel, typeRequestValidator:
		case samFunction:
			t.samEvents(api, c, r)
			continue
		default:
			continue
		}
		o, ok := t.props(r)
		if !ok || !belongs(o, api.ID) {
			continue
		}
		switch r.typ {
		case typeResource:
			id, _ := t.physicalID(r)
			cfnResources = append(cfnResources, treeNode{o: o, id: id})
		case typeMethod:
			methods = append(methods, o)
		case typeDeployment:
			t.deployment(api, r, o)
		case typeStage:
			t.stage(api, o)
		case typeGatewayResponse:
			t.gatewayResponse(api, o)
		case typeModel:
			t.apiModel(api, r, o)
		case typeRequestValidator:
			id, _ := t.physicalID(r)
			v := model.RequestValidator{Src: o.source(), ID: id, Name: o.str("Name"),
				ValidateRequestBody: o.boolean("ValidateRequestBody"), ValidateRequestParameters: o.boolean("ValidateRequestParameters")}
			if v.Name == "" {
				v.Name = r.id
			}
			api.RequestValidators = append(api.RequestValidators, v)
		}
	}
	t.resourceTree(api, cfnResources)
	for _, o := range methods {
		t.method(api, o)
	}
}

// treeNode is an AWS::ApiGateway::Resource and its id.
type treeNode struct {
	o  obj
	id string
}

// resourceTree adds the AWS::ApiGateway::Resource resources, every parent
// before its children.
func (t *template) resourceTree(api *model.RestApi, rs []treeNode) {
	added := make([]bool, len(rs))
	for progress := true; progress; {
		progress = false
		for i, n := range rs {
			o := n.o
			if added[i] {
				continue
			}
			parent := api.Resource(o.str("ParentId"))
			if parent == nil {
				continue
			}
			part := o.str("PathPart")
			res := &model.Resource{Src: o.source(), ID: n.id, ParentID: parent.ID, PathPart: part,
				Path: strings.TrimSuffix(parent.Path, "/") + "/" + part}
			o.field(&res.Src, "ParentId", "parentId")
			o.field(&res.Src, "PathPart", "pathPart")
			api.Resources = append(api.Resources, res)
			added[i], progress = true, true
		}
	}
	for i, n := range rs {
		if !added[i] {
			v, ok := n.o.get("ParentId")
			if !ok {
				v = n.o.v
			}
			t.fail(v, "Invalid Resource identifier specified")
		}
	}
}
