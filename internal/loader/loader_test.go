package loader

import (
	"slices"
	"testing"

	"archway/internal/compile"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name, doc string
		want      Kind
	}{
		{"openapi 3", "openapi: 3.0.1\npaths: {}\n", OpenAPI},
		{"swagger", `{"swagger": "2.0", "paths": {}}`, OpenAPI},
		{"cloudformation", "Resources:\n  A: {Type: AWS::ApiGateway::RestApi}\n", CloudFormation},
		{"cloudformation json", `{"AWSTemplateFormatVersion": "2010-09-09"}`, CloudFormation},
		{"sam", "Transform: AWS::Serverless-2016-10-31\nResources: {}\n", SAM},
		{"sam list", "Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources: {}\n", SAM},
		{"short tags", "Resources:\n  A: {Type: X, Properties: {N: !Ref B}}\n", CloudFormation},
		{"not yaml", "{[", OpenAPI},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.doc)); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		file string
		want Kind
	}{
		{"../../examples/cloudformation/template.yaml", CloudFormation},
		{"../../examples/petstore/openapi.yaml", OpenAPI},
		{"../source/cloudformation/testdata/same.sam.yaml", SAM},
	}
	for _, tt := range tests {
		api, _, kind, err := Load(tt.file)
		if err != nil || api == nil || kind != tt.want {
			t.Errorf("%s: kind %s, err %v", tt.file, kind, err)
		}
	}
}

func TestLoadDefinitionParameters(t *testing.T) {
	d, err := LoadDefinition("../../examples/cloudformation/template.yaml",
		Options{Parameters: map[string]string{"Environment": "prod"}})
	if err != nil || d.Kind != CloudFormation || d.API.Stage("prod") == nil {
		t.Fatalf("kind %s, err %v", d.Kind, err)
	}
	d, err = LoadDefinition("../source/cloudformation/testdata/same.sam.yaml", Options{})
	if err != nil || len(d.Functions) != 1 || d.Functions[0].Name != "hello" ||
		d.Functions[0].Local.Command[0] != "../source/cloudformation/testdata/hello/bootstrap" {
		t.Fatalf("functions %+v, err %v", d.Functions, err)
	}
}

func TestLoadTerraform(t *testing.T) {
	tests := []struct {
		path       string
		terraform  bool
		vars       map[string]string
		kind       Kind
		wantRoutes []string
	}{
		{"../../examples/terraform", true, map[string]string{"shop": "x"}, Terraform, []string{"GET /orders/{id}"}},
		{"../../examples/terraform/main.tf", true, nil, Terraform, nil},
		{"../source/terraform/testdata/same", true, nil, Terraform, []string{"GET /items/{id}", "POST /hello"}},
		{"../source/terraform/testdata/showjson/show-state.json", false, nil, TerraformJSON, []string{"GET /items/{id}", "POST /hello"}},
		{"../source/terraform/testdata/showjson/show-plan.json", false, nil, TerraformJSON, []string{"GET /items/{id}", "POST /hello"}},
		{"../../examples/petstore", false, nil, OpenAPI, nil},
		{"../../examples/petstore/openapi.yaml", false, nil, OpenAPI, nil},
	}
	for _, tt := range tests {
		if got := IsTerraform(tt.path); got != tt.terraform {
			t.Errorf("IsTerraform(%s) = %v", tt.path, got)
		}
		if tt.wantRoutes == nil {
			continue
		}
		d, err := LoadDefinition(tt.path, Options{Parameters: tt.vars})
		if err != nil || d.Kind != tt.kind {
			t.Fatalf("%s: kind %s, err %v", tt.path, d.Kind, err)
		}
		p, err := compile.Compile(d.API, compile.StageConfig{Name: "dev"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range p.Resources {
			for _, m := range r.Methods {
				got = append(got, m.HTTPMethod+" "+r.Path)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.wantRoutes) {
			t.Errorf("%s: routes %v, want %v", tt.path, got, tt.wantRoutes)
		}
	}
}
