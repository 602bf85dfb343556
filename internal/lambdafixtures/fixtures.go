package lambdafixtures

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// Outcome is a fixture's answer to one invocation: the result payload, or
// the error payload of a function error.
type Outcome struct {
	Payload []byte
	// Error marks a function error (X-Amz-Function-Error: Unhandled).
	Error bool
	// ErrorType is the errorType of a function error.
	ErrorType string
}

// Fixture answers invocations. It is safe for concurrent use.
type Fixture func(requestID string, event []byte) Outcome

// Names lists the fixtures New knows.
var Names = []string{
	"lambda:proxy-echo", "lambda:identity", "lambda:return-body", "lambda:fixed",
	"lambda:selection", "lambda:mapping-responses", "lambda:string-echo",
}

// New returns the fixture name with its backend.args (JSON; empty means
// {}).
func New(name string, args []byte) (Fixture, error) {
	a := Obj()
	if len(strings.TrimSpace(string(args))) > 0 {
		var err error
		if a, err = Parse(args); err != nil || a.Kind != Object {
			return nil, fmt.Errorf("lambdafixtures: %s: args must be a JSON object: %v", name, err)
		}
	}
	switch name {
	case "lambda:proxy-echo":
		return eventFixture(proxyEcho), nil
	case "lambda:identity":
		return eventFixture(func(_ string, ev Value) Outcome { return Outcome{Payload: PyJSON(nil, ev)} }), nil
	case "lambda:return-body":
		return eventFixture(returnBody), nil
	case "lambda:fixed":
		return fixed(a)
	case "lambda:selection":
		return eventFixture(selection), nil
	case "lambda:mapping-responses":
		return eventFixture(mappingResponses), nil
	case "lambda:string-echo":
		prefix, _ := a.Get("prefix")
		return stringEcho(prefix.Str), nil
	}
	return nil, fmt.Errorf("lambdafixtures: unknown fixture %q (known: %s)", name, strings.Join(Names, ", "))
}

// eventFixture parses the event as Python's json.loads would; an
// unparsable event fails like the Lambda Python runtime
// (Runtime.UnmarshalError).
func eventFixture(f func(requestID string, ev Value) Outcome) Fixture {
	return func(requestID string, event []byte) Outcome {
		ev, err := Parse(event)
		if err != nil {
			return pyError(requestID, "Runtime.UnmarshalError", "Unable to unmarshal input: "+err.Error(), nil)
		}
		return f(requestID, ev)
	}
}

// pyError builds the Python runtime's error payload: errorMessage,
// errorType, requestId, stackTrace, in this order.
func pyError(requestID, errorType, message string, stackTrace []string) Outcome {
	trace := Value{Kind: Array, Elems: []Value{}}
	for _, s := range stackTrace {
		trace.Elems = append(trace.Elems, Str(s))
	}
	return errorOutcome(errorType, Obj(
		Member{"errorMessage", Str(message)},
		Member{"errorType", Str(errorType)},
		Member{"requestId", Str(requestID)},
		Member{"stackTrace", trace},
	))
}

func errorOutcome(errorType string, payload Value) Outcome {
	return Outcome{Payload: PyJSON(nil, payload), Error: true, ErrorType: errorType}
}

// handlerFrame is the stack frame the Python fixtures report.
func handlerFrame(file string, line int, code string) []string {
	return []string{"  File \"/var/task/" + file + "\", line " + strconv.Itoa(line) + ", in handler\n    " + code + "\n"}
}

// proxyEcho is fixtures.md 2.2.
func proxyEcho(_ string, ev Value) Outcome {
	return Outcome{Payload: PyJSON(nil, Obj(
		Member{"statusCode", Int(200)},
		Member{"body", Str(string(PyJSON(nil, ev)))},
		Member{"isBase64Encoded", Value{Kind: Bool}},
	))}
}

// returnBody is fixtures.md 2.4.
func returnBody(requestID string, ev Value) Outcome {
	const frame = "return json.loads(body)"
	b, ok := ev.Get("body")
	if !ok || b.Kind == Null {
		return pyError(requestID, "TypeError", "the JSON object must be str, bytes or bytearray, not NoneType",
			handlerFrame("lambda_return_body.py", 8, frame))
	}
	if b.Kind != String {
		return pyError(requestID, "TypeError", "the JSON object must be str, bytes or bytearray, not "+pyTypeName(b),
			handlerFrame("lambda_return_body.py", 8, frame))
	}
	text := []byte(b.Str)
	if flag, _ := ev.Get("isBase64Encoded"); flag.Kind == Bool && flag.Bool {
		decoded, err := base64.StdEncoding.DecodeString(b.Str)
		if err != nil {
			return pyError(requestID, "Error", "Incorrect padding", handlerFrame("lambda_return_body.py", 7, "body = base64.b64decode(body)"))
		}
		text = decoded
	}
	parsed, err := Parse(text)
	if err != nil {
		return pyError(requestID, "JSONDecodeError", "Expecting value: line 1 column 1 (char 0)",
			handlerFrame("lambda_return_body.py", 8, frame))
	}
	return Outcome{Payload: PyJSON(nil, parsed)}
}

func pyTypeName(v Value) string {
	switch v.Kind {
	case Bool:
		return "bool"
	case Number:
		if strings.ContainsAny(v.Str, ".eE") {
			return "float"
		}
		return "int"
	case Array:
		return "list"
	case Object:
		return "dict"
	}
	return "str"
}

// fixed is fixtures.md 2.5.
func fixed(args Value) (Fixture, error) {
	if result, ok := args.Get("result"); ok {
		payload := PyJSON(nil, result)
		return func(string, []byte) Outcome { return Outcome{Payload: payload} }, nil
	}
	e, ok := args.Get("error")
	if !ok || e.Kind != Object {
		return nil, fmt.Errorf("lambdafixtures: lambda:fixed: args need result or error")
	}
	msg, _ := e.Get("errorMessage")
	typ, _ := e.Get("errorType")
	trace, ok := e.Get("stackTrace")
	if !ok {
		trace = Value{Kind: Array, Elems: []Value{}}
	}
	return func(requestID string, _ []byte) Outcome {
		return errorOutcome(typ.Str, Obj(
			Member{"errorMessage", msg},
			Member{"errorType", typ},
			Member{"requestId", Str(requestID)},
			Member{"stackTrace", trace},
		))
	}, nil
}

// selection is fixtures.md 2.6.
func selection(requestID string, ev Value) Outcome {
	s, _ := ev.Get("statusCode")
	switch {
	case s.Kind == String && s.Str == "200":
		return Outcome{Payload: PyJSON(nil, Str("Pass"))}
	case s.Kind == String && s.Str == "400":
		const msg = "Error: Raising four hundred from within the Lambda function"
		return pyError(requestID, "Exception", msg, handlerFrame("lambda_select_pattern.py", 7, `raise Exception("`+msg+`")`))
	case s.Kind == String && s.Str == "500":
		const msg = "Error: Raising five hundred from within the Lambda function"
		return pyError(requestID, "Exception", msg, handlerFrame("lambda_select_pattern.py", 9, `raise Exception("`+msg+`")`))
	}
	return Outcome{Payload: PyJSON(nil, Str("Error Value in the json request should either be 400 or 500 to demonstrate"))}
}

// mappingResponses is fixtures.md 2.7.
func mappingResponses(requestID string, ev Value) Outcome {
	body, _ := ev.Get("body")
	status, ok := body.Get("httpStatus")
	if !ok {
		return pyError(requestID, "KeyError", "'httpStatus'", handlerFrame("lambda_mapping_responses.py", 4, `status = int(event["body"]["httpStatus"])`))
	}
	h, err := strconv.Atoi(strings.TrimSpace(status.Str))
	if err != nil {
		return pyError(requestID, "ValueError", "invalid literal for int() with base 10: '"+status.Str+"'",
			handlerFrame("lambda_mapping_responses.py", 4, `status = int(event["body"]["httpStatus"])`))
	}
	answer := "noerror"
	if h >= 400 {
		answer = "customerror"
	}
	return Outcome{Payload: PyJSON(nil, Obj(Member{"statusCode", Int(200)}, Member{"body", Str(answer)}))}
}

// stringEcho is fixtures.md 2.8 (a Node.js function).
func stringEcho(prefix string) Fixture {
	return func(_ string, event []byte) Outcome {
		ev, err := Parse(event)
		if err != nil {
			return Outcome{Payload: []byte(`{"errorType":"SyntaxError","errorMessage":"Unexpected token in JSON"}`), Error: true, ErrorType: "SyntaxError"}
		}
		inner := NodeJSON(nil, Str(prefix+string(NodeJSON(nil, ev))))
		return Outcome{Payload: NodeJSON(nil, Obj(
			Member{"statusCode", Int(200)},
			Member{"body", Str(string(inner))},
			Member{"isBase64Encoded", Value{Kind: Bool}},
			Member{"headers", Obj()},
		))}
	}
}
