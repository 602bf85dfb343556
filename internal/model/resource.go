package model

import "strings"

// Resource is one node of the resource tree: a path segment and the methods
// defined on it.
type Resource struct {
	Src      Source
	ID       string
	ParentID string // "" for the root
	PathPart string // "" for the root, "pets", "{id}" or "{proxy+}"
	Path     string // "/", "/pets/{id}"
	Methods  []*Method
}

// Method returns the method with the given HTTP method (GET, ANY, ...), or
// nil. It does not fall back to ANY.
func (r *Resource) Method(httpMethod string) *Method {
	for _, m := range r.Methods {
		if m.HTTPMethod == httpMethod {
			return m
		}
	}
	return nil
}

// IsVariable reports whether the path part is a path parameter ({id} or
// {proxy+}).
func IsVariable(pathPart string) bool {
	return len(pathPart) > 2 && pathPart[0] == '{' && pathPart[len(pathPart)-1] == '}'
}

// IsGreedy reports whether the path part is a greedy path parameter
// ({proxy+}).
func IsGreedy(pathPart string) bool {
	return IsVariable(pathPart) && strings.HasSuffix(pathPart, "+}")
}

// Method is one HTTP method of a resource: how a request is accepted
// (method request), what it calls (integration) and what it may answer
// (method responses).
type Method struct {
	Src                 Source
	HTTPMethod          string // GET, PUT, POST, DELETE, PATCH, OPTIONS, HEAD or ANY
	AuthorizationType   AuthorizationType
	AuthorizerID        string
	AuthorizationScopes []string
	APIKeyRequired      bool
	OperationName       string
	// RequestParameters declares the method request parameters
	// (method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.NAME)
	// and whether each is required.
	RequestParameters map[string]bool
	// RequestModels maps a content type to the name of the model of the
	// request body.
	RequestModels      StringMap
	RequestValidatorID string
	// MethodResponses are the declared method responses in definition order.
	MethodResponses []MethodResponse
	// Integration is what the method calls; nil when none is defined.
	Integration *Integration
}

// MethodResponse returns the method response with the given status code,
// or nil.
func (m *Method) MethodResponse(statusCode string) *MethodResponse {
	for i := range m.MethodResponses {
		if m.MethodResponses[i].StatusCode == statusCode {
			return &m.MethodResponses[i]
		}
	}
	return nil
}

// MethodResponse declares one status code a method may answer with, the
// headers it may carry and the models of its body.
type MethodResponse struct {
	Src        Source
	StatusCode string
	// ResponseParameters declares method.response.header.NAME headers and
	// whether each is required.
	ResponseParameters map[string]bool
	// ResponseModels maps a content type to a model name.
	ResponseModels StringMap
}
