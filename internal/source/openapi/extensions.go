package openapi

import (
	"strconv"

	"archway/internal/model"
)

// validatorID is the id given to the request validator named name.
func validatorID(name string) string { return model.StableID(6, "validator", name) }

// requestValidators reads x-amazon-apigateway-request-validators.
func (r *reader) requestValidators(api *model.RestApi, v value) {
	ms, _ := r.members(v)
	for _, m := range ms {
		rv := model.RequestValidator{Src: r.source(m.value), ID: validatorID(m.key), Name: m.key}
		rv.Src.SetField("name", r.loc(m.value))
		fields, _ := r.members(m.value)
		for _, f := range fields {
			switch f.key {
			case "validateRequestBody":
				rv.ValidateRequestBody, _ = r.boolean(f.value)
			case "validateRequestParameters":
				rv.ValidateRequestParameters, _ = r.boolean(f.value)
			default:
				r.ignore(f, "a request validator")
			}
		}
		api.RequestValidators = append(api.RequestValidators, rv)
	}
}

// requestValidator reads an x-amazon-apigateway-request-validator naming
// the validator of a method.
func (r *reader) requestValidator(m *model.Method, v value) {
	if name, ok := r.str(v); ok {
		m.RequestValidatorID = validatorID(name)
		m.Src.SetField("requestValidatorId", r.loc(v))
	}
}

// gatewayResponses reads x-amazon-apigateway-gateway-responses.
func (r *reader) gatewayResponses(api *model.RestApi, v value) {
	ms, _ := r.members(v)
	for _, m := range ms {
		g := model.GatewayResponse{Src: r.source(m.value), ResponseType: model.GatewayResponseType(m.key)}
		g.Src.SetField("responseType", r.loc(m.value))
		fields, _ := r.members(m.value)
		for _, f := range fields {
			switch f.key {
			case "statusCode":
				g.StatusCode, _ = r.str(f.value)
				g.Src.SetField("statusCode", r.loc(f.value))
			case "responseParameters":
				g.ResponseParameters = r.stringMap(f.value, &g.Src, f.key)
			case "responseTemplates":
				g.ResponseTemplates = r.stringMap(f.value, &g.Src, f.key)
			default:
				r.ignore(f, "a gateway response")
			}
		}
		api.GatewayResponses = append(api.GatewayResponses, g)
	}
}

// endpointConfiguration reads x-amazon-apigateway-endpoint-configuration.
func (r *reader) endpointConfiguration(api *model.RestApi, v value) {
	ec := &api.EndpointConfiguration
	ec.Src = r.source(v)
	ms, _ := r.members(v)
	for _, m := range ms {
		switch m.key {
		case "types":
			items, _ := r.items(m.value)
			for _, it := range items {
				if t, ok := r.str(it); ok {
					ec.Src.SetField("types["+strconv.Itoa(len(ec.Types))+"]", r.loc(it))
					ec.Types = append(ec.Types, model.ParseEndpointType(t))
				}
			}
		case "vpcEndpointIds":
			ec.VPCEndpointIDs, _ = r.strs(m.value)
		case "disableExecuteApiEndpoint":
			api.DisableExecuteAPIEndpoint, _ = r.boolean(m.value)
		default:
			r.ignore(m, "x-amazon-apigateway-endpoint-configuration")
		}
	}
}
