package cloudformation

import (
	"strings"

	"archway/internal/model"
)

// The resource types Archway reads.
const (
	typeRestAPI          = "AWS::ApiGateway::RestApi"
	typeResource         = "AWS::ApiGateway::Resource"
	typeMethod           = "AWS::ApiGateway::Method"
	typeDeployment       = "AWS::ApiGateway::Deployment"
	typeStage            = "AWS::ApiGateway::Stage"
	typeGatewayResponse  = "AWS::ApiGateway::GatewayResponse"
	typeModel            = "AWS::ApiGateway::Model"
	typeRequestValidator = "AWS::ApiGateway::RequestValidator"
	typeFunction         = "AWS::Lambda::Function"
	samFunction          = "AWS::Serverless::Function"
	samAPI               = "AWS::Serverless::Api"
	// samImplicitAPI is the logical id of the API SAM creates for Api
	// events that name no API.
	samImplicitAPI = "ServerlessRestApi"
)

// physicalID is the value of Ref of a resource: its name when the template
// names it, else an id derived from the stack and logical id, stable
// across loads.
func (t *template) physicalID(r *resource) (string, bool) {
	named := func(prop string) (string, bool, bool) {
		n := member(r.props.n, prop)
		if n == nil {
			return "", false, true
		}
		s, ok := t.evalString(r.props.child(prop, n))
		return s, true, ok
	}
	stack := t.opts.StackName
	switch r.typ {
	case typeRestAPI, samAPI:
		return model.StableID(10, "restapi", stack, r.id), true
	case typeResource:
		return model.StableID(6, "resource", stack, r.id), true
	case typeDeployment:
		return model.StableID(6, "deployment", stack, r.id), true
	case typeRequestValidator:
		return model.StableID(6, "validator", stack, r.id), true
	case typeStage:
		s, _, ok := named("StageName")
		return s, ok
	case typeModel:
		if s, set, ok := named("Name"); set || !ok {
			return s, ok
		}
		return r.id + strings.ToUpper(model.StableID(12, "model", stack, r.id)), true
	case typeFunction, samFunction:
		if s, set, ok := named("FunctionName"); set || !ok {
			return s, ok
		}
	}
	return stack + "-" + r.id + "-" + strings.ToUpper(model.StableID(12, "physical", stack, r.id)), true
}

// implicitID is the Ref value of a resource SAM creates.
func (t *template) implicitID(name string) string {
	switch name {
	case samImplicitAPI:
		return model.StableID(10, "restapi", t.opts.StackName, name)
	case samImplicitAPI + "ProdStage":
		return "Prod"
	case samImplicitAPI + "Deployment":
		return model.StableID(6, "deployment", t.opts.StackName, name)
	}
	return t.opts.StackName + "-" + name + "-" + strings.ToUpper(model.StableID(12, "physical", t.opts.StackName, name))
}

// rootResourceID is the id of the root resource of the REST API with the
// given logical id.
func (t *template) rootResourceID(logical string) string {
	return model.StableID(10, "root", t.opts.StackName, logical)
}

// attribute is the value of Fn::GetAtt logical.attr.
func (t *template) attribute(v val, logical, attr string) (string, bool) {
	r := t.resources[logical]
	typ := ""
	if r != nil {
		typ = r.typ
	} else if t.implicitName(logical) {
		typ = typeRestAPI
		if logical != samImplicitAPI {
			typ = "AWS::IAM::Role"
		}
	} else {
		t.fail(v, "Template error: instance of Fn::GetAtt references undefined resource %s", logical)
		return "", false
	}
	ref := func() (string, bool) {
		if r == nil {
			return t.implicitID(logical), true
		}
		return t.physicalID(r)
	}
	switch {
	case (typ == typeRestAPI || typ == samAPI) && attr == "RootResourceId":
		return t.rootResourceID(logical), true
	case (typ == typeRestAPI || typ == samAPI) && attr == "RestApiId",
		typ == typeResource && attr == "ResourceId",
		typ == typeDeployment && attr == "DeploymentId",
		typ == typeRequestValidator && attr == "RequestValidatorId":
		return ref()
	case (typ == typeFunction || typ == samFunction) && attr == "Arn":
		name, ok := ref()
		return "arn:" + t.partition() + ":lambda:" + t.opts.Region + ":" + t.opts.AccountID + ":function:" + name, ok
	case typ == "AWS::IAM::Role" && attr == "Arn":
		name, ok := ref()
		return "arn:" + t.partition() + ":iam::" + t.opts.AccountID + ":role/" + name, ok
	case attr == "Arn" && strings.HasPrefix(typ, "AWS::"):
		name, ok := ref()
		service := strings.ToLower(strings.Split(typ, "::")[1])
		return "arn:" + t.partition() + ":" + service + ":" + t.opts.Region + ":" + t.opts.AccountID + ":" + name, ok
	}
	t.fail(v, "Fn::GetAtt: attribute %s of %s (%s) is not supported", attr, logical, typ)
	return "", false
}
