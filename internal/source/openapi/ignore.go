package openapi

import "strings"

const httpAPIOnly = "configures HTTP APIs (apigatewayv2), not REST APIs; ignored"

// unsupportedExtensions are the API Gateway extensions Archway knows but
// does not honour yet, with what that means.
var unsupportedExtensions = map[string]string{
	"x-amazon-apigateway-policy":               "(resource policy) is not supported yet: the policy is not enforced",
	"x-amazon-apigateway-documentation":        "(documentation parts) is not supported yet; ignored",
	"x-amazon-apigateway-authorizer":           "(authorizer) is not supported yet: requests are not authorized",
	"x-amazon-apigateway-authtype":             "is not supported yet: requests are not authorized",
	"x-amazon-apigateway-cors":                 httpAPIOnly,
	"x-amazon-apigateway-importexport-version": httpAPIOnly,
	"x-amazon-apigateway-integrations":         httpAPIOnly,
	"x-amazon-apigateway-tag-value":            httpAPIOnly,
	"x-amazon-apigateway-auth":                 httpAPIOnly,
}

// ignore reports a member Archway does not read, in an object described by
// where: an API Gateway extension or an unknown OpenAPI member is a
// warning; other x- extensions belong to other tools, which AWS ignores
// too.
func (r *reader) ignore(m member, where string) {
	switch {
	case strings.HasPrefix(m.key, "x-amazon-apigateway-"):
		if why, ok := unsupportedExtensions[m.key]; ok {
			r.warn(m.value, "%s %s", m.key, why)
			return
		}
		r.warn(m.value, "%s is not an API Gateway extension of %s; ignored", m.key, where)
	case strings.HasPrefix(m.key, "x-"):
	default:
		r.warn(m.value, "%q is not a member of %s; ignored", m.key, where)
	}
}
