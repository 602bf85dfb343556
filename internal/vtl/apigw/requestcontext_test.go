package apigw_test

import (
	"testing"

	"archway/internal/vtl"
	"archway/internal/vtl/apigw"
)

func TestRequestContextKeyOrder(t *testing.T) {
	rc := &apigw.RequestContext{
		AccountID: "123456789012", APIID: "a1b2c3", Stage: "testing", HTTPMethod: "POST",
		ResourcePath: "/sqs", Path: "/testing/sqs", Protocol: "HTTP/1.1", RequestID: "r-1",
		RequestTimeEpoch: 1763700900000, Identity: apigw.Identity{SourceIP: "203.0.113.7", UserAgent: "curl/8.0"},
	}
	// The recorded keySet order of vtl-context-keyset-dump.
	src := `#foreach($k in $context.keySet())$k,#end|#foreach($k in $context.identity.keySet())$k=$context.identity.get($k),#end|[$context.identity][$context.requestOverride]$context.requestTimeEpoch|[$context.authorizer]|$context.isCanaryRequest|$context.containsKey('isCanaryRequest')`
	want := "resourceId,resourcePath,httpMethod,extendedRequestId,requestTime,path,accountId,protocol,requestOverride,stage,domainPrefix,requestTimeEpoch,requestId,identity,domainName,deploymentId,responseOverride,apiId,|" +
		"cognitoIdentityPoolId=,accountId=,cognitoIdentityId=,caller=,sourceIp=203.0.113.7,principalOrgId=,accessKey=,cognitoAuthenticationType=,cognitoAuthenticationProvider=,userArn=,userAgent=curl/8.0,user=,|[][]1763700900000|[]|false|false"
	tpl, err := vtl.Parse("ctx", src)
	if err != nil {
		t.Fatal(err)
	}
	out, err := apigw.NewEngine().Render(nil, tpl, &apigw.Request{Context: rc.Map()})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
}

func TestRequestContextOptionalMembers(t *testing.T) {
	rc := &apigw.RequestContext{IsCanaryRequest: true, Error: &apigw.GatewayError{Message: `Missing "token"`, ResponseType: "MISSING_AUTHENTICATION_TOKEN"}}
	tpl, err := vtl.Parse("ctx", `$context.isCanaryRequest|$context.error.message|$context.error.messageString|$context.error.responseType`)
	if err != nil {
		t.Fatal(err)
	}
	out, err := apigw.NewEngine().Render(nil, tpl, &apigw.Request{Context: rc.Map()})
	if err != nil {
		t.Fatal(err)
	}
	if want := `true|Missing "token"|"Missing \"token\""|MISSING_AUTHENTICATION_TOKEN`; string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
}
