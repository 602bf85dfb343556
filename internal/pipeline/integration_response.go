package pipeline

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"archway/internal/integration"
	"archway/internal/jsonvalue"
	"archway/internal/plan"
)

// integrationResponse maps the backend response of a non-proxy integration
// to the method response: it selects the integration response whose
// selection pattern matches the backend status (MOCK: the status the request
// template chose; a failed Lambda function: its errorMessage, and a
// successful one always gets the default, aws-lambda-selection-pattern-*),
// else the default one; applies its response parameters and the template
// chosen by Accept; then $context.responseOverride.
func (x *exchange) integrationResponse(resp *integration.Response) error {
	var ir *plan.IntegrationResponse
	switch {
	case resp.FunctionError:
		ir = plan.Select(x.integ.Responses, x.integ.Default, resp.ErrorMessage)
	case x.integ.Type == plan.AWS && x.integ.IsLambda():
		ir = x.integ.Default
	default:
		ir = plan.Select(x.integ.Responses, x.integ.Default, strconv.Itoa(resp.Status))
	}
	if ir == nil {
		return &GatewayError{Type: TypeAPIConfigurationError, Message: msgInternal,
			Cause: errors.New("no match for output mapping and no default output mapping configured")}
	}
	header := http.Header{}
	for _, m := range ir.Parameters {
		if v, ok := x.mappingValue(m, resp); ok {
			setHeader(header, m.Target, v)
		}
	}
	binary := x.binaryType(mediaType(resp.Header.Get("Content-Type")))
	var body []byte
	var err error
	contentType := defaultContentType
	t := responseTemplate(ir.Templates, x.r.Header.Get("Accept"))
	if t != nil {
		contentType = t.ContentType
	}
	if t == nil || t.Template == nil {
		body, err = convertPayload(resp.Body, binary, x.binaryAccept(), ir.ContentHandling)
	} else {
		body, err = x.renderTemplate("response", t, resp.Body, binary, ir.ContentHandling)
	}
	if err != nil {
		return err
	}
	if !hasHeader(header, "Content-Type") {
		header.Set("Content-Type", contentType)
	}
	status := x.applyResponseOverride(ir.Status, header)
	x.writeIntegrationResponse(status, remapHeaders(header), body)
	return nil
}

// renderTemplate renders a request or response mapping template over a
// payload, with content handling.
func (x *exchange) renderTemplate(kind string, t *plan.Template, payload []byte, binary bool, h plan.ContentHandling) ([]byte, error) {
	text, err := templateInput(payload, binary, h)
	if err != nil {
		return nil, err
	}
	tpl := x.templateInputFor(t.Template)
	tpl.Body = text
	out, err := x.h.engine.Render(nil, t.Template, tpl)
	if err != nil {
		return nil, &GatewayError{Type: TypeAPIConfigurationError, Message: msgInternal,
			Cause: fmt.Errorf("%s template %s: %w", kind, t.ContentType, err)}
	}
	return templateOutput(out, h)
}

// applyResponseOverride applies $context.responseOverride: status replaces
// the status, header.NAME sets a header. It returns the status.
func (x *exchange) applyResponseOverride(status int, header http.Header) int {
	if x.tpl.Context == nil {
		return status // no template ran: nothing was overridden
	}
	ro, ok := x.tpl.Context.Lookup("responseOverride")
	if !ok {
		return status
	}
	m, ok := ro.(*jsonvalue.Map)
	if !ok {
		return status
	}
	if v, ok := m.Lookup("status"); ok {
		if n, err := strconv.Atoi(jsonvalue.ToString(v)); err == nil && n >= 100 && n <= 599 {
			status = n
		}
	}
	if hv, ok := m.Lookup("header"); ok {
		if hm, ok := hv.(*jsonvalue.Map); ok {
			for i := 0; i < hm.Len(); i++ {
				k, v := hm.At(i)
				setHeader(header, jsonvalue.ToString(k), jsonvalue.ToString(v))
			}
		}
	}
	return status
}
