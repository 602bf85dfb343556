package openapi

import (
	"archway/internal/model"
)

// parameterLocations maps OpenAPI's parameter locations to API Gateway's.
var parameterLocations = map[string]string{"path": "path", "query": "querystring", "header": "header"}

// parameters reads the method request parameters of method m from the
// parameter lists of its path item and operation, a later declaration of
// the same name and location replacing an earlier one. In Swagger 2.0 the
// body parameter's schema is the request model of each consumed media type
// (application/json when none is given).
func (r *reader) parameters(api *model.RestApi, m *model.Method, lists []value, consumes []string) {
	for _, list := range lists {
		items, _ := r.items(list)
		for _, item := range items {
			p, ok := r.deref(item)
			if !ok {
				continue
			}
			ms, ok := r.members(p)
			if !ok {
				continue
			}
			var name, in string
			var inValue, schema value
			required := false
			for _, f := range ms {
				switch f.key {
				case "name":
					name, _ = r.str(f.value)
				case "in":
					in, _ = r.str(f.value)
					inValue = f.value
				case "required":
					required, _ = r.boolean(f.value)
				case "schema":
					schema = f.value
				}
			}
			switch loc, ok := parameterLocations[in]; {
			case name == "" && in != "body":
				r.fail(item, "a parameter needs a name")
			case ok:
				key := "method.request." + loc + "." + name
				if m.RequestParameters == nil {
					m.RequestParameters = map[string]bool{}
				}
				m.RequestParameters[key] = required
				m.Src.SetField("requestParameters."+key, r.loc(item))
			case in == "cookie":
				r.warn(item, "API Gateway has no cookie parameters: %q is ignored", name)
			case in == "body" && !r.v3 && schema.n != nil:
				r.bodyModels(api, m, schema, consumes)
			case in == "formData" && !r.v3:
				r.warn(item, "API Gateway has no form parameters: %q is ignored", name)
			case in == "":
				r.fail(item, "a parameter needs a location (in)")
			default:
				r.fail(inValue, "unknown parameter location %q: expected path, query or header", in)
			}
		}
	}
}

// bodyModels makes schema the request model of each media type.
func (r *reader) bodyModels(api *model.RestApi, m *model.Method, schema value, mediaTypes []string) {
	if len(mediaTypes) == 0 {
		mediaTypes = []string{"application/json"}
	}
	for _, t := range mediaTypes {
		if m.RequestModels == nil {
			m.RequestModels = model.StringMap{}
		}
		m.RequestModels.Set(t, r.schemaModel(api, schema, t))
		m.Src.SetField("requestModels."+t, r.loc(schema))
	}
}

// requestBody reads an OpenAPI 3 request body: the schema of each media
// type is the request model for that content type.
func (r *reader) requestBody(api *model.RestApi, m *model.Method, v value) {
	v, ok := r.deref(v)
	if !ok {
		return
	}
	ms, _ := r.members(v)
	for _, f := range ms {
		switch f.key {
		case "content":
			r.content(f.value, func(mediaType string, schema value) {
				r.bodyModels(api, m, schema, []string{mediaType})
			})
		case "required", "description":
		default:
			r.ignore(f, "a request body")
		}
	}
}

// content calls use for each media type of an OpenAPI 3 content object
// that has a schema.
func (r *reader) content(v value, use func(mediaType string, schema value)) {
	types, _ := r.members(v)
	for _, t := range types {
		fields, _ := r.members(t.value)
		for _, f := range fields {
			if f.key == "schema" {
				use(t.key, f.value)
			}
		}
	}
}
