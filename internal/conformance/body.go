package conformance

import (
	"bytes"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strings"
)

// body checks body / body_base64 per body_match, body_length and body_md5
// (FORMAT.md 8.4).
func (r *run) body(e *Expect, got []byte) {
	switch {
	case e.BodyMatch == MatchBytes:
		r.bodyBytes(*e.BodyBase64, got)
	case e.Body != nil:
		r.payload(e.Body, e.BodyMatch, got, pointer{"body"})
	}
	if e.BodyLength != nil && len(got) != *e.BodyLength {
		r.fail(pointer{"body_length"}, "got %d bytes, want %d", len(got), *e.BodyLength)
	}
	if e.BodyMD5 != "" {
		sum := md5.Sum(got)
		if h := hex.EncodeToString(sum[:]); !strings.EqualFold(h, e.BodyMD5) {
			r.fail(pointer{"body_md5"}, "got %s, want %s", h, e.BodyMD5)
		}
	}
}

// bodyBytes compares the body with base64-encoded expected bytes.
func (r *run) bodyBytes(b64 string, got []byte) {
	path := pointer{"body_base64"}
	want, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		r.fail(path, "invalid expected base64: %v", err)
		return
	}
	if bytes.Equal(want, got) {
		return
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	r.fail(path, "bytes differ at offset %d: got %d bytes %s, want %d bytes %s",
		i, len(got), base64.StdEncoding.EncodeToString(got), len(want), b64)
}

// payload compares got with the expected value raw under mode (exact, json,
// json-subset, json-keys or xml-equivalent); an empty mode means exact for
// a string and json otherwise. path is where raw sits in the expect object.
func (r *run) payload(raw json.RawMessage, mode string, got []byte, path pointer) {
	if r.ignore.match(path) || r.ignoreValue.match(path) {
		return
	}
	want, err := parseJSON(raw)
	if err != nil {
		r.fail(path, "invalid expected value: %v", err)
		return
	}
	if mode == "" {
		mode = MatchJSON
		if _, ok := want.(string); ok {
			mode = MatchExact
		}
	}
	switch mode {
	case MatchExact:
		w, ok := want.(string)
		if !ok {
			r.fail(path, "body_match exact needs a string, have %s", show(want))
			return
		}
		r.text(w, string([]rune(string(got))), path)
	case MatchJSON, MatchJSONSubset, MatchJSONKeys:
		g, err := parseJSON(got)
		if err != nil {
			r.fail(path, "got %s, which is not JSON (%v)", show(string(got)), err)
			return
		}
		r.structured(mode, want, g, path)
	case MatchXMLEquivalent:
		g, err := xmlToValue(got)
		if err != nil {
			r.fail(path, "got %s, which is not XML (%v)", show(string(got)), err)
			return
		}
		if s, ok := want.(string); ok {
			if want, err = xmlToValue([]byte(s)); err != nil {
				r.fail(path, "invalid expected XML: %v", err)
				return
			}
		}
		r.structured(MatchJSON, want, g, path)
	default:
		r.fail(path, "body_match %q is not comparable", mode)
	}
}

// structured compares parsed values in json, json-subset or json-keys mode,
// normalising strings that hold JSON objects first.
func (r *run) structured(mode string, want, got any, path pointer) {
	want, got = normalize(want), normalize(got)
	switch mode {
	case MatchJSON:
		r.value(want, got, path)
	case MatchJSONSubset:
		w, wok := want.(*object)
		g, gok := got.(*object)
		switch {
		case !wok:
			r.fail(path, "json-subset needs an expected object, have %s", show(want))
		case !gok:
			r.fail(path, "got %s, want an object", show(got))
		default:
			r.members(w, g, path, true)
		}
	case MatchJSONKeys:
		r.keys(want, got, path)
	}
}

// keys checks that got is an object whose member names are exactly the
// strings of the expected array.
func (r *run) keys(want, got any, path pointer) {
	arr, ok := want.([]any)
	if !ok {
		r.fail(path, "json-keys needs an array of names, have %s", show(want))
		return
	}
	g, ok := got.(*object)
	if !ok {
		r.fail(path, "got %s, want an object", show(got))
		return
	}
	wantSet := map[string]bool{}
	var wantNames []string
	for _, e := range arr {
		s, _ := e.(string)
		wantSet[s] = true
		wantNames = append(wantNames, s)
	}
	same := len(g.members) == len(wantSet)
	for n := range wantSet {
		_, ok := g.get(n)
		same = same && ok
	}
	if !same {
		r.fail(path, "got member names %s, want %s", names(g.names()), names(wantNames))
	}
}
