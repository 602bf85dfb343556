package pipeline

import (
	"net/http"

	"archway/internal/plan"
	"archway/internal/vtl/apigw"
)

// The gateway response types the pipeline raises.
const (
	TypeMissingAuthenticationToken = "MISSING_AUTHENTICATION_TOKEN"
	TypeUnsupportedMediaType       = "UNSUPPORTED_MEDIA_TYPE"
	TypeBadRequestParameters       = "BAD_REQUEST_PARAMETERS"
	TypeRequestTooLarge            = "REQUEST_TOO_LARGE"
	TypeAPIConfigurationError      = "API_CONFIGURATION_ERROR"
	TypeIntegrationFailure         = "INTEGRATION_FAILURE"
	TypeIntegrationTimeout         = "INTEGRATION_TIMEOUT"
	TypeDefault4XX                 = "DEFAULT_4XX"
	TypeDefault5XX                 = "DEFAULT_5XX"
)

// msgInternal is the message of every 5XX API Gateway answers for a
// configuration or integration error.
const msgInternal = "Internal server error"

// GatewayError is a response API Gateway generates itself. Type is a
// gateway response type; Message is $context.error.message.
type GatewayError struct {
	Type string
	// Status, when not 0, replaces the type's default status unless the
	// API customises the response (recorded integration failures answer
	// 500 although INTEGRATION_FAILURE's default status is 504).
	Status  int
	Message string
	// Cause is the underlying problem, for logs; never sent.
	Cause error
}

// Error implements error.
func (e *GatewayError) Error() string {
	s := e.Type + ": " + e.Message
	if e.Cause != nil {
		s += ": " + e.Cause.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *GatewayError) Unwrap() error { return e.Cause }

// writeGatewayError answers with the gateway response of e's type, as the
// API customises it: status, headers from its response parameters, body
// from its template selected by Accept, with $context.error set.
func (x *exchange) writeGatewayError(e *GatewayError) {
	gr := x.plan.GatewayResponses[e.Type]
	if gr == nil {
		gr = x.plan.GatewayResponses[TypeDefault5XX]
	}
	if gr == nil {
		gr = &plan.GatewayResponse{Type: e.Type, Status: http.StatusInternalServerError, Default: true}
	}
	status := gr.Status
	if gr.Default && e.Status != 0 {
		status = e.Status
	}
	x.templateInput()
	errCtx := (&apigw.GatewayError{Message: e.Message, ResponseType: gr.Type}).Map()
	messageString, _ := errCtx.Lookup("messageString")
	x.tpl.Context.Put("error", errCtx)

	header := http.Header{}
	for _, m := range gr.Parameters {
		if v, ok := x.mappingValue(m, nil); ok {
			setHeader(header, m.Target, v)
		}
	}
	var body []byte
	contentType := defaultContentType
	switch t := responseTemplate(gr.Templates, x.r.Header.Get("Accept")); {
	case gr.Default && status >= 500:
		// AWS's own 5XX body has a space after the colon, unlike what its
		// default template would render: {"message": "Internal server
		// error"} is 36 bytes (header-remap-aws-forbidden-mapping-*).
		body = []byte(`{"message": ` + messageString.(string) + `}`)
	case t != nil:
		contentType = t.ContentType
		if t.Template != nil {
			x.tpl.Body = x.body
			out, err := x.h.engine.Render(nil, t.Template, &x.tpl)
			if err == nil {
				body = out
			}
		}
	}
	if !hasHeader(header, "Content-Type") {
		header.Set("Content-Type", contentType)
	}
	header["x-amzn-ErrorType"] = []string{plan.ErrorType(gr.Type)}
	x.writeResponse(status, header, body)
}
