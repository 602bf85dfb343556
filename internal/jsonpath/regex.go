package jsonpath

import "archway/internal/javalang"

// javaRegex is a java.util.regex.Pattern as the =~ operator uses it: the
// whole string must match (Matcher.matches). The Java syntax and
// semantics come from javalang, with its match timeout.
type javaRegex struct {
	src string // the pattern as written, Pattern.toString
	p   *javalang.Pattern
}

// compileJavaRegex compiles /src/ (with the i flag when ignoreCase); the
// string result is the reason a bad pattern is refused.
func compileJavaRegex(src string, ignoreCase bool) (*javaRegex, string) {
	pattern := src
	if ignoreCase {
		pattern = "(?i)" + src
	}
	p, err := javalang.Compile(pattern)
	if err != nil {
		return nil, "invalid regular expression /" + src + "/: " + err.Error()
	}
	return &javaRegex{src: src, p: p}, ""
}

func (r *javaRegex) matches(s string) (bool, error) {
	return r.p.Matches(s)
}
