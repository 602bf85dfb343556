package loader

import (
	"strings"
	"testing"
)

func TestLoadTerraformHTTPAPIs(t *testing.T) {
	tests := []struct {
		path    string
		vars    map[string]string
		rest    bool
		httpAPI string
	}{
		{"../../examples/terraform-httpapi", nil, false, "greetings-api"},
		{"../source/terraform/testdata/httpapi_aws/main.tf", nil, false, "shop"},
		{"../../examples/terraform", map[string]string{"shop": "x"}, true, ""},
	}
	for _, tt := range tests {
		d, err := LoadDefinition(tt.path, Options{Parameters: tt.vars})
		if tt.rest {
			if err != nil || d.API == nil || len(d.HTTPAPIs) != 0 {
				t.Errorf("%s: api %v, http apis %v, err %v", tt.path, d.API, d.HTTPAPIs, err)
			}
			continue
		}
		if err != nil || d.Kind != Terraform || d.API != nil || len(d.HTTPAPIs) != 1 || d.HTTPAPIs[0].Name != tt.httpAPI {
			t.Fatalf("%s: kind %s, api %v, http apis %v, err %v", tt.path, d.Kind, d.API, d.HTTPAPIs, err)
		}
		if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0].Message, "not served yet") {
			t.Errorf("%s: warnings %v", tt.path, d.Warnings)
		}
	}
}
