package lambdaevent

import "testing"

func BenchmarkAppendProxyEvent(b *testing.B) {
	req := &ProxyRequest{
		Resource: "/{proxy+}", Path: "/proxy-value/api", HTTPMethod: "POST",
		Headers: []Header{{"User-Agent", "python-requests/2.34.2"}, {"Accept-Encoding", "gzip, deflate"},
			{"Accept", "*/*"}, {"Connection", "keep-alive"}, {"Content-Type", "application/json"},
			{"Content-Length", "26"}, {"Host", "abc123.execute-api.us-east-1.amazonaws.com"},
			{"X-Amzn-Trace-Id", "Root=1-5e66d96f-7491f09xmpl79d18acf3d050"}, {"X-Forwarded-For", "198.51.100.7"},
			{"X-Forwarded-Port", "443"}, {"X-Forwarded-Proto", "https"}},
		RawQuery:       "category=electronics&category=books&price=10",
		PathParameters: []Param{{"proxy", "proxy-value/api"}},
		Body:           []byte(`{"message": "hello world"}`),
		Context: RequestContext{AccountID: "123456789012", APIID: "abc123", Path: "/stage/proxy-value/api",
			Stage: "stage", RequestID: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", Identity: Identity{SourceIP: "198.51.100.7"}},
	}
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendProxyEvent(buf[:0], req)
	}
	b.SetBytes(int64(len(buf)))
}

func BenchmarkParseProxyResponse(b *testing.B) {
	payload := []byte(`{"statusCode": 200, "headers": {"Content-Type": "application/json"}, "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]}, "body": "{\"message\": \"hello world\"}", "isBase64Encoded": false}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseProxyResponse(payload); err != nil {
			b.Fatal(err)
		}
	}
}
