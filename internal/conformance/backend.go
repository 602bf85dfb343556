package conformance

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
)

// backend checks backend_received against the fixture record (FORMAT.md
// 8.7).
func (r *run) backend(e *BackendExpect, rec *BackendRecord) {
	base := pointer{"backend_received"}
	if rec == nil {
		r.fail(base, "the fixture recorded nothing")
		return
	}
	if e.Headers != nil || e.Body != nil {
		r.backendHTTP(e, rec.HTTP, base)
	}
	if e.LambdaEvent != nil {
		p := base.child("lambda_event")
		if rec.LambdaEvent == nil {
			r.fail(p, "the function was not invoked")
		} else {
			r.payload(e.LambdaEvent, modeOr(e.LambdaEventMatch, MatchJSON), rec.LambdaEvent, p)
		}
	}
	if e.S3Objects != nil {
		r.s3Objects(e.S3Objects, rec.S3Objects, base.child("s3_objects"))
	}
	for _, key := range e.S3ObjectsAbsent {
		if _, ok := rec.S3Objects[key]; ok {
			r.fail(base.child("s3_objects_absent"), "object %q exists", key)
		}
	}
	if e.SQSMessage != nil {
		r.sqsMessage(e.SQSMessage, rec.SQSMessages, base.child("sqs_message"))
	}
	if e.KinesisRecords != nil {
		got := make([]any, len(rec.KinesisRecords))
		for i, k := range rec.KinesisRecords {
			got[i] = &object{members: []member{
				{"data_utf8", string([]rune(string(k.Data)))},
				{"partition_key", k.PartitionKey},
			}}
		}
		r.expected(e.KinesisRecords, got, base.child("kinesis_records"))
	}
}

// modeOr returns mode, or def when mode is empty.
func modeOr(mode, def string) string {
	if mode == "" {
		return def
	}
	return mode
}

// expected parses an expected JSON value and compares it with got in json
// mode.
func (r *run) expected(raw json.RawMessage, got any, path pointer) {
	want, err := parseJSON(raw)
	if err != nil {
		r.fail(path, "invalid expected value: %v", err)
		return
	}
	r.value(normalize(want), normalize(got), path)
}

// backendHTTP checks the request an http:* fixture received: a header
// subset and the body.
func (r *run) backendHTTP(e *BackendExpect, rec *HTTPRecord, base pointer) {
	if rec == nil {
		r.fail(base, "the HTTP fixture received no request")
		return
	}
	if e.Headers != nil {
		p := base.child("headers")
		r.headerSubset(r.headerObject(e.Headers, p), foldHeaders(rec.Headers, nil), p)
	}
	if e.Body != nil {
		r.payload(e.Body, e.BodyMatch, rec.Body, base.child("body"))
	}
}

// s3Objects checks that each expected key exists with the listed
// attributes; body_utf8 is informational.
func (r *run) s3Objects(raw json.RawMessage, objects map[string]S3Object, path pointer) {
	v, err := parseJSON(raw)
	want, ok := v.(*object)
	if err != nil || !ok {
		r.fail(path, "invalid expected s3_objects")
		return
	}
	for _, m := range want.members {
		p := path.child(m.name)
		obj, exists := objects[m.name]
		if !exists {
			r.fail(p, "object missing")
			continue
		}
		attrs, ok := m.value.(*object)
		if !ok {
			r.fail(p, "invalid expected object attributes")
			continue
		}
		sum := md5.Sum(obj.Body)
		got := &object{members: []member{
			{"body_base64", base64.StdEncoding.EncodeToString(obj.Body)},
			{"length", json.Number(strconv.Itoa(len(obj.Body)))},
			{"md5", hex.EncodeToString(sum[:])},
			{"content_type", obj.ContentType},
			{"etag", obj.ETag},
		}}
		compared := &object{}
		for _, a := range attrs.members {
			if a.name != "body_utf8" {
				compared.members = append(compared.members, a)
			}
		}
		r.members(compared, got, p, true)
	}
}

// sqsMessage checks the single message the aws:sqs fixture received.
func (r *run) sqsMessage(e *SQSExpect, msgs []SQSMessage, path pointer) {
	if len(msgs) != 1 {
		r.fail(path, "got %d messages, want exactly 1", len(msgs))
		return
	}
	msg := msgs[0]
	if e.Body != nil {
		r.payload(e.Body, e.BodyMatch, []byte(msg.Body), path.child("body"))
	}
	if e.MD5OfBody != nil {
		sum := md5.Sum([]byte(msg.Body))
		if h := hex.EncodeToString(sum[:]); h != *e.MD5OfBody {
			r.fail(path.child("md5_of_body"), "got %s, want %s", h, *e.MD5OfBody)
		}
	}
	if e.MessageAttributes != nil {
		attrNames := make([]string, 0, len(msg.MessageAttributes))
		for n := range msg.MessageAttributes {
			attrNames = append(attrNames, n)
		}
		sort.Strings(attrNames)
		got := &object{}
		for _, n := range attrNames {
			a := msg.MessageAttributes[n]
			got.members = append(got.members, member{n, &object{members: []member{
				{"DataType", a.DataType}, {"StringValue", a.StringValue},
			}}})
		}
		r.expected(e.MessageAttributes, got, path.child("message_attributes"))
	}
	if len(e.KeyOrder) > 0 {
		r.keyOrder(e.KeyOrder, msg.Body, path.child("key_order"))
	}
}

// keyOrder checks member order inside a JSON text parsed with an
// order-preserving parser.
func (r *run) keyOrder(orders map[string][]string, text string, path pointer) {
	doc, err := parseJSON([]byte(text))
	if err != nil {
		r.fail(path, "body is not JSON: %v", err)
		return
	}
	ptrs := make([]string, 0, len(orders))
	for p := range orders {
		ptrs = append(ptrs, p)
	}
	sort.Strings(ptrs)
	for _, ptr := range ptrs {
		p := path.child(ptr)
		v, ok := resolve(doc, parsePointer(ptr))
		o, isObject := v.(*object)
		if !ok || !isObject {
			r.fail(p, "no object at %s", ptr)
			continue
		}
		if got, want := o.names(), orders[ptr]; !slices.Equal(got, want) {
			r.fail(p, "member order %s, want %s", names(got), names(want))
		}
	}
}
