package model

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// pathPartPattern is what AWS accepts as a resource path part: a literal
// segment of a-zA-Z0-9._- or a {parameter}, greedy with a trailing plus.
var pathPartPattern = regexp.MustCompile(`^(?:[a-zA-Z0-9._-]+|\{[a-zA-Z0-9._-]+\+?\})$`)

func (a *RestApi) checkResources(c *checker) {
	byID := make(map[string]*Resource, len(a.Resources))
	for _, r := range a.Resources {
		byID[r.ID] = r
	}
	type siblings struct {
		names    map[string]bool
		variable string
	}
	children := map[string]*siblings{}
	for _, r := range a.Resources {
		r.checkMethods(c, a)
		if r.ParentID == "" {
			continue
		}
		if !pathPartPattern.MatchString(r.PathPart) {
			c.fail(r.Src.Field("pathPart"), msgPathPart)
		}
		parent, ok := byID[r.ParentID]
		if !ok {
			c.fail(r.Src.Field("parentId"), msgUnknownResource)
			continue
		}
		if IsGreedy(parent.PathPart) {
			c.fail(r.Src.Field("pathPart"), fmt.Sprintf(msgGreedyParent, parent.PathPart))
		}
		s := children[r.ParentID]
		if s == nil {
			s = &siblings{names: map[string]bool{}}
			children[r.ParentID] = s
		}
		switch {
		case s.names[r.PathPart]:
			c.fail(r.Src.Field("pathPart"), fmt.Sprintf(msgSameName, r.PathPart))
		case IsVariable(r.PathPart) && s.variable != "":
			c.fail(r.Src.Field("pathPart"), fmt.Sprintf(msgVariableSibling, s.variable))
		case IsVariable(r.PathPart):
			s.variable = r.PathPart
		}
		s.names[r.PathPart] = true
	}
}

func (r *Resource) checkMethods(c *checker, a *RestApi) {
	seen := map[string]bool{}
	for _, m := range r.Methods {
		if seen[m.HTTPMethod] {
			c.fail(m.Src.Loc, msgMethodExists)
		}
		seen[m.HTTPMethod] = true
		m.check(c, a)
	}
}

// methodRequestParam matches a method request parameter name.
var methodRequestParam = regexp.MustCompile(`^method\.request\.(?:path|querystring|multivaluequerystring|header|multivalueheader)\.(\S+)$`)

// methodResponseHeader matches a method response header name.
var methodResponseHeader = regexp.MustCompile(`^method\.response\.header\.\S+$`)

func (m *Method) check(c *checker, a *RestApi) {
	if !slices.Contains(HTTPMethods, m.HTTPMethod) {
		c.fail(m.Src.Field("httpMethod"), msgInvalidHTTPMethod)
	}
	switch {
	case !m.AuthorizationType.Valid():
		c.fail(m.Src.Field("authorizationType"), msgAuthorizationType)
	case (m.AuthorizationType == AuthCustom || m.AuthorizationType == AuthCognitoUserPools) && m.AuthorizerID == "":
		c.fail(m.Src.Field("authorizerId"), msgAuthorizerRequired)
	}
	names := map[string]bool{}
	for _, key := range sortedKeys(m.RequestParameters) {
		sub := methodRequestParam.FindStringSubmatch(key)
		if sub == nil {
			c.fail(m.Src.Field("requestParameters."+key), msgBadParameter(key))
			continue
		}
		if names[sub[1]] {
			c.fail(m.Src.Field("requestParameters."+key), msgDuplicateParamNames)
		}
		names[sub[1]] = true
	}
	if m.RequestValidatorID != "" && a.RequestValidator(m.RequestValidatorID) == nil {
		c.fail(m.Src.Field("requestValidatorId"), msgUnknownValidator)
	}
	for _, e := range m.RequestModels {
		if a.Model(e.Value) == nil {
			c.fail(m.Src.Field("requestModels."+e.Key), fmt.Sprintf(msgUnknownModel, e.Value))
		}
	}
	seen := map[string]bool{}
	for _, mr := range m.MethodResponses {
		if !statusCodePattern.MatchString(mr.StatusCode) {
			c.fail(mr.Src.Field("statusCode"), msgStatusCode(mr.StatusCode, "putMethodResponseInput.statusCode"))
		} else if seen[mr.StatusCode] {
			c.fail(mr.Src.Field("statusCode"), msgResponseExists)
		}
		seen[mr.StatusCode] = true
		for _, key := range sortedKeys(mr.ResponseParameters) {
			if !methodResponseHeader.MatchString(key) {
				c.fail(mr.Src.Field("responseParameters."+key), msgBadParameter(key))
			}
		}
		for _, e := range mr.ResponseModels {
			if a.Model(e.Value) == nil {
				c.fail(mr.Src.Field("responseModels."+e.Key), fmt.Sprintf(msgUnknownModel, e.Value))
			}
		}
	}
	if m.Integration != nil {
		m.Integration.check(c, m)
	}
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

var (
	stageNamePattern  = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,128}$`)
	stageVarName      = regexp.MustCompile(`^[a-zA-Z0-9_]+$`)
	stageVarValue     = regexp.MustCompile(`^[a-zA-Z0-9\-._~:/?#&=,]+$`)
	maxStageVarLength = 512
)

func (s *Stage) check(c *checker) {
	if !stageNamePattern.MatchString(s.Name) {
		c.fail(s.Src.Field("stageName"), msgStageName)
	}
	checkStageVariables(c, s.Src, "variables", s.Variables)
	if cs := s.CanarySettings; cs != nil {
		if cs.PercentTraffic < 0 || cs.PercentTraffic > 100 {
			c.fail(cs.Src.Field("percentTraffic"), msgCanaryPercent)
		}
		checkStageVariables(c, cs.Src, "stageVariableOverrides", cs.StageVariableOverrides)
	}
}

func checkStageVariables(c *checker, src Source, member string, vars StringMap) {
	for _, e := range vars {
		l := src.Field(member + "." + e.Key)
		if !stageVarName.MatchString(e.Key) {
			c.fail(l, fmt.Sprintf(msgStageVarName, e.Key))
		}
		if !stageVarValue.MatchString(e.Value) || len(e.Value) > maxStageVarLength {
			c.fail(l, fmt.Sprintf(msgStageVarValue, strconv.Quote(e.Key)))
		}
	}
}
