package model

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// Function is a Lambda function a definition declares with code on this
// machine (CloudFormation AWS::Lambda::Function or SAM
// AWS::Serverless::Function with a local code path, Terraform
// aws_lambda_function with a local filename): what Archway's function
// registry needs to run it.
type Function struct {
	Name   string
	ARN    string
	Region string
	// Command runs the handler: Dir/bootstrap for provided.* runtimes,
	// Dir/Handler for go1.x; empty for Node.js, which Archway's bootstrap
	// runs.
	Command  []string
	Dir      string   // the code directory
	Env      []string // KEY=VALUE in definition order
	Handler  string
	Runtime  string
	MemoryMB int           // 0: Lambda's default
	Timeout  time.Duration // 0: Lambda's default
	// Loc is where the function is defined.
	Loc Loc
}

// SetCommand sets Command from Runtime, Dir and Handler the way Lambda
// starts each runtime: Dir/bootstrap for provided.*, Dir/Handler for
// go1.x, nothing for nodejs* (Archway's bootstrap runs the handler). It
// fails for a runtime Archway cannot run.
func (f *Function) SetCommand() error {
	switch rt := f.Runtime; {
	case strings.HasPrefix(rt, "provided"):
		f.Command = []string{filepath.Join(f.Dir, "bootstrap")}
	case rt == "go1.x":
		f.Command = []string{filepath.Join(f.Dir, f.Handler)}
	case strings.HasPrefix(rt, "nodejs"):
		f.Command = nil
	default:
		return fmt.Errorf("function %s: runtime %q is not run locally (provided.*, go1.x and nodejs* are)", f.Name, rt)
	}
	return nil
}
