package pipeline

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"archway/internal/integration"
	"archway/internal/jsonvalue"
	"archway/internal/plan"
)

// integrationRequest builds the integration request: the payload (a mapping
// template's output or the passed-through body) and the mapped parameters.
// Proxy integrations ignore templates and pass the request through.
func (x *exchange) integrationRequest() (*integration.Request, error) {
	in := x.integ
	req := &integration.Request{
		Method:      in.HTTPMethod,
		Credentials: in.Credentials,
		Header:      http.Header{},
		Query:       url.Values{},
		Timeout:     in.Timeout,
	}
	if in.Type != plan.Mock {
		x.trace = x.traceID()
		req.TraceID = x.trace
	}
	body, err := x.requestPayload()
	if err != nil {
		return nil, err
	}
	req.Body = body
	path := map[string]string{}
	for _, m := range in.RequestParameters {
		v, ok := x.mappingValue(m, nil)
		if !ok {
			// Mappings from absent sources are omitted (AWS-BEHAVIOR.md 22).
			continue
		}
		loc, name, _ := strings.Cut(m.Target, ".")
		switch loc {
		case "header", "multivalueheader":
			req.Header.Set(name, v)
		case "querystring", "multivaluequerystring":
			req.Query.Add(name, v)
		case "path":
			path[name] = v
		}
	}
	x.applyRequestOverride(req, path)
	req.URI = x.expandURI(in.URI, path)
	if (in.Type == plan.HTTP || in.Type == plan.HTTPProxy) && !validEndpoint(req.URI) {
		// An undefined stage variable can leave no host: AWS answers 500
		// and logs "Invalid endpoint address"
		// (http-proxy-uri-undefined-stage-variables-500).
		return nil, &GatewayError{Type: TypeAPIConfigurationError, Message: msgInternal,
			Cause: errors.New("invalid endpoint address " + strconv.Quote(req.URI))}
	}
	return req, nil
}

// applyRequestOverride applies what the request template wrote to
// $context.requestOverride: header.NAME and querystring.NAME replace the
// integration request's parameter of that name, path.NAME the path
// parameter used to expand the URI.
func (x *exchange) applyRequestOverride(req *integration.Request, path map[string]string) {
	ro, ok := x.tpl.Context.Lookup("requestOverride")
	if !ok {
		return
	}
	m, ok := ro.(*jsonvalue.Map)
	if !ok {
		return
	}
	each := func(member string, set func(k, v string)) {
		v, ok := m.Lookup(member)
		if !ok {
			return
		}
		if sub, ok := v.(*jsonvalue.Map); ok {
			for i := 0; i < sub.Len(); i++ {
				k, val := sub.At(i)
				set(jsonvalue.ToString(k), jsonvalue.ToString(val))
			}
		}
	}
	each("header", func(k, v string) { req.Header.Set(k, v) })
	each("querystring", func(k, v string) { req.Query.Set(k, v) })
	each("path", func(k, v string) { path[k] = v })
}

// validEndpoint reports whether uri is an absolute http or https URL with
// a host.
func validEndpoint(uri string) bool {
	u, err := url.Parse(uri)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() != ""
}

// requestPayload selects the request template by Content-Type (application/json
// when the request has none) and renders it, or applies the passthrough
// behaviour when no template matches: WHEN_NO_MATCH passes the body through,
// WHEN_NO_TEMPLATES passes it only when no template is defined, NEVER
// refuses; a refused request is 415 UNSUPPORTED_MEDIA_TYPE. The payload is
// binary when its Content-Type is a binary media type; content handling
// converts it (content_handling.go). Proxy integrations get the body as
// received.
func (x *exchange) requestPayload() ([]byte, error) {
	in := x.integ
	if in.Type.IsProxy() {
		return x.body, nil
	}
	ct := mediaType(x.r.Header.Get("Content-Type"))
	if ct == "" {
		ct = defaultContentType
	}
	binary := x.binaryType(ct)
	t, ok := in.RequestTemplates.Lookup(ct)
	if !ok {
		pass := in.Passthrough == plan.WhenNoMatch ||
			in.Passthrough == plan.WhenNoTemplates && len(in.RequestTemplates) == 0
		if !pass {
			return nil, &GatewayError{Type: TypeUnsupportedMediaType, Message: "Unsupported Media Type"}
		}
	}
	if !ok || t.Template == nil {
		return convertPayload(x.body, binary, binary, in.ContentHandling)
	}
	text, err := templateInput(x.body, binary, in.ContentHandling)
	if err != nil {
		return nil, err
	}
	x.tpl.Body = text
	out, err := x.h.engine.Render(nil, t.Template, &x.tpl)
	if err != nil {
		return nil, &GatewayError{Type: TypeAPIConfigurationError, Message: msgInternal,
			Cause: fmt.Errorf("request template %s: %w", t.ContentType, err)}
	}
	return templateOutput(out, in.ContentHandling)
}

// expandURI replaces ${stageVariables.NAME} and {param} references in an
// integration URI: stage variables by their values (undefined ones by ""),
// path parameters by the integration request path parameters.
func (x *exchange) expandURI(uri string, path map[string]string) string {
	if !strings.ContainsAny(uri, "{") {
		return uri
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(uri, '{')
		if i < 0 {
			b.WriteString(uri)
			return b.String()
		}
		j := strings.IndexByte(uri[i:], '}')
		if j < 0 {
			b.WriteString(uri)
			return b.String()
		}
		name := uri[i+1 : i+j]
		lead := uri[:i]
		if strings.HasSuffix(lead, "$") && strings.HasPrefix(name, "stageVariables.") {
			b.WriteString(lead[:len(lead)-1])
			v, _ := x.stageVariable(strings.TrimPrefix(name, "stageVariables."))
			b.WriteString(v)
		} else {
			b.WriteString(lead)
			if v, ok := path[strings.TrimSuffix(name, "+")]; ok {
				b.WriteString(v)
			} else {
				b.WriteString(uri[i : i+j+1])
			}
		}
		uri = uri[i+j+1:]
	}
}
