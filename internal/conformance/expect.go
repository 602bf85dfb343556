package conformance

import "encoding/json"

// Body match modes (FORMAT.md 8.4).
const (
	MatchExact         = "exact"
	MatchBytes         = "bytes"
	MatchJSON          = "json"
	MatchJSONSubset    = "json-subset"
	MatchJSONKeys      = "json-keys"
	MatchXMLEquivalent = "xml-equivalent"
	MatchIllustrative  = "illustrative"
)

// Expect is what must be observed (sections 8 and 9). Members holding
// expected JSON values are kept raw, so member order survives and the
// comparison sees them exactly as written.
type Expect struct {
	Status      *int   `json:"status,omitempty"`
	StatusClass string `json:"status_class,omitempty"`

	Headers          json.RawMessage              `json:"headers,omitempty"`
	HeadersComplete  bool                         `json:"headers_complete,omitempty"`
	HeadersAbsent    []string                     `json:"headers_absent,omitempty"`
	HeaderAssertions map[string][]HeaderAssertion `json:"header_assertions,omitempty"`

	Body       json.RawMessage `json:"body,omitempty"`
	BodyBase64 *string         `json:"body_base64,omitempty"`
	BodyMatch  string          `json:"body_match,omitempty"`
	BodyLength *int            `json:"body_length,omitempty"`
	BodyMD5    string          `json:"body_md5,omitempty"`
	// BodyUTF8 is informational (with body_match bytes); never compared.
	BodyUTF8 *string `json:"body_utf8,omitempty"`

	BackendReceived *BackendExpect `json:"backend_received,omitempty"`

	Ignore      []string `json:"ignore,omitempty"`
	IgnoreValue []string `json:"ignore_value,omitempty"`

	// Response, ResponseMatch, SortArrays and Error apply to test_invoke and
	// control_plane vectors (section 9).
	Response      json.RawMessage   `json:"response,omitempty"`
	ResponseMatch string            `json:"response_match,omitempty"`
	SortArrays    map[string]string `json:"sort_arrays,omitempty"`
	Error         *APIError         `json:"error,omitempty"`
}

// HeaderAssertion is one extra check on a header value (8.3).
type HeaderAssertion struct {
	Op        string `json:"op"`
	Value     string `json:"value"`
	Separator string `json:"separator,omitempty"`
	Index     int    `json:"index,omitempty"`
}

// Header assertion operators.
const (
	OpContains         = "contains"
	OpSegmentEquals    = "segment_equals"
	OpSegmentNotEquals = "segment_not_equals"
)

// APIError is a management API error: the error code and message.
type APIError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// BackendExpect is what the fixture must have received (8.7).
type BackendExpect struct {
	// Headers (http:*) is a subset of the received headers.
	Headers json.RawMessage `json:"headers,omitempty"`
	// Body and BodyMatch (http:*) check the received body.
	Body      json.RawMessage `json:"body,omitempty"`
	BodyMatch string          `json:"body_match,omitempty"`
	// LambdaEvent and LambdaEventMatch (lambda:*) check the invocation
	// payload.
	LambdaEvent      json.RawMessage `json:"lambda_event,omitempty"`
	LambdaEventMatch string          `json:"lambda_event_match,omitempty"`
	// S3Objects (aws:s3) maps keys to {body_base64, length, md5,
	// content_type, etag}.
	S3Objects       json.RawMessage `json:"s3_objects,omitempty"`
	S3ObjectsAbsent []string        `json:"s3_objects_absent,omitempty"`
	SQSMessage      *SQSExpect      `json:"sqs_message,omitempty"`
	// KinesisRecords (aws:kinesis) lists {data_utf8, partition_key}.
	KinesisRecords json.RawMessage `json:"kinesis_records,omitempty"`
}

// SQSExpect is the single message the aws:sqs fixture must have received.
type SQSExpect struct {
	Body              json.RawMessage `json:"body,omitempty"`
	BodyMatch         string          `json:"body_match,omitempty"`
	MD5OfBody         *string         `json:"md5_of_body,omitempty"`
	MessageAttributes json.RawMessage `json:"message_attributes,omitempty"`
	// KeyOrder maps JSON Pointers into the parsed body to the exact member
	// order of the object there.
	KeyOrder map[string][]string `json:"key_order,omitempty"`
}
