package pipeline

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"unicode/utf8"

	"archway/internal/plan"
)

// errConversion is a payload that CONVERT_TO_BINARY cannot base64-decode,
// or binary data a mapping template was selected for: API Gateway answers
// 500, an API configuration error (docs-content-conversion-failure-500,
// s3-request-convert-to-binary-*-500).
var errConversion = &GatewayError{Type: TypeAPIConfigurationError, Message: msgInternal,
	Cause: errors.New("payload content conversion failed")}

// binaryType reports whether a media type is one of the API's binary media
// types. Entries may use wildcards (image/*, */*).
func (x *exchange) binaryType(mt string) bool {
	if mt == "" {
		return false
	}
	typ, sub, _ := strings.Cut(mt, "/")
	for _, b := range x.plan.BinaryMediaTypes {
		bt, bs, _ := strings.Cut(strings.ToLower(b), "/")
		if (bt == "*" || bt == typ) && (bs == "*" || bs == sub) {
			return true
		}
	}
	return false
}

// binaryAccept reports whether the first Accept media type is, exactly, one
// of the binary media types. Wildcards play no part: an Accept of image/*
// or */* is never binary, and an entry */test matches no Accept, not even
// */test (aws-proxy-binary-accept-*).
func (x *exchange) binaryAccept() bool {
	a := mediaType(x.r.Header.Get("Accept"))
	if a == "" || strings.Contains(a, "*") {
		return false
	}
	for _, b := range x.plan.BinaryMediaTypes {
		if !strings.Contains(b, "*") && strings.EqualFold(b, a) {
			return true
		}
	}
	return false
}

// textOf returns binary-unsafe data as API Gateway reads text: UTF-8, each
// byte that does not start a valid sequence replaced by U+FFFD (67 bytes
// of gzip data become 99, s3-request-no-content-handling-*-binary-raw).
func textOf(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
			i++
			continue
		}
		out = append(out, b[i:i+n]...)
		i += n
	}
	return out
}

// base64Encode returns b in standard base64.
func base64Encode(b []byte) []byte {
	out := make([]byte, base64.StdEncoding.EncodedLen(len(b)))
	base64.StdEncoding.Encode(out, b)
	return out
}

// base64Decode decodes standard base64 text, surrounding white space
// ignored; anything else is errConversion.
func base64Decode(b []byte) ([]byte, error) {
	b = bytes.TrimSpace(b)
	out := make([]byte, base64.StdEncoding.DecodedLen(len(b)))
	n, err := base64.StdEncoding.Decode(out, b)
	if err != nil {
		return nil, errConversion
	}
	return out[:n], nil
}

// convertPayload applies a content handling strategy to a payload that is
// binary or text, without a mapping template (the recorded matrix of
// s3-request-* and s3-response-*, and the documentation's tables):
//
//   - CONVERT_TO_BINARY: binary data stays; text is base64-decoded;
//   - CONVERT_TO_TEXT: binary data is base64-encoded; text stays;
//   - none: binary data stays binary when wantBinary, else is
//     base64-encoded; text stays text unless wantBinary, then it is
//     base64-decoded.
//
// Text is always read as UTF-8 (textOf).
func convertPayload(p []byte, binary, wantBinary bool, h plan.ContentHandling) ([]byte, error) {
	switch {
	case h == plan.ConvertToBinary:
		wantBinary = true
	case h == plan.ConvertToText:
		wantBinary = false
	}
	switch {
	case binary && wantBinary:
		return p, nil
	case binary:
		return base64Encode(p), nil
	case wantBinary:
		return base64Decode(textOf(p))
	}
	return textOf(p), nil
}

// templateInput returns what a mapping template reads of a payload: text,
// binary data only when CONVERT_TO_TEXT turns it into base64
// (docs-content-conversion-binary-to-text-template); a template selected
// for other binary data fails.
func templateInput(p []byte, binary bool, h plan.ContentHandling) ([]byte, error) {
	switch {
	case !binary:
		return textOf(p), nil
	case h == plan.ConvertToText:
		return base64Encode(p), nil
	}
	return nil, errConversion
}

// templateOutput applies CONVERT_TO_BINARY to a template's output.
func templateOutput(out []byte, h plan.ContentHandling) ([]byte, error) {
	if h == plan.ConvertToBinary {
		return base64Decode(out)
	}
	return out, nil
}
