package model

import "testing"

func TestParseEnums(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{string(ParseIntegrationType("http_proxy")), "HTTP_PROXY"},
		{string(ParseIntegrationType("Mock")), "MOCK"},
		{string(ParseIntegrationType("lambda")), "lambda"},
		{string(ParsePassthroughBehavior("when_no_templates")), "WHEN_NO_TEMPLATES"},
		{string(ParseContentHandling("convert_to_text")), "CONVERT_TO_TEXT"},
		{string(ParseConnectionType("vpc_link")), "VPC_LINK"},
		{string(ParseAuthorizationType("aws_iam")), "AWS_IAM"},
		{string(ParseAPIKeySource("authorizer")), "AUTHORIZER"},
		{string(ParseEndpointType("regional")), "REGIONAL"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestEnumPredicates(t *testing.T) {
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"AWS_PROXY valid", IntegrationAWSProxy.Valid(), true},
		{"lambda invalid", IntegrationType("lambda").Valid(), false},
		{"HTTP is HTTP", IntegrationHTTP.IsHTTP(), true},
		{"AWS is not HTTP", IntegrationAWS.IsHTTP(), false},
		{"AWS_PROXY is AWS", IntegrationAWSProxy.IsAWS(), true},
		{"HTTP_PROXY is a proxy", IntegrationHTTPProxy.IsProxy(), true},
		{"MOCK is no proxy", IntegrationMock.IsProxy(), false},
		{"no content handling is valid", ContentHandling("").Valid(), true},
		{"no connection type is valid", ConnectionType("").Valid(), true},
		{"empty passthrough is invalid", PassthroughBehavior("").Valid(), false},
		{"empty authorization is invalid", AuthorizationType("").Valid(), false},
		{"PRIVATE endpoint", EndpointPrivate.Valid(), true},
		{"HEADER key source", APIKeyFromHeader.Valid(), true},
		{"{id} is variable", IsVariable("{id}"), true},
		{"{} is not variable", IsVariable("{}"), false},
		{"{proxy+} is greedy", IsGreedy("{proxy+}"), true},
		{"proxy+ is not greedy", IsGreedy("proxy+"), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v", tt.name, tt.got)
		}
	}
}
