package runner

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// answerHTTPBin is http:httpbin (fixtures.md 3.2): httpbin.org's /post
// answer for any request, object members sorted by name at every level.
func answerHTTPBin(w http.ResponseWriter, r *http.Request, body []byte, _ httpArgs) {
	_, rawQuery, _ := strings.Cut(r.RequestURI, "?")
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	form := map[string]any{}
	data := string(body)
	switch {
	case mt == "application/x-www-form-urlencoded":
		data = ""
		form = multiMap(orderedQuery(string(body)))
	case !utf8.Valid(body):
		data = "data:application/octet-stream;base64," + base64.StdEncoding.EncodeToString(body)
	}
	names, received := endToEndHeaders(r, ",")
	headers := map[string]any{}
	for _, name := range names {
		headers[canonicalHTTPBin(name)] = received[name][0]
	}
	var parsed any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&parsed); err != nil || dec.More() {
		parsed = nil
	}
	out := map[string]any{
		"args":    multiMap(orderedQuery(rawQuery)),
		"data":    data,
		"files":   map[string]any{},
		"form":    form,
		"headers": headers,
		"json":    parsed,
		"origin":  clientIP(r),
		"url":     "http://" + r.Host + r.RequestURI,
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
	h := w.Header()
	h["Content-Type"] = []string{"application/json"}
	h["Content-Length"] = []string{strconv.Itoa(buf.Len())}
	h["Connection"] = []string{"keep-alive"}
	h["Server"] = []string{"gunicorn/19.9.0"}
	h["Access-Control-Allow-Origin"] = []string{"*"}
	h["Access-Control-Allow-Credentials"] = []string{"true"}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}

// multiMap maps each name to its value, or to the array of its values
// when repeated, as httpbin reports args and form fields.
func multiMap(pairs [][2]string) map[string]any {
	out := map[string]any{}
	for _, kv := range pairs {
		switch prev := out[kv[0]].(type) {
		case nil:
			out[kv[0]] = kv[1]
		case string:
			out[kv[0]] = []string{prev, kv[1]}
		case []string:
			out[kv[0]] = append(prev, kv[1])
		}
	}
	return out
}

// canonicalHTTPBin writes a header name as httpbin does: first letter and
// every letter after "-" upper case, the rest lower case.
func canonicalHTTPBin(name string) string {
	b := []byte(strings.ToLower(name))
	upper := true
	for i, c := range b {
		if upper && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		upper = c == '-'
	}
	return string(b)
}

// newFixtureUUID returns a random version-4 UUID, lower case.
func newFixtureUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	s := hex.EncodeToString(b[:])
	return s[:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:]
}
