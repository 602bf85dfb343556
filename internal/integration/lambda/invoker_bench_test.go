package lambda

import (
	"context"
	"testing"

	"archway/internal/integration"
	"archway/internal/lambdaevent"
)

// BenchmarkProxyInvokeWarm measures encoding a proxy event, invoking a
// warm local function process (the proxy-echo fixture) and parsing its
// proxy response.
func BenchmarkProxyInvokeWarm(b *testing.B) {
	inv := newInvoker(b, localFixture("echo", "lambda:proxy-echo", ""))
	req := &lambdaevent.ProxyRequest{Resource: "/{proxy+}", Path: "/proxy-value", HTTPMethod: "GET",
		Headers:        []lambdaevent.Header{{Name: "Accept", Value: "*/*"}},
		PathParameters: []lambdaevent.Param{{Name: "proxy", Value: "proxy-value"}}}
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	for b.Loop() {
		buf = lambdaevent.AppendProxyEvent(buf[:0], req)
		resp, err := inv.Invoke(context.Background(), &integration.Request{Method: "POST", URI: uri("echo"), Body: buf})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := lambdaevent.ParseProxyResponse(resp.Body); err != nil {
			b.Fatal(err)
		}
	}
}
