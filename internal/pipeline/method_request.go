package pipeline

import (
	"strings"

	"archway/internal/jsonvalue"
)

// methodRequest validates the request as the method's request validator
// says: required parameters must be present (and, for query strings and
// headers, not blank). Body validation against the request model is not
// implemented yet.
func (x *exchange) methodRequest() error {
	var missing []string
	for _, p := range x.method.Validation.RequiredParameters {
		var m *jsonvalue.Map
		params := &x.templateInput().Params
		switch p.Location {
		case "path":
			m = params.Path
		case "querystring":
			m = params.QueryString
		case "header":
			m = params.Header
		}
		if !hasParam(m, p.Name) {
			missing = append(missing, p.Name)
		}
	}
	if len(missing) > 0 {
		return &GatewayError{Type: TypeBadRequestParameters,
			Message: "Missing required request parameters: [" + strings.Join(missing, ", ") + "]"}
	}
	return nil
}

// hasParam reports whether m holds a non-empty value under name, compared
// without case (header names are case-insensitive).
func hasParam(m *jsonvalue.Map, name string) bool {
	if m == nil {
		return false
	}
	for i := 0; i < m.Len(); i++ {
		k, v := m.At(i)
		if ks, ok := k.(string); ok && strings.EqualFold(ks, name) {
			s, _ := v.(string)
			return strings.TrimSpace(s) != ""
		}
	}
	return false
}
