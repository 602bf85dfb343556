package conformance

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Actual is what the runner observed for one request or management call,
// shaped like the expect object (FORMAT.md 8.1).
type Actual struct {
	// Status is the HTTP status (of the management call for test_invoke
	// and control_plane).
	Status int
	// Headers are the response headers; repeated lines are folded with
	// ", " in the order of their values.
	Headers http.Header
	// HeaderNames optionally lists the header names as written on the
	// wire, in order; when set, reports use that casing.
	HeaderNames []string
	// Body is the response body.
	Body []byte
	// BackendReceived is the fixture's record of the main request; nil when
	// the fixture recorded nothing.
	BackendReceived *BackendRecord
	// Response is the management operation's output object as JSON
	// (test_invoke: see SplitTestInvokeLog).
	Response json.RawMessage
	// Error is the management API error, nil on success.
	Error *APIError
}

// BackendRecord is what a fixture received (fixtures.md records).
type BackendRecord struct {
	// HTTP is the request an http:* fixture received.
	HTTP *HTTPRecord
	// LambdaEvent is the payload of the last lambda:* invocation.
	LambdaEvent json.RawMessage
	// S3Objects is the aws:s3 bucket content after the request.
	S3Objects map[string]S3Object
	// SQSMessages are the messages aws:sqs received during the request.
	SQSMessages []SQSMessage
	// KinesisRecords are the records aws:kinesis received, in order.
	KinesisRecords []KinesisRecord
}

// HTTPRecord is one request received by an http:* fixture.
type HTTPRecord struct {
	Method   string
	Path     string
	RawQuery string
	Headers  http.Header
	Body     []byte
}

// S3Object is a stored object of the aws:s3 fixture.
type S3Object struct {
	Body        []byte
	ContentType string
	ETag        string
}

// SQSMessage is a message received by the aws:sqs fixture.
type SQSMessage struct {
	Body              string
	MessageAttributes map[string]SQSAttribute
}

// SQSAttribute is one message attribute.
type SQSAttribute struct {
	DataType    string
	StringValue string
}

// KinesisRecord is a record put to the aws:kinesis fixture.
type KinesisRecord struct {
	Data         []byte
	PartitionKey string
}

// Mismatch is one difference between expectation and observation.
type Mismatch struct {
	// Path is a JSON Pointer into the expect object, e.g.
	// "/headers/Content-Type" or "/backend_received/lambda_event/path".
	Path string
	// Message says what differs, e.g. `got "a", want "b"`.
	Message string
}

// String renders the mismatch as one line.
func (m Mismatch) String() string { return m.Path + ": " + m.Message }

// Compare checks actual against v's expect object with fresh token
// bindings. A vector whose setup_calls carry expectations shares bindings
// with them: use a Comparer for those.
func Compare(v *Vector, actual *Actual) []Mismatch {
	if v.Expect == nil {
		return nil
	}
	return NewComparer().Compare(v.Expect, actual)
}

// Comparer compares observations with expectations, keeping numbered-token
// bindings (FORMAT.md 7.2) across calls: use one Comparer per vector, and
// compare setup-call expectations before the main one.
type Comparer struct {
	bindings map[string]binding
}

// binding is the value a numbered token took first, and where.
type binding struct {
	value any
	path  pointer
}

// NewComparer returns a Comparer with no bindings.
func NewComparer() *Comparer {
	return &Comparer{bindings: map[string]binding{}}
}

// Compare checks actual against e and returns every mismatch, in the order
// status, headers, body, backend_received, response, error.
func (c *Comparer) Compare(e *Expect, actual *Actual) []Mismatch {
	r := &run{
		c:           c,
		ignore:      parsePatterns(e.Ignore),
		ignoreValue: parsePatterns(e.IgnoreValue),
	}
	r.status(e, actual.Status)
	r.headers(e, actual)
	r.body(e, actual.Body)
	if e.BackendReceived != nil {
		r.backend(e.BackendReceived, actual.BackendReceived)
	}
	r.response(e, actual)
	return r.out
}

// run is the state of one Compare call.
type run struct {
	c           *Comparer
	ignore      patterns
	ignoreValue patterns
	out         []Mismatch
}

// fail records a mismatch at path.
func (r *run) fail(path pointer, format string, args ...any) {
	r.out = append(r.out, Mismatch{Path: path.String(), Message: fmt.Sprintf(format, args...)})
}

// status checks status and status_class.
func (r *run) status(e *Expect, got int) {
	if e.Status != nil && got != *e.Status {
		r.fail(pointer{"status"}, "got %d, want %d", got, *e.Status)
	}
	if c := e.StatusClass; c != "" && (len(c) != 3 || got/100 != int(c[0]-'0')) {
		r.fail(pointer{"status_class"}, "got %d, want %s", got, c)
	}
}

// response checks the management-call members of section 9.
func (r *run) response(e *Expect, a *Actual) {
	if e.Response != nil {
		r.responseValue(e, a.Response)
	}
	if e.Error != nil {
		switch {
		case a.Error == nil:
			r.fail(pointer{"error"}, "the call succeeded, want error %s", e.Error.Code)
		default:
			if a.Error.Code != e.Error.Code {
				r.fail(pointer{"error", "code"}, "got %q, want %q", a.Error.Code, e.Error.Code)
			}
			if a.Error.Message != e.Error.Message {
				r.fail(pointer{"error", "message"}, "got %q, want %q", a.Error.Message, e.Error.Message)
			}
		}
	}
}

// responseValue compares the operation output in json mode, after sorting
// the arrays named by sort_arrays on both sides.
func (r *run) responseValue(e *Expect, raw json.RawMessage) {
	path := pointer{"response"}
	want, err := parseJSON(e.Response)
	if err != nil {
		r.fail(path, "invalid expected value: %v", err)
		return
	}
	if raw == nil {
		r.fail(path, "no operation output")
		return
	}
	got, err := parseJSON(raw)
	if err != nil {
		r.fail(path, "output is not JSON: %v", err)
		return
	}
	want, got = normalize(want), normalize(got)
	for ptr, key := range e.SortArrays {
		sortArrayAt(want, parsePointer(ptr), key)
		sortArrayAt(got, parsePointer(ptr), key)
	}
	r.value(want, got, path)
}
