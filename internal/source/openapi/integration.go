package openapi

import (
	"archway/internal/model"
)

const integrationWhere = "x-amazon-apigateway-integration"

// integration reads x-amazon-apigateway-integration. Enumerations are
// accepted in any case, as AWS exports them in lower case (mock,
// http_proxy, when_no_match).
func (r *reader) integration(v value) *model.Integration {
	ms, ok := r.members(v)
	if !ok {
		return nil
	}
	in := &model.Integration{Src: r.source(v)}
	src := &in.Src
	for _, m := range ms {
		src.SetField(m.key, r.loc(m.value))
		switch m.key {
		case "type":
			if s, ok := r.str(m.value); ok {
				in.Type = model.ParseIntegrationType(s)
			}
		case "httpMethod":
			in.HTTPMethod, _ = r.str(m.value)
		case "uri":
			in.URI, _ = r.str(m.value)
		case "connectionType":
			if s, ok := r.str(m.value); ok {
				in.ConnectionType = model.ParseConnectionType(s)
			}
		case "connectionId":
			in.ConnectionID, _ = r.str(m.value)
		case "credentials":
			in.Credentials, _ = r.str(m.value)
		case "requestParameters":
			in.RequestParameters = r.stringMap(m.value, src, m.key)
		case "requestTemplates":
			in.RequestTemplates = r.stringMap(m.value, src, m.key)
		case "passthroughBehavior":
			if s, ok := r.str(m.value); ok {
				in.PassthroughBehavior = model.ParsePassthroughBehavior(s)
			}
		case "contentHandling":
			if s, ok := r.str(m.value); ok {
				in.ContentHandling = model.ParseContentHandling(s)
			}
		case "timeoutInMillis":
			in.TimeoutInMillis, _ = r.integer(m.value)
		case "cacheNamespace":
			in.CacheNamespace, _ = r.str(m.value)
		case "cacheKeyParameters":
			in.CacheKeyParameters, _ = r.strs(m.value)
		case "tlsConfig":
			in.TLSConfig = r.tlsConfig(m.value)
		case "responses":
			r.integrationResponses(in, m.value)
		case "payloadFormatVersion":
			in.PayloadFormatVersion, _ = r.str(m.value)
			if in.PayloadFormatVersion != "1.0" {
				r.warn(m.value, "payload format version %s exists for HTTP APIs only: REST APIs use 1.0", in.PayloadFormatVersion)
			}
		case "integrationSubtype":
			in.IntegrationSubtype, _ = r.str(m.value)
			r.warn(m.value, "integrationSubtype %s", httpAPIOnly)
		case "responseParameters":
			in.HTTPAPIResponseParameters = r.httpAPIResponseParameters(m.value)
			r.warn(m.value, "responseParameters of an integration %s (REST APIs map headers in integration responses)", httpAPIOnly)
		default:
			r.ignore(m, integrationWhere)
		}
	}
	return in
}

// tlsConfig reads an integration's tlsConfig.
func (r *reader) tlsConfig(v value) *model.TLSConfig {
	tc := &model.TLSConfig{Src: r.source(v)}
	ms, _ := r.members(v)
	for _, m := range ms {
		switch m.key {
		case "insecureSkipVerification":
			tc.InsecureSkipVerification, _ = r.boolean(m.value)
		case "serverNameToVerify":
			tc.ServerNameToVerify, _ = r.str(m.value)
		default:
			r.ignore(m, "tlsConfig")
		}
	}
	return tc
}

// integrationResponses reads the responses of an integration in document
// order, which is their creation order. Each key is a selection pattern,
// "default" marking the default response.
func (r *reader) integrationResponses(in *model.Integration, v value) {
	patterns, _ := r.members(v)
	firstPattern := map[string]string{}
	for _, p := range patterns {
		ms, ok := r.members(p.value)
		if !ok {
			continue
		}
		ir := model.IntegrationResponse{Src: r.source(p.value)}
		if p.key != "default" {
			ir.SelectionPattern = p.key
		}
		ir.Src.SetField("selectionPattern", r.loc(p.value))
		for _, m := range ms {
			ir.Src.SetField(m.key, r.loc(m.value))
			switch m.key {
			case "statusCode":
				ir.StatusCode, _ = r.str(m.value)
			case "responseParameters":
				ir.ResponseParameters = r.stringMap(m.value, &ir.Src, m.key)
			case "responseTemplates":
				ir.ResponseTemplates = r.stringMap(m.value, &ir.Src, m.key)
			case "contentHandling":
				if s, ok := r.str(m.value); ok {
					ir.ContentHandling = model.ParseContentHandling(s)
				}
			default:
				r.ignore(m, "an integration response")
			}
		}
		if first, dup := firstPattern[ir.StatusCode]; dup {
			r.warn(p.value, "responses \"%s\" and \"%s\" both produce status %s: AWS keeps one integration response per status code, this one",
				first, p.key, ir.StatusCode)
		} else {
			firstPattern[ir.StatusCode] = p.key
		}
		in.PutIntegrationResponse(ir)
	}
}

// httpAPIResponseParameters reads the responseParameters of an HTTP API
// integration: a status code to mappings.
func (r *reader) httpAPIResponseParameters(v value) []model.StatusMappings {
	var out []model.StatusMappings
	codes, _ := r.members(v)
	for _, c := range codes {
		var src model.Source
		out = append(out, model.StatusMappings{StatusCode: c.key, Mappings: r.stringMap(c.value, &src, c.key)})
	}
	return out
}
