package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"archway/internal/compile"
	"archway/internal/functions"
	"archway/internal/integration"
	"archway/internal/integration/lambda"
	"archway/internal/lambdaevent"
	"archway/internal/pipeline"
	"archway/internal/plan"
	"archway/internal/server"
	"archway/internal/source/openapi"
)

// helloInvoker returns an invoker of the examples/lambda handler, warmed
// by one invocation, and the function.
func helloInvoker(b *testing.B) (*lambda.Invoker, *functions.Function) {
	_, handler := buildLambdaExample(b)
	fn := &functions.Function{Name: "hello", Region: "us-east-1",
		ARN:   "arn:aws:lambda:us-east-1:123456789012:function:hello",
		Local: &functions.Local{Command: []string{handler}}}
	reg, err := functions.New(fn)
	if err != nil {
		b.Fatal(err)
	}
	inv := lambda.New(reg, lambda.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	b.Cleanup(func() { inv.Close() })
	if _, err := inv.InvokeFunction(context.Background(), fn, []byte(`{"path": "/hello/x"}`), "", ""); err != nil {
		b.Fatal(err)
	}
	return inv, fn
}

// reportP50 reports the median of the measured durations in µs.
func reportP50(b *testing.B, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)/2].Nanoseconds())/1e3, "p50-µs")
}

// BenchmarkLambdaDirect invokes the warm example handler through the
// Runtime API host with the event the gateway would send: the baseline
// of BenchmarkLambdaProxyGateway.
func BenchmarkLambdaDirect(b *testing.B) {
	inv, fn := helloInvoker(b)
	event := lambdaevent.AppendProxyEvent(nil, &lambdaevent.ProxyRequest{
		Resource: "/hello/{name}", Path: "/hello/Ada", HTTPMethod: "GET",
		Headers: []lambdaevent.Header{{Name: "Host", Value: "127.0.0.1"}, {Name: "User-Agent", Value: "Go-http-client/1.1"},
			{Name: "Accept-Encoding", Value: "gzip"}, {Name: "X-Forwarded-For", Value: "127.0.0.1"}},
		PathParameters: []lambdaevent.Param{{Name: "name", Value: "Ada"}},
		Context: lambdaevent.RequestContext{Stage: "dev", Path: "/dev/hello/Ada", HTTPMethod: "GET",
			RequestID: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", ResourcePath: "/hello/{name}", Protocol: "HTTP/1.1"},
	})
	var ds []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		if _, err := inv.InvokeFunction(context.Background(), fn, event, "", ""); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(start))
	}
	reportP50(b, ds)
}

// BenchmarkLambdaProxyGateway sends GET /dev/hello/Ada over loopback
// (keep-alive) to the example API: the pipeline builds the proxy event,
// invokes the warm handler and writes its proxy response.
func BenchmarkLambdaProxyGateway(b *testing.B) {
	inv, _ := helloInvoker(b)
	api, _, err := openapi.Load(filepath.Join(lambdaExample, "openapi.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	p, err := compile.Compile(api, compile.StageConfig{Name: "dev"})
	if err != nil {
		b.Fatal(err)
	}
	opts := pipeline.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Invokers: map[plan.IntegrationType]integration.Invoker{plan.AWSProxy: inv}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := &server.HTTP1{Handler: pipeline.New(p, opts)}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	client := &http.Client{}
	url := "http://" + ln.Addr().String() + "/dev/hello/Ada"
	var ds []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		resp, err := client.Get(url)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d", resp.StatusCode)
		}
		ds = append(ds, time.Since(start))
	}
	reportP50(b, ds)
}
