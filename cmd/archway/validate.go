package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"archway/internal/compile"
	"archway/internal/functions"
	"archway/internal/loader"
	"archway/internal/model"
	"archway/internal/plan"
)

func newValidateCmd() *cobra.Command {
	var paramFlags []string
	cmd := &cobra.Command{
		Use:   "validate [--parameter NAME=VALUE]... DEFINITION...",
		Short: "Check API definitions as API Gateway would import and deploy them",
		Long: `Load and compile each definition (OpenAPI, CloudFormation/SAM, Terraform
directories or terraform show -json output;
mapping templates, selection
patterns, parameter mappings) and print every warning and every error, one
per line as FILE:LINE: FIELD: MESSAGE. Exits 0 when every definition is
valid, 1 otherwise.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			params, err := parameters(paramFlags)
			if err != nil {
				return err
			}
			return validate(cmd.OutOrStdout(), files, params)
		},
	}
	cmd.Flags().StringArrayVar(&paramFlags, "parameter", nil, "template parameter (CloudFormation/SAM) or variable (Terraform) NAME=VALUE")
	return cmd
}

// validate prints the problems of each definition and a verdict per file,
// and fails when any definition is invalid.
func validate(out io.Writer, files []string, params map[string]string) error {
	invalid := 0
	for _, file := range files {
		d, err := loadDefinition(file, compile.StageConfig{Name: "validate"}, params)
		if err == nil && d.api != nil && len(d.functions) > 0 {
			err = checkDefinedFunctions(d)
		}
		printWarnings(out, d.warnings)
		if err != nil {
			invalid++
			n := printErrors(out, err)
			fmt.Fprintf(out, "%s: invalid%s (%s, %s)\n", file, kindNote(d.kind), count(n, "error"), count(len(d.warnings), "warning"))
			continue
		}
		fmt.Fprintf(out, "%s: valid%s (%s)\n", file, kindNote(d.kind), count(len(d.warnings), "warning"))
	}
	if invalid > 0 {
		return fmt.Errorf("validate: %d of %d definitions are invalid", invalid, len(files))
	}
	return nil
}

// definition is one API definition file loaded and compiled for a stage.
type definition struct {
	file string
	// kind is the kind of definition found (OpenAPI, CloudFormation, SAM).
	kind loader.Kind
	// api is nil for a Terraform configuration that defines only HTTP
	// APIs, which are not served yet.
	api  *model.RestApi
	plan *plan.Plan
	// warnings are the source's warnings and the integrations Archway
	// cannot serve yet, sorted by line.
	warnings []model.Warning
	// functions are the Lambda functions a template defines with local
	// code; serve adds them to its function registry.
	functions []*functions.Function
}

// loadDefinition reads the OpenAPI definition in file and compiles it for
// stage, so that template syntax and selection patterns are checked too.
// The definition is returned with its warnings even when err is not nil;
// err is a model.Errors when the definition itself is wrong. Compilation
// needs a definition the source accepted: template errors show once the
// other errors are fixed.
func loadDefinition(file string, stage compile.StageConfig, params map[string]string) (*definition, error) {
	d := &definition{file: file}
	ld, err := loader.LoadDefinition(file, loader.Options{Parameters: params})
	api := ld.API
	d.kind, d.warnings, d.functions = ld.Kind, ld.Warnings, ld.Functions
	if err != nil {
		return d, err
	}
	if api == nil {
		// A Terraform configuration of HTTP APIs only: loaded and
		// validated (its warnings say so), not served yet.
		return d, nil
	}
	d.api = api
	d.warnings = append(d.warnings, unsupportedIntegrations(api)...)
	model.SortWarnings(d.warnings)
	if d.plan, err = compile.Compile(api, withDefinedStage(api, stage)); err != nil {
		return d, err
	}
	return d, nil
}

// kindNote names the kind of a definition that is not OpenAPI (" SAM
// template", " Terraform configuration"), and is empty for OpenAPI, the
// kind Archway assumes.
func kindNote(k loader.Kind) string {
	switch k {
	case "", loader.OpenAPI:
		return ""
	case loader.Terraform:
		return " Terraform configuration"
	case loader.TerraformJSON:
		return " terraform show -json output"
	}
	return " " + string(k) + " template"
}

// withDefinedStage starts from the variables of the stage the definition
// itself declares under the served name (a CloudFormation Stage, a
// Terraform aws_api_gateway_stage, a SAM StageName); the --stage-var
// flags in stage override them.
func withDefinedStage(api *model.RestApi, stage compile.StageConfig) compile.StageConfig {
	for _, st := range api.Stages {
		if st.Name != stage.Name {
			continue
		}
		vars := append(model.StringMap(nil), st.Variables...)
		for _, k := range stage.Variables.Keys() {
			v, _ := stage.Variables.Get(k)
			vars.Set(k, v)
		}
		stage.Variables = vars
		break
	}
	return stage
}

func printWarnings(out io.Writer, ws []model.Warning) {
	for _, w := range ws {
		fmt.Fprintln(out, "warning:", w.String())
	}
}

// printErrors prints err one definition error per line, sorted by line,
// and returns how many it printed. The continuation lines of a message
// (a regular expression error shows the pattern) are indented with a tab,
// so that every line not indented starts with "file:line:".
func printErrors(out io.Writer, err error) int {
	var es model.Errors
	if !errors.As(err, &es) {
		fmt.Fprintln(out, indentLines(err.Error()))
		return 1
	}
	es = append(model.Errors(nil), es...)
	es.Sort()
	for _, e := range es {
		fmt.Fprintln(out, indentLines(e.Error()))
	}
	return len(es)
}

func indentLines(s string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n\t")
}

// count formats "1 error", "2 errors".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// parameters turns repeated --parameter NAME=VALUE flags into template
// parameter overrides (CloudFormation and SAM).
func parameters(flags []string) (map[string]string, error) {
	if len(flags) == 0 {
		return nil, nil
	}
	params := make(map[string]string, len(flags))
	for _, kv := range flags {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("--parameter %q: expected NAME=VALUE", kv)
		}
		params[k] = v
	}
	return params, nil
}
