package cloudformation

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"archway/internal/model"
	"go.yaml.in/yaml/v3"
)

// Options are the values a deployment would supply.
type Options struct {
	// Parameters override the template's parameter defaults, as
	// --parameter-overrides does.
	Parameters map[string]string
	// Region is AWS::Region (us-east-1 when empty).
	Region string
	// AccountID is AWS::AccountId (123456789012 when empty).
	AccountID string
	// StackName is AWS::StackName (the template's file name without its
	// extension when empty).
	StackName string
	// ParseOpenAPI reads an OpenAPI document (a RestApi Body, a SAM
	// DefinitionBody) into an API with its warnings; name is the file name
	// used in messages. Without it, a template with a body is an error.
	// The dependency rule keeps sources apart: whoever loads templates
	// passes openapi.Parse.
	ParseOpenAPI func(name string, data []byte) (*model.RestApi, []model.Warning, error)
	// RestApi is the logical id of the REST API to read when the template
	// defines several; the first one in the template when empty.
	RestApi string
}

// Result is what a template defines.
type Result struct {
	// API is the REST API, with AWS's defaults applied.
	API *model.RestApi
	// Functions are the Lambda functions with local code, in template
	// order, for the function registry.
	Functions []*model.Function
	// SAM reports a template using the AWS::Serverless-2016-10-31
	// transform.
	SAM bool
	// Warnings are what Archway reads but does not honour.
	Warnings []model.Warning
}

// Load reads the template in the file at path. See Parse.
func Load(path string, opts Options) (*Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cloudformation: %w", err)
	}
	return Parse(path, data, opts)
}

// Parse reads a CloudFormation or SAM template in JSON or YAML; name is the
// file name used in messages and anchors local paths (BodyS3Location,
// CodeUri). When the template has errors, the Result still carries the
// warnings and the error is a model.Errors listing every error.
func Parse(name string, data []byte, opts Options) (*Result, error) {
	t := newTemplate(name, opts)
	res := &Result{}
	if root := t.parse(data, ""); root != nil {
		t.read(root)
		if len(t.errs) == 0 {
			res.API = t.buildAPI()
			res.Functions = t.functions()
		}
	}
	res.SAM = t.sam
	res.Warnings = t.warns
	model.SortWarnings(res.Warnings)
	if len(t.errs) > 0 {
		errs := t.errs.Unique()
		errs.Sort()
		res.API, res.Functions = nil, nil
		return res, errs
	}
	return res, nil
}

// template is one template being read.
type template struct {
	file  string
	dir   string
	opts  Options
	errs  model.Errors
	warns []model.Warning
	sam   bool
	depth int
	nodes int // values evaluated, bounded by maxNodes

	params     map[string]*param
	mappings   *yaml.Node
	conditions map[string]*condition
	resources  map[string]*resource
	order      []string // logical ids of resources in template order
	globals    *yaml.Node
}

func newTemplate(name string, opts Options) *template {
	if opts.Region == "" {
		opts.Region = "us-east-1"
	}
	if opts.AccountID == "" {
		opts.AccountID = "123456789012"
	}
	if opts.StackName == "" {
		base := filepath.Base(name)
		opts.StackName = strings.TrimSuffix(base, filepath.Ext(base))
	}
	return &template{
		file: name, dir: filepath.Dir(name), opts: opts,
		params: map[string]*param{}, conditions: map[string]*condition{}, resources: map[string]*resource{},
	}
}

func (t *template) failAt(line int, path, format string, args ...any) {
	t.errs = append(t.errs, &model.Error{Loc: model.Loc{File: t.file, Line: line, Path: path}, Message: fmt.Sprintf(format, args...)})
}

func (t *template) warnAt(line int, path, format string, args ...any) {
	t.warns = append(t.warns, model.Warning{Loc: model.Loc{File: t.file, Line: line, Path: path}, Message: fmt.Sprintf(format, args...)})
}

func (t *template) fail(v val, format string, args ...any) {
	t.failAt(v.line(), v.path, format, args...)
}

func (t *template) warn(v val, format string, args ...any) {
	t.warnAt(v.line(), v.path, format, args...)
}

var yamlErrorLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse reads a JSON or YAML document into a node tree with the short
// forms rewritten, or reports why it cannot.
func (t *template) parse(data []byte, path string) *yaml.Node {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var doc yaml.Node
	if err := yaml.Unmarshal(jsonForYAML(data), &doc); err != nil {
		line, msg := 0, err.Error()
		if m := yamlErrorLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		t.failAt(line, path, "not valid JSON or YAML: %s", msg)
		return nil
	}
	if len(doc.Content) == 0 {
		t.failAt(0, path, "empty document")
		return nil
	}
	root := doc.Content[0]
	t.longForms(root, path)
	return root
}

// jsonForYAML turns the JSON escape \/ that YAML refuses into /, keeping
// everything else (and so every line) as it is.
func jsonForYAML(data []byte) []byte {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' || !bytes.Contains(data, []byte(`\/`)) {
		return data
	}
	return bytes.ReplaceAll(data, []byte(`\/`), []byte(`/`))
}
