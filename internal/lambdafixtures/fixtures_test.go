package lambdafixtures

import (
	"strings"
	"testing"
)

func TestPyJSON(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`{"statusCode":200,"body":"{}","isBase64Encoded":false}`, `{"statusCode": 200, "body": "{}", "isBase64Encoded": false}`},
		{`[1.50, -0e+3, true, null, []  , {}]`, `[1.50, -0e+3, true, null, [], {}]`},
		{`"a\"\\\/\b\f\n\r\t\u0001\u001F"`, `"a\"\\/\b\f\n\r\t\u0001\u001f"`},
		{`"é€😀"`, `"\u00e9\u20ac\ud83d\ude00"`},
		{`"\ud83d\ude00"`, `"\ud83d\ude00"`},
		{`{"a":1,"b":2,"a":3}`, `{"a": 3, "b": 2}`},
	}
	for _, tt := range tests {
		v, err := Parse([]byte(tt.in))
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if got := string(PyJSON(nil, v)); got != tt.want {
			t.Errorf("PyJSON(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestNodeJSON(t *testing.T) {
	v, err := Parse([]byte(`{"a": ["é", 1, "\u0007"], "b": {}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(NodeJSON(nil, v)), `{"a":["é",1,"\u0007"],"b":{}}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{``, `{`, `{"a"}`, `{"a":1,}`, `[1,]`, `01`, `1.`, `1e`, `"\x"`, `"\u12"`, `tru`, `{} x`, "\"a\x01\"", "\"\xff\"", `-`, `{1:2}`} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func run(t *testing.T, name, args, event string) Outcome {
	t.Helper()
	f, err := New(name, []byte(args))
	if err != nil {
		t.Fatal(err)
	}
	return f("6b1b7f0e-0000-4000-8000-000000000000", []byte(event))
}

func TestFixtures(t *testing.T) {
	const id = "6b1b7f0e-0000-4000-8000-000000000000"
	tests := []struct {
		name, fixture, args, event string
		want                       string
		isErr                      bool
	}{
		{"proxy-echo empty event", "lambda:proxy-echo", "", `{}`, `{"statusCode": 200, "body": "{}", "isBase64Encoded": false}`, false},
		{"proxy-echo event", "lambda:proxy-echo", "{}", `{"a":"é","b":[1,null]}`,
			`{"statusCode": 200, "body": "{\"a\": \"\\u00e9\", \"b\": [1, null]}", "isBase64Encoded": false}`, false},
		{"identity", "lambda:identity", "", `{"param1":"foobar","n":1.0}`, `{"param1": "foobar", "n": 1.0}`, false},
		{"return-body object", "lambda:return-body", "", `{"body":"{\"statusCode\": 200, \"headers\": null}"}`, `{"statusCode": 200, "headers": null}`, false},
		{"return-body string", "lambda:return-body", "", `{"body":"\"justAString\""}`, `"justAString"`, false},
		{"return-body base64", "lambda:return-body", "", `{"body":"eyJhIjoxfQ==","isBase64Encoded":true}`, `{"a": 1}`, false},
		{"return-body null", "lambda:return-body", "", `{"body":null}`,
			`{"errorMessage": "the JSON object must be str, bytes or bytearray, not NoneType", "errorType": "TypeError", "requestId": "` + id + `", "stackTrace": ["  File \"/var/task/lambda_return_body.py\", line 8, in handler\n    return json.loads(body)\n"]}`, true},
		{"return-body not JSON", "lambda:return-body", "", `{"body":"nope"}`,
			`{"errorMessage": "Expecting value: line 1 column 1 (char 0)", "errorType": "JSONDecodeError", "requestId": "` + id + `", "stackTrace": ["  File \"/var/task/lambda_return_body.py\", line 8, in handler\n    return json.loads(body)\n"]}`, true},
		{"fixed result", "lambda:fixed", `{"result": {"isBase64Encoded": false, "statusCode": 300, "headers": {"content-type": "application/xml"}, "body": "<message>completed</message>"}}`, `{}`,
			`{"isBase64Encoded": false, "statusCode": 300, "headers": {"content-type": "application/xml"}, "body": "<message>completed</message>"}`, false},
		{"fixed empty", "lambda:fixed", `{"result": {}}`, `{"x":1}`, `{}`, false},
		{"fixed error", "lambda:fixed", `{"error": {"errorType": "E", "errorMessage": "m"}}`, `{}`,
			`{"errorMessage": "m", "errorType": "E", "requestId": "` + id + `", "stackTrace": []}`, true},
		{"selection 200", "lambda:selection", "", `{"statusCode": "200"}`, `"Pass"`, false},
		{"selection 400", "lambda:selection", "", `{"statusCode": "400"}`,
			`{"errorMessage": "Error: Raising four hundred from within the Lambda function", "errorType": "Exception", "requestId": "` + id + `", "stackTrace": ["  File \"/var/task/lambda_select_pattern.py\", line 7, in handler\n    raise Exception(\"Error: Raising four hundred from within the Lambda function\")\n"]}`, true},
		{"selection 500", "lambda:selection", "", `{"statusCode": "500"}`,
			`{"errorMessage": "Error: Raising five hundred from within the Lambda function", "errorType": "Exception", "requestId": "` + id + `", "stackTrace": ["  File \"/var/task/lambda_select_pattern.py\", line 9, in handler\n    raise Exception(\"Error: Raising five hundred from within the Lambda function\")\n"]}`, true},
		{"selection other", "lambda:selection", "", `{"statusCode": "201"}`, `"Error Value in the json request should either be 400 or 500 to demonstrate"`, false},
		{"mapping noerror", "lambda:mapping-responses", "", `{"body": {"httpStatus": "200"}}`, `{"statusCode": 200, "body": "noerror"}`, false},
		{"mapping customerror", "lambda:mapping-responses", "", `{"body": {"httpStatus": "400"}}`, `{"statusCode": 200, "body": "customerror"}`, false},
		{"string-echo", "lambda:string-echo", `{"prefix": "response from localstack lambda: "}`, `{"test": "val123"}`,
			`{"statusCode":200,"body":"\"response from localstack lambda: {\\\"test\\\":\\\"val123\\\"}\"","isBase64Encoded":false,"headers":{}}`, false},
		{"string-echo empty", "lambda:string-echo", `{"prefix": "response from localstack lambda: "}`, `{}`,
			`{"statusCode":200,"body":"\"response from localstack lambda: {}\"","isBase64Encoded":false,"headers":{}}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := run(t, tt.fixture, tt.args, tt.event)
			if string(out.Payload) != tt.want || out.Error != tt.isErr {
				t.Errorf("got %s (error %v)\nwant %s (error %v)", out.Payload, out.Error, tt.want, tt.isErr)
			}
		})
	}
}

func TestFixtureLengths(t *testing.T) {
	// fixtures.md gives these byte counts.
	if n := len(run(t, "lambda:proxy-echo", "", `{}`).Payload); n != 59 {
		t.Errorf("proxy-echo {}: %d bytes, want 59", n)
	}
	echo := `{"prefix": "response from localstack lambda: "}`
	if n := len(run(t, "lambda:string-echo", echo, `{"test":"val123"}`).Payload); n != 131 {
		t.Errorf("string-echo: %d bytes, want 131", n)
	}
	if n := len(run(t, "lambda:string-echo", echo, `{}`).Payload); n != 104 {
		t.Errorf("string-echo {}: %d bytes, want 104", n)
	}
}

func TestNewErrors(t *testing.T) {
	for _, c := range [][2]string{{"lambda:nope", ""}, {"lambda:fixed", "{}"}, {"lambda:identity", "[1]"}} {
		if _, err := New(c[0], []byte(c[1])); err == nil || !strings.Contains(err.Error(), "lambdafixtures") {
			t.Errorf("%v: got %v", c, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"a": [1, "é"]}`, `"\ud83d\ude00"`, `[true, null, -1.5e3]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Parse(data)
		if err != nil {
			return
		}
		out := PyJSON(nil, v)
		again, err := Parse(out)
		if err != nil {
			t.Fatalf("PyJSON output %s does not parse: %v", out, err)
		}
		if string(PyJSON(nil, again)) != string(out) {
			t.Fatalf("not stable: %s", out)
		}
	})
}
