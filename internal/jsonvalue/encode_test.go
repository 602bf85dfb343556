package jsonvalue

import (
	"math"
	"math/big"
	"strings"
	"testing"
)

func TestAppendJSON(t *testing.T) {
	nested := NewMap(2)
	nested.Put("list", NewList("a", int64(1)))
	nested.Put("arr", NewArray(nil, true))
	numKeys := NewMap(2)
	numKeys.Put(int64(1), "one")
	numKeys.Put(nil, "null")
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"null", nil, `null`},
		{"bool", false, `false`},
		{"int", int64(-42), `-42`},
		{"big int", bigInt("123456789012345678901234567890"), `123456789012345678901234567890`},
		{"double", 1e7, `1.0E7`},
		{"negative zero", math.Copysign(0, -1), `-0.0`},
		{"infinity is null", math.Inf(-1), `null`},
		{"NaN", math.NaN(), `NaN`},
		{"big decimal", &Decimal{Unscaled: big.NewInt(150), Scale: -1}, `1.50E+3`},
		{"slash and quotes", `a/b"c\d`, `"a\/b\"c\\d"`},
		{"controls", "\b\f\n\r\t\x00\x1f\x7f", `"\b\f\n\r\t\u0000\u001F\u007F"`},
		{"C1 and general punctuation", "\u0085\u009f\u2028\u2029€\u20ff", `"\u0085\u009F\u2028\u2029\u20AC\u20FF"`},
		{"other non-ASCII kept", "é\u00a0\u2100😀", `"é` + "\u00a0\u2100😀" + `"`},
		{"invalid UTF-8 kept", "a\xffb", "\"a\xffb\""},
		{"java list and json array", nested, `{"list":["a",1],"arr":[null,true]}`},
		{"non-string keys", numKeys, `{"1":"one","null":"null"}`},
		{"opaque map still encodes", &Map{Opaque: true}, `{}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(AppendJSON(nil, tt.in)); got != tt.want {
				t.Errorf("AppendJSON = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestAppendJSONSelfReference(t *testing.T) {
	m := NewMap(1)
	m.Put("self", m)
	got := string(AppendJSON(nil, m))
	if !strings.HasSuffix(got, `{"self":null`+strings.Repeat("}", maxEncodeDepth+1)) {
		t.Errorf("self-reference not cut off: ...%s", got[len(got)-40:])
	}
}

func TestDecimalJavaString(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"1.10000000000000000000", "1.10000000000000000000"},
		{"0.000000000000000000001", "1E-21"},
		{"0.0000001", "1E-7"},
		{"0.000001", "0.000001"},
		{"1234567890123456789e5", "1.234567890123456789E+23"},
		{"-12.5e-1", "-1.25"},
		{"100000000000000000000.0e-3", "100000000000000000.0000"},
		{"5e0", "5"},
		{"5e1", "5E+1"},
		{"-0.000000000000000000000", "0E-21"},
		{"+.5", "0.5"},
		{"1.", "1"},
	}
	for _, tt := range tests {
		d, ok := parseDecimal(tt.in)
		if !ok {
			t.Errorf("parseDecimal(%q) failed", tt.in)
			continue
		}
		if got := d.JavaString(); got != tt.want {
			t.Errorf("BigDecimal(%q).toString() = %q, want %q", tt.in, got, tt.want)
		}
		if got := ToString(d); got != tt.want {
			t.Errorf("ToString(BigDecimal(%q)) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{"", "-", ".", "1e", "1e+", "1.2.3", "1x", "e5", "1e99999999999"} {
		if _, ok := parseDecimal(bad); ok {
			t.Errorf("parseDecimal(%q) succeeded", bad)
		}
	}
}
