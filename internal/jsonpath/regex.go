package jsonpath

import (
	"strings"
	"time"

	"github.com/dlclark/regexp2"
)

// regexTimeout bounds one match: java.util.regex backtracks without limit,
// a runaway pattern here fails the read instead of holding the request.
const regexTimeout = time.Second

// javaRegex is a java.util.regex.Pattern as the =~ operator uses it: the
// whole string must match (Matcher.matches).
type javaRegex struct {
	src string // the pattern as written, Pattern.toString
	re  *regexp2.Regexp
}

// compileJavaRegex compiles a Java pattern with regexp2, translating the
// constructs whose meaning differs: \d \w \s are ASCII-only in Java, '.'
// excludes every line terminator, and \Q...\E quotes.
func compileJavaRegex(src string, ignoreCase bool) (*javaRegex, string) {
	opts := regexp2.None
	if ignoreCase {
		opts = regexp2.IgnoreCase
	}
	translated := translateJavaRegex(src)
	// Compile the pattern alone first so that an unbalanced ")" cannot
	// escape the anchoring group below.
	if _, err := regexp2.Compile(translated, opts); err != nil {
		return nil, "invalid regular expression /" + src + "/: " + err.Error()
	}
	re, err := regexp2.Compile(`\A(?:`+translated+`)\z`, opts)
	if err != nil {
		return nil, "invalid regular expression /" + src + "/: " + err.Error()
	}
	re.MatchTimeout = regexTimeout
	return &javaRegex{src: src, re: re}, ""
}

func (r *javaRegex) matches(s string) (bool, error) {
	return r.re.MatchString(s)
}

const (
	javaDigit = `0-9`
	javaWord  = `a-zA-Z0-9_`
	javaSpace = ` \t\n\x0B\f\r`
	javaDot   = `[^\n\r\u0085\u2028\u2029]`
)

func translateJavaRegex(src string) string {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			i++
			e := src[i]
			if e == 'Q' {
				end := strings.Index(src[i+1:], `\E`)
				lit := src[i+1:]
				if end >= 0 {
					lit = src[i+1 : i+1+end]
					i += end + 2
				} else {
					i = len(src)
				}
				b.WriteString(regexp2.Escape(lit))
				continue
			}
			if class, ok := javaClassEscape(e, inClass); ok {
				b.WriteString(class)
				continue
			}
			b.WriteByte('\\')
			b.WriteByte(e)
		case c == '[' && !inClass:
			inClass = true
			b.WriteByte(c)
			if i+1 < len(src) && src[i+1] == '^' {
				i++
				b.WriteByte('^')
			}
			if i+1 < len(src) && src[i+1] == ']' {
				i++
				b.WriteString(`\]`)
			}
		case c == ']' && inClass:
			inClass = false
			b.WriteByte(c)
		case c == '.' && !inClass:
			b.WriteString(javaDot)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// javaClassEscape translates \d \w \s and their negations to ASCII
// classes; inside a character class only the positive forms are.
func javaClassEscape(e byte, inClass bool) (string, bool) {
	var set string
	switch e | 0x20 {
	case 'd':
		set = javaDigit
	case 'w':
		set = javaWord
	case 's':
		set = javaSpace
	default:
		return "", false
	}
	negated := e < 'a'
	switch {
	case inClass && negated:
		return "", false
	case inClass:
		return set, true
	case negated:
		return "[^" + set + "]", true
	}
	return "[" + set + "]", true
}
