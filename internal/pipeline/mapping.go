package pipeline

import (
	"strings"

	"archway/internal/integration"
	"archway/internal/jsonpath"
	"archway/internal/jsonvalue"
	"archway/internal/plan"
)

// mappingValue evaluates a parameter mapping source for this request; resp
// is the integration response, nil on the request side. It reports false
// when the source is absent.
func (x *exchange) mappingValue(m plan.Mapping, resp *integration.Response) (string, bool) {
	switch m.Kind {
	case plan.Static:
		return m.Name, true
	case plan.MethodRequestPath:
		return lookupParam(x.tpl.Params.Path, m.Name, false)
	case plan.MethodRequestQuery:
		return lookupParam(x.tpl.Params.QueryString, m.Name, false)
	case plan.MethodRequestHeader:
		return lookupParam(x.tpl.Params.Header, m.Name, true)
	case plan.MethodRequestBody:
		return bodyValue(x.body, m.Path)
	case plan.IntegrationResponseHeader:
		if resp != nil {
			if vs := resp.Header.Values(m.Name); len(vs) > 0 {
				return strings.Join(vs, ","), true
			}
		}
	case plan.IntegrationResponseBody:
		if resp != nil {
			return bodyValue(resp.Body, m.Path)
		}
	case plan.Context:
		return contextValue(x.tpl.Context, m.Name)
	case plan.StageVariable:
		return x.stageVariable(m.Name)
	}
	return "", false
}

// bodyValue returns a body, or the value path selects in it: a string as
// it is, anything else as compact JSON. A body that is not JSON, or a path
// that selects nothing, is absent. (Only AWS's documentation describes
// body mappings; no recording pins the text form of non-string values.)
func bodyValue(body []byte, path *jsonpath.Path) (string, bool) {
	if path == nil {
		return string(body), true
	}
	doc, err := jsonvalue.Parse(body)
	if err != nil {
		return "", false
	}
	v, err := path.Read(doc)
	if err != nil || v == nil {
		return "", false
	}
	if s, ok := v.(string); ok {
		return s, true
	}
	return string(jsonvalue.AppendJSON(nil, v)), true
}

// lookupParam returns the value of a parameter; header names compare
// without case.
func lookupParam(m *jsonvalue.Map, name string, fold bool) (string, bool) {
	if m == nil {
		return "", false
	}
	if v, ok := m.Lookup(name); ok {
		return jsonvalue.ToString(v), true
	}
	if !fold {
		return "", false
	}
	for i := 0; i < m.Len(); i++ {
		k, v := m.At(i)
		if ks, ok := k.(string); ok && strings.EqualFold(ks, name) {
			return jsonvalue.ToString(v), true
		}
	}
	return "", false
}

// contextValue reads a dotted $context variable ("identity.sourceIp").
func contextValue(ctx *jsonvalue.Map, name string) (string, bool) {
	var cur any = ctx
	for _, part := range strings.Split(name, ".") {
		m, ok := cur.(*jsonvalue.Map)
		if !ok || m == nil {
			return "", false
		}
		if cur, ok = m.Lookup(part); !ok {
			return "", false
		}
	}
	if cur == nil {
		return "", false
	}
	return jsonvalue.ToString(cur), true
}
