package openapi

import (
	"archway/internal/model"
)

// methodResponses reads an operation's responses as method responses:
// their headers become method.response.header.* parameters and their
// schemas response models.
func (r *reader) methodResponses(api *model.RestApi, m *model.Method, v value, produces []string) {
	codes, _ := r.members(v)
	for _, code := range codes {
		if code.key == "default" {
			r.warn(code.value, "a method response needs a status code: the default response is ignored")
			continue
		}
		rv, ok := r.deref(code.value)
		if !ok {
			continue
		}
		mr := model.MethodResponse{Src: r.source(code.value), StatusCode: code.key}
		mr.Src.SetField("statusCode", r.loc(code.value))
		ms, _ := r.members(rv)
		for _, f := range ms {
			switch f.key {
			case "headers":
				r.responseHeaders(&mr, f.value)
			case "content":
				if !r.v3 {
					r.ignore(f, "a Swagger 2.0 response")
					continue
				}
				r.content(f.value, func(mediaType string, schema value) {
					r.responseModel(api, &mr, schema, mediaType)
				})
			case "schema":
				if r.v3 {
					r.ignore(f, "an OpenAPI 3 response")
					continue
				}
				types := produces
				if len(types) == 0 {
					types = []string{"application/json"}
				}
				for _, t := range types {
					r.responseModel(api, &mr, f.value, t)
				}
			case "description", "links", "examples":
			default:
				r.ignore(f, "a response")
			}
		}
		m.MethodResponses = append(m.MethodResponses, mr)
	}
}

func (r *reader) responseModel(api *model.RestApi, mr *model.MethodResponse, schema value, mediaType string) {
	if mr.ResponseModels == nil {
		mr.ResponseModels = model.StringMap{}
	}
	mr.ResponseModels.Set(mediaType, r.schemaModel(api, schema, mediaType))
	mr.Src.SetField("responseModels."+mediaType, r.loc(schema))
}

// responseHeaders declares the headers of a response.
func (r *reader) responseHeaders(mr *model.MethodResponse, v value) {
	headers, _ := r.members(v)
	for _, h := range headers {
		hv, ok := r.deref(h.value)
		if !ok {
			continue
		}
		required := false
		if req, ok := find(hv.n, "required"); ok {
			required, _ = r.boolean(value{n: req, path: hv.path + ".required", line: req.Line})
		}
		key := "method.response.header." + h.key
		if mr.ResponseParameters == nil {
			mr.ResponseParameters = map[string]bool{}
		}
		mr.ResponseParameters[key] = required
		mr.Src.SetField("responseParameters."+key, r.loc(h.value))
	}
}
