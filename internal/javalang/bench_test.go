package javalang

import (
	"strings"
	"testing"
)

var (
	asciiText = strings.Repeat("The quick brown fox jumps over the lazy dog. ", 24)
	sink      string
	sinkInt   int
)

func BenchmarkSubstringASCII(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = Substring2(asciiText, 100, 200)
	}
}

func BenchmarkSubstringNonASCII(b *testing.B) {
	s := strings.Repeat("Zürich😀 ", 100)
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = Substring2(s, 100, 200)
	}
}

func BenchmarkIndexOfASCII(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkInt = IndexOf(asciiText, "lazy dog. The quick brown fox jumps over the lazy cat")
	}
}

func BenchmarkIndexOfFromASCII(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkInt = IndexOfFrom(asciiText, "fox", 500)
	}
}

func BenchmarkLengthASCII(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkInt = Length(asciiText)
	}
}

func BenchmarkReplaceAllCached(b *testing.B) {
	const in = `{"name": "Ada O'Brien", "city": "Zürich", "note": "say \"hi\""}`
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if sink, err = ReplaceAll(in, `"([a-z]+)":`, "'$1':"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReplaceAllLiteral(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = ReplaceAll(asciiText, "fox", "cat")
	}
}

func BenchmarkSplitFastPath(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		parts, _ := Split("a,b,c,d,e,f,g,h", ",")
		sinkInt = len(parts)
	}
}

func BenchmarkEscapeJavaScript1KB(b *testing.B) {
	in := strings.Repeat(`He said "it's <b>ok</b>" \ path/to/x `, 30)[:1024]
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		sink = EscapeJavaScript(in)
	}
}

func BenchmarkEscapeJavaScript1KBPlain(b *testing.B) {
	in := asciiText[:1024]
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		sink = EscapeJavaScript(in)
	}
}
