package model

import (
	"fmt"
	"regexp"
	"strconv"
)

// checker collects every problem found, so that a definition's errors are
// reported together rather than one at a time.
type checker struct {
	errs  Errors
	warns []Warning
}

func (c *checker) fail(l Loc, msg string) { c.errs = append(c.errs, &Error{Loc: l, Message: msg}) }

func (c *checker) warn(l Loc, msg string) { c.warns = append(c.warns, Warning{Loc: l, Message: msg}) }

// Validate checks the API against the rules AWS applies when the same
// definition is imported or created through the control plane, and returns
// every error together (an Errors) plus warnings for what AWS would reject
// but Archway accepts. Validate expects defaults to be applied first
// (ApplyDefaults).
func (a *RestApi) Validate() ([]Warning, error) {
	c := &checker{}
	a.check(c)
	return c.warns, c.errs.Err()
}

// ValidateDeployment reports what stops AWS from deploying an API that is
// otherwise valid: an API without methods, a method without integration.
func (a *RestApi) ValidateDeployment() error {
	c := &checker{}
	methods := 0
	for _, r := range a.Resources {
		for _, m := range r.Methods {
			methods++
			if m.Integration == nil {
				c.fail(m.Src.Loc, msgNoIntegration)
			}
		}
	}
	if methods == 0 {
		c.fail(a.Src.Loc, msgNoMethods)
	}
	return c.errs.Err()
}

// maxCompressionSize is the largest minimumCompressionSize AWS accepts.
const maxCompressionSize = 10485760

func (a *RestApi) check(c *checker) {
	if a.APIKeySource != "" && !a.APIKeySource.Valid() {
		c.fail(a.Src.Field("apiKeySource"),
			msgEnum(string(a.APIKeySource), "createRestApiInput.apiKeySource", enumList(APIKeySources)))
	}
	for i, t := range a.EndpointConfiguration.Types {
		if !t.Valid() {
			c.fail(a.EndpointConfiguration.Src.Field("types["+strconv.Itoa(i)+"]"),
				msgEnum(string(t), "createRestApiInput.endpointConfiguration.types", enumList(EndpointTypes)))
		}
	}
	if s := a.MinimumCompressionSize; s != nil && (*s < 0 || *s > maxCompressionSize) {
		c.fail(a.Src.Field("minimumCompressionSize"), msgCompression)
	}
	a.checkModels(c)
	a.checkValidators(c)
	a.checkResources(c)
	a.checkGatewayResponses(c)
	for i := range a.Stages {
		a.Stages[i].check(c)
	}
}

var modelName = regexp.MustCompile(`^[a-zA-Z0-9]+$`)

func (a *RestApi) checkModels(c *checker) {
	seen := map[string]bool{}
	for _, m := range a.Models {
		switch {
		case m.Name == "":
			c.fail(m.Src.Field("name"), msgModelNameEmpty)
		case !modelName.MatchString(m.Name):
			c.fail(m.Src.Field("name"), fmt.Sprintf(msgModelNameAlnum, m.Name))
		case seen[m.Name]:
			c.fail(m.Src.Field("name"), msgModelExists)
		}
		seen[m.Name] = true
		if m.Schema == "" {
			c.fail(m.Src.Field("schema"), msgModelSchema)
		}
	}
}

func (a *RestApi) checkValidators(c *checker) {
	for _, v := range a.RequestValidators {
		if v.Name == "" {
			c.fail(v.Src.Field("name"), msgValidatorName)
		}
	}
}

func (a *RestApi) checkGatewayResponses(c *checker) {
	seen := map[GatewayResponseType]bool{}
	for _, g := range a.GatewayResponses {
		switch {
		case !g.ResponseType.Valid():
			c.fail(g.Src.Field("responseType"), msgEnum(string(g.ResponseType),
				"putGatewayResponseInput.responseType", enumList(GatewayResponseTypes)))
		case seen[g.ResponseType]:
			c.fail(g.Src.Loc, fmt.Sprintf(msgGatewayDuplicate, g.ResponseType))
		}
		seen[g.ResponseType] = true
		if g.StatusCode != "" && !statusCodePattern.MatchString(g.StatusCode) {
			c.fail(g.Src.Field("statusCode"), msgStatusCode(g.StatusCode, "putGatewayResponseInput.statusCode"))
		}
		for _, e := range g.ResponseParameters {
			l := g.Src.Field("responseParameters." + e.Key)
			if !gatewayResponseDest.MatchString(e.Key) {
				c.fail(l, msgBadExpression(e.Key))
			}
			if !gatewayResponseSource(e.Value) {
				c.fail(l, msgBadExpression(e.Value))
			}
		}
		checkTemplates(c, g.Src, "responseTemplates", g.ResponseTemplates)
	}
}
