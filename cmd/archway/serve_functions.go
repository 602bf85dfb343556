package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"archway/internal/functions"
	"archway/internal/integration"
	"archway/internal/integration/lambda"
	"archway/internal/model"
)

// loadFunctions builds the function registry of --functions, --function
// and the functions the templates define with local code; nil when there
// are none.
func loadFunctions(f *serveFlags, fromTemplates []*functions.Function) (*functions.Registry, error) {
	if f.functionsFile == "" && len(f.functionDefs) == 0 && len(fromTemplates) == 0 {
		return nil, nil
	}
	var fns []*functions.Function
	if f.functionsFile != "" {
		reg, err := functions.Load(f.functionsFile)
		if err != nil {
			return nil, fmt.Errorf("serve: --functions: %w", err)
		}
		fns = append(fns, reg.Functions()...)
	}
	for _, def := range f.functionDefs {
		fn, err := oneOffFunction(def)
		if err != nil {
			return nil, err
		}
		fns = append(fns, fn)
	}
	// --functions and --function override what a template says of the
	// same function (its code path, typically).
	given := map[string]bool{}
	for _, fn := range fns {
		given[fn.Name] = true
	}
	for _, fn := range fromTemplates {
		if !given[fn.Name] {
			fns = append(fns, fn)
		}
	}
	reg, err := functions.New(fns...)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	return reg, nil
}

// oneOffFunction parses --function NAME=COMMAND: a local handler run as
// COMMAND (split on spaces) in the current directory, with the ARN of the
// registry's default region and account.
func oneOffFunction(def string) (*functions.Function, error) {
	name, command, ok := strings.Cut(def, "=")
	args := strings.Fields(command)
	if !ok || name == "" || len(args) == 0 {
		return nil, fmt.Errorf("serve: --function %q: expected NAME=COMMAND", def)
	}
	return &functions.Function{
		Name:   name,
		Region: functions.DefaultRegion,
		ARN:    "arn:aws:lambda:" + functions.DefaultRegion + ":" + functions.DefaultAccount + ":function:" + name,
		Local:  &functions.Local{Command: args},
		Pos:    functions.Pos{File: "--function " + name},
	}, nil
}

// isLambda reports whether the Lambda invoker serves in: AWS_PROXY, or
// AWS with a Lambda invocation URI.
func isLambda(in *model.Integration) bool {
	return in != nil && (in.Type == model.IntegrationAWSProxy ||
		in.Type == model.IntegrationAWS && strings.Contains(in.URI, ":lambda:path/"))
}

// lambdaIntegrations calls visit for every Lambda integration of api.
func lambdaIntegrations(api *model.RestApi, visit func(m *model.Method, path string)) {
	for _, r := range api.Resources {
		for _, m := range r.Methods {
			if isLambda(m.Integration) {
				visit(m, r.Path)
			}
		}
	}
}

// servedLambdaWarnings drops the "not supported" warnings of the Lambda
// integrations of d, which a function registry serves.
func servedLambdaWarnings(d *definition) {
	if d.api == nil {
		return
	}
	served := map[model.Loc]bool{}
	lambdaIntegrations(d.api, func(m *model.Method, _ string) {
		served[m.Integration.Src.Field("type")] = true
	})
	ws := d.warnings[:0]
	for _, w := range d.warnings {
		if !served[w.Loc] {
			ws = append(ws, w)
		}
	}
	d.warnings = ws
}

// checkFunctions reports every Lambda integration of d whose URI names a
// function the registry does not hold. URIs with stage variables resolve
// per request and are not checked.
func checkFunctions(d *definition, inv *lambda.Invoker, source string) error {
	var errs model.Errors
	lambdaIntegrations(d.api, func(m *model.Method, path string) {
		uri := m.Integration.URI
		if functions.HasStageVariables(uri) {
			return
		}
		if err := inv.Check(uri); err != nil {
			msg := err.Error()
			if errors.Is(err, functions.ErrNotFound) {
				ref, _ := functions.FunctionFromURI(uri)
				msg = fmt.Sprintf("%s %s: function %s is not defined in %s", m.HTTPMethod, path, ref, source)
			}
			errs = append(errs, &model.Error{Loc: m.Integration.Src.Field("uri"), Message: msg})
		}
	})
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// checkDefinedFunctions does for validate what serve does with the
// functions a template defines and no flags: the Lambda integrations are
// served, and each must name one of them.
func checkDefinedFunctions(d *definition) error {
	reg, err := functions.New(d.functions...)
	if err != nil {
		return err
	}
	inv := lambda.New(reg, lambda.Options{Logger: slog.New(slog.DiscardHandler)})
	defer inv.Close()
	servedLambdaWarnings(d)
	return checkFunctions(d, inv, "the definition")
}

// registrySource names where functions come from, for errors.
func registrySource(f *serveFlags) string {
	switch {
	case f.functionsFile != "" && len(f.functionDefs) > 0:
		return f.functionsFile + " or --function"
	case f.functionsFile != "":
		return f.functionsFile
	}
	return "--function"
}

// awsInvoker serves AWS integrations: Lambda invocation URIs through inv;
// AWS service integrations are not served yet.
func awsInvoker(inv *lambda.Invoker) integration.Invoker {
	return integration.InvokerFunc(func(ctx context.Context, req *integration.Request) (*integration.Response, error) {
		if !strings.Contains(req.URI, ":lambda:path/") {
			return nil, errors.New("AWS service integrations are not supported yet: " + req.URI)
		}
		return inv.Invoke(ctx, req)
	})
}
