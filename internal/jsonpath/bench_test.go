package jsonpath

import (
	"testing"

	"archway/internal/jsonvalue"
)

const benchBody = `{"id":"o-1","items":[{"sku":"A-1001","qty":3,"price":19.99},{"sku":"B-2002","qty":1,"price":0.35}],"total":60.32}`

func benchDoc(b *testing.B) any {
	doc, err := jsonvalue.Parse([]byte(benchBody))
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkCompileRead compiles and reads $.items[0].sku on every
// iteration.
func BenchmarkCompileRead(b *testing.B) {
	doc := benchDoc(b)
	b.ReportAllocs()
	for b.Loop() {
		p, err := Compile("$.items[0].sku")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.Read(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead reads a path compiled once, as templates do.
func BenchmarkRead(b *testing.B) {
	for _, path := range []string{"$.items[0].sku", "$.items[*].sku", "$..price", "$.items[?(@.price > 1)].sku"} {
		b.Run(path, func(b *testing.B) {
			doc := benchDoc(b)
			p, err := Compile(path)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.Read(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
