package compile

import (
	"fmt"
	"strings"

	"archway/internal/jsonpath"
	"archway/internal/model"
	"archway/internal/plan"
)

// mappings decodes the parameter mappings of member field of src, whose
// targets start with prefix.
func (c *compiler) mappings(src model.Source, field string, m model.StringMap, prefix string) []plan.Mapping {
	var out []plan.Mapping
	for _, e := range m {
		l := src.Field(field + "." + e.Key)
		target, ok := strings.CutPrefix(e.Key, prefix)
		if !ok || target == "" {
			c.fail(l, "Invalid mapping expression specified: "+e.Key)
			continue
		}
		mp, ok := parseSource(e.Value)
		if !ok {
			c.fail(l, "Invalid mapping expression specified: "+e.Value)
			continue
		}
		mp.Target = target
		if mp.Name != "" && (mp.Kind == plan.MethodRequestBody || mp.Kind == plan.IntegrationResponseBody) {
			path, err := jsonpath.Compile(mp.Name)
			if err != nil {
				c.fail(l, fmt.Sprintf("Invalid mapping expression specified: %s: %v", e.Value, err))
				continue
			}
			mp.Path = path
		}
		out = append(out, mp)
	}
	return out
}

// parseSource decodes a mapping source expression.
func parseSource(v string) (plan.Mapping, bool) {
	var m plan.Mapping
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		m.Kind, m.Name = plan.Static, v[1:len(v)-1]
		return m, true
	}
	prefixes := []struct {
		prefix string
		kind   plan.SourceKind
	}{
		{"method.request.path.", plan.MethodRequestPath},
		{"method.request.querystring.", plan.MethodRequestQuery},
		{"method.request.multivaluequerystring.", plan.MethodRequestMultiQuery},
		{"method.request.header.", plan.MethodRequestHeader},
		{"method.request.multivalueheader.", plan.MethodRequestMultiHeader},
		{"integration.response.header.", plan.IntegrationResponseHeader},
		{"integration.response.multivalueheader.", plan.IntegrationResponseHeader},
		{"context.", plan.Context},
		{"stageVariables.", plan.StageVariable},
	}
	for _, p := range prefixes {
		if name, ok := strings.CutPrefix(v, p.prefix); ok && name != "" {
			m.Kind, m.Name = p.kind, name
			return m, true
		}
	}
	for _, b := range []struct {
		prefix string
		kind   plan.SourceKind
	}{{"method.request.body", plan.MethodRequestBody}, {"integration.response.body", plan.IntegrationResponseBody}} {
		if rest, ok := strings.CutPrefix(v, b.prefix); ok && (rest == "" || rest[0] == '.') {
			m.Kind = b.kind
			if rest != "" {
				m.Name = "$" + rest
			}
			return m, true
		}
	}
	return m, false
}
