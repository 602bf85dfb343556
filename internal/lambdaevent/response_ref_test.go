package lambdaevent

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"testing"
)

// refParse is a reference implementation of ParseProxyResponse on top of
// encoding/json's tokenizer, for differential fuzzing.
func refParse(payload []byte) (*ProxyResponse, error) {
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	if err := refExpectDelim(dec, '{'); err != nil {
		return nil, err
	}
	resp := &ProxyResponse{StatusCode: 200}
	var single []Header
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, malformed("%v", err)
		}
		key, _ := tok.(string)
		switch key {
		case "statusCode":
			if resp.StatusCode, err = refParseStatus(dec); err != nil {
				return nil, err
			}
		case "headers":
			if single, err = refParseHeaders(dec); err != nil {
				return nil, err
			}
		case "multiValueHeaders":
			if resp.Headers, err = refParseMultiHeaders(dec); err != nil {
				return nil, err
			}
		case "body":
			tok, err := dec.Token()
			if err != nil {
				return nil, malformed("%v", err)
			}
			switch v := tok.(type) {
			case nil:
				resp.Body = nil
			case string:
				resp.Body = []byte(v)
			default:
				return nil, malformed("body must be a string, got %v", tok)
			}
		case "isBase64Encoded":
			tok, err := dec.Token()
			if err != nil {
				return nil, malformed("%v", err)
			}
			switch v := tok.(type) {
			case nil:
				resp.IsBase64Encoded = false
			case bool:
				resp.IsBase64Encoded = v
			default:
				return nil, malformed("isBase64Encoded must be a boolean, got %v", tok)
			}
		default:
			return nil, malformed("unexpected member %q", key)
		}
	}
	if err := refExpectDelim(dec, '}'); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, malformed("data after the response object")
	}
	resp.Headers = mergeHeaders(resp.Headers, single)
	return resp, nil
}

func refExpectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return malformed("%v", err)
	}
	if tok != d {
		return malformed("expected %v, got %v", d, tok)
	}
	return nil
}

func refParseStatus(dec *json.Decoder) (int, error) {
	tok, err := dec.Token()
	if err != nil {
		return 0, malformed("%v", err)
	}
	var text string
	switch v := tok.(type) {
	case nil:
		return 200, nil
	case json.Number:
		text = v.String()
	case string:
		text = v
	default:
		return 0, malformed("statusCode must be a number, got %v", tok)
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 100 || n > 599 {
		return 0, malformed("invalid statusCode %q", text)
	}
	return n, nil
}

// scalar converts a header value token to its text.
func refScalar(tok json.Token) (string, bool) {
	switch v := tok.(type) {
	case string:
		return v, true
	case json.Number:
		return v.String(), true
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}

func refParseHeaders(dec *json.Decoder) ([]Header, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, malformed("%v", err)
	}
	if tok == nil {
		return nil, nil
	}
	if tok != json.Delim('{') {
		return nil, malformed("headers must be an object, got %v", tok)
	}
	var hs []Header
	for dec.More() {
		name, err := dec.Token()
		if err != nil {
			return nil, malformed("%v", err)
		}
		tok, err := dec.Token()
		if err != nil {
			return nil, malformed("%v", err)
		}
		if tok == nil {
			continue
		}
		v, ok := refScalar(tok)
		if !ok {
			return nil, malformed("header %v must be a scalar", name)
		}
		hs = append(hs, Header{Name: name.(string), Value: v})
	}
	return hs, refExpectDelim(dec, '}')
}

func refParseMultiHeaders(dec *json.Decoder) ([]Header, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, malformed("%v", err)
	}
	if tok == nil {
		return nil, nil
	}
	if tok != json.Delim('{') {
		return nil, malformed("multiValueHeaders must be an object, got %v", tok)
	}
	var hs []Header
	for dec.More() {
		name, err := dec.Token()
		if err != nil {
			return nil, malformed("%v", err)
		}
		tok, err := dec.Token()
		if err != nil {
			return nil, malformed("%v", err)
		}
		if tok == nil {
			continue
		}
		if tok != json.Delim('[') {
			return nil, malformed("multiValueHeaders %v must be an array", name)
		}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return nil, malformed("%v", err)
			}
			if tok == nil {
				continue
			}
			v, ok := refScalar(tok)
			if !ok {
				return nil, malformed("multiValueHeaders %v: values must be scalars", name)
			}
			hs = append(hs, Header{Name: name.(string), Value: v})
		}
		if err := refExpectDelim(dec, ']'); err != nil {
			return nil, err
		}
	}
	return hs, refExpectDelim(dec, '}')
}

// FuzzParseProxyResponseDifferential checks the hand-written parser
// against the encoding/json-based reference.
func FuzzParseProxyResponseDifferential(f *testing.F) {
	for _, s := range []string{`{}`, `{"statusCode":"201","headers":{"a":true,"b":1e3},"multiValueHeaders":{"A":["x",null]},"body":"b\u00e9\ud83d\ude00","isBase64Encoded":false}`,
		`"s"`, `{"wrongValue":1}`, `{"body":"\ud800"}`, `{"headers":{"a":"\xff"}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		got, err := ParseProxyResponse(payload)
		want, refErr := refParse(payload)
		if (err == nil) != (refErr == nil) {
			t.Fatalf("%q: parser error %v, reference error %v", payload, err, refErr)
		}
		if err != nil {
			if !errors.Is(err, ErrMalformedProxyResponse) {
				t.Fatalf("error does not wrap ErrMalformedProxyResponse: %v", err)
			}
			return
		}
		if len(got.Body) == 0 && len(want.Body) == 0 {
			got.Body, want.Body = nil, nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %+v\nwant %+v", payload, got, want)
		}
	})
}
