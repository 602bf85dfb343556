package model

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/dlclark/regexp2"
)

// Validate checks an integration of method m (nil when unknown: checks that
// need the method request are then skipped) the way PutIntegration and
// PutIntegrationResponse do, returning every error together (an Errors) and
// warnings for what AWS would reject but Archway accepts.
func (in *Integration) Validate(m *Method) ([]Warning, error) {
	c := &checker{}
	in.check(c, m)
	return c.warns, c.errs.Err()
}

// maxTemplateSize is AWS's limit on one mapping template.
const maxTemplateSize = 300 * 1024

func (in *Integration) check(c *checker, m *Method) {
	switch {
	case in.Type == "":
		c.fail(in.Src.Field("type"), msgNull("putIntegrationInput.type"))
	case !in.Type.Valid():
		c.fail(in.Src.Field("type"), msgEnum(string(in.Type), "putIntegrationInput.type", enumList(IntegrationTypes)))
	}
	switch {
	case in.HTTPMethod == "" && in.Type != IntegrationMock && in.Type.Valid():
		c.fail(in.Src.Field("httpMethod"), msgEmptyHTTPMethod)
	case in.HTTPMethod != "" && !slices.Contains(HTTPMethods, in.HTTPMethod):
		c.fail(in.Src.Field("httpMethod"), msgInvalidHTTPMethod)
	}
	switch {
	case in.Type.IsHTTP() && !validHTTPEndpoint(in.URI):
		c.fail(in.Src.Field("uri"), msgInvalidHTTPEndpoint)
	case in.Type.IsAWS():
		if msg := checkIntegrationARN(in.Type, in.URI); msg != "" {
			c.fail(in.Src.Field("uri"), msg)
		}
	}
	if !in.ConnectionType.Valid() {
		c.fail(in.Src.Field("connectionType"), msgEnum(string(in.ConnectionType),
			"putIntegrationInput.connectionType", enumList(ConnectionTypes)))
	}
	if in.ConnectionType == ConnectionVPCLink && in.ConnectionID == "" {
		c.fail(in.Src.Field("connectionId"), msgVPCLinkConnection)
	}
	if in.Credentials != "" && !isARN(in.Credentials) {
		c.fail(in.Src.Field("credentials"), msgInvalidARN)
	}
	if in.PassthroughBehavior != "" && !in.PassthroughBehavior.Valid() {
		c.fail(in.Src.Field("passthroughBehavior"), msgPassthrough)
	}
	if !in.ContentHandling.Valid() {
		c.fail(in.Src.Field("contentHandling"), msgEnum(string(in.ContentHandling),
			"putIntegrationInput.contentHandling", enumList(ContentHandlings)))
	}
	if in.TimeoutInMillis != 0 && (in.TimeoutInMillis < MinTimeoutInMillis || in.TimeoutInMillis > DefaultTimeoutInMillis) {
		c.fail(in.Src.Field("timeoutInMillis"), msgTimeout)
	}
	for _, e := range in.RequestParameters {
		checkRequestMapping(c, in.Src.Field("requestParameters."+e.Key), e, m)
	}
	checkTemplates(c, in.Src, "requestTemplates", in.RequestTemplates)
	for i := range in.IntegrationResponses {
		in.IntegrationResponses[i].check(c, m)
	}
}

// stageVariableRef matches ${stageVariables.NAME}, which API Gateway
// resolves per request.
var stageVariableRef = regexp.MustCompile(`\$\{stageVariables\.[A-Za-z0-9_]*\}`)

// validHTTPEndpoint reports whether uri is an absolute http(s) URL once its
// stage variables are replaced by a placeholder word.
func validHTTPEndpoint(uri string) bool {
	u, err := url.Parse(stageVariableRef.ReplaceAllString(uri, "stagevariable"))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// isARN reports whether s has the shape arn:partition:service:region:account:resource.
func isARN(s string) bool {
	return strings.HasPrefix(s, "arn:") && strings.Count(s, ":") >= 5
}

// checkIntegrationARN applies PutIntegration's checks of an AWS or
// AWS_PROXY uri
// (arn:aws:apigateway:{region}:{subdomain.service|service}:{path|action}/...)
// and returns AWS's message for the first one that fails, or "".
func checkIntegrationARN(t IntegrationType, uri string) string {
	if !isARN(uri) {
		return msgInvalidARN
	}
	parts := strings.SplitN(uri, ":", 6)
	service, resource := parts[4], parts[5]
	if !strings.HasPrefix(resource, "path") && !strings.HasPrefix(resource, "action") {
		return msgARNPathOrAction
	}
	if t == IntegrationAWSProxy && (service != "lambda" || !strings.HasPrefix(resource, "path/2015-03-31/functions/")) {
		return msgAWSProxyTarget
	}
	return ""
}

func (r *IntegrationResponse) check(c *checker, m *Method) {
	switch {
	case r.StatusCode == "":
		c.fail(r.Src.Field("statusCode"), msgNull("putIntegrationResponseInput.statusCode"))
	case !statusCodePattern.MatchString(r.StatusCode):
		c.fail(r.Src.Field("statusCode"), msgStatusCode(r.StatusCode, "putIntegrationResponseInput.statusCode"))
	}
	if r.SelectionPattern != "" {
		if _, err := regexp2.Compile(r.SelectionPattern, regexp2.None); err != nil {
			c.fail(r.Src.Field("selectionPattern"), msgSelectionPattern)
		}
	}
	if !r.ContentHandling.Valid() {
		c.fail(r.Src.Field("contentHandling"), msgEnum(string(r.ContentHandling),
			"putIntegrationResponseInput.contentHandling", enumList(ContentHandlings)))
	}
	var declared *MethodResponse
	if m != nil {
		declared = m.MethodResponse(r.StatusCode)
	}
	for _, e := range r.ResponseParameters {
		l := r.Src.Field("responseParameters." + e.Key)
		switch {
		case !methodResponseHeader.MatchString(e.Key):
			c.fail(l, msgBadExpression(e.Key))
			continue
		case !integrationResponseSource(e.Value):
			c.fail(l, msgBadExpression(e.Value))
		}
		// AWS rejects a header the method response does not declare
		// (Invalid mapping expression parameter specified). Definitions
		// taken from the AWS documentation do this, so Archway accepts it
		// and sets the header anyway.
		if m != nil && (declared == nil || !hasKey(declared.ResponseParameters, e.Key)) {
			c.warn(l, fmt.Sprintf("method response %s does not declare %s; AWS rejects this mapping (%s)",
				r.StatusCode, e.Key, msgBadParameter(e.Key)))
		}
	}
	checkTemplates(c, r.Src, "responseTemplates", r.ResponseTemplates)
}

func hasKey(m map[string]bool, key string) bool {
	_, ok := m[key]
	return ok
}

func checkTemplates(c *checker, src Source, member string, templates StringMap) {
	for _, e := range templates {
		if len(e.Value) > maxTemplateSize {
			c.fail(src.Field(member+"."+e.Key), fmt.Sprintf(msgTemplateTooLarge, e.Key))
		}
	}
}
