package javalang

import (
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dlclark/regexp2"
)

// MatchTimeout bounds one regex operation (each search, and a whole
// replaceAll or split). Java has no such limit; a pattern that backtracks
// catastrophically would stall the gateway instead.
const MatchTimeout = time.Second

// Pattern is a compiled java.util.regex.Pattern. It is safe for concurrent
// use.
type Pattern struct {
	source string
	re     *regexp2.Regexp
	groups int
	names  map[string]int
	// whole matches the entire input (String.matches), built on first use.
	whole func() (*regexp2.Regexp, error)
	// afterEmpty, for patterns with \G, searches after an empty match: Java
	// then starts one character later while \G still means the end of that
	// match, so \G cannot match. Nil without \G.
	afterEmpty func() (*regexp2.Regexp, error)
	isLiteral  bool // source has no metacharacters
}

// compileRegexp2 compiles translated text with the match timeout.
func compileRegexp2(source, text string) (*regexp2.Regexp, error) {
	re, err := regexp2.Compile(text, regexp2.None)
	if err != nil {
		return nil, translationError(source, err)
	}
	re.MatchTimeout = MatchTimeout
	return re, nil
}

// Compile compiles a Java regular expression. Syntax errors are
// java.util.regex.PatternSyntaxException; Java features this package does
// not implement (\X, \N{..}, \b{g}, Unicode blocks) are
// java.lang.UnsupportedOperationException.
func Compile(regex string) (*Pattern, error) {
	tr, err := translate(regex, false)
	if err != nil {
		return nil, err
	}
	re, err := compileRegexp2(regex, tr.text)
	if err != nil {
		return nil, err
	}
	p := &Pattern{source: regex, re: re, groups: tr.groups, names: tr.names,
		isLiteral: !strings.ContainsAny(regex, `\^$.|?*+()[]{}`)}
	p.whole = sync.OnceValues(func() (*regexp2.Regexp, error) {
		return compileRegexp2(regex, `\A(?:`+tr.text+`)\z`)
	})
	if tr.usesG {
		p.afterEmpty = sync.OnceValues(func() (*regexp2.Regexp, error) {
			noG, err := translate(regex, true)
			if err != nil {
				return nil, err
			}
			return compileRegexp2(regex, noG.text)
		})
	}
	return p, nil
}

// String returns the Java source of the pattern.
func (p *Pattern) String() string { return p.source }

// GroupCount is Matcher.groupCount(): the number of capturing groups.
func (p *Pattern) GroupCount() int { return p.groups }

// translationError reports a translated pattern regexp2 rejects: a bug
// here rather than an error Java would raise.
func translationError(regex string, err error) error {
	msg, _, _ := strings.Cut(err.Error(), " in `")
	return newException(ClassUnsupportedOperation, "archway: cannot run Java regex "+regex+": "+msg)
}

func timeoutError(p *Pattern) error {
	return newException(ClassRegexTimeout, "archway: regex "+p.source+" exceeded the "+MatchTimeout.String()+" match timeout")
}

// Matches is Matcher.matches(): whether the whole of s matches.
func (p *Pattern) Matches(s string) (bool, error) {
	if p.isLiteral {
		return s == p.source, nil
	}
	w, err := p.whole()
	if err != nil {
		return false, err
	}
	ok, err := w.MatchRunes([]rune(s))
	if err != nil {
		return false, timeoutError(p)
	}
	return ok, nil
}

// match is one match: byte offsets into the subject, for the whole match
// (group 0) and each group (-1 when the group did not participate).
type match struct {
	offsets []int // 2 per group
}

// scanner walks the matches of a pattern in a subject as Matcher.find
// does, converting regexp2's rune indices to byte offsets.
type scanner struct {
	p     *Pattern
	s     string
	runes []rune
	ascii bool
	m     *regexp2.Match
	start int  // rune index the next search starts at
	empty bool // the previous match was empty
	done  bool
	// deadline bounds the whole scan: each search has its own timeout,
	// and many slow searches must not add up.
	deadline time.Time
	// cursor for rune -> byte conversion
	ri, bi int
}

func (p *Pattern) scan(s string) *scanner {
	return &scanner{p: p, s: s, runes: []rune(s), ascii: isASCII(s)}
}

// byteOffset converts a rune index to a byte offset.
func (sc *scanner) byteOffset(ri int) int {
	if sc.ascii {
		return ri
	}
	for sc.ri < ri {
		_, size := utf8.DecodeRuneInString(sc.s[sc.bi:])
		sc.bi += size
		sc.ri++
	}
	for sc.ri > ri {
		_, size := utf8.DecodeLastRuneInString(sc.s[:sc.bi])
		sc.bi -= size
		sc.ri--
	}
	return sc.bi
}

// next finds the next match; ok is false when there is none. After an
// empty match the search resumes one character later, as in Java.
func (sc *scanner) next(withGroups bool) (m match, ok bool, err error) {
	if sc.done {
		return match{}, false, nil
	}
	if sc.deadline.IsZero() {
		sc.deadline = time.Now().Add(MatchTimeout)
	} else if time.Now().After(sc.deadline) {
		return match{}, false, timeoutError(sc.p)
	}
	re := sc.p.re
	if sc.empty && sc.p.afterEmpty != nil {
		if re, err = sc.p.afterEmpty(); err != nil {
			return match{}, false, err
		}
	}
	sc.m, err = re.FindRunesMatchStartingAt(sc.runes, sc.start)
	if err != nil {
		return match{}, false, timeoutError(sc.p)
	}
	if sc.m == nil {
		sc.done = true
		return match{}, false, nil
	}
	sc.start = sc.m.Index + sc.m.Length
	sc.empty = sc.m.Length == 0
	if sc.empty {
		sc.start++
		sc.done = sc.start > len(sc.runes)
	}
	n := 1
	if withGroups {
		n += sc.p.groups
	}
	m.offsets = make([]int, 2*n)
	m.offsets[0] = sc.byteOffset(sc.m.Index)
	m.offsets[1] = sc.byteOffset(sc.m.Index + sc.m.Length)
	for g := 1; g < n; g++ {
		grp := sc.m.GroupByNumber(g)
		if grp == nil || len(grp.Captures) == 0 {
			m.offsets[2*g], m.offsets[2*g+1] = -1, -1
			continue
		}
		m.offsets[2*g] = sc.byteOffset(grp.Index)
		m.offsets[2*g+1] = sc.byteOffset(grp.Index + grp.Length)
	}
	return m, true, nil
}

// ReplaceAll is Matcher.replaceAll(replacement) with Java's replacement
// syntax ($n, ${name}, \x).
func (p *Pattern) ReplaceAll(s, replacement string) (string, error) {
	return p.replace(s, replacement, true)
}

// ReplaceFirst is Matcher.replaceFirst(replacement).
func (p *Pattern) ReplaceFirst(s, replacement string) (string, error) {
	return p.replace(s, replacement, false)
}

func (p *Pattern) replace(s, replacement string, all bool) (string, error) {
	if p.isLiteral && p.source != "" && !strings.ContainsAny(replacement, `\$`) {
		if all {
			return strings.ReplaceAll(s, p.source, replacement), nil
		}
		return strings.Replace(s, p.source, replacement, 1), nil
	}
	sc := p.scan(s)
	var sb strings.Builder
	var parts []replPart
	last, matched := 0, false
	for {
		m, ok, err := sc.next(true)
		if err != nil {
			return "", err
		}
		if !ok {
			break
		}
		if !matched {
			matched = true
			if parts, err = p.parseReplacement(replacement); err != nil {
				return "", err
			}
		}
		sb.WriteString(s[last:m.offsets[0]])
		for _, part := range parts {
			if part.group < 0 {
				sb.WriteString(part.text)
			} else if a := m.offsets[2*part.group]; a >= 0 {
				sb.WriteString(s[a:m.offsets[2*part.group+1]])
			}
		}
		last = m.offsets[1]
		if !all {
			break
		}
	}
	if !matched {
		return s, nil
	}
	sb.WriteString(s[last:])
	return sb.String(), nil
}

// Split is Pattern.split(input, limit): with limit > 0 at most limit
// parts; with limit 0 trailing empty strings are removed; a zero-width
// match at the start never produces a leading empty string.
func (p *Pattern) Split(s string, limit int) ([]string, error) {
	if s == "" {
		return []string{""}, nil
	}
	sc := p.scan(s)
	var list []string
	index := 0
	limited := limit > 0
	for {
		m, ok, err := sc.next(false)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		start, end := m.offsets[0], m.offsets[1]
		if !limited || len(list) < limit-1 {
			if index == 0 && start == 0 && end == 0 {
				continue
			}
			list = append(list, s[index:start])
			index = end
		} else if len(list) == limit-1 {
			list = append(list, s[index:])
			index = end
			break
		}
	}
	return finishSplit(s, list, index, limit), nil
}

// finishSplit adds the remainder and drops trailing empty strings as
// Java's split does.
func finishSplit(s string, list []string, index, limit int) []string {
	if index == 0 {
		return []string{s}
	}
	if limit <= 0 || len(list) < limit {
		list = append(list, s[index:])
	}
	if limit == 0 {
		n := len(list)
		for n > 0 && list[n-1] == "" {
			n--
		}
		list = list[:n]
	}
	return list
}

// patternCache holds recently compiled patterns: templates call the same
// regex on every request.
var patternCache = newRegexCache(512)

// cachedPattern compiles regex or returns its cached compilation.
func cachedPattern(regex string) (*Pattern, error) {
	return patternCache.get(regex)
}
