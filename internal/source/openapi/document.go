package openapi

import (
	"strings"

	"archway/internal/model"
)

// openAPI reads the OpenAPI (or Swagger) object. Members that other members
// depend on (models, validators, security schemes) are read first,
// wherever they are in the document.
func (r *reader) openAPI(root value) *model.RestApi {
	ms, ok := r.members(root)
	if !ok {
		return nil
	}
	top := map[string]member{}
	for _, m := range ms {
		top[m.key] = m
	}
	if !r.version(root, top) {
		return nil
	}
	api := &model.RestApi{Src: r.source(root)}
	t := newTree(api)
	handled := map[string]bool{"openapi": true, "swagger": true, "tags": true, "externalDocs": true}
	read := func(key string, f func(member)) {
		if m, ok := top[key]; ok {
			handled[key] = true
			f(m)
		}
	}
	read("info", func(m member) { r.info(api, m.value) })
	if r.v3 {
		read("components", func(m member) { r.components(api, m.value) })
		read("servers", func(m member) { r.servers(api, m.value) })
	} else {
		read("definitions", func(m member) { r.readModels(api, m.value) })
		read("securityDefinitions", func(m member) { r.securitySchemes(m.value) })
		read("basePath", func(m member) { api.BasePath, _ = r.str(m.value) })
		read("consumes", func(m member) { r.consumes, _ = r.strs(m.value) })
		read("produces", func(m member) { r.produces, _ = r.strs(m.value) })
		for _, key := range []string{"host", "schemes", "parameters", "responses"} {
			read(key, func(member) {}) // deployment details, and targets of $ref
		}
	}
	read("security", func(m member) { r.security = &m.value })
	read("x-amazon-apigateway-request-validators", func(m member) { r.requestValidators(api, m.value) })
	read("x-amazon-apigateway-request-validator", func(m member) { r.defaultValidator = &m })
	read("x-amazon-apigateway-gateway-responses", func(m member) { r.gatewayResponses(api, m.value) })
	read("x-amazon-apigateway-binary-media-types", func(m member) {
		api.BinaryMediaTypes, _ = r.strs(m.value)
		api.Src.SetField("binaryMediaTypes", r.loc(m.value))
	})
	read("x-amazon-apigateway-api-key-source", func(m member) {
		if s, ok := r.str(m.value); ok {
			api.APIKeySource = model.ParseAPIKeySource(s)
			api.Src.SetField("apiKeySource", r.loc(m.value))
		}
	})
	read("x-amazon-apigateway-minimum-compression-size", func(m member) {
		if n, ok := r.integer(m.value); ok {
			api.MinimumCompressionSize = &n
			api.Src.SetField("minimumCompressionSize", r.loc(m.value))
		}
	})
	read("x-amazon-apigateway-endpoint-configuration", func(m member) { r.endpointConfiguration(api, m.value) })
	read("paths", func(m member) { r.paths(t, m.value) })
	for _, m := range ms {
		if !handled[m.key] {
			r.ignore(m, "the OpenAPI object")
		}
	}
	addBuiltinModels(api)
	return api
}

// version reads openapi (3.0.x) or swagger ("2.0").
func (r *reader) version(root value, top map[string]member) bool {
	if m, ok := top["openapi"]; ok {
		s, ok := r.str(m.value)
		switch {
		case !ok:
			return false
		case strings.HasPrefix(s, "3.0"):
		case strings.HasPrefix(s, "3."):
			r.warn(m.value, "OpenAPI %s is read as 3.0: API Gateway imports OpenAPI 2.0 and 3.0", s)
		default:
			r.fail(m.value, "unsupported OpenAPI version %q: expected 3.0.x, or swagger: \"2.0\"", s)
			return false
		}
		r.v3 = true
		return true
	}
	if m, ok := top["swagger"]; ok {
		s, ok := r.str(m.value)
		if ok && s != "2.0" {
			r.fail(m.value, "unsupported Swagger version %q: expected \"2.0\"", s)
		}
		return ok && s == "2.0"
	}
	r.warn(root, "neither openapi nor swagger is given: read as OpenAPI 3.0")
	r.v3 = true
	return true
}

// info reads the API's name, description and version.
func (r *reader) info(api *model.RestApi, v value) {
	ms, _ := r.members(v)
	for _, m := range ms {
		switch m.key {
		case "title":
			api.Name, _ = r.str(m.value)
			api.Src.SetField("name", r.loc(m.value))
		case "description":
			api.Description, _ = r.str(m.value)
		case "version":
			api.Version, _ = r.str(m.value)
		}
	}
}

// components reads the models and security schemes; the other components
// are read where a $ref points at them.
func (r *reader) components(api *model.RestApi, v value) {
	ms, _ := r.members(v)
	for _, m := range ms {
		switch m.key {
		case "schemas":
			r.readModels(api, m.value)
		case "securitySchemes":
			r.securitySchemes(m.value)
		case "parameters", "requestBodies", "responses", "headers", "examples", "links", "callbacks":
		default:
			r.ignore(m, "components")
		}
	}
}

// servers reads the base path AWS exports as the default of the basePath
// variable of the first server ("https://{host}/{basePath}").
func (r *reader) servers(api *model.RestApi, v value) {
	items, _ := r.items(v)
	if len(items) == 0 {
		return
	}
	ms, _ := r.members(items[0])
	var raw string
	vars := map[string]string{}
	for _, m := range ms {
		switch m.key {
		case "url":
			raw, _ = r.str(m.value)
		case "variables":
			vms, _ := r.members(m.value)
			for _, vm := range vms {
				if d, ok := find(vm.n, "default"); ok {
					vars[vm.key] = d.Value
				}
			}
		}
	}
	for name, def := range vars {
		raw = strings.ReplaceAll(raw, "{"+name+"}", strings.TrimPrefix(def, "/"))
	}
	// The host may hold variables ({restApiId}) that are not valid in a
	// URL, so the path is cut out by hand.
	if _, rest, ok := strings.Cut(raw, "://"); ok {
		_, path, hasPath := strings.Cut(rest, "/")
		raw = "/" + path
		if !hasPath {
			raw = ""
		}
	}
	if p := strings.Trim(raw, "/"); p != "" {
		api.BasePath = "/" + p
	}
}
