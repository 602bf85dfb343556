package model

import "testing"

func TestGatewayResponseTypes(t *testing.T) {
	tests := []struct {
		typ    GatewayResponseType
		status string
		parent GatewayResponseType
	}{
		{GatewayMissingAuthenticationToken, "403", GatewayDefault4XX},
		{GatewayUnsupportedMediaType, "415", GatewayDefault4XX},
		{GatewayIntegrationTimeout, "504", GatewayDefault5XX},
		{GatewayAPIConfigurationError, "500", GatewayDefault5XX},
		{GatewayDefault4XX, "", ""},
		{GatewayDefault5XX, "", ""},
		{"NOT_A_TYPE", "", ""},
	}
	for _, tt := range tests {
		if got := tt.typ.DefaultStatus(); got != tt.status {
			t.Errorf("%s: status %q, want %q", tt.typ, got, tt.status)
		}
		if got := tt.typ.Parent(); got != tt.parent {
			t.Errorf("%s: parent %q, want %q", tt.typ, got, tt.parent)
		}
	}
	if len(GatewayResponseTypes) != 21 {
		t.Fatalf("%d types, AWS has 21", len(GatewayResponseTypes))
	}
}

func TestRestApiGatewayResponse(t *testing.T) {
	a := &RestApi{GatewayResponses: []GatewayResponse{{ResponseType: GatewayThrottled, StatusCode: "503"}}}
	if g := a.GatewayResponse(GatewayThrottled); g.StatusCode != "503" || g.DefaultResponse {
		t.Fatalf("customised response not returned: %+v", g)
	}
	g := a.GatewayResponse(GatewayMissingAuthenticationToken)
	if !g.DefaultResponse || g.StatusCode != "403" {
		t.Fatalf("default response not returned: %+v", g)
	}
	if v, _ := g.ResponseTemplates.Get("application/json"); v != `{"message":$context.error.messageString}` {
		t.Fatalf("default template %q", v)
	}
}
