package jsonvalue

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

var (
	update      = flag.Bool("update", false, "regenerate testdata/oracle_parse.jsonl with the oracle")
	randomCases = flag.Int("oracle-random", 0, "compare this many random bodies with the live oracle")
	randomSeed  = flag.Int64("oracle-seed", 1, "seed for -oracle-random")
)

const (
	oracleScript = "../../../shared/oracle/run.sh"
	goldenParse  = "testdata/oracle_parse.jsonl"
)

// bodyCase is a body rendered whole by $input.json('$') (AppendJSON of the
// parsed value) or $input.path('$') (its Java string form).
type bodyCase struct {
	Body   string `json:"body"`
	Method string `json:"method"`
	Output string `json:"output,omitempty"`
	Error  bool   `json:"error,omitempty"`
}

func (c bodyCase) render() (string, error) {
	v, err := Parse([]byte(c.Body))
	if err != nil {
		return "", err
	}
	if c.Method == "json" {
		return string(AppendJSON(nil, v)), nil
	}
	if v == nil {
		return "", nil
	}
	return ToString(v), nil
}

func compareBodies(t *testing.T, cases, want []bodyCase) (agree int) {
	t.Helper()
	for i, c := range cases {
		got, err := c.render()
		w := want[i]
		switch {
		case w.Error && err == nil:
			t.Errorf("$input.%s('$') on %q: got %q, oracle fails", c.Method, c.Body, got)
		case !w.Error && err != nil:
			t.Errorf("$input.%s('$') on %q: got error %v, oracle renders %q", c.Method, c.Body, err, w.Output)
		case !w.Error && got != w.Output:
			t.Errorf("$input.%s('$') on %q:\n got  %q\n want %q", c.Method, c.Body, got, w.Output)
		default:
			agree++
		}
	}
	return agree
}

func TestOracleParseGolden(t *testing.T) {
	if *update {
		cases := goldenBodies()
		res := runOracle(t, cases)
		var buf bytes.Buffer
		for i, c := range cases {
			c.Output, c.Error = res[i].Output, res[i].Error
			if c.Error {
				c.Output = ""
			}
			line, _ := json.Marshal(c)
			buf.Write(line)
			buf.WriteByte('\n')
		}
		if err := os.WriteFile(goldenParse, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(goldenParse)
	if err != nil {
		t.Fatal(err)
	}
	var cases []bodyCase
	for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		var c bodyCase
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	if want := len(goldenBodies()); len(cases) != want {
		t.Fatalf("%s has %d cases, the list has %d: run go test -run TestOracleParseGolden -update", goldenParse, len(cases), want)
	}
	agree := compareBodies(t, cases, cases)
	t.Logf("oracle agreement: %d/%d bodies", agree, len(cases))
}

// TestOracleParseRandom compares random permissive bodies with the live
// oracle; it runs only with -oracle-random=N.
func TestOracleParseRandom(t *testing.T) {
	if *randomCases == 0 {
		t.Skip("set -oracle-random=N to compare random bodies with the oracle")
	}
	r := rand.New(rand.NewSource(*randomSeed))
	var cases []bodyCase
	for len(cases) < *randomCases {
		m := "json"
		if r.Intn(3) == 0 {
			m = "path"
		}
		var b strings.Builder
		randomBody(r, &b, 0)
		// A body that is just null fails in JSONPath, not in the parser.
		if v, err := Parse([]byte(b.String())); err == nil && v == nil {
			continue
		}
		cases = append(cases, bodyCase{Body: b.String(), Method: m})
	}
	agree := compareBodies(t, cases, runOracle(t, cases))
	t.Logf("%d/%d random bodies agree", agree, len(cases))
}

// runOracle renders the cases with the oracle; an empty body is sent as
// is, so the cases avoid it (the oracle reads it as {}).
func runOracle(t *testing.T, cases []bodyCase) []bodyCase {
	t.Helper()
	var in bytes.Buffer
	for i, c := range cases {
		line, _ := json.Marshal(map[string]any{"id": i, "template": "$input." + c.Method + "('$')", "body": c.Body})
		// The oracle's own request parser rejects a raw DEL.
		in.Write(bytes.ReplaceAll(line, []byte{0x7f}, []byte(`\u007f`)))
		in.WriteByte('\n')
	}
	cmd := exec.Command(oracleScript)
	cmd.Stdin = &in
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == 3 {
			t.Skip("oracle prerequisites missing (run.sh exit 3): " + stderr.String())
		}
		t.Fatalf("oracle: %v: %s", err, stderr.String())
	}
	res := make([]bodyCase, len(cases))
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<22)
	for i := 0; sc.Scan(); i++ {
		var resp struct {
			Output *string `json:"output"`
		}
		if err := json.Unmarshal(sc.Bytes(), &resp); err != nil {
			t.Fatal(err)
		}
		if resp.Output == nil {
			res[i].Error = true
		} else {
			res[i].Output = *resp.Output
		}
	}
	return res
}

// goldenBodies lists the permissive-parsing and serialisation cases, and
// numbers that exercise Double.toString (written with at most 18
// characters so that json-smart reads them as doubles).
func goldenBodies() []bodyCase {
	bodies := []string{
		"some raw data", "hello, world", "  spaced  ", "null x", "nully", "truex", "true", "false", "NaN",
		"Nope", "12abc", "12 abc", "12é", "-", "-abc", "1e", "1.5e", "1e+", "-.", "1e400", "-1e400", "1e-400",
		"0.30000000000000004", "1.10000000000000000000", "123456789012345678901234567890",
		"-9223372036854775808", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
		"007", "-007", "1.50", "1e3", "{a: 'x', b: hello world, 'c d': [1 2, 3,,]}", `{"a":1} trailing`,
		"[1,2]]", `{"a":1,"a":2,"b":3,"a":4}`, "[,1,,2,]", `{,,"a":1,}`, `{"a":}`, "[1}", "[12é]",
		`['a\u0041\x41\q"b']`, "[\"tab\there\", \"esc\\ttab\there\"]", `"unterminated`, "   ", "{", "[]", "{}",
		"{a b: 1, c,d: 2}", `["\ud83d\ude00", "\ud83d", "\u00e9", "\ude00x", "\ud83d\ud83d\ude00"]`,
		"[\"\u2028\", \"€\", \"\u0085\", \"\u007f\", \"/\", \"–\", \"\u00a0\", \"\u001f\", \"\u2100\"]",
		strings.Repeat("[", 400) + strings.Repeat("]", 400), strings.Repeat("[", 401) + strings.Repeat("]", 401),
		strings.Repeat(`{"a":`, 401) + "1" + strings.Repeat("}", 401), "[\"a\x1ab\"]", "[\"a\\nb\x1a\"]",
		"[a\x1ab]", "\x1a", "[\"ctl\x01\x02\", \"ctl\\u0041\x01\"]",
		"[1.e5, -.5, .5, +1, 0x10, Infinity, -Infinity, 1E5, 1e-5, 1E+2]",
		"[0.000000000000000000001, 12345678901234567.5, 1234567890123456789e5, -0.12345678901234567, 1.5e+300000, 100000000000000000000.0e-3, 1234567890123456789.0E+30]",
		`{"k\u0041": 1, 'q"k': 2, "a/b": 3}`, "{a: 1 2, b: x}y, c: [x]y}", "[true false, null, nul, nullx, 'it''s']",
		"[1 , 2 ,3 ]", `["a" "b"]`, `{"a" :1 , "b":2 }`, `{"a"b:1}`, "[-0, -0.0, 0.0, 1.0, 100, 1e7, 1e-3, 9.999e-4]",
		`["\/\\\b\f\n\r\t"]`, "[\"\x7f\x00\"]", "{:1}", `{"a":1:2}`, "[:]", "]", "}", ":", "[1,]x",
		"{\"a\"\v:1}", "[1\v]", "[\f1]", "{\"a\":\"b\"\x1a}", "[\"\\x4g\"]", "[\"\\u12\"]", `{'a':"b'c",b:'c"d'}`,
		"[~1]", "[1~]", "{a:~}", "[1 2 3]", "[1,2 ]", "[truefalse]", "[-1e5x]", "[1.5 .5]", "[--1]", "[0.5e-]",
		"{\"big\":123456789012345678901234567890.5e-10}", "0e00000002200000000", "0e000000000000000001",
		"1.5e0000000000002147483647", "1.5e0000000000002147483648", "10e-2147483647", "[1e-7, 1e-6, 12345678.9, 0.001, 1e21, 1e22, 1e23]",
	}
	for _, f := range []float64{
		3.3e22, 2e-3, 0.1, 1.0 / 3, 2.0 / 3, 100, 1e7, 9999999.999999998, 4.9e-324, 2.2250738585072014e-308,
		1.7976931348623157e308, 9007199254740993, 1.2345678901234567e16, 123456789012345680, 5e-324,
		0.30000000000000004, 1e-5, 123.456, 4.35, 8.41e21, 2.98e22, 9.5e17,
	} {
		bodies = append(bodies, shortFloat(f))
	}
	r := rand.New(rand.NewSource(1))
	for range 60 {
		bodies = append(bodies, shortFloat(math.Float64frombits(r.Uint64()>>2)))
	}
	var cases []bodyCase
	for _, b := range bodies {
		cases = append(cases, bodyCase{Body: b, Method: "json"}, bodyCase{Body: b, Method: "path"})
	}
	return cases
}

// shortFloat writes f in at most 18 characters, the longest number
// json-smart still reads as a double.
func shortFloat(f float64) string {
	for prec := 17; prec > 0; prec-- {
		s := strconv.FormatFloat(f, 'g', prec, 64)
		if !strings.ContainsAny(s, ".e") {
			s += ".0"
		}
		if len(s) <= 18 {
			return s
		}
	}
	return "0.0"
}

var randomAtoms = []string{
	"1", "-1", "0", "007", "-0", "1.5", "-.5", "1.", "1e5", "1E+2", "1e-400", "1e400", "9223372036854775808",
	"0.30000000000000004", "3.3e22", "true", "false", "null", "NaN", "nul", "x", "hello world", `"s"`, `'s'`,
	`"a\"b"`, `"\u00e9\ud83d\ude00"`, `"\x41\q"`, `"é/€"`, `""`, "''", "-", "1e", "+1", ".5", "a:b", "~", "\t",
}

func randomBody(r *rand.Rand, b *strings.Builder, depth int) {
	if depth > 3 || r.Intn(3) == 0 {
		b.WriteString(randomAtoms[r.Intn(len(randomAtoms))])
		return
	}
	seps := []string{",", ",", ",", ", ", ",,", " ", ""}
	if r.Intn(2) == 0 {
		b.WriteByte('[')
		for i := range r.Intn(4) {
			if i > 0 {
				b.WriteString(seps[r.Intn(len(seps))])
			}
			randomBody(r, b, depth+1)
		}
		b.WriteString([]string{"]", "]", "]", ",]", "]x", ""}[r.Intn(6)])
		return
	}
	b.WriteByte('{')
	for i := range r.Intn(4) {
		if i > 0 {
			b.WriteString(seps[r.Intn(len(seps))])
		}
		b.WriteString([]string{`"a"`, "'b'", "c", "d e", `"a"`, " f ", `"\u0041"`}[r.Intn(7)])
		b.WriteString([]string{":", ":", " : ", ""}[r.Intn(4)])
		randomBody(r, b, depth+1)
	}
	b.WriteString([]string{"}", "}", "}", ",}", "} x", ""}[r.Intn(6)])
}
