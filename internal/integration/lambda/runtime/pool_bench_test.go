package runtime

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func benchPool(b *testing.B) *Pool {
	b.Helper()
	p, err := NewPool(Config{Name: "bench", Command: []string{handlerBin}, Dir: b.TempDir(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { p.Close() })
	return p
}

// BenchmarkWarmInvoke measures one invocation of a warm aws-lambda-go
// process through the Runtime API host.
func BenchmarkWarmInvoke(b *testing.B) {
	p := benchPool(b)
	payload := []byte(`{"message":"hello world"}`)
	if _, err := p.Invoke(context.Background(), payload, InvokeOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Invoke(context.Background(), payload, InvokeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkColdStart measures process start to first response.
func BenchmarkColdStart(b *testing.B) {
	payload := []byte(`{}`)
	b.ReportAllocs()
	for b.Loop() {
		p := benchPool(b)
		if _, err := p.Invoke(context.Background(), payload, InvokeOptions{}); err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}

// BenchmarkLoopbackRoundTrip is the baseline for BenchmarkWarmInvoke: one
// HTTP request/response on loopback, the least any out-of-process
// invocation costs.
func BenchmarkLoopbackRoundTrip(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		_, _ = w.Write(body)
	}))
	defer srv.Close()
	payload := []byte(`{"message":"hello world"}`)
	b.ReportAllocs()
	for b.Loop() {
		resp, err := http.Post(srv.URL, "application/json", bytes.NewReader(payload))
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

// benchProxyEvent is an API Gateway proxy event as Archway sends it for
// GET /dev/hello/Ada (bench/lambda.sh).
const benchProxyEvent = `{"resource":"/hello/{name}","path":"/hello/Ada","httpMethod":"GET","headers":{"Host":"127.0.0.1:18310","Accept":"*/*","User-Agent":"wrk","X-Amzn-Trace-Id":"Root=1-6b01563e-68415b5f757d952c3917b4da;Parent=9c54ff042e38712b;Sampled=0","X-Forwarded-For":"127.0.0.1","X-Forwarded-Port":"18310","X-Forwarded-Proto":"http"},"multiValueHeaders":{"Host":["127.0.0.1:18310"],"Accept":["*/*"],"User-Agent":["wrk"],"X-Amzn-Trace-Id":["Root=1-6b01563e-68415b5f757d952c3917b4da;Parent=9c54ff042e38712b;Sampled=0"],"X-Forwarded-For":["127.0.0.1"],"X-Forwarded-Port":["18310"],"X-Forwarded-Proto":["http"]},"queryStringParameters":null,"multiValueQueryStringParameters":null,"pathParameters":{"name":"Ada"},"stageVariables":null,"requestContext":{"resourceId":"jg2fz0","resourcePath":"/hello/{name}","httpMethod":"GET","extendedRequestId":"d46IkVZXgT8LZg==","requestTime":"21/Nov/2026:08:28:46 +0000","path":"/dev/hello/Ada","accountId":"","protocol":"HTTP/1.1","stage":"dev","domainPrefix":"127","requestTimeEpoch":1795249726455,"requestId":"3bd00c72-dce2-47de-9cdb-9e5efbf40ef3","identity":{"cognitoIdentityPoolId":null,"accountId":null,"cognitoIdentityId":null,"caller":null,"sourceIp":"127.0.0.1","principalOrgId":null,"accessKey":null,"cognitoAuthenticationType":null,"cognitoAuthenticationProvider":null,"userArn":null,"userAgent":"wrk","user":null},"domainName":"127.0.0.1","deploymentId":"16o2qe","apiId":""},"body":null,"isBase64Encoded":false}`

// benchProxyHandler is bench/lambda/index.js's handler.
const benchProxyHandler = `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ hello: event.pathParameters ? event.pathParameters.name : null }),
});`

// BenchmarkNodeWarmInvoke measures one invocation of a warm Node.js
// handler run by Archway's bootstrap (bench/lambda.sh's handler and
// event), with the CPU time it takes in this process (host-us/op) and in
// the node process (node-us/op): figures that hold on a loaded machine,
// unlike ns/op.
func BenchmarkNodeWarmInvoke(b *testing.B) {
	if _, err := exec.LookPath("node"); err != nil {
		b.Skip("node is not installed")
	}
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.js"), []byte(benchProxyHandler), 0o644); err != nil {
		b.Fatal(err)
	}
	p, err := NewPool(Config{Name: "node-bench", Dir: dir, Handler: "index.handler", Runtime: "nodejs20.x",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	payload := []byte(benchProxyEvent)
	opts := InvokeOptions{TraceID: "Root=1-6b01563e-68415b5f757d952c3917b4da;Parent=9c54ff042e38712b;Sampled=0"}
	for range 2000 { // warm: the JIT compiles the bootstrap's paths
		if res, err := p.Invoke(context.Background(), payload, opts); err != nil || res.FunctionError != "" {
			b.Fatal(err, res)
		}
	}
	var pid int
	p.mu.Lock()
	for sb := range p.all {
		pid = sb.cmd.Process.Pid
	}
	p.mu.Unlock()
	host0, node0 := hostCPU(), processCPU(pid)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Invoke(context.Background(), payload, opts); err != nil {
			b.Fatal(err)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64((hostCPU()-host0).Microseconds())/n, "host-us/op")
	b.ReportMetric(float64((processCPU(pid)-node0).Microseconds())/n, "node-us/op")
}

// hostCPU is the CPU time (user and system) this process has used.
func hostCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// processCPU is the CPU time (user and system) process pid has used, from
// /proc/pid/stat (0 when it cannot be read).
func processCPU(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command name (which may hold spaces): state is
	// field 3, utime 14 and stime 15.
	fields := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(fields) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / clockTicks
}

// clockTicks is USER_HZ, the unit of /proc/pid/stat times (100 on Linux).
const clockTicks = 100

// BenchmarkNodeColdStart measures a Node.js function's first invocation:
// process start, the bootstrap loading the handler, the invocation. It
// also reports how long node takes to start and run a program that writes
// one byte (node-start-ms/op), the part Archway cannot cut.
func BenchmarkNodeColdStart(b *testing.B) {
	if _, err := exec.LookPath("node"); err != nil {
		b.Skip("node is not installed")
	}
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.js"), []byte(benchProxyHandler), 0o644); err != nil {
		b.Fatal(err)
	}
	var bare time.Duration
	payload := []byte(benchProxyEvent)
	b.ReportAllocs()
	for b.Loop() {
		p, err := NewPool(Config{Name: "node-bench", Dir: dir, Handler: "index.handler", Runtime: "nodejs20.x",
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			b.Fatal(err)
		}
		if res, err := p.Invoke(context.Background(), payload, InvokeOptions{}); err != nil || res.FunctionError != "" {
			b.Fatal(err, res)
		}
		p.Close()
		b.StopTimer()
		bare += nodeStart(b)
		b.StartTimer()
	}
	b.ReportMetric(float64(bare.Microseconds())/1000/float64(b.N), "node-start-ms/op")
}

// nodeStart returns the time from starting node (in an environment as
// bare as a function's) to the first byte of its output.
func nodeStart(b *testing.B) time.Duration {
	cmd := exec.Command("node", "-e", "require('fs').writeSync(1, 'x')")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	if _, err := out.Read(make([]byte, 1)); err != nil {
		b.Fatal(err)
	}
	d := time.Since(start)
	_ = cmd.Wait()
	return d
}
