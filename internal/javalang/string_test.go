package javalang

import (
	"errors"
	"strings"
	"sync"
	"testing"
)

// TestASCIIAllocations pins the allocation-free ASCII fast paths.
func TestASCIIAllocations(t *testing.T) {
	s := strings.Repeat("hello world ", 20)
	longer, upper := s+"x", strings.ToUpper(s)
	for _, tc := range []struct {
		name string
		f    func()
	}{
		{"Length", func() { sinkInt = Length(s) }},
		{"CharAt", func() { sink, _ = CharAt(s, 100) }},
		{"Substring2", func() { sink, _ = Substring2(s, 10, 100) }},
		{"Substring", func() { sink, _ = Substring(s, 10) }},
		{"IndexOf", func() { sinkInt = IndexOf(s, "world h") }},
		{"IndexOfFrom", func() { sinkInt = IndexOfFrom(s, "world", 50) }},
		{"LastIndexOf", func() { sinkInt = LastIndexOf(s, "hello") }},
		{"LastIndexOfFrom", func() { sinkInt = LastIndexOfFrom(s, "hello", 100) }},
		{"StartsWithFrom", func() { sinkInt = boolInt(StartsWithFrom(s, "hello", 12)) }},
		{"CompareTo", func() { sinkInt = CompareTo(s, longer) }},
		{"EqualsIgnoreCase", func() { sinkInt = boolInt(EqualsIgnoreCase(s, upper)) }},
		{"HashCode", func() { sinkInt = int(HashCode(s)) }},
		{"Trim", func() { sink = Trim(s) }},
		{"ToLowerCase", func() { sink = ToLowerCase(s) }},
		{"EscapeJavaScript", func() { sink = EscapeJavaScript(s) }},
		{"URLEncode", func() { sink = URLEncode("plain-text_1.2*3") }},
	} {
		if n := testing.AllocsPerRun(100, tc.f); n != 0 {
			t.Errorf("%s: %v allocations, want 0", tc.name, n)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestExceptionError checks Throwable.toString formatting.
func TestExceptionError(t *testing.T) {
	for _, tc := range []struct {
		ex   *Exception
		want string
	}{
		{&Exception{Class: ClassNumberFormat, Message: `For input string: "x"`}, `java.lang.NumberFormatException: For input string: "x"`},
		{&Exception{Class: ClassIllegalArgument}, "java.lang.IllegalArgumentException"},
	} {
		if got := tc.ex.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

// TestRegexTimeout checks that catastrophic backtracking ends with a
// timeout exception instead of hanging.
func TestRegexTimeout(t *testing.T) {
	p, err := Compile(`(a+)+$`)
	if err != nil {
		t.Fatal(err)
	}
	p.re.MatchTimeout = 1 // shortest timeout regexp2 supports
	_, err = p.ReplaceAll(strings.Repeat("a", 40)+"!", "x")
	var ex *Exception
	if !errors.As(err, &ex) || ex.Class != ClassRegexTimeout {
		t.Fatalf("got %v, want %s", err, ClassRegexTimeout)
	}
}

// TestRegexCache checks that the cache stays bounded, shares compiled
// patterns and is safe for concurrent use.
func TestRegexCache(t *testing.T) {
	c := newRegexCache(4)
	p1, err := c.get("a+")
	if err != nil {
		t.Fatal(err)
	}
	if p2, _ := c.get("a+"); p2 != p1 {
		t.Error("second lookup compiled again")
	}
	if _, err := c.get("a**"); err == nil {
		t.Error("invalid pattern cached as valid")
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				pattern := string(rune('a'+(g+i)%10)) + "+"
				p, err := c.get(pattern)
				if err != nil || p.String() != pattern {
					t.Errorf("get(%q) = %v, %v", pattern, p, err)
				}
			}
		}()
	}
	wg.Wait()
	c.mu.RLock()
	defer c.mu.RUnlock()
	if n := len(c.cur) + len(c.old); n > 8 {
		t.Errorf("cache holds %d entries, bound is 8", n)
	}
}

// TestTranslate pins the regexp2 text of a few translations.
func TestTranslate(t *testing.T) {
	for _, tc := range []struct{ java, want string }{
		{`a*+b`, `(?>a*)b`},
		{`(?i)k`, `[Kk]`},
		{`\d\w\s`, `[0-9][0-9A-Z_a-z][\x09-\x0D\ ]`},
		{`(?<n>x)\k<n>`, `(x)\k<1>`},
		{`\Qa.b\E`, `a\.b`},
		{`^a$`, `\Aa(?=(?:\r\n|[\n\r\u0085\u2028\u2029])?\z)(?!(?<=\r)\n)`},
		{`(a)\2`, `(a)[^\x00-` + string(rune(0x10FFFF)) + `]`},
		{`\p{L}`, `\p{L}`},
	} {
		got, err := translate(tc.java, false)
		if err != nil {
			t.Errorf("%s: %v", tc.java, err)
			continue
		}
		if got.text != tc.want {
			t.Errorf("%s: got %s, want %s", tc.java, got.text, tc.want)
		}
	}
}
