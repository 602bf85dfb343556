package compile

import (
	"fmt"
	"strconv"
	"strings"

	"archway/internal/javalang"
	"archway/internal/jsonpath"
	"archway/internal/model"
	"archway/internal/plan"
	"archway/internal/vtl"
)

// templates parses the mapping templates of member field of src.
func (c *compiler) templates(src model.Source, field string, m model.StringMap) plan.Templates {
	var out plan.Templates
	for _, e := range m {
		t := plan.Template{ContentType: e.Key}
		if e.Value != "" {
			l := src.Field(field + "." + e.Key)
			tpl, err := vtl.Parse(l.String(), e.Value)
			if err != nil {
				c.fail(l, fmt.Sprintf("invalid mapping template: %v", err))
				continue
			}
			t.Template = tpl
		}
		out = append(out, t)
	}
	return out
}

// pattern compiles a selection pattern, a Java regular expression.
func (c *compiler) pattern(l model.Loc, source string) *javalang.Pattern {
	p, err := javalang.Compile(source)
	if err != nil {
		c.fail(l, fmt.Sprintf("invalid selection pattern %q: %v", source, err))
		return nil
	}
	return p
}

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
	m := plan.Mapping{Expression: v}
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
		{"method.request.multivaluequerystring.", plan.MethodRequestQuery},
		{"method.request.header.", plan.MethodRequestHeader},
		{"method.request.multivalueheader.", plan.MethodRequestHeader},
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

// gatewayResponses resolves the response of every gateway response type.
func (c *compiler) gatewayResponses() map[string]*plan.GatewayResponse {
	custom := map[model.GatewayResponseType]*model.GatewayResponse{}
	for i := range c.api.GatewayResponses {
		g := &c.api.GatewayResponses[i]
		custom[g.ResponseType] = g
	}
	out := make(map[string]*plan.GatewayResponse, len(model.GatewayResponseTypes))
	for _, t := range model.GatewayResponseTypes {
		out[string(t)] = c.gatewayResponse(t, custom)
	}
	return out
}

// gatewayResponse resolves type t: its own customisation, else its
// DEFAULT_4XX/DEFAULT_5XX parent's, else AWS's default. A customisation
// without templates keeps the default body template (a CORS-only
// customisation still answers {"message": ...}); the status is the
// customisation's when it sets one, else the type's own.
func (c *compiler) gatewayResponse(t model.GatewayResponseType, custom map[model.GatewayResponseType]*model.GatewayResponse) *plan.GatewayResponse {
	g := custom[t]
	if g == nil && t.Parent() != "" {
		g = custom[t.Parent()]
	}
	def := model.DefaultGatewayResponse(t)
	pg := &plan.GatewayResponse{Type: string(t), Default: g == nil}
	status := def.StatusCode
	templates := def.ResponseTemplates
	src := def.Src
	if g != nil {
		src = g.Src
		if g.ResponseType == t && g.StatusCode != "" {
			status = g.StatusCode
		}
		if len(g.ResponseTemplates) > 0 {
			templates = g.ResponseTemplates
		}
		pg.Parameters = c.mappings(g.Src, "responseParameters", g.ResponseParameters, "gatewayresponse.header.")
	}
	if status == "" {
		// DEFAULT_4XX and DEFAULT_5XX are never raised themselves; their
		// status only matters for messages.
		status = "500"
		if t == model.GatewayDefault4XX {
			status = "400"
		}
	}
	n, err := strconv.Atoi(status)
	if err != nil {
		c.fail(src.Field("statusCode"), fmt.Sprintf("Invalid status code %q", status))
		n = 500
	}
	pg.Status = n
	pg.Templates = c.templates(src, "responseTemplates", templates)
	return pg
}
