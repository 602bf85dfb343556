package jsonvalue

import (
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string // want is AppendJSON of the result
	}{
		{"object keeps order", `{"b":1,"a":[true,false,null]}`, `{"b":1,"a":[true,false,null]}`},
		{"duplicate key keeps first position", `{"a":1,"b":2,"a":3}`, `{"a":3,"b":2}`},
		{"raw text is a string", "some raw data", `"some raw data"`},
		{"raw text is trimmed", "  spaced out \n", `"spaced out"`},
		{"word that starts like a literal", "nully", `"nully"`},
		{"number followed by text", "12 abc", `"12 abc"`},
		{"number followed by non-ASCII", "12é", `12`},
		{"lone minus is zero", "-", `0`},
		{"single quotes and bare keys", `{a: 'x', 'b c': y z}`, `{"a":"x","b c":"y z"}`},
		{"bare words in array", "[1 2, 3,,x]", `["1 2",3,"x"]`},
		{"commas repeat and trail", `{,"a":1,,}`, `{"a":1}`},
		{"trailing data ignored", `[1,2]] junk`, `[1,2]`},
		{"adjacent strings", `['it''s']`, `["it","s"]`},
		{"unquoted key up to colon", `{a,b: 1}`, `{"a,b":1}`},
		{"object value stops at brace", `{a: x}y}`, `{"a":"x"}`},
		{"escapes", `["\t\n\/\\\u0041\x41\q"]`, `["\t\n\/\\AA"]`},
		{"control kept without escapes", "[\"a\x01b\"]", `["a\u0001b"]`},
		{"control dropped with escapes", "[\"\\na\x01b\"]", `["\nab"]`},
		{"surrogate pair", `["\ud83d\ude00"]`, `["😀"]`},
		{"lone surrogate", `["\ud83dx\ude00"]`, `["?x?"]`},
		{"other quote inside", `['a"b', "c'd"]`, `["a\"b","c'd"]`},
		{"empty input", "", `""`},
		{"blank input", " \t ", `""`},
		{"end marker ends a word", "ab\x1acd", `"ab"`},
		{"fraction", "[1.5, -0.0, 1e3, 1.e2, -.5]", `[1.5,-0.0,1000.0,100.0,-0.5]`},
		{"overflow to infinity", "1e400", `null`},
		{"long fraction is a BigDecimal", "1.10000000000000000000", `1.10000000000000000000`},
		{"small BigDecimal", "0.000000000000000000001", `1E-21`},
		{"NaN", "NaN", `NaN`},
		{"leading zeros", "[007, -007]", `[7,-7]`},
		{"exponent without digits is text", "[1e, 1.5e]", `["1e","1.5e"]`},
		{"plus and dot are text", "[+1, .5, 0x10]", `["+1",".5","0x10"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if got := string(AppendJSON(nil, v)); got != tt.want {
				t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseNumberTypes(t *testing.T) {
	tests := []struct {
		in   string
		want any
	}{
		{"0", int64(0)},
		{"2147483648", int64(2147483648)},
		{"9223372036854775807", int64(math.MaxInt64)},
		{"-9223372036854775808", int64(math.MinInt64)},
		{"9223372036854775808", bigInt("9223372036854775808")},
		{"-9223372036854775809", bigInt("-9223372036854775809")},
		{"00000000000000000000001", bigInt("1")},
		{"1.5", 1.5},
		{"123456789012345.75", 123456789012345.75},
		{"1234567890123456.75", &Decimal{Unscaled: bigInt("123456789012345675"), Scale: 2}},
		{"1e-400", 0.0},
	}
	for _, tt := range tests {
		v, err := Parse([]byte(tt.in))
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.in, err)
		}
		switch want := tt.want.(type) {
		case *big.Int:
			if got, ok := v.(*big.Int); !ok || got.Cmp(want) != 0 {
				t.Errorf("Parse(%q) = %T %v, want BigInteger %v", tt.in, v, v, want)
			}
		case *Decimal:
			got, ok := v.(*Decimal)
			if !ok || got.Unscaled.Cmp(want.Unscaled) != 0 || got.Scale != want.Scale {
				t.Errorf("Parse(%q) = %T %v, want BigDecimal %v", tt.in, v, v, want.JavaString())
			}
		default:
			if v != tt.want {
				t.Errorf("Parse(%q) = %T %v, want %T %v", tt.in, v, v, tt.want, tt.want)
			}
		}
	}
}

func bigInt(s string) *big.Int {
	b, _ := new(big.Int).SetString(s, 10)
	return b
}

func TestParseErrors(t *testing.T) {
	tests := []string{
		`{"a":}`, "[1}", `"unterminated`, "{", "[", "]", "}", ":", "{:1}", `{"a"b:1}`, `{"a" 1}`, "[:]",
		`["\u12"]`, `["\x4g"]`, "[\"a\\n\x1a\"]", "1e+", "-.", "[1e+]", "[-e5]",
		strings.Repeat("[", 401) + strings.Repeat("]", 401),
		strings.Repeat(`{"a":`, 401) + "1" + strings.Repeat("}", 401),
		"1234567890123456789e+", `{"a"`, `{"a":1`, `{"a":`,
	}
	for _, in := range tests {
		v, err := Parse([]byte(in))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) = %v, %v; want a *SyntaxError", in, v, err)
		}
	}
}

func TestParseDepthLimit(t *testing.T) {
	in := strings.Repeat("[", 400) + strings.Repeat("]", 400)
	if _, err := Parse([]byte(in)); err != nil {
		t.Fatalf("400 levels: %v", err)
	}
}

func BenchmarkParse1KB(b *testing.B) {
	body := []byte(`{"id":"7f3c2a10-5b9e-4d0c-9e61-2b8f7a4c1d55","customer":{"name":"Ada Lovelace","email":"ada@example.com",` +
		`"tier":"gold","since":2015,"address":{"street":"12 Analytical Row","city":"London","zip":"NW1 6XE","country":"GB"}},` +
		`"items":[{"sku":"A-1001","name":"Difference engine gear","qty":3,"price":19.99,"tags":["brass","spare"]},` +
		`{"sku":"B-2002","name":"Punched card deck","qty":120,"price":0.35,"tags":["paper"]},` +
		`{"sku":"C-3003","name":"Steam valve","qty":1,"price":249.5,"tags":[]},` +
		`{"sku":"D-4004","name":"Gear oil","qty":2,"price":12.0,"tags":["consumable","flammable"]}],` +
		`"shipping":{"method":"express","cost":25.75,"insured":true,"notes":null},"coupon":null,` +
		`"totals":{"subtotal":372.71,"tax":74.54,"grand":472.99},"flags":[true,false,true],` +
		`"meta":{"source":"web","ip":"203.0.113.7","agent":"Mozilla/5.0 (X11; Linux x86_64)","ts":"2024-05-01T12:34:56Z",` +
		`"session":"b9c1e0f2a7d84c3e","referrer":"https://shop.example.com/catalogue?page=2&sort=price",` +
		`"experiments":{"checkout_v2":true,"upsell":"control"}},"version":3}`)
	if len(body) < 900 || len(body) > 1100 {
		b.Fatalf("body is %d bytes", len(body))
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(body); err != nil {
			b.Fatal(err)
		}
	}
}
