package terraform

import (
	"os"
	"testing"
)

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("testdata/same/api.tf")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("testdata/same", map[string][]byte{"api.tf": data}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
