package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"archway/internal/compile"
	"archway/internal/functions"
	"archway/internal/integration"
	"archway/internal/integration/httpbackend"
	"archway/internal/integration/lambda"
	"archway/internal/model"
	"archway/internal/pipeline"
	"archway/internal/plan"
	"archway/internal/server"
)

// servedTypes are the integration types Archway serves without a function
// registry; a method of another type is announced with a warning at
// startup and answers 500 (the pipeline has no invoker for it). A type
// joins this list together with its invoker in pipeline.Options.Invokers
// in serve. With --functions or --function, AWS_PROXY and AWS Lambda
// integrations are served too (serve_functions.go).
var servedTypes = []model.IntegrationType{model.IntegrationMock, model.IntegrationHTTP, model.IntegrationHTTPProxy}

// serveFlags are the options of archway serve.
type serveFlags struct {
	listen          string
	stage           string
	stageVars       []string
	vpcLinks        []string
	vpcLinksFile    string
	functionsFile   string
	functionDefs    []string
	parameters      []string
	shutdownTimeout time.Duration
}

func newServeCmd() *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve [--listen ADDR] [--stage NAME] [--stage-var NAME=VALUE]... [--vpc-links FILE] [--vpc-link ID=URL]... [--functions FILE] [--function NAME=COMMAND]... DEFINITION...",
		Short: "Serve API definitions (OpenAPI, CloudFormation/SAM, Terraform) as API Gateway serves a deployed stage",
		Long: `Load and compile each definition (an OpenAPI file, a CloudFormation or SAM
template, or a Terraform directory) and serve it path-style, as
execute-api does: http://ADDR/STAGE/RESOURCE-PATH.

Each definition is one API on its own listener: the first on --listen, the
next on the port after it, and so on (with port 0, each gets a free port).
The routes are printed at startup, with a warning for everything the
definitions say that Archway does not honour yet.

With --functions FILE (a function registry) or --function NAME=COMMAND,
AWS_PROXY and AWS Lambda integrations invoke the registered functions:
local handlers run as processes under Archway's Lambda Runtime API
(unmodified aws-lambda-go binaries, Node.js handlers), remote ones through
the Lambda Invoke API. An integration URI naming a function the registry
does not define is an error at startup.

HTTP and HTTP_PROXY integrations with connectionType VPC_LINK send their
requests to the target configured for their connectionId: in a --vpc-links
FILE (YAML: vpcLinks mapping ids to http://host:port or https://host:port)
or with --vpc-link ID=URL, which overrides the file. A connectionId naming
a link without a target is an error at startup; ${stageVariables.NAME}
references are resolved with the served stage's variables first.

SIGINT or SIGTERM stops
accepting connections and lets requests in flight finish (at most
--shutdown-timeout); a second signal exits at once.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			// Once the first signal arrived, restore the default action so
			// that a second one ends the process without waiting.
			context.AfterFunc(ctx, stop)
			tuneGC()
			return serve(ctx, cmd.OutOrStdout(), cmd.ErrOrStderr(), &f, files)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.listen, "listen", "127.0.0.1:3000", "address of the first API's listener")
	fl.StringVar(&f.stage, "stage", "dev", "stage name, the first path segment of every URL")
	fl.StringArrayVar(&f.stageVars, "stage-var", nil, "stage variable NAME=VALUE")
	fl.StringArrayVar(&f.parameters, "parameter", nil, "template parameter (CloudFormation/SAM) or variable (Terraform) NAME=VALUE")
	fl.StringArrayVar(&f.vpcLinks, "vpc-link", nil, "VPC link ID=URL: where VPC_LINK integrations with that connectionId send their requests (for example abc123=http://127.0.0.1:8080); overrides --vpc-links")
	fl.StringVar(&f.vpcLinksFile, "vpc-links", "", "VPC link file (YAML): vpcLinks mapping VPC link ids to targets (abc123: http://127.0.0.1:8080)")
	fl.StringVar(&f.functionsFile, "functions", "", "function registry (YAML): the Lambda functions AWS_PROXY and AWS integrations invoke, local handlers or remote endpoints")
	fl.StringArrayVar(&f.functionDefs, "function", nil, "a local Lambda function NAME=COMMAND (for example hello=./bin/hello), besides --functions")
	fl.DurationVar(&f.shutdownTimeout, "shutdown-timeout", server.DefaultShutdownTimeout,
		"how long requests in flight may take to finish after SIGINT or SIGTERM")
	return cmd
}

// serve loads every definition, listens, prints the routes and serves until
// ctx is done. Warnings go to errOut with the log; routes go to out.
func serve(ctx context.Context, out, errOut io.Writer, f *serveFlags, files []string) error {
	stage, err := stageConfig(f)
	if err != nil {
		return err
	}
	links, err := vpcLinks(f)
	if err != nil {
		return err
	}
	params, err := parameters(f.parameters)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	loaded := make([]*definition, len(files))
	errs := make([]error, len(files))
	var templateFns []*functions.Function
	for i, file := range files {
		loaded[i], errs[i] = loadDefinition(file, stage, params)
		templateFns = append(templateFns, loaded[i].functions...)
	}
	reg, err := loadFunctions(f, templateFns)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(errOut, nil))
	var fnInvoker *lambda.Invoker
	if reg != nil {
		fnInvoker = lambda.New(reg, lambda.Options{Logger: log})
		defer fnInvoker.Close()
	}
	defs := make([]*definition, 0, len(files))
	invalid := 0
	for i, d := range loaded {
		err := errs[i]
		if err == nil && d.api == nil {
			// Only HTTP APIs, which its warnings say are not served yet.
			printWarnings(errOut, d.warnings)
			continue
		}
		if fnInvoker != nil {
			servedLambdaWarnings(d)
			if err == nil {
				err = checkFunctions(d, fnInvoker, registrySource(f))
			}
		}
		if errs[i] == nil {
			linkErrs, ws := checkVPCLinks(d, links, f)
			d.warnings = append(d.warnings, ws...)
			model.SortWarnings(d.warnings)
			err = appendErrors(err, linkErrs)
		}
		printWarnings(errOut, d.warnings)
		if err != nil {
			invalid++
			printErrors(errOut, err)
			continue
		}
		defs = append(defs, d)
	}
	if invalid > 0 {
		return fmt.Errorf("serve: %d of %d definitions are invalid; nothing served", invalid, len(files))
	}
	if len(defs) == 0 {
		return fmt.Errorf("serve: the definitions define no REST API; HTTP APIs (apigatewayv2) are loaded and validated but not served yet")
	}

	sites, err := listen(f.listen, len(defs))
	if err != nil {
		return err
	}
	httpInvoker := httpbackend.New(httpbackend.Config{VPCLinks: links})
	defer httpInvoker.Close()
	invokers := map[plan.IntegrationType]integration.Invoker{plan.HTTP: httpInvoker, plan.HTTPProxy: httpInvoker}
	if fnInvoker != nil {
		invokers[plan.AWSProxy] = fnInvoker
		invokers[plan.AWS] = awsInvoker(fnInvoker)
	}
	for i, d := range defs {
		sites[i].Handler = pipeline.New(d.plan, pipeline.Options{Logger: log, Invokers: invokers})
		printRoutes(out, d, baseURL(sites[i].Listener.Addr(), stage.Name))
	}
	fmt.Fprintln(out, "Press CTRL+C to quit")
	return server.Serve(ctx, server.Options{ShutdownTimeout: f.shutdownTimeout, Logger: log}, sites...)
}

// stageConfig builds the stage from the flags, checking its name and
// variables with AWS's rules.
func stageConfig(f *serveFlags) (compile.StageConfig, error) {
	st := model.Stage{Name: f.stage}
	st.Src.SetField("stageName", model.Loc{Path: "--stage"})
	for _, kv := range f.stageVars {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return compile.StageConfig{}, fmt.Errorf("serve: --stage-var %q: expected NAME=VALUE", kv)
		}
		st.Variables.Set(k, v)
		st.Src.SetField("variables."+k, model.Loc{Path: "--stage-var " + k})
	}
	api := &model.RestApi{Stages: []model.Stage{st}}
	if _, err := api.Validate(); err != nil {
		return compile.StageConfig{}, fmt.Errorf("serve: invalid stage:\n%w", err)
	}
	return compile.StageConfig{Name: st.Name, Variables: st.Variables}, nil
}

// unsupportedIntegrations warns about every method whose integration type
// Archway does not serve yet (Lambda ones: without a function registry;
// serve drops those warnings when it has one).
func unsupportedIntegrations(api *model.RestApi) []model.Warning {
	var ws []model.Warning
	for _, r := range api.Resources {
		for _, m := range r.Methods {
			in := m.Integration
			if in == nil || slices.Contains(servedTypes, in.Type) {
				continue
			}
			msg := fmt.Sprintf("integration type %s is not supported yet: %s %s answers 500 {\"message\": \"Internal server error\"}",
				in.Type, m.HTTPMethod, r.Path)
			if isLambda(in) {
				msg = fmt.Sprintf("%s %s calls a Lambda function, and no function is configured (serve --functions FILE or --function NAME=COMMAND): it answers 500 {\"message\": \"Internal server error\"}",
					m.HTTPMethod, r.Path)
			}
			ws = append(ws, model.Warning{Loc: in.Src.Field("type"), Message: msg})
		}
	}
	return ws
}

// listen opens n listeners: the first on addr, the next ones on the
// following ports (or on free ports when addr's port is 0).
func listen(addr string, n int) ([]server.Site, error) {
	host, portName, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("serve: --listen %q: %w", addr, err)
	}
	port, err := net.LookupPort("tcp", portName)
	if err != nil {
		return nil, fmt.Errorf("serve: --listen %q: %w", addr, err)
	}
	sites := make([]server.Site, 0, n)
	for i := range n {
		p := port
		if p != 0 {
			p += i
		}
		ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(p)))
		if err != nil {
			for _, s := range sites {
				s.Listener.Close()
			}
			return nil, fmt.Errorf("serve: %w", err)
		}
		sites = append(sites, server.Site{Listener: ln})
	}
	return sites, nil
}

// baseURL is the URL of the stage served on addr; an unspecified address
// (0.0.0.0, [::]) is shown as localhost.
func baseURL(addr net.Addr, stage string) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/" + stage
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/" + stage
}

// printRoutes prints one line per method, like sam local start-api.
func printRoutes(out io.Writer, d *definition, base string) {
	if d.api.Name != "" {
		fmt.Fprintf(out, "Serving %s from %s%s at %s\n", d.api.Name, d.file, kindNote(d.kind), base)
	} else {
		fmt.Fprintf(out, "Serving %s%s at %s\n", d.file, kindNote(d.kind), base)
	}
	for _, r := range d.plan.Resources {
		for _, m := range r.Methods {
			fmt.Fprintf(out, "Mounting %s %s (%s) at %s%s\n", m.HTTPMethod, r.Path, m.Integration.Type, base, r.Path)
		}
	}
}
