package plan

import "archway/internal/router"

// Plan is one deployed stage of one REST API.
type Plan struct {
	// APIID is the REST API id ($context.apiId).
	APIID string
	// AccountID is the account the gateway runs as ($context.accountId).
	AccountID string
	// DeploymentID is the id of the deployment the stage serves
	// ($context.deploymentId).
	DeploymentID string
	// Stage is the stage name: the first path segment of every request.
	Stage string
	// StageVariables are the stage variables in definition order.
	StageVariables []Variable
	// Router matches request paths; a match's Route indexes Resources and
	// its MethodIndex indexes that resource's Methods.
	Router *router.Router
	// Resources are the resources that have at least one method, in the
	// order given to Router.
	Resources []*Resource
	// BinaryMediaTypes are the API's binary media types (wildcards allowed).
	BinaryMediaTypes []string
	// GatewayResponses holds the response of every gateway response type,
	// resolved: the type's customisation, else its DEFAULT_4XX/DEFAULT_5XX
	// customisation, else AWS's default.
	GatewayResponses map[string]*GatewayResponse
	// Canary, when not nil, receives a share of the stage's requests.
	Canary *Canary
}

// Canary is a canary deployment on a stage.
type Canary struct {
	// PercentTraffic is the share of requests (0 to 100) the canary serves.
	PercentTraffic float64
	// Plan is the canary deployment with the overridden stage variables
	// merged in; its Canary is nil.
	Plan *Plan
}

// Variable is one stage variable.
type Variable struct {
	Name  string
	Value string
}

// Resource is one resource path and the methods defined on it.
type Resource struct {
	// ID is the resource id ($context.resourceId).
	ID string
	// Path is the resource path template, e.g. "/pets/{petId}"
	// ($context.resourcePath).
	Path string
	// Methods are in the order given to the router for this resource.
	Methods []*Method
}

// Method is one method of a resource, compiled.
type Method struct {
	// HTTPMethod is GET, POST, ... or ANY.
	HTTPMethod string
	// Validation is what the method request validator checks.
	Validation Validation
	// Integration is what the method calls.
	Integration *Integration
}

// Validation is the method request validation of a method: what its
// request validator checks. Request bodies are not validated yet.
type Validation struct {
	// RequiredParameters are the required method request parameters
	// checked when the validator validates parameters, sorted as AWS lists
	// missing ones.
	RequiredParameters []RequiredParameter
}

// RequiredParameter is a method request parameter that must be present.
type RequiredParameter struct {
	// Location is path, querystring or header.
	Location string
	// Name is the parameter name.
	Name string
}
