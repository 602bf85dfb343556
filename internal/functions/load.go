package functions

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Defaults for ARNs built from function names.
const (
	DefaultRegion  = "us-east-1"
	DefaultAccount = "123456789012"
)

// functionName is the name rule of the Lambda API.
var functionName = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)

// Load reads a registry file. Relative handler directories are resolved
// against the file's directory.
func Load(file string) (*Registry, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("functions: %w", err)
	}
	return Parse(file, data)
}

// Parse parses registry YAML; file names the source in errors and anchors
// relative directories.
func Parse(file string, data []byte) (*Registry, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("functions: %s: %w", file, err)
	}
	r := &Registry{byName: map[string]*Function{}}
	if len(doc.Content) == 0 {
		return r, nil
	}
	// Directories are made absolute: a handler's LAMBDA_TASK_ROOT is
	// absolute on AWS, and its working directory is that directory.
	base, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		base = filepath.Dir(file)
	}
	p := parser{file: file, base: base, region: DefaultRegion, account: DefaultAccount}
	root := doc.Content[0]
	if err := p.expectKind(root, yaml.MappingNode, "", "a mapping"); err != nil {
		return nil, err
	}
	var fns *yaml.Node
	for k, v := range pairs(root) {
		switch k.Value {
		case "region":
			p.region = v.Value
		case "account":
			p.account = v.Value
		case "functions":
			fns = v
		default:
			return nil, p.errorf(k, k.Value, "unknown field; expected region, account or functions")
		}
	}
	if fns == nil {
		return r, nil
	}
	if err := p.expectKind(fns, yaml.MappingNode, "functions", "a mapping of function names to definitions"); err != nil {
		return nil, err
	}
	for k, v := range pairs(fns) {
		f, err := p.function(k, v)
		if err != nil {
			return nil, err
		}
		if err := r.add(f); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// pairs iterates over a mapping node's keys and values.
func pairs(m *yaml.Node) func(yield func(k, v *yaml.Node) bool) {
	return func(yield func(k, v *yaml.Node) bool) {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if !yield(m.Content[i], m.Content[i+1]) {
				return
			}
		}
	}
}

type parser struct {
	file, base      string
	region, account string
}

func (p *parser) errorf(n *yaml.Node, path, format string, args ...any) error {
	return fmt.Errorf("functions: %s:%d: %s: %s", p.file, n.Line, path, fmt.Sprintf(format, args...))
}

func (p *parser) expectKind(n *yaml.Node, kind yaml.Kind, path, what string) error {
	if n.Kind != kind {
		if path == "" {
			path = "document"
		}
		return p.errorf(n, path, "expected %s", what)
	}
	return nil
}

func (p *parser) function(key, def *yaml.Node) (*Function, error) {
	path := "functions." + key.Value
	f := &Function{Pos: Pos{File: p.file, Line: key.Line}, Region: p.region}
	if strings.HasPrefix(key.Value, "arn:") {
		parts := strings.Split(key.Value, ":")
		if len(parts) != 7 || parts[2] != "lambda" || parts[5] != "function" {
			return nil, p.errorf(key, path, "expected a function ARN arn:aws:lambda:{region}:{account}:function:{name}")
		}
		f.Name, f.Region, f.ARN = parts[6], parts[3], key.Value
	} else {
		f.Name = key.Value
	}
	if !functionName.MatchString(f.Name) {
		return nil, p.errorf(key, path, "invalid function name %q (letters, digits, - and _, at most 64)", f.Name)
	}
	if err := p.expectKind(def, yaml.MappingNode, path, "a mapping with command or endpoint"); err != nil {
		return nil, err
	}
	local := &Local{}
	remote := &Remote{}
	isLocal, isRemote, hasRegion := false, false, false
	for k, v := range pairs(def) {
		field := path + "." + k.Value
		var err error
		switch k.Value {
		case "command":
			isLocal = true
			local.Command, err = p.stringList(v, field)
		case "dir":
			isLocal = true
			local.Dir, err = p.str(v, field)
			if err == nil && local.Dir != "" && !filepath.IsAbs(local.Dir) {
				local.Dir = filepath.Join(p.base, local.Dir)
			}
		case "env":
			isLocal = true
			local.Env, err = p.env(v, field)
		case "handler":
			isLocal = true
			local.Handler, err = p.str(v, field)
		case "runtime":
			isLocal = true
			local.Runtime, err = p.str(v, field)
		case "memory":
			local.MemoryMB, err = p.intRange(v, field, 128, 10240)
		case "timeout":
			local.Timeout, err = p.duration(v, field)
		case "concurrency":
			local.Concurrency, err = p.intRange(v, field, 1, 1000)
		case "queue":
			local.Queue, err = p.intRange(v, field, 0, 100000)
		case "idleTimeout":
			var d time.Duration
			if d, err = time.ParseDuration(v.Value); err != nil || d <= 0 || v.Kind != yaml.ScalarNode {
				err = p.errorf(v, field, "expected a positive duration (\"10m\"), got %q", v.Value)
			}
			local.IdleTimeout = d
		case "endpoint":
			isRemote = true
			remote.Endpoint, err = p.str(v, field)
			if err == nil && !strings.HasPrefix(remote.Endpoint, "http://") && !strings.HasPrefix(remote.Endpoint, "https://") {
				err = p.errorf(v, field, "expected an http:// or https:// URL, got %q", remote.Endpoint)
			}
		case "functionName":
			isRemote = true
			remote.FunctionName, err = p.str(v, field)
		case "region":
			hasRegion = true
			f.Region, err = p.str(v, field)
		default:
			err = p.errorf(k, field, "unknown field; expected command, dir, env, handler, runtime, memory, timeout, concurrency, queue, idleTimeout, endpoint, functionName or region")
		}
		if err != nil {
			return nil, err
		}
	}
	switch {
	case isLocal && isRemote:
		return nil, p.errorf(key, path, "a function has either a local handler (command, dir, env) or a remote endpoint (endpoint, functionName), not both")
	case isRemote:
		f.Remote = remote
		if err := p.remoteARN(def, path, f, hasRegion); err != nil {
			return nil, err
		}
	case len(local.Command) == 0 && !strings.HasPrefix(local.Runtime, "nodejs"):
		return nil, p.errorf(key, path, "missing command (a local handler), runtime nodejs* (a Node.js handler run by Archway's bootstrap) or endpoint (a remote function)")
	default:
		f.Local = local
	}
	if f.ARN == "" {
		f.ARN = "arn:aws:lambda:" + f.Region + ":" + p.account + ":function:" + f.Name
	}
	return f, nil
}

// remoteARN takes the region and account of a remote function from its
// functionName when that is a full function ARN: the region it is invoked
// in (unless region says otherwise) and the ARN integration URIs name.
func (p *parser) remoteARN(def *yaml.Node, path string, f *Function, hasRegion bool) error {
	name := f.Remote.FunctionName
	if !strings.HasPrefix(name, "arn:") {
		return nil
	}
	parts := strings.Split(name, ":")
	if len(parts) < 7 || len(parts) > 8 || parts[2] != "lambda" || parts[5] != "function" {
		return p.errorf(def, path+".functionName", "expected a function name or ARN arn:aws:lambda:{region}:{account}:function:{name}[:{qualifier}], got %q", name)
	}
	if hasRegion && f.Region != parts[3] {
		return p.errorf(def, path+".region", "region %s differs from the functionName ARN's %s", f.Region, parts[3])
	}
	f.Region = parts[3]
	if f.ARN == "" {
		f.ARN = "arn:aws:lambda:" + parts[3] + ":" + parts[4] + ":function:" + f.Name
	}
	return nil
}

func (p *parser) str(n *yaml.Node, path string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", p.errorf(n, path, "expected a string")
	}
	return n.Value, nil
}

func (p *parser) stringList(n *yaml.Node, path string) ([]string, error) {
	if n.Kind == yaml.ScalarNode {
		if n.Value == "" {
			return nil, p.errorf(n, path, "expected a program path or a list of arguments")
		}
		return []string{n.Value}, nil
	}
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		return nil, p.errorf(n, path, "expected a program path or a non-empty list of arguments")
	}
	out := make([]string, len(n.Content))
	for i, e := range n.Content {
		s, err := p.str(e, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

func (p *parser) env(n *yaml.Node, path string) ([]string, error) {
	if err := p.expectKind(n, yaml.MappingNode, path, "a mapping of variable names to values"); err != nil {
		return nil, err
	}
	var out []string
	for k, v := range pairs(n) {
		val, err := p.str(v, path+"."+k.Value)
		if err != nil {
			return nil, err
		}
		if k.Value == "" || strings.ContainsAny(k.Value, "=\x00") {
			return nil, p.errorf(k, path, "invalid variable name %q", k.Value)
		}
		out = append(out, k.Value+"="+val)
	}
	return out, nil
}

func (p *parser) intRange(n *yaml.Node, path string, lo, hi int) (int, error) {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil || v < lo || v > hi {
		return 0, p.errorf(n, path, "expected an integer from %d to %d, got %q", lo, hi, n.Value)
	}
	return v, nil
}

// duration accepts a Go duration ("10s", "1m30s") or a number of seconds
// (Lambda's unit), from 1 s to 900 s.
func (p *parser) duration(n *yaml.Node, path string) (time.Duration, error) {
	if n.Kind == yaml.ScalarNode {
		d, err := time.ParseDuration(n.Value)
		if err != nil {
			var secs float64
			secs, err = strconv.ParseFloat(n.Value, 64)
			d = time.Duration(secs * float64(time.Second))
		}
		if err == nil && d >= time.Second && d <= 900*time.Second {
			return d, nil
		}
	}
	return 0, p.errorf(n, path, "expected a duration from 1s to 900s (\"30s\" or a number of seconds), got %q", n.Value)
}
