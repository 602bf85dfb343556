package conformance

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
)

// Format is the only vector format this package reads.
const Format = "apigw-conformance/1"

// Vector kinds (FORMAT.md section 4).
const (
	KindHTTP          = "http"
	KindRender        = "render"
	KindTestInvoke    = "test_invoke"
	KindControlPlane  = "control_plane"
	KindDocumentation = "documentation"
)

// Vector is one conformance test case (FORMAT.md section 2).
type Vector struct {
	Format            string          `json:"format"`
	ID                string          `json:"id"`
	Title             string          `json:"title"`
	Category          string          `json:"category"`
	IntegrationType   *string         `json:"integration_type"`
	Evidence          string          `json:"evidence"`
	Source            json.RawMessage `json:"source"`
	Requires          []string        `json:"requires"`
	Runnable          bool            `json:"runnable"`
	NotRunnableReason string          `json:"not_runnable_reason,omitempty"`
	Kind              string          `json:"kind"`
	// Placeholders maps input tokens to roles, in the order they must be
	// substituted (section 5).
	Placeholders Placeholders `json:"placeholders,omitempty"`
	// API is the OpenAPI 3.0 document, member order preserved.
	API           json.RawMessage `json:"api,omitempty"`
	Stage         *Stage          `json:"stage,omitempty"`
	Backend       *Backend        `json:"backend,omitempty"`
	SetupRequests []SetupRequest  `json:"setup_requests,omitempty"`
	SetupCalls    []Call          `json:"setup_calls,omitempty"`
	Request       *Request        `json:"request,omitempty"`
	Expect        *Expect         `json:"expect,omitempty"`
	Render        *Render         `json:"render,omitempty"`
	Documentation json.RawMessage `json:"documentation,omitempty"`
	Notes         []string        `json:"notes,omitempty"`

	// raw is the file content, kept for Substitute.
	raw []byte
}

// Stage is the stage to deploy (section 4.3).
type Stage struct {
	Name           string            `json:"name"`
	Variables      map[string]string `json:"variables,omitempty"`
	CanarySettings *CanarySettings   `json:"canarySettings,omitempty"`
}

// CanarySettings describes a canary deployment on the stage.
type CanarySettings struct {
	PercentTraffic         float64           `json:"percentTraffic"`
	StageVariableOverrides map[string]string `json:"stageVariableOverrides,omitempty"`
	// API replaces the vector's api for the canary deployment.
	API json.RawMessage `json:"api,omitempty"`
}

// Backend names the fixture of fixtures.md and its seed arguments.
type Backend struct {
	Fixture string          `json:"fixture"`
	Args    json.RawMessage `json:"args,omitempty"`
}

// Request is what the runner sends (section 6); for test_invoke and
// control_plane vectors it is a management call (sections 4.7, 4.8).
type Request struct {
	Method string `json:"method,omitempty"`
	// Path follows the stage segment, exactly as written on the wire.
	Path string `json:"path,omitempty"`
	// RawPath, when set, is the complete request-target path.
	RawPath  string `json:"raw_path,omitempty"`
	RawQuery string `json:"raw_query,omitempty"`
	// Headers are the header lines in order, with their exact casing.
	Headers          HeaderLines `json:"headers,omitempty"`
	BodyUTF8         *string     `json:"body_utf8,omitempty"`
	BodyBase64       *string     `json:"body_base64,omitempty"`
	TransferEncoding string      `json:"transfer_encoding,omitempty"`
	Client           string      `json:"client,omitempty"`

	// Operation and Input describe a management API call.
	Operation string          `json:"operation,omitempty"`
	Input     json.RawMessage `json:"input,omitempty"`
	// ResourcePath names the resource of a TestInvokeMethod call.
	ResourcePath string `json:"resource_path,omitempty"`
}

// Target returns the request-target: RawPath or "/"+stage+Path, then
// "?"+RawQuery when RawQuery is not empty (section 6.1).
func (r *Request) Target(stage string) string {
	t := r.RawPath
	if t == "" {
		t = "/" + stage + r.Path
	}
	if r.RawQuery != "" {
		t += "?" + r.RawQuery
	}
	return t
}

// Body returns the request body bytes; nil when the vector has none.
func (r *Request) Body() ([]byte, error) {
	switch {
	case r.BodyBase64 != nil:
		b, err := base64.StdEncoding.DecodeString(*r.BodyBase64)
		if err != nil {
			return nil, fmt.Errorf("body_base64: %w", err)
		}
		return b, nil
	case r.BodyUTF8 != nil:
		return []byte(*r.BodyUTF8), nil
	}
	return nil, nil
}

// SetupRequest is a request sent before the main one; only its status is
// checked (section 4.5).
type SetupRequest struct {
	Request
	ExpectStatus int `json:"expect_status"`
}

// Call is a management API call of a control_plane vector (section 4.8).
type Call struct {
	Operation string          `json:"operation"`
	Input     json.RawMessage `json:"input"`
	// Expect, when present, is compared like the main request's.
	Expect *Expect `json:"expect,omitempty"`
}

// Render is an isolated template-rendering check (section 4.6).
type Render struct {
	Template         string                       `json:"template,omitempty"`
	ResponseTemplate *string                      `json:"response_template,omitempty"`
	Cases            []RenderCase                 `json:"cases,omitempty"`
	InputBody        *string                      `json:"input_body,omitempty"`
	Params           map[string]map[string]string `json:"params,omitempty"`
	Context          json.RawMessage              `json:"context,omitempty"`
	StageVariables   map[string]string            `json:"stage_variables,omitempty"`
	Vars             json.RawMessage              `json:"vars,omitempty"`
	ExpectedOutput   *string                      `json:"expected_output,omitempty"`
	OutputMatch      string                       `json:"output_match"`
}

// RenderCase is one template of a multi-case render check.
type RenderCase struct {
	Template       string  `json:"template"`
	InputBody      *string `json:"input_body,omitempty"`
	ExpectedOutput string  `json:"expected_output"`
}

// Header is one header line.
type Header struct {
	Name  string
	Value string
}

// HeaderLines is a JSON object of header lines whose member order is kept.
type HeaderLines []Header

// UnmarshalJSON reads an object of string values in document order.
func (h *HeaderLines) UnmarshalJSON(data []byte) error {
	pairs, err := parseStringObject(data)
	if err != nil {
		return fmt.Errorf("headers: %w", err)
	}
	lines := make(HeaderLines, len(pairs))
	for i, p := range pairs {
		lines[i] = Header{Name: p[0], Value: p[1]}
	}
	*h = lines
	return nil
}
