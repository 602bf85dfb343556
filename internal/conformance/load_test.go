package conformance

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// sharedDir is the conformance suite recorded against AWS.
const sharedDir = "../../../shared/conformance"

// loadShared loads the real suite or skips the test.
func loadShared(t *testing.T) []*Vector {
	t.Helper()
	if _, err := os.Stat(filepath.Join(sharedDir, "vectors")); err != nil {
		t.Skipf("conformance suite not available: %v", err)
	}
	vs, err := Load(sharedDir)
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

// TestLoadAllVectors loads the real suite and checks the counts against
// SUMMARY.md.
func TestLoadAllVectors(t *testing.T) {
	vs := loadShared(t)
	summary, err := os.ReadFile(filepath.Join(sharedDir, "SUMMARY.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(\d+) vectors: (\d+) runnable`).FindSubmatch(summary)
	if m == nil {
		t.Fatal("SUMMARY.md has no 'N vectors: M runnable' line")
	}
	total, _ := strconv.Atoi(string(m[1]))
	runnable, _ := strconv.Atoi(string(m[2]))
	if len(vs) != total || total != 282 {
		t.Errorf("loaded %d vectors, SUMMARY.md says %d (282 when written)", len(vs), total)
	}
	n := 0
	for _, v := range vs {
		if v.Runnable {
			n++
		}
	}
	if n != runnable {
		t.Errorf("%d runnable vectors, SUMMARY.md says %d", n, runnable)
	}
}

// TestVectorsAgainstThemselves feeds every runnable vector's own
// expectation back as the observation: tokens then stand for themselves,
// so the engine must report nothing. This exercises every comparison rule
// on the recorded data.
func TestVectorsAgainstThemselves(t *testing.T) {
	for _, v := range loadShared(t) {
		if !v.Runnable || v.Expect == nil {
			continue
		}
		c := NewComparer()
		for i, call := range v.SetupCalls {
			if call.Expect != nil {
				if ms := c.Compare(call.Expect, echoActual(t, call.Expect)); len(ms) > 0 {
					t.Errorf("%s: setup_calls[%d]: %v", v.ID, i, ms)
				}
			}
		}
		e := *v.Expect
		e.HeaderAssertions, e.HeadersAbsent = nil, nil // not derivable from the expectation
		if e.BodyMatch != MatchBytes && e.BodyMatch != MatchExact {
			e.BodyLength = nil // the echoed JSON or XML is not the recorded serialisation
		}
		a := echoActual(t, &e)
		if ms := c.Compare(&e, a); len(ms) > 0 {
			t.Errorf("%s: %v", v.ID, ms)
		}
	}
}

// echoActual builds an observation out of an expectation.
func echoActual(t *testing.T, e *Expect) *Actual {
	t.Helper()
	a := &Actual{Status: 200, Headers: http.Header{}}
	if e.Status != nil {
		a.Status = *e.Status
	} else if e.StatusClass != "" {
		a.Status = int(e.StatusClass[0]-'0') * 100
	}
	if e.Headers != nil {
		pairs, err := parseStringObject(e.Headers)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pairs {
			a.Headers.Add(p[0], p[1])
		}
	}
	switch e.BodyMatch {
	case MatchBytes:
		a.Body, _ = base64.StdEncoding.DecodeString(*e.BodyBase64)
	case MatchExact:
		var s string
		if err := json.Unmarshal(e.Body, &s); err != nil {
			t.Fatal(err)
		}
		a.Body = []byte(s)
	case MatchXMLEquivalent:
		var s string
		if json.Unmarshal(e.Body, &s) == nil {
			a.Body = []byte(s)
		} else {
			a.Body = jsonToXML(t, e.Body)
		}
	case MatchJSONKeys:
		var keys []string
		if err := json.Unmarshal(e.Body, &keys); err != nil {
			t.Fatal(err)
		}
		o := &object{}
		for _, k := range keys {
			o.members = append(o.members, member{k, nil})
		}
		a.Body = encodeJSON(o)
	default:
		a.Body = e.Body
	}
	if b := e.BackendReceived; b != nil {
		a.BackendReceived = echoBackend(t, b)
	}
	a.Response, a.Error = e.Response, e.Error
	return a
}

// echoBackend builds a fixture record out of backend_received.
func echoBackend(t *testing.T, b *BackendExpect) *BackendRecord {
	t.Helper()
	rec := &BackendRecord{LambdaEvent: b.LambdaEvent, S3Objects: map[string]S3Object{}}
	if b.Headers != nil || b.Body != nil {
		rec.HTTP = &HTTPRecord{Headers: http.Header{}}
		pairs, _ := parseStringObject(b.Headers)
		for _, p := range pairs {
			rec.HTTP.Headers.Add(p[0], p[1])
		}
		rec.HTTP.Body = rawOrString(b.Body)
	}
	if b.S3Objects != nil {
		var objs map[string]struct {
			Body        string `json:"body_base64"`
			ContentType string `json:"content_type"`
			ETag        string `json:"etag"`
		}
		if err := json.Unmarshal(b.S3Objects, &objs); err != nil {
			t.Fatal(err)
		}
		for k, o := range objs {
			body, _ := base64.StdEncoding.DecodeString(o.Body)
			rec.S3Objects[k] = S3Object{Body: body, ContentType: o.ContentType, ETag: o.ETag}
		}
	}
	if m := b.SQSMessage; m != nil {
		msg := SQSMessage{Body: string(rawOrString(m.Body))}
		if m.MessageAttributes != nil {
			if err := json.Unmarshal(m.MessageAttributes, &msg.MessageAttributes); err != nil {
				t.Fatal(err)
			}
		}
		rec.SQSMessages = []SQSMessage{msg}
	}
	if b.KinesisRecords != nil {
		var recs []struct {
			Data string `json:"data_utf8"`
			Key  string `json:"partition_key"`
		}
		if err := json.Unmarshal(b.KinesisRecords, &recs); err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			rec.KinesisRecords = append(rec.KinesisRecords, KinesisRecord{Data: []byte(r.Data), PartitionKey: r.Key})
		}
	}
	return rec
}

// rawOrString returns a JSON string's content, or the raw JSON otherwise.
func rawOrString(raw json.RawMessage) []byte {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return []byte(s)
	}
	return raw
}

// jsonToXML writes the xmltodict structure back as XML (elements and text
// only, which is what the vectors use).
func jsonToXML(t *testing.T, raw json.RawMessage) []byte {
	t.Helper()
	v, err := parseJSON(raw)
	if err != nil {
		t.Fatal(err)
	}
	var out []byte
	var write func(name string, v any)
	write = func(name string, v any) {
		out = append(out, "<"+name+">"...)
		switch c := v.(type) {
		case string:
			var buf bytes.Buffer
			if err := xml.EscapeText(&buf, []byte(c)); err != nil {
				t.Fatal(err)
			}
			out = append(out, buf.Bytes()...)
		case *object:
			for _, m := range c.members {
				write(m.name, m.value)
			}
		}
		out = append(out, "</"+name+">"...)
	}
	for _, m := range v.(*object).members {
		write(m.name, m.value)
	}
	return out
}
