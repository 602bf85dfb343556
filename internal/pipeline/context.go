package pipeline

import (
	"net"
	"net/url"
	"sort"
	"strings"

	"archway/internal/jsonvalue"
	"archway/internal/vtl/apigw"
)

// identityKeys are the members of $context.identity in AWS's keySet order
// (vtl-context-keyset-dump); only sourceIp and userAgent are known locally,
// the others are null, which templates print as "".
var identityKeys = [...]string{
	"cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller", "sourceIp",
	"principalOrgId", "accessKey", "cognitoAuthenticationType",
	"cognitoAuthenticationProvider", "userArn", "userAgent", "user",
}

// opaque returns an empty $context map, which prints as "" when
// interpolated whole, as AWS's nested context maps do.
func opaque(n int) *jsonvalue.Map {
	m := jsonvalue.NewMap(n)
	m.Opaque = true
	return m
}

// buildTemplateInput prepares what mapping templates read: $context,
// $stageVariables and $input.params().
func (x *exchange) buildTemplateInput() {
	x.tpl.Context = x.buildContext()
	x.tpl.StageVariables = x.stageVariables()
	x.tpl.Params = apigw.Params{
		Path:        x.pathParams(),
		QueryString: queryParams(x.query),
		Header:      x.headerParams(),
	}
}

// buildContext returns $context with its members in the order AWS's
// keySet lists them (vtl-context-keyset-dump), followed by
// isCanaryRequest, which AWS resolves although its keySet does not list it
// (canary-response-deployment-1 renders "false").
func (x *exchange) buildContext() *jsonvalue.Map {
	now := x.h.now().UTC()
	ctx := opaque(20)
	resourceID, resourcePath, httpMethod := "", "", x.r.Method
	if x.resource != nil {
		resourceID, resourcePath = x.resource.ID, x.resource.Path
	}
	host := x.r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	domainPrefix, _, _ := strings.Cut(host, ".")
	ctx.Put("resourceId", resourceID)
	ctx.Put("resourcePath", resourcePath)
	ctx.Put("httpMethod", httpMethod)
	ctx.Put("extendedRequestId", x.apigwID)
	ctx.Put("requestTime", now.Format("02/Jan/2006:15:04:05 -0700"))
	ctx.Put("path", x.path)
	ctx.Put("accountId", x.plan.AccountID)
	ctx.Put("protocol", x.r.Proto)
	ctx.Put("requestOverride", opaque(3))
	ctx.Put("stage", x.plan.Stage)
	ctx.Put("domainPrefix", domainPrefix)
	ctx.Put("requestTimeEpoch", now.UnixMilli())
	ctx.Put("requestId", x.requestID)
	identity := opaque(len(identityKeys))
	for _, k := range identityKeys {
		identity.Put(k, nil)
	}
	identity.Put("sourceIp", sourceIP(x.r.RemoteAddr))
	identity.Put("userAgent", x.r.Header.Get("User-Agent"))
	ctx.Put("identity", identity)
	ctx.Put("domainName", host)
	ctx.Put("deploymentId", x.plan.DeploymentID)
	ctx.Put("responseOverride", opaque(1))
	ctx.Put("apiId", x.plan.APIID)
	canary := "false"
	if x.canary {
		canary = "true"
	}
	ctx.Put("isCanaryRequest", canary)
	apigw.EnsureOverrides(ctx)
	return ctx
}

func sourceIP(remote string) string {
	if h, _, err := net.SplitHostPort(remote); err == nil {
		return h
	}
	return remote
}

// pathParams returns the path parameters as matched (not decoded).
func (x *exchange) pathParams() *jsonvalue.Map {
	m := jsonvalue.NewMap(len(x.params))
	for _, p := range x.params {
		m.Put(p.Name, p.Value)
	}
	return m
}

// queryParams decodes a raw query ("+" is a space, %XX decoded); a repeated
// name keeps its last value, as AWS's queryStringParameters do.
func queryParams(raw string) *jsonvalue.Map {
	m := jsonvalue.NewMap(4)
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		dk, err := url.QueryUnescape(k)
		if err != nil {
			dk = k
		}
		dv, err := url.QueryUnescape(v)
		if err != nil {
			dv = v
		}
		m.Put(dk, dv)
	}
	return m
}

// hiddenHeaders are request headers mapping templates never see
// (AWS-BEHAVIOR.md 17: $input.params() shows them empty).
var hiddenHeaders = map[string]bool{
	"Connection": true, "Content-Length": true, "Content-Md5": true, "Expect": true,
	"Max-Forwards": true, "Proxy-Authenticate": true, "Server": true, "Te": true,
	"Transfer-Encoding": true, "Trailer": true, "Upgrade": true, "Www-Authenticate": true,
}

// headerParams returns the request headers templates see, repeated lines
// joined with ",", sorted by name. Go's server canonicalises header names
// and does not keep their order, so neither the client's casing nor its
// order is kept.
func (x *exchange) headerParams() *jsonvalue.Map {
	m := jsonvalue.NewMap(len(x.r.Header) + 1)
	if x.r.Host != "" {
		m.Put("Host", x.r.Host)
	}
	names := make([]string, 0, len(x.r.Header))
	for name := range x.r.Header {
		if !hiddenHeaders[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		m.Put(name, strings.Join(x.r.Header[name], ","))
	}
	return m
}
