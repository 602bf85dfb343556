package compile

import (
	"fmt"
	"strconv"

	"archway/internal/model"
	"archway/internal/plan"
)

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
