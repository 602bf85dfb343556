package model

// Model is a named JSON schema (draft 4) describing a payload, used to
// validate request bodies and to document responses.
type Model struct {
	Src         Source
	ID          string
	Name        string
	Description string
	ContentType string
	// Schema is the JSON text of the schema. References to other models
	// are kept as the definition wrote them.
	Schema string
}

// The models every REST API created through CreateRestApi starts with, and
// that imported definitions may reference without defining.
const (
	EmptyModelName = "Empty"
	ErrorModelName = "Error"
)

// BuiltinModel returns AWS's built-in Empty or Error model, and false for
// any other name.
func BuiltinModel(name string) (Model, bool) {
	switch name {
	case EmptyModelName:
		return Model{
			ID: StableID(6, "model", name), Name: name, ContentType: "application/json",
			Description: "This is a default empty schema model",
			Schema:      `{"$schema": "http://json-schema.org/draft-04/schema#", "title" : "Empty Schema", "type" : "object"}`,
		}, true
	case ErrorModelName:
		return Model{
			ID: StableID(6, "model", name), Name: name, ContentType: "application/json",
			Description: "This is a default error schema model",
			Schema:      `{"$schema" : "http://json-schema.org/draft-04/schema#", "title" : "Error Schema", "type" : "object", "properties" : { "message" : { "type" : "string" } }}`,
		}, true
	}
	return Model{}, false
}

// RequestValidator says which parts of a request a method validates.
type RequestValidator struct {
	Src                       Source
	ID                        string
	Name                      string
	ValidateRequestBody       bool
	ValidateRequestParameters bool
}
