package runner

import (
	"encoding/base64"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// writeLambdaURL answers as a Lambda function URL does: the headers of
// fixtures.md 3.3 to 3.5 (Date is added by net/http) and X-Amzn-Trace-Id,
// the request's trace id. The fixtures document does not list that last
// header, but the recorded HTTP_PROXY responses from function URLs carry
// one (http-proxy-lambda-url-echo-headers), and API Gateway adds none of
// its own to HTTP_PROXY responses (header-remap-http-proxy-no-param): it
// came from the function URL.
func writeLambdaURL(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	h := w.Header()
	h["Content-Type"] = []string{"application/json"}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	h["Connection"] = []string{"keep-alive"}
	h["x-amzn-RequestId"] = []string{newFixtureUUID()}
	trace := r.Header.Get("X-Amzn-Trace-Id")
	if trace == "" {
		trace = "Root=1-00000000-" + strings.ReplaceAll(newFixtureUUID(), "-", "")[:24]
	}
	h["X-Amzn-Trace-Id"] = []string{trace}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// answerURLEcho is http:url-echo-json (fixtures.md 3.3).
func answerURLEcho(w http.ResponseWriter, r *http.Request, body []byte, args httpArgs) {
	path, rawQuery, _ := strings.Cut(r.RequestURI, "?")
	argsObj := pyObject{}
	for _, kv := range orderedQuery(rawQuery) {
		found := false
		for i := range argsObj {
			if argsObj[i].name == kv[0] {
				argsObj[i].value = argsObj[i].value.(string) + "," + kv[1]
				found = true
				break
			}
		}
		if !found {
			argsObj = append(argsObj, pyMember{kv[0], kv[1]})
		}
	}
	names, received := endToEndHeaders(r, ",")
	headers := pyObject{}
	for _, name := range names {
		lower := strings.ToLower(name)
		if args.TrimXHeaders && (strings.HasPrefix(lower, "x-amzn") || strings.HasPrefix(lower, "x-forwarded-")) {
			continue
		}
		headers = append(headers, pyMember{lower, received[name][0]})
	}
	out := pyObject{
		{"args", argsObj},
		{"data", echoData(r.Header.Get("Content-Type"), body)},
		{"domain", r.Host},
		{"headers", headers},
		{"method", r.Method},
		{"origin", clientIP(r)},
		{"path", path},
	}
	writeLambdaURL(w, r, http.StatusOK, appendPyJSON(nil, out))
}

// echoData is the data member of http:url-echo-json: text for the
// content types a function URL passes as text, else base64.
func echoData(contentType string, body []byte) string {
	if len(body) == 0 {
		return ""
	}
	if contentType == "" {
		return string(body)
	}
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch {
		case strings.HasPrefix(mt, "text/"), mt == "application/json", mt == "application/xml",
			mt == "application/javascript", mt == "application/x-www-form-urlencoded":
			return string(body)
		}
	}
	return base64.StdEncoding.EncodeToString(body)
}

// answerStatusFromPath is http:status-from-path (fixtures.md 3.4).
func answerStatusFromPath(w http.ResponseWriter, r *http.Request, _ []byte, _ httpArgs) {
	raw, _, _ := strings.Cut(r.RequestURI, "?")
	p, err := url.PathUnescape(raw)
	if err != nil {
		p = raw
	}
	seg := p[strings.LastIndexByte(p, '/')+1:]
	status, message := http.StatusBadRequest, "No valid status found at end of path "+p
	if n, err := strconv.Atoi(seg); err == nil && strconv.Itoa(n) == seg && n >= 100 && n <= 599 && http.StatusText(n) != "" {
		status, message = n, ""
	}
	writeLambdaURL(w, r, status, appendPyJSON(nil, pyObject{{"status_code", status}, {"message", message}}))
}

// answerBodyEcho is http:body-echo (fixtures.md 3.5).
func answerBodyEcho(w http.ResponseWriter, r *http.Request, body []byte, _ httpArgs) {
	writeLambdaURL(w, r, http.StatusOK, body)
}

// orderedQuery decodes a raw query string into name/value pairs in order
// ("+" is a space, %XX decoded).
func orderedQuery(raw string) [][2]string {
	var out [][2]string
	for _, pair := range strings.Split(raw, "&") {
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		dk, err := url.QueryUnescape(k)
		if err != nil {
			dk = k
		}
		dv, err := url.QueryUnescape(v)
		if err != nil {
			dv = v
		}
		out = append(out, [2]string{dk, dv})
	}
	return out
}
