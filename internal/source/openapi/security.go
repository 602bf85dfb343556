package openapi

import (
	"strings"

	"archway/internal/model"
)

// securityScheme is what a security scheme means to API Gateway.
type securityScheme int

const (
	schemeOther      securityScheme = iota // no API Gateway meaning
	schemeAPIKey                           // an API key (apiKeyRequired)
	schemeIAM                              // SigV4 (AWS_IAM)
	schemeAuthorizer                       // a Lambda or Cognito authorizer
)

// securitySchemes reads components.securitySchemes (securityDefinitions in
// 2.0). None of them is enforced yet, so each is reported once, where it
// is defined.
func (r *reader) securitySchemes(v value) {
	r.schemes = map[string]securityScheme{}
	ms, _ := r.members(v)
	for _, m := range ms {
		var typ, authType string
		authorizer := false
		fields, _ := r.members(m.value)
		for _, f := range fields {
			switch f.key {
			case "type":
				typ, _ = r.str(f.value)
			case "x-amazon-apigateway-authtype":
				authType, _ = r.str(f.value)
			case "x-amazon-apigateway-authorizer":
				authorizer = true
			}
		}
		switch {
		case authorizer:
			r.schemes[m.key] = schemeAuthorizer
			r.warn(m.value, "authorizer %q is not supported yet: methods using it are served without authorization", m.key)
		case strings.EqualFold(authType, "awsSigv4"):
			r.schemes[m.key] = schemeIAM
			r.warn(m.value, "IAM authorization (awsSigv4) is not supported yet: methods using %q get authorizationType AWS_IAM but signatures are not checked", m.key)
		case typ == "apiKey":
			r.schemes[m.key] = schemeAPIKey
			r.warn(m.value, "API keys are not supported yet: methods using %q get apiKeyRequired but keys are not checked", m.key)
		default:
			r.schemes[m.key] = schemeOther
			r.warn(m.value, "security scheme %q has no API Gateway meaning; ignored", m.key)
		}
	}
}

// applySecurity gives method m what its security requirements mean to API
// Gateway.
func (r *reader) applySecurity(m *model.Method, v value) {
	reqs, _ := r.items(v)
	for _, req := range reqs {
		names, _ := r.members(req)
		for _, name := range names {
			scheme, ok := r.schemes[name.key]
			if !ok {
				r.warn(name.value, "security scheme %q is not defined; ignored", name.key)
				continue
			}
			switch scheme {
			case schemeAPIKey:
				m.APIKeyRequired = true
			case schemeIAM:
				m.AuthorizationType = model.AuthIAM
			}
		}
	}
}
