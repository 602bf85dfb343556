package pipeline

import (
	"strings"

	"archway/internal/integration"
	"archway/internal/jsonvalue"
	"archway/internal/plan"
)

// mappingValue evaluates a parameter mapping source for this request; resp
// is the integration response, nil on the request side. It reports false
// when the source is absent. JSONPath expressions into bodies are not
// evaluated yet: a body source with a path counts as absent.
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
		if m.Name == "" {
			return string(x.body), true
		}
	case plan.IntegrationResponseHeader:
		if resp != nil {
			if vs := resp.Header.Values(m.Name); len(vs) > 0 {
				return strings.Join(vs, ","), true
			}
		}
	case plan.IntegrationResponseBody:
		if resp != nil && m.Name == "" {
			return string(resp.Body), true
		}
	case plan.Context:
		return contextValue(x.tpl.Context, m.Name)
	case plan.StageVariable:
		return x.stageVariable(m.Name)
	}
	return "", false
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
