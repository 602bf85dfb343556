// Package loader tells the kind of an API definition (OpenAPI,
// CloudFormation, SAM, Terraform) and loads it with the matching source. It is the one
// place that knows every source: the sources themselves see only the model
// (a template's OpenAPI body is read by the OpenAPI source through the
// loader), and a template's Lambda functions become function registry
// entries here.
package loader

import (
	"os"
	"strings"

	"archway/internal/functions"
	"archway/internal/model"
	"archway/internal/source/cloudformation"
	"archway/internal/source/openapi"
	"archway/internal/source/terraform"
	"go.yaml.in/yaml/v3"
)

// Kind is the kind of a definition.
type Kind string

// The kinds of definitions.
const (
	OpenAPI        Kind = "OpenAPI"
	CloudFormation Kind = "CloudFormation"
	SAM            Kind = "SAM"
	// Terraform is a directory of .tf files, or a single .tf file.
	Terraform Kind = "Terraform"
	// TerraformJSON is the output of terraform show -json, of a saved
	// plan or of the state.
	TerraformJSON Kind = "Terraform show -json"
)

// IsTerraform reports whether path is Terraform configuration: a .tf file
// or a directory holding one.
func IsTerraform(path string) bool {
	if strings.HasSuffix(path, ".tf") {
		return true
	}
	st, err := os.Stat(path)
	if err != nil || !st.IsDir() {
		return false
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".tf") {
			return true
		}
	}
	return false
}

// Sniff tells the kind of a definition from its text: a template has a
// Resources or AWSTemplateFormatVersion member (SAM: the
// AWS::Serverless-2016-10-31 transform); anything else is read as OpenAPI,
// whose reader reports what is wrong with it.
func Sniff(data []byte) Kind {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return OpenAPI
	}
	kind := OpenAPI
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		switch root.Content[i].Value {
		case "openapi", "swagger":
			return OpenAPI
		case "Resources", "AWSTemplateFormatVersion":
			if kind == OpenAPI {
				kind = CloudFormation
			}
		case "Transform":
			if isSAM(root.Content[i+1]) {
				kind = SAM
			}
		}
	}
	return kind
}

func isSAM(n *yaml.Node) bool {
	if n.Kind == yaml.SequenceNode {
		for _, c := range n.Content {
			if isSAM(c) {
				return true
			}
		}
		return false
	}
	return n.Kind == yaml.ScalarNode && n.Value == "AWS::Serverless-2016-10-31"
}

// Options are what a deployment supplies besides the file.
type Options struct {
	// Parameters override the parameters of a CloudFormation or SAM
	// template, or the variables of a Terraform configuration
	// (--parameter NAME=VALUE); OpenAPI definitions ignore them.
	Parameters map[string]string
}

// Definition is a loaded definition.
type Definition struct {
	Kind Kind
	// API is nil when the definition has errors, and for a Terraform
	// configuration that defines only HTTP APIs.
	API *model.RestApi
	// HTTPAPIs are the HTTP and WebSocket APIs (apigatewayv2) a Terraform
	// configuration defines, validated; they are not served yet.
	HTTPAPIs []*model.HttpApi
	Warnings []model.Warning
	// Functions are the Lambda functions with local code a template
	// defines, for the function registry.
	Functions []*functions.Function
}

// Load reads the definition in the file at path (for Terraform, a .tf file
// or a directory of them) with the source its kind needs. On error the warnings and kind are still returned; a definition
// error is a model.Errors. The API is nil, without error, for a Terraform
// configuration that defines only HTTP APIs (see LoadDefinition).
func Load(path string) (*model.RestApi, []model.Warning, Kind, error) {
	d, err := LoadDefinition(path, Options{})
	return d.API, d.Warnings, d.Kind, err
}

// LoadDefinition is Load with options, returning the functions a template
// defines too. The Definition is never nil.
func LoadDefinition(path string, opts Options) (*Definition, error) {
	if IsTerraform(path) {
		return loadTerraform(path, opts)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		// A file that cannot be read is reported by the reader of the
		// default kind.
		api, warnings, err := openapi.Load(path)
		return &Definition{Kind: OpenAPI, API: api, Warnings: warnings}, err
	}
	if terraform.IsShowJSON(data) {
		res, err := terraform.ParseShowJSON(path, data, terraform.Options{ParseOpenAPI: openapi.Parse})
		return terraformDefinition(TerraformJSON, res), err
	}
	d := &Definition{Kind: Sniff(data)}
	if d.Kind == OpenAPI {
		d.API, d.Warnings, err = openapi.Parse(path, data)
		return d, err
	}
	res, err := cloudformation.Parse(path, data, cloudformation.Options{Parameters: opts.Parameters, ParseOpenAPI: openapi.Parse})
	d.API, d.Warnings = res.API, res.Warnings
	for _, f := range res.Functions {
		d.Functions = append(d.Functions, registryFunction(f))
	}
	return d, err
}

// registryFunction is the function registry entry of a template's
// function.
func registryFunction(f *model.Function) *functions.Function {
	return &functions.Function{
		Name: f.Name, ARN: f.ARN, Region: f.Region,
		Local: &functions.Local{Command: f.Command, Dir: f.Dir, Env: f.Env, Handler: f.Handler,
			Runtime: f.Runtime, MemoryMB: f.MemoryMB, Timeout: f.Timeout},
		Pos: functions.Pos{File: f.Loc.File, Line: f.Loc.Line},
	}
}

// loadTerraform reads a Terraform configuration.
func loadTerraform(path string, opts Options) (*Definition, error) {
	res, err := terraform.Load(path, terraform.Options{Vars: opts.Parameters, ParseOpenAPI: openapi.Parse})
	return terraformDefinition(Terraform, res), err
}

// terraformDefinition is the Definition of what a Terraform source read.
func terraformDefinition(kind Kind, res *terraform.Result) *Definition {
	d := &Definition{Kind: kind, API: res.API, HTTPAPIs: res.HTTPAPIs, Warnings: res.Warnings}
	for _, f := range res.Functions {
		d.Functions = append(d.Functions, registryFunction(f))
	}
	return d
}
