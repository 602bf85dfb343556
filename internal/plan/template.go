package plan

import (
	"strings"

	"archway/internal/vtl"
)

// Template is one mapping template and the content type it is keyed by.
type Template struct {
	// ContentType is the key, e.g. "application/json".
	ContentType string
	// Template is the parsed template; nil when the definition stored an
	// empty template (AWS stores "" as null), which renders nothing.
	Template *vtl.Template
}

// Templates are mapping templates in definition order.
type Templates []Template

// Lookup returns the template keyed by contentType, compared without case.
func (ts Templates) Lookup(contentType string) (*Template, bool) {
	for i := range ts {
		if strings.EqualFold(ts[i].ContentType, contentType) {
			return &ts[i], true
		}
	}
	return nil, false
}
