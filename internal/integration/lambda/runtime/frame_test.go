package runtime

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"time"
)

// encodeFrame builds a frame the way the bootstrap does.
func encodeFrame(typ byte, fields ...[]byte) []byte {
	body := []byte{typ}
	for _, f := range fields {
		body = binary.LittleEndian.AppendUint32(body, uint32(len(f)))
		body = append(body, f...)
	}
	return append(binary.LittleEndian.AppendUint32(nil, uint32(len(body))), body...)
}

func TestFrameReader(t *testing.T) {
	big := bytes.Repeat([]byte("x"), MaxResponseSize+maxFrameFields)
	tests := []struct {
		name     string
		in       []byte
		typ      byte
		fields   []string
		oversize bool
		err      string
	}{
		{name: "next", in: encodeFrame('N'), typ: 'N'},
		{name: "response", in: encodeFrame('R', []byte("id-1"), []byte(`{"a":1}`)), typ: 'R', fields: []string{"id-1", `{"a":1}`}},
		{name: "error", in: encodeFrame('E', []byte("id-1"), []byte("TypeError"), []byte(`{}`)), typ: 'E', fields: []string{"id-1", "TypeError", "{}"}},
		{name: "empty fields", in: encodeFrame('R', nil, nil), typ: 'R', fields: []string{"", ""}},
		{name: "oversize response is skipped", in: append(encodeFrame('R', []byte("id-2"), big), encodeFrame('N')...), typ: 'R', fields: []string{"id-2"}, oversize: true},
		{name: "empty frame", in: []byte{0, 0, 0, 0}, err: "empty frame"},
		{name: "field overruns", in: []byte{9, 0, 0, 0, 'R', 200, 0, 0, 0, 'a', 'b', 'c', 'd'}, err: "field overruns"},
		{name: "short field size", in: []byte{3, 0, 0, 0, 'R', 1, 0}, err: "malformed"},
		{name: "too many fields", in: encodeFrame('E', nil, nil, nil, nil), err: "malformed"},
		{name: "truncated", in: encodeFrame('R', []byte("id"), []byte("payload"))[:12], err: "truncated frame"},
		{name: "oversize with a huge first field", in: binary.LittleEndian.AppendUint32([]byte{0, 0, 0x70, 0, 'R'}, 0x700000), err: "-byte 'R' frame"},
		{name: "end of stream", in: nil, err: "EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fr := frameReader{r: bufio.NewReader(bytes.NewReader(tt.in))}
			f, err := fr.next()
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got %v, want an error containing %q", err, tt.err)
				}
				if tt.in != nil && !errors.Is(err, errFrame) {
					t.Errorf("%v does not wrap errFrame", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.typ != tt.typ || f.n != len(tt.fields) || f.oversize != tt.oversize {
				t.Fatalf("got type %q, %d fields, oversize %v", f.typ, f.n, f.oversize)
			}
			for i, want := range tt.fields {
				if string(f.field(i)) != want {
					t.Errorf("field %d = %q, want %q", i, f.field(i), want)
				}
			}
			if tt.oversize {
				// The rest of the oversize frame was consumed.
				if next, err := fr.next(); err != nil || next.typ != 'N' {
					t.Errorf("after an oversize frame: %q, %v", next.typ, err)
				}
			}
		})
	}
}

func TestAppendInvokeHeader(t *testing.T) {
	deadline := time.UnixMilli(1700000000123)
	inv := &invocation{deadline: deadline, opts: InvokeOptions{RequestID: "req-1", TraceID: "Root=1-a",
		ClientContext: `{"custom":{"k":"v"}}`, CognitoIdentity: `{"cognitoIdentityId":"id"}`}}
	event := []byte(`{"hello":"é"}`)
	frame := append(appendInvokeHeader([]byte("prefix"), inv, "arn:aws:lambda:us-east-1:1:function:f", len(event)), event...)
	frame = frame[len("prefix"):]
	if size := binary.LittleEndian.Uint32(frame); int(size) != len(frame)-4 {
		t.Fatalf("size %d, frame of %d bytes", size, len(frame))
	}
	if frame[4] != frameInvoke {
		t.Fatalf("type %q", frame[4])
	}
	var got []string
	for rest := frame[5:]; len(rest) > 0; {
		n := binary.LittleEndian.Uint32(rest)
		got = append(got, string(rest[4:4+n]))
		rest = rest[4+n:]
	}
	want := []string{"req-1", "1700000000123", "arn:aws:lambda:us-east-1:1:function:f", "Root=1-a",
		`{"custom":{"k":"v"}}`, `{"cognitoIdentityId":"id"}`, `{"hello":"é"}`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("fields\n got %q\nwant %q", got, want)
	}
}

// BenchmarkFrameReader measures decoding one small response frame.
func BenchmarkFrameReader(b *testing.B) {
	frame := encodeFrame('R', []byte("3bd00c72-dce2-47de-9cdb-9e5efbf40ef3"),
		[]byte(`{"statusCode":200,"headers":{"Content-Type":"application/json"},"body":"{\"hello\":\"Ada\"}"}`))
	r := bytes.NewReader(nil)
	fr := frameReader{r: bufio.NewReader(r)}
	b.ReportAllocs()
	for b.Loop() {
		r.Reset(frame)
		fr.r.Reset(r)
		if _, err := fr.next(); err != nil {
			b.Fatal(err)
		}
	}
}
