package cloudformation

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// header declares what the expressions of TestIntrinsics refer to.
const header = `
Parameters:
  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}
  Names: {Type: CommaDelimitedList, Default: "a,b,c"}
Mappings:
  Sizes:
    dev: {Max: "3"}
Conditions:
  IsDev: !Equals [!Ref Env, dev]
  NotDev: !Not [!Condition IsDev]
  Both: !And [!Condition IsDev, !Equals [x, x]]
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
  Fn:
    Type: AWS::Lambda::Function
    Properties: {FunctionName: hello}
`

// evalExpr evaluates the YAML expression expr in a template with header.
func evalExpr(t *testing.T, expr string, opts Options) (string, error) {
	t.Helper()
	tp := newTemplate("t.yaml", opts)
	root := tp.parse([]byte(header+"  Probe:\n    Type: Custom::Probe\n    Properties:\n      Value: "+expr+"\n"), "")
	tp.read(root)
	if len(tp.errs) > 0 {
		return "", tp.errs
	}
	r := tp.resources["Probe"]
	n := tp.eval(r.props.child("Value", member(r.props.n, "Value")))
	if len(tp.errs) > 0 {
		return "", tp.errs
	}
	if n.Kind == yaml.ScalarNode {
		return n.Value, nil
	}
	return jsonText(n), nil
}

func TestIntrinsics(t *testing.T) {
	tests := []struct {
		name, expr, want string
		opts             Options
	}{
		{"ref parameter", "!Ref Env", "dev", Options{}},
		{"override", "!Ref Env", "prod", Options{Parameters: map[string]string{"Env": "prod"}}},
		{"list parameter", "!Ref Names", `["a","b","c"]`, Options{}},
		{"region", "!Ref AWS::Region", "us-east-1", Options{}},
		{"account", "!Ref AWS::AccountId", "123456789012", Options{}},
		{"stack name", "!Ref AWS::StackName", "t", Options{}},
		{"partition", "!Ref AWS::Partition", "aws", Options{}},
		{"url suffix", "!Ref AWS::URLSuffix", "amazonaws.com", Options{}},
		{"no value", "[a, !Ref AWS::NoValue, b]", `["a","b"]`, Options{}},
		{"function name", "!Ref Fn", "hello", Options{}},
		{"function arn", "!GetAtt Fn.Arn", "arn:aws:lambda:us-east-1:123456789012:function:hello", Options{}},
		{"function arn list form", "!GetAtt [Fn, Arn]", "arn:aws:lambda:us-east-1:123456789012:function:hello", Options{}},
		{"root resource", "!GetAtt Api.RootResourceId", "", Options{}},
		{"sub string", `!Sub "${Env}-${AWS::Region}-${!Literal}"`, "dev-us-east-1-${Literal}", Options{}},
		{"sub list", `!Sub ["${A}/${Fn.Arn}", {A: x}]`, "x/arn:aws:lambda:us-east-1:123456789012:function:hello", Options{}},
		{"long form sub", `{"Fn::Sub": "${Env}"}`, "dev", Options{}},
		{"join", "!Join [-, [a, !Ref Env]]", "a-dev", Options{}},
		{"select", "!Select [1, !Ref Names]", "b", Options{}},
		{"split", "!Split [',', 'x,y']", `["x","y"]`, Options{}},
		{"if true", "!If [IsDev, yes, no]", "yes", Options{}},
		{"if false", "!If [NotDev, yes, no]", "no", Options{}},
		{"and", "!If [Both, yes, no]", "yes", Options{}},
		{"or", "!Or [!Equals [a, b], !Condition IsDev]", "true", Options{}},
		{"find in map", "!FindInMap [Sizes, !Ref Env, Max]", "3", Options{}},
		{"base64", "!Base64 hi", "aGk=", Options{}},
		{"azs", "!Select [0, !GetAZs '']", "us-east-1a", Options{}},
		{"cidr", "!Cidr [10.0.0.0/16, 2, 8]", `["10.0.0.0/24","10.0.1.0/24"]`, Options{}},
		{"to json string", "!ToJsonString {a: [1, x]}", `{"a":[1,"x"]}`, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := evalExpr(t, tt.expr, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if len(got) != 10 {
					t.Fatalf("got %q, want a generated id", got)
				}
				return
			}
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIntrinsicErrors(t *testing.T) {
	tests := []struct {
		name, expr, want string
		opts             Options
	}{
		{"unknown reference", "!Ref Nope", "t.yaml:21: Resources.Probe.Properties.Value.Ref: Template format error: Unresolved resource dependencies [Nope]", Options{}},
		{"unknown sub variable", `!Sub "${Nope}"`, "Unresolved resource dependencies [Nope]", Options{}},
		{"unknown getatt", "!GetAtt Nope.Arn", "Unresolved resource dependencies [Nope]", Options{}},
		{"import value", "!ImportValue shared", "t.yaml:21: Resources.Probe.Properties.Value.Fn::ImportValue: Fn::ImportValue is not supported", Options{}},
		{"unsupported function", `{"Fn::Length": [1]}`, "unsupported intrinsic function Fn::Length", Options{}},
		{"unknown tag", "!Nope x", "t.yaml:21: Resources.Probe.Properties.Value: unknown short-form tag !Nope", Options{}},
		{"bad select", "!Select [5, [a]]", "Fn::Select: index 5 is out of the bounds", Options{}},
		{"join arity", "!Join [a]", "Fn::Join: expected a list of 2 values, found a list of 1", Options{}},
		{"unknown condition", "!If [Nope, a, b]", "Unresolved dependencies [Nope]", Options{}},
		{"not allowed", "!Ref Env", "Parameter 'Env' must be one of AllowedValues", Options{Parameters: map[string]string{"Env": "x"}}},
		{"unknown override", "x", "Parameters: [Other] do not exist in the template", Options{Parameters: map[string]string{"Other": "x"}}},
		{"unknown attribute", "!GetAtt Api.Nope", "Fn::GetAtt: attribute Nope of Api (AWS::ApiGateway::RestApi) is not supported", Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := evalExpr(t, tt.expr, tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
}
