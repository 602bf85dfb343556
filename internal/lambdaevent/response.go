package lambdaevent

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrMalformedProxyResponse is wrapped by every ParseProxyResponse error.
// API Gateway answers such a response with 502
// {"message": "Internal server error"}.
var ErrMalformedProxyResponse = errors.New("lambdaevent: malformed Lambda proxy response")

// ProxyResponse is a validated Lambda proxy response (payload 1.0).
type ProxyResponse struct {
	// StatusCode is the response status (200 when absent).
	StatusCode int
	// Headers are the merged headers and multiValueHeaders: every value of
	// multiValueHeaders in order, then each headers value appended to the
	// entry of the same name (case-insensitive, the multiValueHeaders
	// casing wins) or added as a new entry. A name may repeat.
	Headers []Header
	// Body is the body string's bytes, not base64-decoded.
	Body []byte
	// IsBase64Encoded is the function's isBase64Encoded flag.
	IsBase64Encoded bool
}

// ParseProxyResponse validates a Lambda proxy response payload as API
// Gateway does (recorded in the aws-proxy-response-* vectors):
//
//   - the payload must be a JSON object: a bare string, an array, null or
//     nothing is malformed;
//   - only statusCode, headers, multiValueHeaders, body and
//     isBase64Encoded are allowed ({"wrongValue": ...} is malformed);
//   - statusCode is an integer or a string of digits ("201"); "test" is
//     malformed; absent means 200 ({} gives 200 with an empty body);
//   - headers maps names to scalars (true becomes "true"); null is allowed;
//   - multiValueHeaders maps names to arrays of scalars; a non-array value
//     is malformed;
//   - body is a string or null; isBase64Encoded a boolean or null.
//
// Unrecorded choices, following the Jackson-based validator AWS most
// plausibly runs: null header values are skipped, non-scalar header
// values and non-string bodies are malformed, statusCode must lie in
// 100-599.
func ParseProxyResponse(payload []byte) (*ProxyResponse, error) {
	s := &scanner{data: payload}
	if err := s.expect('{'); err != nil {
		return nil, err
	}
	resp := &ProxyResponse{StatusCode: 200}
	var single []Header
	for first := true; !s.consume('}'); first = false {
		if !first {
			if err := s.expect(','); err != nil {
				return nil, err
			}
		}
		if s.next() != kindString {
			return nil, s.fail("expected a member name")
		}
		key, err := s.str()
		if err != nil {
			return nil, err
		}
		if err := s.expect(':'); err != nil {
			return nil, err
		}
		switch key {
		case "statusCode":
			resp.StatusCode, err = parseStatus(s)
		case "headers":
			single, err = parseHeaders(s, false)
		case "multiValueHeaders":
			resp.Headers, err = parseHeaders(s, true)
		case "body":
			switch s.next() {
			case kindNull:
				resp.Body, err = nil, s.null()
			case kindString:
				resp.Body, err = s.appendStr(nil)
			default:
				err = s.fail("body must be a string")
			}
		case "isBase64Encoded":
			switch s.next() {
			case kindNull:
				resp.IsBase64Encoded, err = false, s.null()
			case kindBool:
				resp.IsBase64Encoded, err = s.boolean()
			default:
				err = s.fail("isBase64Encoded must be a boolean")
			}
		default:
			return nil, malformed("unexpected member %q", key)
		}
		if err != nil {
			return nil, err
		}
	}
	if s.space(); s.pos != len(s.data) {
		return nil, s.fail("data after the response object")
	}
	resp.Headers = mergeHeaders(resp.Headers, single)
	return resp, nil
}

func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrMalformedProxyResponse}, args...)...)
}

func parseStatus(s *scanner) (int, error) {
	var text string
	var err error
	switch s.next() {
	case kindNull:
		return 200, s.null()
	case kindNumber:
		text, err = s.number()
	case kindString:
		text, err = s.str()
	default:
		return 0, s.fail("statusCode must be a number")
	}
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 100 || n > 599 {
		return 0, malformed("invalid statusCode %q", text)
	}
	return n, nil
}

// scalar reads a header value: a string, number or boolean as text;
// ok=false for null (skipped).
func scalar(s *scanner) (value string, ok bool, err error) {
	switch s.next() {
	case kindNull:
		return "", false, s.null()
	case kindString:
		v, err := s.str()
		return v, true, err
	case kindNumber:
		v, err := s.number()
		return v, true, err
	case kindBool:
		b, err := s.boolean()
		return strconv.FormatBool(b), true, err
	}
	return "", false, s.fail("header values must be scalars")
}

// parseHeaders reads headers (multi=false: name to scalar) or
// multiValueHeaders (multi=true: name to array of scalars); null is no
// headers.
func parseHeaders(s *scanner, multi bool) ([]Header, error) {
	switch s.next() {
	case kindNull:
		return nil, s.null()
	case kindObject:
	default:
		return nil, s.fail("headers must be an object")
	}
	s.pos++
	var hs []Header
	for first := true; !s.consume('}'); first = false {
		if !first {
			if err := s.expect(','); err != nil {
				return nil, err
			}
		}
		if s.next() != kindString {
			return nil, s.fail("expected a header name")
		}
		name, err := s.str()
		if err != nil {
			return nil, err
		}
		if err := s.expect(':'); err != nil {
			return nil, err
		}
		if !multi {
			v, ok, err := scalar(s)
			if err != nil {
				return nil, err
			}
			if ok {
				hs = append(hs, Header{Name: name, Value: v})
			}
			continue
		}
		switch s.next() {
		case kindNull:
			if err := s.null(); err != nil {
				return nil, err
			}
			continue
		case kindArray:
		default:
			return nil, malformed("multiValueHeaders %q must be an array", name)
		}
		s.pos++
		for firstValue := true; !s.consume(']'); firstValue = false {
			if !firstValue {
				if err := s.expect(','); err != nil {
					return nil, err
				}
			}
			v, ok, err := scalar(s)
			if err != nil {
				return nil, err
			}
			if ok {
				hs = append(hs, Header{Name: name, Value: v})
			}
		}
	}
	return hs, nil
}

// mergeHeaders appends each single-value header after the multi-value
// entries of the same name, renamed to their casing
// (aws-proxy-response-multi-headers-overwrite-casing gives
// "tesT-Multi: value-multi, value-solo").
func mergeHeaders(multi, single []Header) []Header {
	for _, h := range single {
		at := -1
		for i := range multi {
			if strings.EqualFold(multi[i].Name, h.Name) {
				at = i
			}
		}
		if at < 0 {
			multi = append(multi, h)
			continue
		}
		h.Name = multi[at].Name
		multi = append(multi, Header{})
		copy(multi[at+2:], multi[at+1:])
		multi[at+1] = h
	}
	return multi
}

// BinaryResponse reports whether API Gateway base64-decodes a proxy
// response body flagged isBase64Encoded: only when the request's Accept
// header equals one of the API's binaryMediaTypes exactly. "image/*" and
// "*/*" never match, and an entry with a wildcard ("*/test") does not
// match even the identical Accept "*/test" (aws-proxy-binary-* vectors);
// otherwise the base64 text is returned undecoded
// (aws-proxy-response-b64-encoded-true).
func BinaryResponse(accept string, binaryMediaTypes []string) bool {
	if accept == "" {
		return false
	}
	for _, t := range binaryMediaTypes {
		if strings.EqualFold(t, accept) && !strings.Contains(t, "*") {
			return true
		}
	}
	return false
}

// DecodedBody returns the body a client receives: the base64-decoded body
// when the response is flagged and BinaryResponse holds, else Body.
func (r *ProxyResponse) DecodedBody(accept string, binaryMediaTypes []string) ([]byte, error) {
	if !r.IsBase64Encoded || !BinaryResponse(accept, binaryMediaTypes) {
		return r.Body, nil
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(r.Body)))
	n, err := base64.StdEncoding.Decode(out, r.Body)
	if err != nil {
		return nil, fmt.Errorf("lambdaevent: base64 body: %w", err)
	}
	return out[:n], nil
}
