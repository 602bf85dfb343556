package conformance

import (
	"regexp"
	"strings"
)

// tokenNames is the closed list of names an embedded token may carry
// (FORMAT.md 7.1). Whole-string tokens may carry any name.
var tokenNames = stringSet(
	"Date", "X-Amzn-Trace-Id", "X-Forwarded-For", "X-Forwarded-Port",
	"X-Forwarded-Proto", "account-id", "api-id", "apigw-id", "authorization-header",
	"cache-namespace", "cf-id", "cloudfront-asn", "cloudfront-country", "content-length",
	"content_length", "date", "deployment-id", "domain-name", "domain", "endpoint_url",
	"executionArn", "extended-request-id", "function-name", "host-id", "host", "http-date",
	"latency", "log-timestamp", "origin", "partition", "region", "request-id-lambda", "request-id",
	"request-time-epoch", "request-time", "resource-id", "rest-api-id", "rest_api_id",
	"root resource id", "sequence_number", "shard_id", "source-ip", "startDate", "timestamp",
	"token", "trace-id", "uri", "uuid", "via", "x--amz--cf--id", "x--amz--cf--pop",
	"x--amzn--trace--id", "x--cache", "x--forwarded--for", "x-amz-apigw-id", "x-amz-cf-id",
	"x-amz-cf-pop", "x-amz-trace-id", "x-amzn-Remapped-Date", "x-amzn-requestid",
	"x-amzn-tls-cipher-suite", "x-amzn-tls-version", "x-amzn-trace-id", "x-forwarded-for",
	"x-forwarded-port", "x-forwarded-proto",
)

// stringSet returns the set of its arguments.
func stringSet(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, s := range items {
		m[s] = true
	}
	return m
}

// token is a placeholder in an expected value. key is "NAME:N" for a
// numbered token and "" for an unnumbered one, which never binds.
type token struct {
	text string
	key  string
}

// numberedSuffix splits "NAME:N" and "NAME-N".
var numberedSuffix = regexp.MustCompile(`^(.+)[:-]([0-9]+)$`)

// wholeToken reports whether s is a whole-string token (^<[^<>]+>$).
func wholeToken(s string) (token, bool) {
	if len(s) < 3 || s[0] != '<' || s[len(s)-1] != '>' || strings.ContainsAny(s[1:len(s)-1], "<>") {
		return token{}, false
	}
	t := token{text: s}
	if m := numberedSuffix.FindStringSubmatch(s[1 : len(s)-1]); m != nil {
		t.key = m[1] + ":" + m[2]
	}
	return t, true
}

// embeddedToken reports whether inner (the text between '<' and '>') is a
// token from the closed list, plain or numbered.
func embeddedToken(inner string) (token, bool) {
	t := token{text: "<" + inner + ">"}
	if tokenNames[inner] {
		return t, true
	}
	if m := numberedSuffix.FindStringSubmatch(inner); m != nil && tokenNames[m[1]] {
		t.key = m[1] + ":" + m[2]
		return t, true
	}
	return token{}, false
}

// pattern is an expected string split into literal text and embedded
// tokens: pieces alternate literal, token, literal, ... starting and ending
// with a (possibly empty) literal.
type pattern struct {
	literals []string
	tokens   []token
}

// parsePattern splits s at its embedded tokens; other <...> text stays
// literal.
func parsePattern(s string) pattern {
	var p pattern
	lit := strings.Builder{}
	for i := 0; i < len(s); {
		if s[i] == '<' {
			if j := strings.IndexAny(s[i+1:], "<>"); j >= 0 && s[i+1+j] == '>' {
				if t, ok := embeddedToken(s[i+1 : i+1+j]); ok {
					p.literals = append(p.literals, lit.String())
					lit.Reset()
					p.tokens = append(p.tokens, t)
					i += j + 2
					continue
				}
			}
		}
		lit.WriteByte(s[i])
		i++
	}
	p.literals = append(p.literals, lit.String())
	return p
}

// regexp builds the anchored expression matching the pattern: literal parts
// quoted, each token a lazy group, or its bound text when bound already.
func (p pattern) regexp(bound func(key string) (string, bool)) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?s)^`)
	for i, t := range p.tokens {
		b.WriteString(regexp.QuoteMeta(p.literals[i]))
		if v, ok := bound(t.key); ok && t.key != "" {
			b.WriteString("(" + regexp.QuoteMeta(v) + ")")
		} else {
			b.WriteString(`(.*?)`)
		}
	}
	b.WriteString(regexp.QuoteMeta(p.literals[len(p.literals)-1]))
	b.WriteString(`$`)
	return regexp.MustCompile(b.String())
}
