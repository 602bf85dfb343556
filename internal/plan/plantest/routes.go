// Package plantest helps tests compare compiled plans, such as the same
// API written in different definition languages.
package plantest

import (
	"fmt"
	"slices"
	"testing"

	"archway/internal/compile"
	"archway/internal/model"
	"archway/internal/plan"
)

// Routes describes what a plan serves, one sorted line per method: the
// route, integration type, integration method, URI, passthrough
// behaviour, request template content types and integration responses
// with their template content types.
func Routes(p *plan.Plan) []string {
	var out []string
	for _, r := range p.Resources {
		for _, m := range r.Methods {
			in := m.Integration
			s := fmt.Sprintf("%s %s %s %s %s passthrough=%s", m.HTTPMethod, r.Path, in.Type, in.HTTPMethod, in.URI, in.Passthrough)
			for _, tm := range in.RequestTemplates {
				s += " request:" + tm.ContentType
			}
			for _, ir := range append(slices.Clone(in.Responses), in.Default) {
				if ir != nil {
					s += " response:" + ir.StatusCode
					for _, tm := range ir.Templates {
						s += "/" + tm.ContentType
					}
				}
			}
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// DevRoutes compiles api for a stage named dev and returns its Routes,
// failing the test when it does not compile.
func DevRoutes(t testing.TB, api *model.RestApi) []string {
	t.Helper()
	p, err := compile.Compile(api, compile.StageConfig{Name: "dev"})
	if err != nil {
		t.Fatal(err)
	}
	return Routes(p)
}
