package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"archway/internal/model"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Options are the values a deployment would supply.
type Options struct {
	// Vars override variable defaults and .tfvars values, as -var does;
	// each value is read as a string.
	Vars map[string]string
	// Region is the provider's region (us-east-1 when empty).
	Region string
	// AccountID is the caller's account (123456789012 when empty).
	AccountID string
	// ParseOpenAPI reads an OpenAPI document (a rest_api body) into an API
	// with its warnings; name is the file name used in messages. Without
	// it, a rest_api with a body is an error. Whoever loads configurations
	// passes openapi.Parse, keeping the sources apart.
	ParseOpenAPI func(name string, data []byte) (*model.RestApi, []model.Warning, error)
}

// Result is what a configuration defines.
type Result struct {
	// API is the REST API, with AWS's defaults applied; nil when the
	// configuration defines only HTTP APIs.
	API *model.RestApi
	// HTTPAPIs are the apigatewayv2 APIs (HTTP and WebSocket), with AWS's
	// defaults applied and validated; they are not served yet.
	HTTPAPIs []*model.HttpApi
	// Functions are the Lambda functions with local code.
	Functions []*model.Function
	// Warnings are what Archway reads but does not honour.
	Warnings []model.Warning
}

// Load reads the configuration at path: a directory, whose .tf files and
// terraform.tfvars / *.auto.tfvars are read, or a single .tf file. When the
// configuration has errors, the Result still carries the warnings and the
// error is a model.Errors listing every error.
func Load(path string, opts Options) (*Result, error) {
	files := map[string][]byte{}
	dir := path
	var names []string
	if st, err := os.Stat(path); err != nil {
		return &Result{}, model.Errors{{Loc: model.Loc{File: path}, Message: err.Error()}}
	} else if st.IsDir() {
		entries, err := os.ReadDir(path)
		if err != nil {
			return &Result{}, model.Errors{{Loc: model.Loc{File: path}, Message: err.Error()}}
		}
		for _, e := range entries {
			n := e.Name()
			if !e.IsDir() && (strings.HasSuffix(n, ".tf") || n == "terraform.tfvars" || strings.HasSuffix(n, ".auto.tfvars")) {
				names = append(names, filepath.Join(path, n))
			}
		}
	} else {
		dir = filepath.Dir(path)
		names = []string{path}
	}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return &Result{}, model.Errors{{Loc: model.Loc{File: n}, Message: err.Error()}}
		}
		files[n] = data
	}
	return Parse(dir, files, opts)
}

// Parse reads configuration files given by name (.tf, terraform.tfvars and
// *.auto.tfvars, the latter applied in name order); dir anchors relative
// paths (file, templatefile, filename, path.module).
func Parse(dir string, files map[string][]byte, opts Options) (*Result, error) {
	c := newConfig(dir, opts)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	var tfvars []string
	for _, n := range names {
		if strings.HasSuffix(n, ".tfvars") {
			tfvars = append(tfvars, n)
			continue
		}
		c.parseFile(n, files[n])
	}
	if len(c.decls) == 0 && len(c.errs) == 0 {
		c.failAt(hcl.Range{Filename: dir}, "", "the configuration defines no resources")
	}
	// terraform.tfvars first, then *.auto.tfvars in name order.
	slices.SortStableFunc(tfvars, func(a, b string) int {
		return boolOrder(filepath.Base(b) == "terraform.tfvars", filepath.Base(a) == "terraform.tfvars")
	})
	for _, n := range tfvars {
		c.readTfvars(n, files[n])
	}
	if len(c.errs) == 0 {
		c.resolveVars()
		c.expandAll()
		// Building every resource first reports cycles once, before
		// they cause other errors.
		for _, r := range c.order {
			c.object(r, r.block.TypeRange)
		}
	}
	return c.result()
}

// result builds what the configuration defines from its built resources,
// unless there were errors: then the Result holds the warnings alone and
// the error every problem, sorted.
func (c *config) result() (*Result, error) {
	res := &Result{}
	if len(c.errs) == 0 {
		res.API = c.buildAPI()
		res.HTTPAPIs = c.httpAPIs()
		res.Functions = c.functions()
	}
	res.Warnings = c.warns
	model.SortWarnings(res.Warnings)
	if len(c.errs) > 0 {
		errs := c.errs.Unique()
		errs.Sort()
		return &Result{Warnings: res.Warnings}, errs
	}
	return res, nil
}

func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// config is one configuration being read.
type config struct {
	dir   string
	opts  Options
	errs  model.Errors
	warns []model.Warning
	funcs map[string]function.Function

	varBlocks map[string]*hclsyntax.Block
	varOrder  []string
	tfvars    map[string]cty.Value
	vars      map[string]cty.Value

	locals     map[string]*hclsyntax.Attribute
	localVals  map[string]cty.Value
	localState map[string]int

	decls     map[string]*decl // by address: type.name
	declOrder []*decl
	resources map[string]*resource // instances by address: type.name[key]
	order     []*resource          // instances, in declaration order
	ids       map[string]*resource // generated id to resource
	stack     []*resource          // resources being built, for cycles
	// noIntegration marks methods whose integration has an error already
	// reported, so that their integration responses do not report it again.
	noIntegration map[*model.Method]bool
}

func newConfig(dir string, opts Options) *config {
	if opts.Region == "" {
		opts.Region = "us-east-1"
	}
	if opts.AccountID == "" {
		opts.AccountID = "123456789012"
	}
	c := &config{dir: dir, opts: opts, varBlocks: map[string]*hclsyntax.Block{}, tfvars: map[string]cty.Value{},
		locals: map[string]*hclsyntax.Attribute{}, localVals: map[string]cty.Value{}, localState: map[string]int{},
		decls: map[string]*decl{}, resources: map[string]*resource{}, ids: map[string]*resource{}, noIntegration: map[*model.Method]bool{}}
	c.funcs = functions(dir)
	return c
}

// failAt records an error at r under path. An argument gets one error:
// the first problem found with it, not the ones it causes.
func (c *config) failAt(r hcl.Range, path, format string, args ...any) {
	if path != "" {
		for _, e := range c.errs {
			if e.Loc.Path == path && e.Loc.File == r.Filename {
				return
			}
		}
	}
	c.errs = append(c.errs, &model.Error{Loc: model.Loc{File: r.Filename, Line: r.Start.Line, Path: path}, Message: fmt.Sprintf(format, args...)})
}

func (c *config) warnAt(r hcl.Range, path, format string, args ...any) {
	c.warns = append(c.warns, model.Warning{Loc: model.Loc{File: r.Filename, Line: r.Start.Line, Path: path}, Message: fmt.Sprintf(format, args...)})
}

// diags records HCL's error diagnostics under path.
func (c *config) diags(ds hcl.Diagnostics, path string) {
	for _, d := range ds {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		var r hcl.Range
		if d.Subject != nil {
			r = *d.Subject
		}
		c.failAt(r, path, "%s", msg)
	}
}

// parseFile reads the top-level blocks of one .tf file.
func (c *config) parseFile(name string, data []byte) {
	data, legacy := legacyMapBlocks(data, name)
	for _, r := range legacy {
		c.warnAt(r, "", "%s is written as a block, as Terraform 0.11 allowed; Terraform 0.12 and later need %s = {...}", r.SliceBytes(data), r.SliceBytes(data))
	}
	f, ds := hclsyntax.ParseConfig(data, name, hcl.InitialPos)
	if ds.HasErrors() {
		c.diags(ds, "")
		return
	}
	body := f.Body.(*hclsyntax.Body)
	for _, a := range body.Attributes {
		c.failAt(a.SrcRange, a.Name, "an argument is not expected here; a configuration holds blocks")
	}
	for _, b := range body.Blocks {
		switch b.Type {
		case "variable":
			if len(b.Labels) != 1 {
				c.failAt(b.TypeRange, "variable", "a variable block has one label, its name")
				continue
			}
			if _, dup := c.varBlocks[b.Labels[0]]; dup {
				c.failAt(b.TypeRange, "var."+b.Labels[0], "duplicate variable declaration")
				continue
			}
			c.varBlocks[b.Labels[0]] = b
			c.varOrder = append(c.varOrder, b.Labels[0])
		case "locals":
			for name, a := range b.Body.Attributes {
				if _, dup := c.locals[name]; dup {
					c.failAt(a.SrcRange, "local."+name, "duplicate local value definition")
					continue
				}
				c.locals[name] = a
			}
		case "resource":
			c.addResource(b)
		case "terraform", "provider", "output", "data", "module", "moved", "import", "check", "removed":
			if b.Type == "module" || b.Type == "data" {
				c.warnAt(b.TypeRange, b.Type, "%s blocks are not read by Archway", b.Type)
			}
		default:
			c.failAt(b.TypeRange, b.Type, "unsupported block type %q", b.Type)
		}
	}
}

// readTfvars reads a .tfvars file: NAME = value lines.
func (c *config) readTfvars(name string, data []byte) {
	f, ds := hclsyntax.ParseConfig(data, name, hcl.InitialPos)
	if ds.HasErrors() {
		c.diags(ds, "")
		return
	}
	attrs, ds := f.Body.JustAttributes()
	c.diags(ds, "")
	for n, a := range attrs {
		v, ds := a.Expr.Value(nil)
		c.diags(ds, "var."+n)
		if _, ok := c.varBlocks[n]; !ok {
			c.warnAt(a.Range, "var."+n, "value for undeclared variable %s", n)
			continue
		}
		c.tfvars[n] = v
	}
}

// resolveVars gives every variable its value: -var, then .tfvars, then the
// default; a variable with none is an error, as terraform plan -input=false
// reports it.
func (c *config) resolveVars() {
	c.vars = map[string]cty.Value{}
	for n := range c.opts.Vars {
		if _, ok := c.varBlocks[n]; !ok {
			c.failAt(hcl.Range{Filename: c.dir}, "var."+n, "a value was given for undeclared variable %s", n)
		}
	}
	for _, n := range c.varOrder {
		b := c.varBlocks[n]
		if s, ok := c.opts.Vars[n]; ok {
			c.vars[n] = cty.StringVal(s)
			continue
		}
		if v, ok := c.tfvars[n]; ok {
			c.vars[n] = v
			continue
		}
		if a, ok := b.Body.Attributes["default"]; ok {
			v, ds := a.Expr.Value(nil)
			c.diags(ds, "var."+n+".default")
			c.vars[n] = v
			continue
		}
		c.failAt(b.TypeRange, "var."+n, "No value for required variable: the root module input variable %q is not set, and has no default value", n)
		c.vars[n] = cty.DynamicVal
	}
}
