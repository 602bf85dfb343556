package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"archway/internal/compile"
	"archway/internal/loader"
	"archway/internal/model"
	"archway/internal/plan"
)

func newValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate DEFINITION...",
		Short: "Check API definitions as API Gateway would import and deploy them",
		Long: `Load and compile each OpenAPI definition (mapping templates, selection
patterns, parameter mappings) and print every warning and every error, one
per line as FILE:LINE: FIELD: MESSAGE. Exits 0 when every definition is
valid, 1 otherwise.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			return validate(cmd.OutOrStdout(), files)
		},
	}
}

// validate prints the problems of each definition and a verdict per file,
// and fails when any definition is invalid.
func validate(out io.Writer, files []string) error {
	invalid := 0
	for _, file := range files {
		d, err := loadDefinition(file, compile.StageConfig{Name: "validate"})
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
	api  *model.RestApi
	plan *plan.Plan
	// warnings are the source's warnings and the integrations Archway
	// cannot serve yet, sorted by line.
	warnings []model.Warning
}

// loadDefinition reads the OpenAPI definition in file and compiles it for
// stage, so that template syntax and selection patterns are checked too.
// The definition is returned with its warnings even when err is not nil;
// err is a model.Errors when the definition itself is wrong. Compilation
// needs a definition the source accepted: template errors show once the
// other errors are fixed.
func loadDefinition(file string, stage compile.StageConfig) (*definition, error) {
	d := &definition{file: file}
	api, warnings, kind, err := loader.Load(file)
	d.kind, d.warnings = kind, warnings
	if err != nil {
		return d, err
	}
	d.api = api
	d.warnings = append(d.warnings, unsupportedIntegrations(api)...)
	model.SortWarnings(d.warnings)
	if d.plan, err = compile.Compile(api, stage); err != nil {
		return d, err
	}
	return d, nil
}

// kindNote names the kind of a definition that is not OpenAPI (" SAM
// template"), and is empty for OpenAPI, the kind Archway assumes.
func kindNote(k loader.Kind) string {
	if k == "" || k == loader.OpenAPI {
		return ""
	}
	return " " + string(k) + " template"
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
