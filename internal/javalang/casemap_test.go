package javalang

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
)

const caseMapFile = "testdata/casemap.json"

// caseMapLimit is the last code point checked: the BMP and the
// supplementary multilingual plane hold every cased script.
const caseMapLimit = 0x1FFFF

// caseMap records, per code point (decimal key), Java's toUpperCase and
// toLowerCase of the one-character string where they change it.
type caseMap struct {
	Upper map[string]string `json:"upper"`
	Lower map[string]string `json:"lower"`
}

// checkedRune reports the code points the case map covers: all but
// surrogates and the oracle template's separators ',', U+0001, U+0002.
func checkedRune(r rune) bool {
	return r != ',' && r != 1 && r != 2 && (r < 0xD800 || r > 0xDFFF)
}

// writeCaseMap asks the oracle for every code point's case mappings.
func writeCaseMap(t *testing.T) {
	var reqs []oracleRequest
	var chunk []string
	flush := func() {
		if len(chunk) == 0 {
			return
		}
		reqs = append(reqs, oracleRequest{
			ID:       strconv.Itoa(len(reqs)),
			Template: "#foreach($c in $s.split(\",\"))$c.toUpperCase()\u0001$c.toLowerCase()\u0002#end",
			Vars:     map[string]any{"s": strings.Join(chunk, ",")},
		})
		chunk = chunk[:0]
	}
	var runes []rune
	for r := rune(0); r <= caseMapLimit; r++ {
		if !checkedRune(r) {
			continue
		}
		runes = append(runes, r)
		chunk = append(chunk, string(r))
		if len(chunk) == 999 {
			flush()
		}
	}
	flush()
	replies := runOracle(t, reqs)
	m := caseMap{Upper: map[string]string{}, Lower: map[string]string{}}
	k := 0
	for _, rep := range replies {
		if rep.Output == nil {
			t.Fatalf("oracle: %s", rep.Error)
		}
		items := strings.Split(strings.TrimSuffix(*rep.Output, "\u0002"), "\u0002")
		for _, item := range items {
			up, low, _ := strings.Cut(item, "\u0001")
			r := runes[k]
			k++
			key := strconv.Itoa(int(r))
			if up != string(r) {
				m.Upper[key] = up
			}
			if low != string(r) {
				m.Lower[key] = low
			}
		}
	}
	if k != len(runes) {
		t.Fatalf("oracle returned %d of %d code points", k, len(runes))
	}
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(caseMapFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCaseMapping compares ToUpperCase and ToLowerCase of every code
// point up to U+1FFFF with Java's.
func TestCaseMapping(t *testing.T) {
	if *update {
		writeCaseMap(t)
	}
	data, err := os.ReadFile(caseMapFile)
	if err != nil {
		t.Fatal(err)
	}
	var m caseMap
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for r := rune(0); r <= caseMapLimit; r++ {
		if !checkedRune(r) {
			continue
		}
		key := strconv.Itoa(int(r))
		for _, tc := range []struct {
			name string
			f    func(string) string
			want map[string]string
		}{{"upper", ToUpperCase, m.Upper}, {"lower", ToLowerCase, m.Lower}} {
			want, ok := tc.want[key]
			if !ok {
				want = string(r)
			}
			if got := tc.f(string(r)); got != want {
				bad++
				if bad <= 40 {
					t.Errorf("%s(U+%04X %q) = %q, Java %q", tc.name, r, string(r), got, want)
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d mismatches", bad)
	}
}
