package openapi

import (
	"strings"

	"archway/internal/model"
)

// operations maps the members of a path item that are methods to the HTTP
// method; x-amazon-apigateway-any-method is API Gateway's ANY.
var operations = map[string]string{
	"get": "GET", "put": "PUT", "post": "POST", "delete": "DELETE", "options": "OPTIONS",
	"head": "HEAD", "patch": "PATCH", "x-amazon-apigateway-any-method": "ANY",
}

// tree builds the resource tree the way ImportRestApi does: one resource
// per path segment, parents created on demand.
type tree struct {
	api    *model.RestApi
	byPath map[string]*model.Resource
}

func newTree(api *model.RestApi) *tree {
	root := &model.Resource{Src: api.Src, ID: model.StableID(10, "resource", "/"), Path: "/"}
	api.Resources = append(api.Resources, root)
	return &tree{api: api, byPath: map[string]*model.Resource{"/": root}}
}

// ensure returns the resource for path, creating it and its missing
// ancestors. Empty segments ("/pets/") make resources with an empty path
// part, which validation rejects as AWS does.
func (t *tree) ensure(path string, src model.Source) *model.Resource {
	if res, ok := t.byPath[path]; ok {
		return res
	}
	i := strings.LastIndexByte(path, '/')
	parentPath := path[:i]
	if parentPath == "" {
		parentPath = "/"
	}
	parent := t.ensure(parentPath, src)
	res := &model.Resource{
		Src: src, ID: model.StableID(6, "resource", path), ParentID: parent.ID,
		PathPart: path[i+1:], Path: path,
	}
	t.byPath[path] = res
	t.api.Resources = append(t.api.Resources, res)
	return res
}

// paths reads the paths object.
func (r *reader) paths(t *tree, v value) {
	ms, _ := r.members(v)
	for _, m := range ms {
		if !strings.HasPrefix(m.key, "/") {
			r.fail(m.value, "a path must start with /")
			continue
		}
		r.pathItem(t, t.ensure(m.key, r.source(m.value)), m.value)
	}
}

// pathItem reads the methods of one path. An empty path item only
// creates the resource.
func (r *reader) pathItem(t *tree, res *model.Resource, v value) {
	v, ok := r.deref(v)
	if !ok || isNull(v) {
		return
	}
	ms, _ := r.members(v)
	var shared []value
	for _, m := range ms {
		if m.key == "parameters" {
			shared = append(shared, m.value)
		}
	}
	for _, m := range ms {
		switch method, isOp := operations[m.key]; {
		case isOp:
			r.operation(t.api, res, method, m.value, shared)
		case m.key == "parameters", m.key == "summary", m.key == "description", m.key == "servers":
		case m.key == "trace":
			r.warn(m.value, "API Gateway has no TRACE method; ignored")
		default:
			r.ignore(m, "a path item")
		}
	}
}

// operation reads one method: its request, responses, security and
// integration.
func (r *reader) operation(api *model.RestApi, res *model.Resource, httpMethod string, v value, shared []value) {
	ms, ok := r.members(v)
	if !ok {
		return
	}
	m := &model.Method{Src: r.source(v), HTTPMethod: httpMethod}
	byKey := map[string]member{}
	for _, f := range ms {
		byKey[f.key] = f
	}
	consumes, produces := r.consumes, r.produces
	if f, ok := byKey["consumes"]; ok && !r.v3 {
		consumes, _ = r.strs(f.value)
	}
	if f, ok := byKey["produces"]; ok && !r.v3 {
		produces, _ = r.strs(f.value)
	}
	security := r.security
	params := shared
	for _, f := range ms {
		switch f.key {
		case "operationId":
			m.OperationName, _ = r.str(f.value)
		case "parameters":
			params = append(params, f.value)
		case "requestBody":
			if !r.v3 {
				r.ignore(f, "a Swagger 2.0 operation")
				continue
			}
			r.requestBody(api, m, f.value)
		case "responses":
			r.methodResponses(api, m, f.value, produces)
		case "security":
			security = &f.value
		case "x-amazon-apigateway-integration":
			m.Integration = r.integration(f.value)
		case "x-amazon-apigateway-request-validator":
			r.requestValidator(m, f.value)
		case "callbacks":
			r.warn(f.value, "callbacks have no API Gateway meaning; ignored")
		case "consumes", "produces", "schemes", "tags", "summary", "description", "externalDocs", "deprecated", "servers":
		default:
			r.ignore(f, "an operation")
		}
	}
	r.parameters(api, m, params, consumes)
	if m.RequestValidatorID == "" && r.defaultValidator != nil {
		r.requestValidator(m, r.defaultValidator.value)
	}
	if security != nil {
		r.applySecurity(m, *security)
	}
	res.Methods = append(res.Methods, m)
}
