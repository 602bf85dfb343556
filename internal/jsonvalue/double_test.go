package jsonvalue

import (
	"math"
	"testing"
)

// The expected strings are what OpenJDK 17's Double.toString prints; the
// first group differs from the shortest round-trip form Go computes.
func TestFormatDouble(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{3.3e22, "3.2999999999999998E22"},
		{4e23, "3.9999999999999997E23"},
		{4.2e22, "4.1999999999999996E22"},
		{5e-324, "4.9E-324"},
		{-3.4781526512087076e25, "-3.4781526512087075E25"},
		{90477623706573344, "9.0477623706573344E16"},
		{279075723664312032, "2.79075723664312032E17"},
		{950185311003728128, "9.5018531100372813E17"},
		{8150989468781412352, "8.1509894687814124E18"},

		{0, "0.0"},
		{math.Copysign(0, -1), "-0.0"},
		{1, "1.0"},
		{-1.5, "-1.5"},
		{100, "100.0"},
		{1e7, "1.0E7"},
		{9999999, "9999999.0"},
		{1e-3, "0.001"},
		{9.999e-4, "9.999E-4"},
		{0.1, "0.1"},
		{1.0 / 3, "0.3333333333333333"},
		{123456.789, "123456.789"},
		{1e21, "1.0E21"},
		{1e-5, "1.0E-5"},
		{9007199254740993, "9.007199254740992E15"},
		{math.MaxFloat64, "1.7976931348623157E308"},
		{2.2250738585072014e-308, "2.2250738585072014E-308"},
		{math.Inf(1), "Infinity"},
		{math.Inf(-1), "-Infinity"},
		{math.NaN(), "NaN"},
	}
	for _, tt := range tests {
		if got := FormatDouble(tt.in); got != tt.want {
			t.Errorf("FormatDouble(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
