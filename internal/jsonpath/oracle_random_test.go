package jsonpath

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"math/rand"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

var (
	randomCases = flag.Int("oracle-random", 0, "compare this many random path/body cases with the live oracle")
	randomSeed  = flag.Int64("oracle-seed", 1, "seed for -oracle-random")
)

// TestOracleRandom generates random documents and paths (valid and not)
// and compares the engine with the live oracle. It runs only with
// -oracle-random=N.
func TestOracleRandom(t *testing.T) {
	if *randomCases == 0 {
		t.Skip("set -oracle-random=N to compare random cases with the oracle")
	}
	r := rand.New(rand.NewSource(*randomSeed))
	var cases []goldenCase
	for len(cases) < *randomCases {
		body := randomDoc(r, 0)
		for range 4 {
			method := "json"
			if r.Intn(3) == 0 {
				method = "path"
			}
			cases = append(cases, goldenCase{Body: body, Path: randomPath(r), Method: method})
		}
	}
	results := runOracle(t, cases)
	bad, failed, empty := 0, 0, 0
	for i, c := range cases {
		got, err := c.render()
		want := results[i]
		if want.Error {
			failed++
		} else if want.Output == "null" || want.Output == "" || want.Output == "[]" {
			empty++
		}
		switch {
		case want.Error && err == nil:
			t.Errorf("%s on %s: got %q, oracle fails: %s", c.template(), c.Body, got, want.Output)
		case !want.Error && err != nil:
			t.Errorf("%s on %s: got error %v, oracle renders %q", c.template(), c.Body, err, want.Output)
		case !want.Error && got != want.Output:
			t.Errorf("%s on %s:\n got  %q\n want %q", c.template(), c.Body, got, want.Output)
		default:
			continue
		}
		if bad++; bad > 40 {
			t.Fatal("too many differences")
		}
	}
	t.Logf("%d random cases (%d fail in the oracle, %d empty), %d differ", len(cases), failed, empty, bad)
}

// runOracle evaluates the cases with the oracle; Output holds the error
// text for failed cases.
func runOracle(t *testing.T, cases []goldenCase) []goldenCase {
	t.Helper()
	var in bytes.Buffer
	for i, c := range cases {
		line, _ := json.Marshal(map[string]any{"id": i, "template": c.template(), "body": c.Body})
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
	res := make([]goldenCase, len(cases))
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<22)
	for i := 0; sc.Scan(); i++ {
		var resp struct {
			Output *string `json:"output"`
			Error  string  `json:"error"`
		}
		if err := json.Unmarshal(sc.Bytes(), &resp); err != nil {
			t.Fatal(err)
		}
		if resp.Output != nil {
			res[i].Output = *resp.Output
		} else {
			res[i] = goldenCase{Error: true, Output: resp.Error}
		}
	}
	return res
}

var randomKeys = []string{"a", "b", "c", "k", "x y", "1", "null", "price", "a.b"}

func randomScalar(r *rand.Rand) string {
	switch r.Intn(14) {
	case 0:
		return "null"
	case 1:
		return "true"
	case 2:
		return "false"
	case 3:
		return strconv.Itoa(r.Intn(7) - 2)
	case 4:
		return []string{"1.5", "2.0", "-0.0", "1e3", "0.1", "3.3e22", "9007199254740993", "12345678901234567890"}[r.Intn(8)]
	case 5:
		return `"` + []string{"a", "A1", "3", "null", "true", "", "x y", "é", "a'b"}[r.Intn(9)] + `"`
	case 6:
		return "'" + randomKeys[r.Intn(len(randomKeys))] + "'"
	case 7:
		return "hello"
	default:
		return strconv.Itoa(r.Intn(10))
	}
}

func randomDoc(r *rand.Rand, depth int) string {
	if depth > 3 || depth > 0 && r.Intn(3) == 0 {
		return randomScalar(r)
	}
	var b strings.Builder
	n := r.Intn(4) + 1
	if r.Intn(3) == 0 {
		b.WriteByte('[')
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(randomDoc(r, depth+1))
		}
		b.WriteByte(']')
		return b.String()
	}
	b.WriteByte('{')
	for i := range n + 1 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(randomKeys[r.Intn(min(len(randomKeys), 4+depth*3))]))
		b.WriteByte(':')
		b.WriteString(randomDoc(r, depth+1))
	}
	b.WriteByte('}')
	return b.String()
}

func randomLiteral(r *rand.Rand) string {
	return []string{"1", "2", "0", "-1", "1.5", "'a'", "'3'", "'A1'", "null", "true", "false", "abc", "'null'",
		"$.a", "@.b", "@", "$.k", "'x y'", "1e1", "''"}[r.Intn(20)]
}

func randomCriterion(r *rand.Rand) string {
	sub := []string{"@.a", "@.b", "@.c", "@", "@.k", "@['x y']", "@.a.b", "@[0]", "@.a[1]", "$.a", "@['a','b']", "@.price"}[r.Intn(12)]
	switch r.Intn(6) {
	case 0:
		return sub
	case 1:
		return "!" + sub
	case 2:
		return sub + " =~ " + []string{"/a.*/", "/A1/i", "/\\d+/", "/[0-9]/", "/.*/", "'a'", "/x y/"}[r.Intn(7)]
	}
	op := []string{"==", "!=", "<", "<=", ">", ">="}[r.Intn(6)]
	if r.Intn(5) == 0 {
		return randomLiteral(r) + " " + op + " " + sub
	}
	return sub + " " + op + " " + randomLiteral(r)
}

func randomSegment(r *rand.Rand) string {
	key := randomKeys[r.Intn(len(randomKeys))]
	if r.Intn(2) == 0 {
		key = randomKeys[r.Intn(4)]
	}
	switch r.Intn(17) {
	case 0, 1:
		if strings.ContainsAny(key, ". ") {
			return "['" + key + "']"
		}
		return "." + key
	case 2:
		return "['" + key + "']"
	case 3:
		return "['" + key + "','" + randomKeys[r.Intn(len(randomKeys))] + "']"
	case 4:
		return "[" + strconv.Itoa(r.Intn(5)-2) + "]"
	case 5:
		return "[" + strconv.Itoa(r.Intn(3)) + "," + strconv.Itoa(r.Intn(4)-1) + "]"
	case 6:
		return []string{"[1:]", "[-1:]", "[:2]", "[:-1]", "[0:2]", "[1:3]", "[-2:]", "[2:1]", "[(@.length-1)]"}[r.Intn(9)]
	case 7:
		return "[*]"
	case 8:
		return ".*"
	case 9:
		return ".." + key
	case 10:
		return []string{"..[*]", "..[0]", "..*", "..['a','b']"}[r.Intn(4)]
	case 11, 12:
		return "[?(" + randomCriterion(r) + ")]"
	case 13:
		return "[?(" + randomCriterion(r) + " " + []string{"&&", "||"}[r.Intn(2)] + " " + randomCriterion(r) + ")]"
	case 14:
		return "..[?(" + randomCriterion(r) + ")]"
	case 15:
		return []string{"[?]", ".length()", "[", "]", "'", " ", "[?(@.a)", "$", "@", "[-]", "[a]"}[r.Intn(11)]
	default:
		return "." + key
	}
}

func randomPath(r *rand.Rand) string {
	var b strings.Builder
	switch r.Intn(10) {
	case 0:
	case 1:
		b.WriteString("@")
	default:
		b.WriteString("$")
	}
	for range r.Intn(4) + 1 {
		b.WriteString(randomSegment(r))
	}
	return b.String()
}
