package pipeline

import (
	"strings"

	"archway/internal/plan"
)

// defaultContentType is what API Gateway assumes for a request without
// Content-Type, and sends when a response has none.
const defaultContentType = "application/json"

// mediaType returns the media type of a Content-Type or of the first entry
// of an Accept header, without parameters, lower-cased. API Gateway honours
// only the first media type of Accept (docs-accept-first-media-type-only).
func mediaType(v string) string {
	v, _, _ = strings.Cut(v, ",")
	v, _, _ = strings.Cut(v, ";")
	return strings.ToLower(strings.TrimSpace(v))
}

// responseTemplate picks the template for a response: the one keyed by the
// first Accept media type, else application/json, else the first one
// defined. It returns nil when there are no templates.
func responseTemplate(ts plan.Templates, accept string) *plan.Template {
	if len(ts) == 0 {
		return nil
	}
	if t, ok := ts.Lookup(mediaType(accept)); ok {
		return t
	}
	if t, ok := ts.Lookup(defaultContentType); ok {
		return t
	}
	return &ts[0]
}
