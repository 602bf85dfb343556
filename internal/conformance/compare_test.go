package conformance

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// expectOf decodes an expect object written in a test.
func expectOf(t *testing.T, js string) *Expect {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(js))
	dec.DisallowUnknownFields()
	e := &Expect{}
	if err := dec.Decode(e); err != nil {
		t.Fatalf("expect %s: %v", js, err)
	}
	return e
}

// hdr builds an http.Header from name/value pairs, keeping name casing.
func hdr(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h[kv[i]] = append(h[kv[i]], kv[i+1])
	}
	return h
}

// compareCase is one comparison and the mismatch paths it must report.
type compareCase struct {
	name   string
	expect string
	actual Actual
	want   []string // mismatch paths, in order; nil means a pass
}

// runCompareCases runs each case with a fresh Comparer.
func runCompareCases(t *testing.T, cases []compareCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := NewComparer().Compare(expectOf(t, tc.expect), &tc.actual)
			var paths []string
			for _, m := range got {
				paths = append(paths, m.Path)
			}
			if !slices.Equal(paths, tc.want) {
				t.Errorf("mismatch paths = %q, want %q\n%v", paths, tc.want, got)
			}
		})
	}
}

func TestCompareStatus(t *testing.T) {
	runCompareCases(t, []compareCase{
		{"status equal", `{"status": 403}`, Actual{Status: 403}, nil},
		{"status differs", `{"status": 403}`, Actual{Status: 404}, []string{"/status"}},
		{"class 2xx low", `{"status_class": "2xx"}`, Actual{Status: 200}, nil},
		{"class 2xx high", `{"status_class": "2xx"}`, Actual{Status: 299}, nil},
		{"class 2xx miss", `{"status_class": "2xx"}`, Actual{Status: 300}, []string{"/status_class"}},
		{"class 5xx", `{"status_class": "5xx"}`, Actual{Status: 502}, nil},
		{"no status constraint", `{}`, Actual{Status: 999}, nil},
	})
}

func TestCompareHeaders(t *testing.T) {
	runCompareCases(t, []compareCase{
		{"names case-insensitive", `{"headers": {"content-type": "application/json"}}`,
			Actual{Headers: hdr("Content-Type", "application/json")}, nil},
		{"value case-sensitive", `{"headers": {"Content-Type": "application/json"}}`,
			Actual{Headers: hdr("Content-Type", "Application/JSON")}, []string{"/headers/Content-Type"}},
		{"repeated lines folded", `{"headers": {"Set-Cookie": "a=1, b=2"}}`,
			Actual{Headers: hdr("Set-Cookie", "a=1", "Set-Cookie", "b=2")}, nil},
		{"folded in order received", `{"headers": {"Set-Cookie": "a=1, b=2"}}`,
			Actual{Headers: hdr("Set-Cookie", "b=2", "Set-Cookie", "a=1")}, []string{"/headers/Set-Cookie"}},
		{"empty values fold", `{"headers": {"X-E": ", x"}}`,
			Actual{Headers: hdr("X-E", "", "X-E", "x")}, nil},
		{"missing header", `{"headers": {"X-Custom": "v"}}`, Actual{}, []string{"/headers/X-Custom"}},
		{"whole token", `{"headers": {"x-amzn-RequestId": "<uuid:1>", "Date": "<Date>"}}`,
			Actual{Headers: hdr("X-Amzn-Requestid", "0c1d", "Date", "Mon, 01 Jan 2024 00:00:00 GMT")}, nil},
		{"whole token needs the header", `{"headers": {"Date": "<Date>"}}`, Actual{}, []string{"/headers/Date"}},
		{"embedded token", `{"headers": {"User-Agent": "AmazonAPIGateway_<rest_api_id:1>"}}`,
			Actual{Headers: hdr("User-Agent", "AmazonAPIGateway_abc123")}, nil},
		{"embedded token literal part", `{"headers": {"User-Agent": "AmazonAPIGateway_<rest_api_id:1>"}}`,
			Actual{Headers: hdr("User-Agent", "Other_abc123")}, []string{"/headers/User-Agent"}},
		{"binding between headers", `{"headers": {"User-Agent": "AmazonAPIGateway_<rest_api_id:1>", "X-Api-Id": "<rest_api_id:1>"}}`,
			Actual{Headers: hdr("User-Agent", "AmazonAPIGateway_abc", "X-Api-Id", "abc")}, nil},
		{"binding conflict", `{"headers": {"User-Agent": "AmazonAPIGateway_<rest_api_id:1>", "X-Api-Id": "<rest_api_id:1>"}}`,
			Actual{Headers: hdr("User-Agent", "AmazonAPIGateway_abc", "X-Api-Id", "xyz")}, []string{"/headers/X-Api-Id"}},
		{"complete", `{"headers": {"A": "1", "b": "2"}, "headers_complete": true}`,
			Actual{Headers: hdr("a", "1", "B", "2")}, nil},
		{"complete extra", `{"headers": {"A": "1"}, "headers_complete": true}`,
			Actual{Headers: hdr("A", "1", "Extra", "x")}, []string{"/headers/Extra"}},
		{"complete extra reported with wire casing", `{"headers": {"A": "1"}, "headers_complete": true}`,
			Actual{Headers: hdr("X-Extra", "x", "A", "1"), HeaderNames: []string{"x-EXTRA", "A"}}, []string{"/headers/x-EXTRA"}},
		{"complete extra ignored", `{"headers": {"A": "1"}, "headers_complete": true, "ignore": ["/headers/via", "/headers/X-Amz-Cf-*"]}`,
			Actual{Headers: hdr("A", "1", "Via", "1.1 x", "X-Amz-Cf-Id", "id", "X-Amz-Cf-Pop", "p")}, nil},
		{"ignored expected header", `{"headers": {"Connection": "close"}, "ignore": ["/headers/connection"]}`,
			Actual{Headers: hdr("Connection", "keep-alive")}, nil},
		{"ignored expected header may be absent", `{"headers": {"Connection": "close"}, "headers_complete": true, "ignore": ["/headers/Connection"]}`,
			Actual{}, nil},
		{"ignore_value", `{"headers": {"Content-Length": "2336"}, "ignore_value": ["/headers/content-length"]}`,
			Actual{Headers: hdr("Content-Length", "10")}, nil},
		{"ignore_value needs presence", `{"headers": {"Content-Length": "2336"}, "ignore_value": ["/headers/Content-Length"]}`,
			Actual{}, []string{"/headers/Content-Length"}},
		{"absent", `{"headers_absent": ["x-amzn-trace-id"]}`, Actual{Headers: hdr("A", "1")}, nil},
		{"absent present", `{"headers_absent": ["x-amzn-trace-id"]}`,
			Actual{Headers: hdr("X-Amzn-Trace-Id", "Root=1")}, []string{"/headers_absent/x-amzn-trace-id"}},
	})
}

func TestCompareHeaderAssertions(t *testing.T) {
	const trace = "Root=1-abc;Parent=7fa;Sampled=1"
	tests := []struct {
		name   string
		assert string
		want   []string
	}{
		{"contains", `{"op": "contains", "value": "Root=1-abc"}`, nil},
		{"contains fails", `{"op": "contains", "value": "Root=2"}`, []string{"/header_assertions/x-amzn-trace-id"}},
		{"segment_equals", `{"op": "segment_equals", "separator": ";", "index": 1, "value": "Parent=7fa"}`, nil},
		{"segment_equals index 0", `{"op": "segment_equals", "separator": ";", "index": 0, "value": "Root=1-abc"}`, nil},
		{"segment_equals fails", `{"op": "segment_equals", "separator": ";", "index": 1, "value": "Parent=000"}`, []string{"/header_assertions/x-amzn-trace-id"}},
		{"segment out of range", `{"op": "segment_equals", "separator": ";", "index": 3, "value": ""}`, []string{"/header_assertions/x-amzn-trace-id"}},
		{"segment_not_equals", `{"op": "segment_not_equals", "separator": ";", "index": 1, "value": "Parent=000"}`, nil},
		{"segment_not_equals fails", `{"op": "segment_not_equals", "separator": ";", "index": 1, "value": "Parent=7fa"}`, []string{"/header_assertions/x-amzn-trace-id"}},
		{"segment_not_equals out of range", `{"op": "segment_not_equals", "separator": ";", "index": 9, "value": "x"}`, []string{"/header_assertions/x-amzn-trace-id"}},
	}
	var cases []compareCase
	for _, tc := range tests {
		cases = append(cases, compareCase{tc.name, `{"header_assertions": {"x-amzn-trace-id": [` + tc.assert + `]}}`,
			Actual{Headers: hdr("X-Amzn-Trace-Id", trace)}, tc.want})
	}
	cases = append(cases, compareCase{"header missing", `{"header_assertions": {"x-amzn-trace-id": [{"op": "contains", "value": "a"}]}}`,
		Actual{}, []string{"/header_assertions/x-amzn-trace-id"}})
	runCompareCases(t, cases)
}

func TestCompareBody(t *testing.T) {
	body := func(s string) Actual { return Actual{Body: []byte(s)} }
	runCompareCases(t, []compareCase{
		{"exact", `{"body": "hello", "body_match": "exact"}`, body("hello"), nil},
		{"exact differs", `{"body": "hello", "body_match": "exact"}`, body("hello "), []string{"/body"}},
		{"exact empty", `{"body": "", "body_match": "exact"}`, body(""), nil},
		{"exact whole token", `{"body": "<request-id:1>", "body_match": "exact"}`, body("anything at all\n"), nil},
		{"exact embedded token", `{"body": "id=<uuid>;", "body_match": "exact"}`, body("id=1-2-3;"), nil},
		{"exact embedded spans newlines", `{"body": "a<uuid>b", "body_match": "exact"}`, body("a\n\nb"), nil},
		{"exact unknown name is literal", `{"body": "<message>hi</message>", "body_match": "exact"}`, body("<message>x</message>"), []string{"/body"}},
		{"exact literal markup", `{"body": "<message>hi</message>", "body_match": "exact"}`, body("<message>hi</message>"), nil},
		{"exact regexp characters literal", `{"body": "a.b*<uuid>(c)", "body_match": "exact"}`, body("a.b*X(c)"), nil},
		{"exact regexp characters not wild", `{"body": "a.b<uuid>", "body_match": "exact"}`, body("axbX"), []string{"/body"}},
		{"exact invalid UTF-8 as U+FFFD", `{"body": "a\ufffd\ufffdb", "body_match": "exact"}`, body("a\xff\xfeb"), nil},
		{"exact needs a string", `{"body": {"a": 1}, "body_match": "exact"}`, body(`{"a": 1}`), []string{"/body"}},
		{"bytes", `{"body_base64": "AAEC/w==", "body_match": "bytes"}`, body("\x00\x01\x02\xff"), nil},
		{"bytes differ", `{"body_base64": "AAEC/w==", "body_match": "bytes"}`, body("\x00\x01\x02"), []string{"/body_base64"}},
		{"body_utf8 never compared", `{"body_base64": "/w==", "body_utf8": "nonsense", "body_match": "bytes"}`, body("\xff"), nil},
		{"length", `{"body_length": 36}`, body(`{"message": "Internal server error"}`), nil},
		{"length differs", `{"body_length": 35}`, body(`{"message": "Internal server error"}`), []string{"/body_length"}},
		{"md5", `{"body_md5": "5d41402abc4b2a76b9719d911017c592"}`, body("hello"), nil},
		{"md5 upper-case hex", `{"body_md5": "5D41402ABC4B2A76B9719D911017C592"}`, body("hello"), nil},
		{"md5 differs", `{"body_md5": "5d41402abc4b2a76b9719d911017c592"}`, body("hello!"), []string{"/body_md5"}},
		{"default mode for string is exact", `{"body": "x"}`, body("x"), nil},
	})
}

func TestCompareJSON(t *testing.T) {
	body := func(s string) Actual { return Actual{Body: []byte(s)} }
	runCompareCases(t, []compareCase{
		{"member order irrelevant", `{"body": {"a": 1, "b": [true, null]}, "body_match": "json"}`, body(`{"b":[true,null],"a":1}`), nil},
		{"numbers by value", `{"body": {"a": 1, "b": 0.5, "c": 100}, "body_match": "json"}`, body(`{"a":1.0,"b":5e-1,"c":1E2}`), nil},
		{"numbers differ", `{"body": {"a": 1}, "body_match": "json"}`, body(`{"a":1.01}`), []string{"/body/a"}},
		{"number is not a string", `{"body": {"a": 1}, "body_match": "json"}`, body(`{"a":"1"}`), []string{"/body/a"}},
		{"missing member", `{"body": {"a": 1, "b": 2}, "body_match": "json"}`, body(`{"a":1}`), []string{"/body/b"}},
		{"extra member", `{"body": {"a": 1}, "body_match": "json"}`, body(`{"a":1,"z":0}`), []string{"/body/z"}},
		{"array order matters", `{"body": [1, 2], "body_match": "json"}`, body(`[2,1]`), []string{"/body/0", "/body/1"}},
		{"array length", `{"body": [1, 2], "body_match": "json"}`, body(`[1,2,3]`), []string{"/body"}},
		{"null vs missing", `{"body": {"a": null}, "body_match": "json"}`, body(`{}`), []string{"/body/a"}},
		{"bool identity", `{"body": {"a": false}, "body_match": "json"}`, body(`{"a":0}`), []string{"/body/a"}},
		{"top-level string", `{"body": "Pass", "body_match": "json"}`, body(`"Pass"`), nil},
		{"not JSON", `{"body": {"a": 1}, "body_match": "json"}`, body(`{"a":`), []string{"/body"}},
		{"trailing garbage", `{"body": {"a": 1}, "body_match": "json"}`, body(`{"a":1} x`), []string{"/body"}},
		{"brace string normalised", `{"body": {"body": {"message": "hi"}}, "body_match": "json"}`,
			body(`{"body":"{\"message\": \"hi\"}"}`), nil},
		{"nested normalisation", `{"body": {"body": {"inner": {"x": 1}}}, "body_match": "json"}`,
			body(`{"body":"{\"inner\": \"{\\\"x\\\": 1}\"}"}`), nil},
		{"top-level brace string normalised", `{"body": {"a": 1}, "body_match": "json"}`, body(`"{\"a\": 1}"`), nil},
		{"bracket string kept", `{"body": {"a": "[1]"}, "body_match": "json"}`, body(`{"a":"[1]"}`), nil},
		{"bracket string not parsed", `{"body": {"a": [1]}, "body_match": "json"}`, body(`{"a":"[1]"}`), []string{"/body/a"}},
		{"unparsable brace string kept", `{"body": {"a": "{oops"}, "body_match": "json"}`, body(`{"a":"{oops"}`), nil},
		{"whole token any value", `{"body": {"n": "<request-time-epoch>", "o": "<x>", "l": "<X-Forwarded-For>", "z": "<y>"}, "body_match": "json"}`,
			body(`{"n":1700000000,"o":{"k":[1]},"l":["1.2.3.4"],"z":null}`), nil},
		{"whole token needs the member", `{"body": {"n": "<request-time-epoch>"}, "body_match": "json"}`, body(`{}`), []string{"/body/n"}},
		{"embedded token in JSON string", `{"body": {"arn": "arn:aws:lambda:<region>:<account-id>:function:f"}, "body_match": "json"}`,
			body(`{"arn":"arn:aws:lambda:us-east-1:123:function:f"}`), nil},
		{"embedded token on a number", `{"body": {"arn": "x<region>"}, "body_match": "json"}`, body(`{"arn":5}`), []string{"/body/arn"}},
		{"ignore members both sides", `{"body": {"headers": {"A": "1", "CloudFront-Is-Mobile": "x"}}, "body_match": "json", "ignore": ["/body/headers/cloudfront-*"]}`,
			body(`{"headers":{"A":"1","CloudFront-Is-Desktop":"true","CloudFront-Viewer-Country":"US"}}`), nil},
		{"ignore array element", `{"body": {"items": [1, 2, 3]}, "body_match": "json", "ignore": ["/body/items/1"]}`,
			body(`{"items":[1,9,3]}`), nil},
		{"ignore array elements by star", `{"body": {"items": [1]}, "body_match": "json", "ignore": ["/body/items/*"]}`,
			body(`{"items":[7,8]}`), nil},
		{"ignore_value", `{"body": {"meta": {"a": 1}}, "body_match": "json", "ignore_value": ["/body/Meta"]}`,
			body(`{"meta":"whatever"}`), nil},
		{"ignore_value needs presence", `{"body": {"meta": {"a": 1}}, "body_match": "json", "ignore_value": ["/body/meta"]}`,
			body(`{}`), []string{"/body/meta"}},
		{"escaped pointer", `{"body": {"a/b": 1, "c~d": 2}, "body_match": "json", "ignore": ["/body/a~1b"]}`,
			body(`{"a/b":5,"c~d":3}`), []string{"/body/c~0d"}},
		{"subset", `{"body": {"message": "proxy"}, "body_match": "json-subset"}`, body(`{"statusCode":200,"message":"proxy"}`), nil},
		{"subset missing", `{"body": {"message": "proxy"}, "body_match": "json-subset"}`, body(`{"statusCode":200}`), []string{"/body/message"}},
		{"subset value", `{"body": {"message": "proxy"}, "body_match": "json-subset"}`, body(`{"message":"part1"}`), []string{"/body/message"}},
		{"subset only top level", `{"body": {"o": {"a": 1}}, "body_match": "json-subset"}`, body(`{"o":{"a":1,"b":2}}`), []string{"/body/o/b"}},
		{"subset needs an object", `{"body": {"a": 1}, "body_match": "json-subset"}`, body(`[1]`), []string{"/body"}},
		{"whole body ignored", `{"body": {"a": 1}, "body_match": "json", "ignore": ["/body"]}`, body(`nope`), nil},
		{"keys", `{"body": ["SequenceNumber", "ShardId"], "body_match": "json-keys"}`, body(`{"ShardId":"s","SequenceNumber":"1"}`), nil},
		{"keys extra", `{"body": ["ShardId"], "body_match": "json-keys"}`, body(`{"ShardId":"s","SequenceNumber":"1"}`), []string{"/body"}},
		{"keys missing", `{"body": ["A", "B"], "body_match": "json-keys"}`, body(`{"A":1}`), []string{"/body"}},
		{"keys needs an object", `{"body": ["A"], "body_match": "json-keys"}`, body(`["A"]`), []string{"/body"}},
	})
}

func TestCompareXML(t *testing.T) {
	body := func(s string) Actual { return Actual{Body: []byte(s)} }
	const s3Error = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>test.json</Key><RequestId>R1</RequestId><HostId>aGk=</HostId></Error>"
	runCompareCases(t, []compareCase{
		{"string form", `{"body": "<message>completed</message>", "body_match": "xml-equivalent"}`,
			body("<?xml version=\"1.0\"?>\n<message>\n  completed\n</message>\n"), nil},
		{"string form differs", `{"body": "<message>completed</message>", "body_match": "xml-equivalent"}`,
			body("<message>failed</message>"), []string{"/body/message"}},
		{"structure with tokens", `{"body": {"Error": {"Code": "NoSuchKey", "HostId": "<host-id>", "Key": "test.json", "Message": "The specified key does not exist.", "RequestId": "<request-id:1>"}}, "body_match": "xml-equivalent"}`,
			body(s3Error), nil},
		{"structure extra element", `{"body": {"Error": {"Code": "NoSuchKey"}}, "body_match": "xml-equivalent"}`,
			body("<Error><Code>NoSuchKey</Code><Key>k</Key></Error>"), []string{"/body/Error/Key"}},
		{"attributes, repeats, mixed text, empty", `{"body": {"r": {"@id": "7", "@xmlns": "urn:x", "item": ["a", {"@k": "v", "#text": "b"}, null], "e": null, "#text": "tail"}}, "body_match": "xml-equivalent"}`,
			body(`<r id="7" xmlns="urn:x"><item>a</item><e/><item k="v">b</item><item></item> tail </r>`), nil},
		{"prefixes kept", `{"body": {"s:Env": {"@xmlns:s": "urn:s", "s:Body": "x"}}, "body_match": "xml-equivalent"}`,
			body(`<s:Env xmlns:s="urn:s"><s:Body>x</s:Body></s:Env>`), nil},
		{"entities decoded", `{"body": {"a": "x < y & z"}, "body_match": "xml-equivalent"}`,
			body(`<a>x &lt; y &amp; z</a>`), nil},
		{"comments dropped", `{"body": {"a": {"b": "1"}}, "body_match": "xml-equivalent"}`,
			body(`<!-- c --><a><!-- d --><b>1</b></a>`), nil},
		{"not XML", `{"body": {"a": "1"}, "body_match": "xml-equivalent"}`, body(`{"a": "1"}`), []string{"/body"}},
		{"mismatched end", `{"body": {"a": "1"}, "body_match": "xml-equivalent"}`, body(`<a>1</b>`), []string{"/body"}},
		{"two roots", `{"body": {"a": "1"}, "body_match": "xml-equivalent"}`, body(`<a>1</a><a>2</a>`), []string{"/body"}},
	})
}

func TestCompareBindings(t *testing.T) {
	body := func(h http.Header, s string) Actual { return Actual{Headers: h, Body: []byte(s)} }
	runCompareCases(t, []compareCase{
		{"header binds body", `{"headers": {"x-amzn-RequestId": "<uuid:1>"}, "body": {"requestId": "<uuid:1>"}, "body_match": "json"}`,
			body(hdr("X-Amzn-Requestid", "r-1"), `{"requestId":"r-1"}`), nil},
		{"header conflicts with body", `{"headers": {"x-amzn-RequestId": "<uuid:1>"}, "body": {"requestId": "<uuid:1>"}, "body_match": "json"}`,
			body(hdr("X-Amzn-Requestid", "r-1"), `{"requestId":"r-2"}`), []string{"/body/requestId"}},
		{"different numbers unconstrained", `{"headers": {"A": "<uuid:1>", "B": "<uuid:2>"}}`,
			body(hdr("A", "x", "B", "x"), ""), nil},
		{"unnumbered never binds", `{"headers": {"A": "<api-id>", "B": "<api-id>"}}`,
			body(hdr("A", "x", "B", "y"), ""), nil},
		{"colon and dash forms are one token", `{"headers": {"A": "id <request-id:2>", "B": "<request-id-2>"}}`,
			body(hdr("A", "id r9", "B", "r8"), ""), []string{"/headers/B"}},
		{"name with dash is not numbered", `{"headers": {"A": "<request-id-lambda>", "B": "<request-id-lambda>"}}`,
			body(hdr("A", "x", "B", "y"), ""), nil},
		{"whole value binding", `{"body": {"a": "<x:1>", "b": "<x:1>"}, "body_match": "json"}`,
			body(nil, `{"a":{"k":[1,2]},"b":{"k":[1,2.0]}}`), nil},
		{"whole value binding conflict", `{"body": {"a": "<x:1>", "b": "<x:1>"}, "body_match": "json"}`,
			body(nil, `{"a":{"k":[1,2]},"b":{"k":[2,1]}}`), []string{"/body/b"}},
		{"number bound then embedded", `{"body": {"t": "<timestamp:1>", "s": "at <timestamp:1>"}, "body_match": "json"}`,
			body(nil, `{"t":17,"s":"at 17"}`), nil},
		{"bound value constrains the lazy match", `{"headers": {"A": "<uuid:1>", "B": "<uuid:1>-<uuid:2>"}}`,
			body(hdr("A", "a-b", "B", "a-b-c"), ""), nil},
		{"same token twice in a string", `{"headers": {"A": "<uuid:1>/<uuid:1>"}}`,
			body(hdr("A", "x/x"), ""), nil},
		{"same token twice differs", `{"headers": {"A": "<uuid:1>/<uuid:1>"}}`,
			body(hdr("A", "x/y"), ""), []string{"/headers/A"}},
		{"ignore_value does not bind", `{"headers": {"A": "<uuid:1>", "B": "<uuid:1>"}, "ignore_value": ["/headers/A"]}`,
			body(hdr("A", "x", "B", "y"), ""), nil},
		{"ignore does not bind", `{"body": {"a": "<uuid:1>", "b": "<uuid:1>"}, "body_match": "json", "ignore": ["/body/a"]}`,
			body(nil, `{"a":"x","b":"y"}`), nil},
	})
}

func TestComparerKeepsBindings(t *testing.T) {
	c := NewComparer()
	setup := expectOf(t, `{"status": 200, "response": {"id": "<resource-id:1>"}, "response_match": "json"}`)
	if ms := c.Compare(setup, &Actual{Status: 200, Response: json.RawMessage(`{"id":"abc"}`)}); len(ms) > 0 {
		t.Fatalf("setup: %v", ms)
	}
	main := expectOf(t, `{"response": {"parentId": "<resource-id:1>"}, "response_match": "json"}`)
	if ms := c.Compare(main, &Actual{Response: json.RawMessage(`{"parentId":"abc"}`)}); len(ms) > 0 {
		t.Errorf("same value: %v", ms)
	}
	if ms := c.Compare(main, &Actual{Response: json.RawMessage(`{"parentId":"xyz"}`)}); len(ms) != 1 {
		t.Errorf("other value: got %v, want one mismatch", ms)
	}
	if ms := NewComparer().Compare(main, &Actual{Response: json.RawMessage(`{"parentId":"xyz"}`)}); len(ms) > 0 {
		t.Errorf("fresh comparer: %v", ms)
	}
}

func TestCompareBackend(t *testing.T) {
	httpRec := func(h http.Header, body string) Actual {
		return Actual{BackendReceived: &BackendRecord{HTTP: &HTTPRecord{Headers: h, Body: []byte(body)}}}
	}
	lambda := func(event string) Actual {
		return Actual{BackendReceived: &BackendRecord{LambdaEvent: json.RawMessage(event)}}
	}
	s3 := func(objs map[string]S3Object) Actual { return Actual{BackendReceived: &BackendRecord{S3Objects: objs}} }
	sqs := func(msgs ...SQSMessage) Actual { return Actual{BackendReceived: &BackendRecord{SQSMessages: msgs}} }
	const png = `{"body_base64": "aGk=", "length": 2, "md5": "49f68a5c8493ec2c0bf489821c21fc3b", "content_type": "image/png", "etag": "\"49f68a5c8493ec2c0bf489821c21fc3b\"", "body_utf8": "informational"}`
	hiObject := S3Object{Body: []byte("hi"), ContentType: "image/png", ETag: `"49f68a5c8493ec2c0bf489821c21fc3b"`}
	runCompareCases(t, []compareCase{
		{"no record", `{"backend_received": {"lambda_event": {}}}`, Actual{}, []string{"/backend_received"}},
		{"http headers subset", `{"backend_received": {"headers": {"accept": "application/json", "User-Agent": "AmazonAPIGateway_<apigw-id:1>", "X-Amzn-Apigateway-Api-Id": "<apigw-id:1>"}}}`,
			httpRec(hdr("Accept", "application/json", "User-Agent", "AmazonAPIGateway_id1", "X-Amzn-Apigateway-Api-Id", "id1", "Other", "x"), ""), nil},
		{"http header missing", `{"backend_received": {"headers": {"Accept": "application/json"}}}`,
			httpRec(hdr(), ""), []string{"/backend_received/headers/Accept"}},
		{"http header ignored", `{"backend_received": {"headers": {"X-Amzn-Trace-Id": "<X-Amzn-Trace-Id>"}}, "ignore": ["/backend_received/headers/X-Amzn-Trace-Id"]}`,
			httpRec(hdr(), ""), nil},
		{"http no request", `{"backend_received": {"body": "", "body_match": "exact"}}`,
			Actual{BackendReceived: &BackendRecord{}}, []string{"/backend_received"}},
		{"http body exact", `{"backend_received": {"body": "", "body_match": "exact"}}`, httpRec(hdr(), ""), nil},
		{"http body exact differs", `{"backend_received": {"body": "", "body_match": "exact"}}`, httpRec(hdr(), "x"), []string{"/backend_received/body"}},
		{"http body json", `{"backend_received": {"body": {"a": [1]}, "body_match": "json"}}`, httpRec(hdr(), `{"a": [1.0]}`), nil},
		{"lambda json", `{"backend_received": {"lambda_event": {"path": "/x", "body": {"m": "hi"}}, "lambda_event_match": "json"}}`,
			lambda(`{"body":"{\"m\": \"hi\"}","path":"/x"}`), nil},
		{"lambda json extra member", `{"backend_received": {"lambda_event": {"path": "/x"}, "lambda_event_match": "json"}}`,
			lambda(`{"path":"/x","resource":"/x"}`), []string{"/backend_received/lambda_event/resource"}},
		{"lambda json-subset", `{"backend_received": {"lambda_event": {"headers": {"Accept": "a"}, "body": null}, "lambda_event_match": "json-subset"}}`,
			lambda(`{"resource":"/x","headers":{"Accept":"a"},"body":null}`), nil},
		{"lambda subset nested is full", `{"backend_received": {"lambda_event": {"headers": {"Accept": "a"}}, "lambda_event_match": "json-subset"}}`,
			lambda(`{"headers":{"Accept":"a","Via":"v"}}`), []string{"/backend_received/lambda_event/headers/Via"}},
		{"lambda ignore", `{"backend_received": {"lambda_event": {"headers": {"Accept": "a"}}, "lambda_event_match": "json"}, "ignore": ["/backend_received/lambda_event/headers/Via"]}`,
			lambda(`{"headers":{"Accept":"a","Via":"v"}}`), nil},
		{"lambda not invoked", `{"backend_received": {"lambda_event": {}, "lambda_event_match": "json"}}`,
			Actual{BackendReceived: &BackendRecord{}}, []string{"/backend_received/lambda_event"}},
		{"s3 object", `{"backend_received": {"s3_objects": {"binary-raw": ` + png + `}}}`, s3(map[string]S3Object{"binary-raw": hiObject}), nil},
		{"s3 object content type", `{"backend_received": {"s3_objects": {"k": ` + png + `}}}`,
			s3(map[string]S3Object{"k": {Body: []byte("hi"), ContentType: "text/plain", ETag: hiObject.ETag}}), []string{"/backend_received/s3_objects/k/content_type"}},
		{"s3 object bytes", `{"backend_received": {"s3_objects": {"k": ` + png + `}}}`,
			s3(map[string]S3Object{"k": {Body: []byte("ho"), ContentType: "image/png", ETag: hiObject.ETag}}),
			[]string{"/backend_received/s3_objects/k/body_base64", "/backend_received/s3_objects/k/md5"}},
		{"s3 object missing", `{"backend_received": {"s3_objects": {"k": ` + png + `}}}`, s3(nil), []string{"/backend_received/s3_objects/k"}},
		{"s3 absent", `{"backend_received": {"s3_objects_absent": ["text"]}}`, s3(map[string]S3Object{"other": hiObject}), nil},
		{"s3 absent exists", `{"backend_received": {"s3_objects_absent": ["text"]}}`, s3(map[string]S3Object{"text": hiObject}), []string{"/backend_received/s3_objects_absent"}},
		{"sqs exact and md5", `{"backend_received": {"sqs_message": {"body": "{}", "body_match": "exact", "md5_of_body": "99914b932bd37a50b983c5e7c90ae93b"}}}`,
			sqs(SQSMessage{Body: "{}"}), nil},
		{"sqs md5 differs", `{"backend_received": {"sqs_message": {"md5_of_body": "99914b932bd37a50b983c5e7c90ae93b"}}}`,
			sqs(SQSMessage{Body: "{ }"}), []string{"/backend_received/sqs_message/md5_of_body"}},
		{"sqs exactly one", `{"backend_received": {"sqs_message": {"body": "{}", "body_match": "exact"}}}`,
			sqs(SQSMessage{Body: "{}"}, SQSMessage{Body: "{}"}), []string{"/backend_received/sqs_message"}},
		{"sqs none", `{"backend_received": {"sqs_message": {"body": "{}", "body_match": "exact"}}}`,
			sqs(), []string{"/backend_received/sqs_message"}},
		{"sqs json and attributes", `{"backend_received": {"sqs_message": {"body": {"foo": "bar"}, "body_match": "json", "message_attributes": {"user-agent": {"DataType": "String", "StringValue": "BAR"}}}}}`,
			sqs(SQSMessage{Body: `{"foo": "bar"}`, MessageAttributes: map[string]SQSAttribute{"user-agent": {"String", "BAR"}}}), nil},
		{"sqs attribute extra", `{"backend_received": {"sqs_message": {"message_attributes": {}}}}`,
			sqs(SQSMessage{Body: "x", MessageAttributes: map[string]SQSAttribute{"a": {"String", "1"}}}), []string{"/backend_received/sqs_message/message_attributes/a"}},
		{"sqs key order", `{"backend_received": {"sqs_message": {"key_order": {"/c": ["z", "a"], "": ["c"]}}}}`,
			sqs(SQSMessage{Body: `{"c": {"z": 1, "a": 2}}`}), nil},
		{"sqs key order differs", `{"backend_received": {"sqs_message": {"key_order": {"/c": ["a", "z"]}}}}`,
			sqs(SQSMessage{Body: `{"c": {"z": 1, "a": 2}}`}), []string{"/backend_received/sqs_message/key_order/~1c"}},
		{"sqs key order no object", `{"backend_received": {"sqs_message": {"key_order": {"/d": []}}}}`,
			sqs(SQSMessage{Body: `{"c": {}}`}), []string{"/backend_received/sqs_message/key_order/~1d"}},
		{"sqs key order through an array", `{"backend_received": {"sqs_message": {"key_order": {"/l/1": ["b", "a"], "/l/01": [], "/l/2": [], "/l/x": []}}}}`,
			sqs(SQSMessage{Body: `{"l": [0, {"b": 1, "a": 2}]}`}), []string{
				"/backend_received/sqs_message/key_order/~1l~101",
				"/backend_received/sqs_message/key_order/~1l~12",
				"/backend_received/sqs_message/key_order/~1l~1x",
			}},
		{"sqs key order body not JSON", `{"backend_received": {"sqs_message": {"key_order": {"": []}}}}`,
			sqs(SQSMessage{Body: `x`}), []string{"/backend_received/sqs_message/key_order"}},
		{"lambda default mode is json", `{"backend_received": {"lambda_event": {"a": 1}}}`, lambda(`{"a":1,"b":2}`),
			[]string{"/backend_received/lambda_event/b"}},
		{"kinesis", `{"backend_received": {"kinesis_records": [{"data_utf8": "{\"a\": 1}", "partition_key": "20"}]}}`,
			Actual{BackendReceived: &BackendRecord{KinesisRecords: []KinesisRecord{{Data: []byte(`{"a": 1}`), PartitionKey: "20"}}}}, nil},
		{"kinesis count", `{"backend_received": {"kinesis_records": [{"data_utf8": "x", "partition_key": "1"}]}}`,
			Actual{BackendReceived: &BackendRecord{}}, []string{"/backend_received/kinesis_records"}},
	})
}

func TestCompareResponse(t *testing.T) {
	resp := func(status int, js string) Actual { return Actual{Status: status, Response: json.RawMessage(js)} }
	runCompareCases(t, []compareCase{
		{"response json", `{"status": 200, "response": {"responseTemplates": {"application/json": {"data": "test"}}}, "response_match": "json"}`,
			resp(200, `{"responseTemplates":{"application/json":"{\"data\": \"test\"}"}}`), nil},
		{"response differs", `{"response": {"a": "1"}, "response_match": "json"}`, resp(200, `{"a":"2"}`), []string{"/response/a"}},
		{"no output", `{"response": {"a": "1"}, "response_match": "json"}`, Actual{Status: 200}, []string{"/response"}},
		{"sort arrays", `{"response": {"items": [{"t": "A", "v": 1}, {"t": "B", "v": 2}]}, "response_match": "json", "sort_arrays": {"/items": "t"}}`,
			resp(200, `{"items":[{"t":"B","v":2},{"t":"A","v":1}]}`), nil},
		{"unsorted arrays", `{"response": {"items": [{"t": "A"}, {"t": "B"}]}, "response_match": "json"}`,
			resp(200, `{"items":[{"t":"B"},{"t":"A"}]}`), []string{"/response/items/0/t", "/response/items/1/t"}},
		{"log lines", `{"response": {"log": {"line00": "Execution log for request <request-id-1>", "line01": "<log-timestamp> : Method completed with status: 200", "line02": ""}}, "response_match": "json"}`,
			resp(200, `{"log":{"line00":"Execution log for request abc","line01":"Mon Jan 01 00:00:00 UTC 2024 : Method completed with status: 200","line02":""}}`), nil},
		{"error", `{"status": 400, "error": {"code": "BadRequestException", "message": "Invalid"}}`,
			Actual{Status: 400, Error: &APIError{"BadRequestException", "Invalid"}}, nil},
		{"error differs", `{"error": {"code": "BadRequestException", "message": "Invalid"}}`,
			Actual{Error: &APIError{"NotFoundException", "Invalid."}}, []string{"/error/code", "/error/message"}},
		{"error expected", `{"error": {"code": "BadRequestException", "message": "Invalid"}}`,
			Actual{}, []string{"/error"}},
	})
}

func TestCompareVector(t *testing.T) {
	v := &Vector{Expect: expectOf(t, `{"status": 200}`)}
	if ms := Compare(v, &Actual{Status: 500}); len(ms) != 1 || ms[0].String() != "/status: got 500, want 200" {
		t.Errorf("Compare = %v", ms)
	}
	if ms := Compare(&Vector{}, &Actual{}); ms != nil {
		t.Errorf("Compare without expect = %v", ms)
	}
}

func TestSplitTestInvokeLog(t *testing.T) {
	got, err := SplitTestInvokeLog([]byte(`{"status":200,"log":"a\nb\n","body":"x"}`))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"status":200,"log":{"line00":"a","line01":"b","line02":""},"body":"x"}`
	if string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
	for _, bad := range []string{`[]`, `{`} {
		if _, err := SplitTestInvokeLog([]byte(bad)); err == nil {
			t.Errorf("SplitTestInvokeLog(%s): no error", bad)
		}
	}
}

func TestCompareOutput(t *testing.T) {
	tests := []struct {
		name, mode, expected, output string
		fails                        bool
	}{
		{"exact", MatchExact, "{foo=bar}", "{foo=bar}", false},
		{"exact differs", MatchExact, "{foo=bar}", "{foo=bar} ", true},
		{"exact has no tokens", MatchExact, "<uuid>", "x", true},
		{"json", MatchJSON, `{"a": [1, {"b": 2}]}`, `{"a":[1.0,{"b":2}]}`, false},
		{"json differs", MatchJSON, `{"a": 1}`, `{"a":2}`, true},
		{"json invalid output", MatchJSON, `{"a": 1}`, `{a:1}`, true},
		{"json invalid expected", MatchJSON, `{a}`, `{}`, true},
		{"illustrative", MatchIllustrative, "x", "x", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := CompareOutput(tc.mode, tc.expected, []byte(tc.output))
			if (len(ms) > 0) != tc.fails {
				t.Errorf("mismatches = %v, want failure %v", ms, tc.fails)
			}
		})
	}
}

func TestGlobFold(t *testing.T) {
	tests := []struct {
		pat, s string
		want   bool
	}{
		{"Via", "via", true},
		{"CloudFront-*", "cloudfront-is-desktop-viewer", true},
		{"CloudFront-*", "CloudFront-", true},
		{"CloudFront-*", "CloudFron", false},
		{"*", "", true},
		{"*-Id", "X-Amz-Cf-Id", true},
		{"X-*-Cf-*", "x-amz-cf-pop", true},
		{"X-*-Cf-*", "x-amz-cg-pop", false},
		{"a*b*c", "aXbYbZc", true},
		{"a*b*c", "aXbYbZ", false},
		{"", "", true},
		{"", "a", false},
	}
	for _, tc := range tests {
		if got := globFold(tc.pat, tc.s); got != tc.want {
			t.Errorf("globFold(%q, %q) = %v, want %v", tc.pat, tc.s, got, tc.want)
		}
	}
}

func TestParsePattern(t *testing.T) {
	tests := []struct {
		in     string
		tokens []string
		keys   []string
	}{
		{"plain", nil, nil},
		{"<uuid>", []string{"<uuid>"}, []string{""}},
		{"a<uuid:3>b<request-id-2>c", []string{"<uuid:3>", "<request-id-2>"}, []string{"uuid:3", "request-id:2"}},
		{"<request-id-lambda>", []string{"<request-id-lambda>"}, []string{""}},
		{"<root resource id>", []string{"<root resource id>"}, []string{""}},
		{"<message>x</message>", nil, nil},
		{"<<uuid>>", []string{"<uuid>"}, []string{""}},
		{"<uuid:x>", nil, nil},
		{"<nope:1>", nil, nil},
		{"unclosed <uuid", nil, nil},
	}
	for _, tc := range tests {
		p := parsePattern(tc.in)
		var texts, keys []string
		for _, tok := range p.tokens {
			texts = append(texts, tok.text)
			keys = append(keys, tok.key)
		}
		if !slices.Equal(texts, tc.tokens) || !slices.Equal(keys, tc.keys) {
			t.Errorf("parsePattern(%q) tokens %q keys %q, want %q %q", tc.in, texts, keys, tc.tokens, tc.keys)
		}
		if got := strings.Join(p.literals, "") + strings.Join(texts, ""); len(got) != len(tc.in) {
			t.Errorf("parsePattern(%q) lost text: %q", tc.in, got)
		}
	}
}

func TestWholeToken(t *testing.T) {
	tests := []struct {
		in  string
		ok  bool
		key string
	}{
		{"<uuid:1>", true, "uuid:1"},
		{"<x--amzn--trace--id:4>", true, "x--amzn--trace--id:4"},
		{"<request-id-2>", true, "request-id:2"},
		{"<anything goes>", true, ""},
		{"<root resource id>", true, ""},
		{"<a><b>", false, ""},
		{"<>", false, ""},
		{"x<uuid>", false, ""},
		{"<uuid", false, ""},
	}
	for _, tc := range tests {
		tok, ok := wholeToken(tc.in)
		if ok != tc.ok || tok.key != tc.key {
			t.Errorf("wholeToken(%q) = %q, %v; want %q, %v", tc.in, tok.key, ok, tc.key, tc.ok)
		}
	}
}

func TestParseJSONKeepsOrder(t *testing.T) {
	v, err := parseJSON([]byte(`{"z": 1, "a": {"y": [1.50, "s<"], "b": null}, "m": true}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(encodeJSON(v)); got != `{"z":1,"a":{"y":[1.50,"s<"],"b":null},"m":true}` {
		t.Errorf("round trip = %s", got)
	}
	for _, bad := range []string{``, `{`, `{"a":1}}`, `[1,]`, `nul`} {
		if _, err := parseJSON([]byte(bad)); err == nil {
			t.Errorf("parseJSON(%q): no error", bad)
		}
	}
}

func TestMismatchMessageShortened(t *testing.T) {
	long := strings.Repeat("x", 1000)
	ms := NewComparer().Compare(expectOf(t, `{"body": "y", "body_match": "exact"}`), &Actual{Body: []byte(long)})
	if len(ms) != 1 || len(ms[0].Message) > 400 || !strings.Contains(ms[0].Message, "…") {
		t.Errorf("message not shortened: %d bytes", len(ms[0].Message))
	}
}

func TestFoldHeadersOrder(t *testing.T) {
	h := hdr("B", "1", "a", "2", "C", "3", "B", "4")
	got := foldHeaders(h, []string{"c", "b"})
	var b bytes.Buffer
	for _, f := range got {
		b.WriteString(f.name + "=" + f.value + ";")
	}
	if want := "c=3;b=1, 4;a=2;"; b.String() != want {
		t.Errorf("foldHeaders = %s, want %s", b.String(), want)
	}
}
