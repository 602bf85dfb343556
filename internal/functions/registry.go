// Package functions is the function registry: it maps Lambda function
// names and ARNs to where Archway runs them — a local handler process or a
// remote endpoint speaking the Lambda Invoke API — and resolves API Gateway
// integration URIs to registered functions.
//
// The registry file is YAML:
//
//	region: us-east-1            # default region of function ARNs
//	account: "123456789012"      # default account of function ARNs
//	functions:
//	  orders:                    # a function name, or a full function ARN
//	    command: [./bootstrap]   # a list, or a single program path
//	    dir: ./build             # working directory, relative to the file
//	    env: {TABLE: orders}
//	    handler: bootstrap
//	    runtime: provided.al2023
//	    memory: 256              # MB
//	    timeout: 10s             # or a number of seconds
//	    concurrency: 4
//	    queue: 16                # wait for a process, then throttle
//	    idleTimeout: 10m         # stop processes idle this long
//	  web:                       # Node.js: no command, Archway's bootstrap
//	    runtime: nodejs20.x
//	    handler: index.handler
//	    dir: ./web
//	  payments:
//	    endpoint: http://127.0.0.1:9001   # any Lambda-compatible Invoke API
//	    region: eu-west-1
//	  billing:                   # real AWS Lambda (no endpoint); region and account from the ARN
//	    functionName: arn:aws:lambda:eu-west-1:111122223333:function:billing
//
// Remote functions are invoked with the AWS SDK: SigV4-signed with the
// standard credential chain, in the function's region (from its ARN, or
// region), at endpoint or AWS's regional Lambda endpoint.
package functions

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Function is one registered function.
type Function struct {
	// Name is the function name.
	Name string
	// ARN is the unqualified function ARN.
	ARN string
	// Region is the function's region.
	Region string
	// Local is set for a function run as a local process.
	Local *Local
	// Remote is set for a function invoked through a Lambda Invoke API
	// endpoint.
	Remote *Remote
	// Pos is where the function is defined.
	Pos Pos
}

// Local describes a handler run locally.
type Local struct {
	// Command is the program and its arguments; empty for a Node.js
	// runtime, which Archway's bootstrap runs.
	Command []string
	// Dir is the working directory (absolute, or relative to the process).
	Dir string
	// Env holds KEY=VALUE variables in the file's order.
	Env []string
	// Handler is the _HANDLER value.
	Handler string
	// Runtime names the Lambda runtime ("provided.al2023", "nodejs20.x").
	Runtime string
	// MemoryMB is the configured memory (0: Lambda's default).
	MemoryMB int
	// Timeout is the function timeout (0: Lambda's default).
	Timeout time.Duration
	// Concurrency caps the number of processes (0: the host default).
	Concurrency int
	// Queue is how many invocations may wait for a busy function's free
	// process before further ones are throttled (0: none, as Lambda).
	Queue int
	// IdleTimeout stops processes idle this long (0: kept until shutdown).
	IdleTimeout time.Duration
}

// Remote describes a function behind a Lambda Invoke API endpoint.
type Remote struct {
	// Endpoint is the base URL ("https://lambda.us-east-1.amazonaws.com",
	// "http://127.0.0.1:9001"); "" means AWS's regional endpoint.
	Endpoint string
	// FunctionName is the name or ARN sent to the endpoint (the
	// registered ARN when not set). A full ARN also gives the function
	// its region and account.
	FunctionName string
}

// Pos locates a definition in the registry file.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// ErrNotFound is wrapped by lookups of unregistered functions.
var ErrNotFound = errors.New("function not registered")

// Registry holds the registered functions. It is read-only after loading
// and safe for concurrent use.
type Registry struct {
	byName map[string]*Function
}

// New returns a registry of fns (for functions defined by flags or code).
// Names must be unique.
func New(fns ...*Function) (*Registry, error) {
	r := &Registry{byName: map[string]*Function{}}
	for _, f := range fns {
		if err := r.add(f); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (r *Registry) add(f *Function) error {
	if f.Name == "" {
		return errors.New("functions: empty function name")
	}
	if (f.Local == nil) == (f.Remote == nil) {
		return fmt.Errorf("functions: %s: exactly one of a local handler and a remote endpoint is required", f.Name)
	}
	if prev, ok := r.byName[f.Name]; ok {
		return fmt.Errorf("functions: %s: function %s already defined at %s", f.Pos, f.Name, prev.Pos)
	}
	r.byName[f.Name] = f
	return nil
}

// Functions returns the registered functions sorted by name.
func (r *Registry) Functions() []*Function {
	out := make([]*Function, 0, len(r.byName))
	for _, f := range r.byName {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Lookup finds a function by any form the Lambda API accepts: a name
// ("orders"), a partial ARN ("123456789012:function:orders"), a full ARN,
// each optionally qualified (":$LATEST", ":prod"; the qualifier is
// ignored: a local function has one version). A full or partial ARN must
// match the registered ARN's account and region.
func (r *Registry) Lookup(ref string) (*Function, error) {
	name, account, region := splitFunctionRef(ref)
	f, ok := r.byName[name]
	if !ok {
		return nil, fmt.Errorf("functions: %q: %w", ref, ErrNotFound)
	}
	arn := parseARN(f.ARN)
	if account != "" && account != arn.account || region != "" && region != arn.region {
		return nil, fmt.Errorf("functions: %q: %w (registered as %s)", ref, ErrNotFound, f.ARN)
	}
	return f, nil
}

// splitFunctionRef returns the name, account and region of a function
// reference (account and region empty when it does not say).
func splitFunctionRef(ref string) (name, account, region string) {
	parts := strings.Split(ref, ":")
	switch {
	case len(parts) >= 7 && parts[0] == "arn": // arn:aws:lambda:region:account:function:name[:qualifier]
		return parts[6], parts[4], parts[3]
	case len(parts) >= 3 && parts[1] == "function": // account:function:name[:qualifier]
		return parts[2], parts[0], ""
	default: // name[:qualifier]
		return parts[0], "", ""
	}
}

type arnParts struct{ region, account string }

func parseARN(arn string) arnParts {
	parts := strings.Split(arn, ":")
	if len(parts) < 7 {
		return arnParts{}
	}
	return arnParts{region: parts[3], account: parts[4]}
}
