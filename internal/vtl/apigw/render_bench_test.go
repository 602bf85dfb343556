package apigw_test

import (
	"os"
	"testing"

	"archway/internal/jsonvalue"
	"archway/internal/vtl"
	"archway/internal/vtl/apigw"
)

func loadBench(b *testing.B) (*vtl.Template, []byte) {
	b.Helper()
	src, err := os.ReadFile("testdata/bench_template.vm")
	if err != nil {
		b.Fatal(err)
	}
	body, err := os.ReadFile("testdata/bench_body.json")
	if err != nil {
		b.Fatal(err)
	}
	t, err := vtl.Parse("bench_template.vm", string(src))
	if err != nil {
		b.Fatal(err)
	}
	return t, body
}

// BenchmarkRenderTypical renders an AWS-docs-style request template
// (several $input.path, a #foreach building JSON, $util.escapeJavaScript)
// over a 1 KB JSON body: body parsing, path evaluation and rendering.
func BenchmarkRenderTypical(b *testing.B) {
	t, body := loadBench(b)
	engine := apigw.NewEngine()
	ctx := jsonvalue.NewMap(2)
	ctx.Put("stage", "dev")
	apigw.EnsureOverrides(ctx)
	var out []byte
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		var err error
		out, err = engine.Render(out[:0], t, &apigw.Request{Body: body, Context: ctx})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseTypical is the one-time cost of compiling the template.
func BenchmarkParseTypical(b *testing.B) {
	src, err := os.ReadFile("testdata/bench_template.vm")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := vtl.Parse("bench", string(src)); err != nil {
			b.Fatal(err)
		}
	}
}
