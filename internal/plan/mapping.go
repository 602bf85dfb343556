package plan

import "archway/internal/jsonpath"

// SourceKind is where a parameter mapping reads its value from.
type SourceKind int

// The mapping sources.
const (
	// Static is a literal 'value'.
	Static SourceKind = iota
	// MethodRequestPath, MethodRequestQuery and MethodRequestHeader read a
	// method request parameter (method.request.path|querystring|header.NAME).
	MethodRequestPath
	MethodRequestQuery
	MethodRequestHeader
	// MethodRequestMultiQuery and MethodRequestMultiHeader read every
	// value of a repeated query string parameter or header
	// (method.request.multivaluequerystring|multivalueheader.NAME).
	MethodRequestMultiQuery
	MethodRequestMultiHeader
	// MethodRequestBody reads the request body (method.request.body); Name
	// holds a JSONPath when one was given.
	MethodRequestBody
	// IntegrationResponseHeader reads a backend response header
	// (integration.response.header.NAME).
	IntegrationResponseHeader
	// IntegrationResponseBody reads the backend response body
	// (integration.response.body); Name holds a JSONPath when one was given.
	IntegrationResponseBody
	// Context reads a $context variable (context.NAME, dotted).
	Context
	// StageVariable reads a stage variable (stageVariables.NAME).
	StageVariable
)

// Mapping sets one target parameter from a source.
type Mapping struct {
	// Target is the parameter set, without its prefix: the header name for
	// method.response.header.X, or "header.X", "querystring.X", "path.X" for
	// integration.request.* mappings.
	Target string
	// Kind is the source.
	Kind SourceKind
	// Name is the source's name, the literal value for Static, or the
	// JSONPath for the body sources.
	Name string
	// Path is the compiled JSONPath of a body source that names one; nil
	// for the whole body and for the other sources.
	Path *jsonpath.Path
}
