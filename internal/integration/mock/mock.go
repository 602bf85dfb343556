// Package mock is API Gateway's MOCK integration: no backend is called; the
// integration request payload (normally rendered by the request template)
// names the status code, and the integration response has no body.
package mock

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"strings"

	"archway/internal/integration"
	"archway/internal/jsonvalue"
)

// Invoker is the MOCK integration.
type Invoker struct{}

var _ integration.Invoker = Invoker{}

// Invoke answers with the status the payload's statusCode member names and
// an empty body. A payload that is not a JSON object, or has no usable
// statusCode, gives 200: the template {statusCode: 200} (not JSON) still
// yields 200 on AWS (mock-non-json-request-template-status-200). The payload
// is read as leniently as API Gateway reads JSON (json-smart's permissive
// mode).
func (Invoker) Invoke(_ context.Context, req *integration.Request) (*integration.Response, error) {
	return &integration.Response{Status: Status(req.Body), Header: http.Header{}}, nil
}

// Status returns the status code a MOCK integration request payload selects.
func Status(payload []byte) int {
	if n, ok := plainStatus(payload); ok {
		return n
	}
	return parsedStatus(payload)
}

// parsedStatus is Status for any payload: read as JSON, leniently.
func parsedStatus(payload []byte) int {
	v, err := jsonvalue.Parse(payload)
	if err != nil {
		return http.StatusOK
	}
	m, ok := v.(*jsonvalue.Map)
	if !ok {
		return http.StatusOK
	}
	sc, ok := m.Lookup("statusCode")
	if !ok {
		return http.StatusOK
	}
	var n int64
	switch x := sc.(type) {
	case int64:
		n = x
	case float64:
		if x != math.Trunc(x) {
			return http.StatusOK
		}
		n = int64(x)
	case string:
		i, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
		if err != nil {
			return http.StatusOK
		}
		n = i
	default:
		return http.StatusOK
	}
	if n < 100 || n > 599 {
		return http.StatusOK
	}
	return int(n)
}

// plainStatus reads the payload almost every MOCK request template
// renders, {"statusCode": NNN} with any white space around its tokens,
// without building a JSON value; ok is false for anything else.
func plainStatus(p []byte) (status int, ok bool) {
	i := skipSpace(p, 0)
	const key = `"statusCode"`
	if i >= len(p) || p[i] != '{' {
		return 0, false
	}
	i = skipSpace(p, i+1)
	if !strings.HasPrefix(string(p[i:]), key) {
		return 0, false
	}
	i = skipSpace(p, i+len(key))
	if i >= len(p) || p[i] != ':' {
		return 0, false
	}
	i = skipSpace(p, i+1)
	start := i
	for i < len(p) && p[i] >= '0' && p[i] <= '9' {
		i++
	}
	if i-start != 3 || p[start] == '0' {
		return 0, false
	}
	n := int(p[start]-'0')*100 + int(p[start+1]-'0')*10 + int(p[start+2]-'0')
	i = skipSpace(p, i)
	if i >= len(p) || p[i] != '}' || skipSpace(p, i+1) != len(p) {
		return 0, false
	}
	if n < 100 || n > 599 {
		return http.StatusOK, true
	}
	return n, true
}

// skipSpace returns the index of the first byte of p at or after i that
// is not JSON white space.
func skipSpace(p []byte, i int) int {
	for i < len(p) && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r') {
		i++
	}
	return i
}
