package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"archway/internal/jsonvalue"
	"archway/internal/vtl"
	"archway/internal/vtl/apigw"
	"archway/internal/vtl/protocol"
)

type renderFlags struct {
	template  string
	body      string
	params    []string
	context   string
	stageVars []string
	jsonl     bool
}

func newRenderCmd() *cobra.Command {
	var f renderFlags
	cmd := &cobra.Command{
		Use:   "render --template FILE [--body FILE] [--param path.id=42]... [--context FILE.json] [--stage-var k=v]...",
		Short: "Render a mapping template against a sample request",
		Long: `Render a mapping template as API Gateway would and print the output.

With --jsonl, read oracle-protocol requests (one JSON object per line:
id, template, body, params, context, stageVariables, vars, options) on
standard input and answer each with {"id", "output"} or {"id", "error"},
plus "context" when options.returnContext is true.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if f.jsonl {
				return renderJSONL(cmd.InOrStdin(), cmd.OutOrStdout())
			}
			return renderOnce(cmd.OutOrStdout(), &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.template, "template", "", "mapping template file")
	fl.StringVar(&f.body, "body", "", "payload file ($input.body); empty when not given")
	fl.StringArrayVar(&f.params, "param", nil, "method request parameter: path.NAME=V, querystring.NAME=V or header.NAME=V")
	fl.StringVar(&f.context, "context", "", "JSON file with $context members")
	fl.StringArrayVar(&f.stageVars, "stage-var", nil, "stage variable NAME=VALUE")
	fl.BoolVar(&f.jsonl, "jsonl", false, "serve the oracle JSON-lines protocol on stdin/stdout")
	return cmd
}

func renderOnce(out io.Writer, f *renderFlags) error {
	if f.template == "" {
		return errors.New("render: --template is required (or use --jsonl)")
	}
	var err error
	req := &apigw.Request{StageVariables: jsonvalue.NewMap(len(f.stageVars))}
	if req.Params, err = paramsFromFlags(f.params); err != nil {
		return err
	}
	for _, kv := range f.stageVars {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return fmt.Errorf("render: --stage-var %q: expected NAME=VALUE", kv)
		}
		req.StageVariables.Put(k, v)
	}
	src, err := os.ReadFile(f.template)
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	t, err := vtl.Parse(f.template, string(src))
	if err != nil {
		return err
	}
	if f.body != "" {
		if req.Body, err = os.ReadFile(f.body); err != nil {
			return fmt.Errorf("render: %w", err)
		}
	}
	if f.context != "" {
		data, err := os.ReadFile(f.context)
		if err != nil {
			return fmt.Errorf("render: %w", err)
		}
		v, err := jsonvalue.Parse(data)
		if err != nil {
			return fmt.Errorf("render: %s: %w", f.context, err)
		}
		m, ok := apigw.ContextValue(v).(*jsonvalue.Map)
		if !ok {
			return fmt.Errorf("render: %s: expected a JSON object", f.context)
		}
		req.Context = m
	}
	res, err := apigw.NewEngine().Render(nil, t, req)
	if err != nil {
		return err
	}
	_, err = out.Write(res)
	return err
}

// paramsFromFlags turns "path.id=42" style flags into $input.params().
func paramsFromFlags(flags []string) (apigw.Params, error) {
	p := apigw.Params{Path: jsonvalue.NewMap(0), QueryString: jsonvalue.NewMap(0), Header: jsonvalue.NewMap(0)}
	for _, kv := range flags {
		k, v, ok := strings.Cut(kv, "=")
		kind, name, dot := strings.Cut(k, ".")
		if !ok || !dot || name == "" {
			return p, fmt.Errorf("render: --param %q: expected path.NAME=V, querystring.NAME=V or header.NAME=V", kv)
		}
		switch kind {
		case "path":
			p.Path.Put(name, v)
		case "querystring":
			p.QueryString.Put(name, v)
		case "header":
			p.Header.Put(name, v)
		default:
			return p, fmt.Errorf("render: --param %q: unknown location %q (want path, querystring or header)", kv, kind)
		}
	}
	return p, nil
}

func renderJSONL(in io.Reader, out io.Writer) error {
	engine := apigw.NewEngine()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	w := bufio.NewWriter(out)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		w.Write(protocol.Answer(engine, []byte(line)))
		w.WriteByte('\n')
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return sc.Err()
}
