package javalang

import (
	"errors"
	"testing"
)

// checkError fails unless err is nil or a *Exception.
func checkError(t *testing.T, err error) {
	t.Helper()
	var ex *Exception
	if err != nil && !errors.As(err, &ex) {
		t.Fatalf("error %v is not a *javalang.Exception", err)
	}
}

// FuzzSplit looks for panics and non-Java errors in regex translation and
// splitting.
func FuzzSplit(f *testing.F) {
	for _, s := range [][2]string{{"a,b,,c,,", ","}, {"a😀b", ""}, {"x1y22", "\\d+"}, {"ab", "(?<=a)"},
		{"a.b", "[.&&[^a]]"}, {"aXbx", "(?i)x"}, {"a\r\nb", "\\R"}, {"ab", "\\Qa\\E"}, {"a b", "(?x) a # c"}} {
		f.Add(s[0], s[1], 0)
		f.Add(s[0], s[1], -1)
		f.Add(s[0], s[1], 2)
	}
	f.Fuzz(func(t *testing.T, s, regex string, limit int) {
		parts, err := SplitLimit(s, regex, limit)
		checkError(t, err)
		if err == nil && limit > 0 && len(parts) > limit {
			t.Fatalf("%d parts for limit %d", len(parts), limit)
		}
	})
}

// FuzzReplaceAll looks for panics and non-Java errors in replaceAll,
// including the replacement-string parser.
func FuzzReplaceAll(f *testing.F) {
	for _, s := range [][3]string{{"Hello World", "(o)", "[$1]"}, {"abc", "(?<n>b)", "${n}\\$"}, {"abc", "x*", "-"},
		{"a😀b", "", "$0"}, {"line\n", "$", "#"}, {"aaa", "a*+a", "X"}, {"x", "\\p{IsLatin}", "\\\\"},
		{"ab", "(a)|(b)", "$2$1"}} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, s, regex, replacement string) {
		_, err := ReplaceAll(s, regex, replacement)
		checkError(t, err)
		_, err = ReplaceFirst(s, regex, replacement)
		checkError(t, err)
	})
}
