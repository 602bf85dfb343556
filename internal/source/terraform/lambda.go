package terraform

import (
	"path/filepath"
	"strings"
	"time"

	"archway/internal/model"
)

// functions returns the aws_lambda_function resources whose code is local
// (filename), for the function registry. A .zip archive is expected to be
// unpacked next to it, in the directory of the same name without .zip.
// Functions without local code, or with a runtime Archway cannot run, are
// reported as warnings.
func (c *config) functions() []*model.Function {
	var out []*model.Function
	for _, r := range c.order {
		if r.typ != typeFunction {
			continue
		}
		a := c.args(r)
		if !a.require("function_name") {
			continue
		}
		name := a.str("function_name")
		file := a.str("filename")
		if file == "" {
			c.warnAt(r.block.TypeRange, r.addr(), "function %s has no local code (filename) and is not run", name)
			continue
		}
		dir := strings.TrimSuffix(file, ".zip")
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(c.dir, dir)
		}
		f := &model.Function{Name: name, Dir: dir, Handler: a.str("handler"), Runtime: a.str("runtime"),
			MemoryMB: a.integer("memory_size"), Region: c.opts.Region, Loc: a.loc()}
		f.ARN = c.object(r, r.block.TypeRange).GetAttr("arn").AsString()
		if s := a.integer("timeout"); s > 0 {
			f.Timeout = time.Duration(s) * time.Second
		}
		if env, ok := a.sub("environment"); ok {
			for _, e := range env.strMap("variables", &model.Source{}, "variables") {
				f.Env = append(f.Env, e.Key+"="+e.Value)
			}
		}
		if err := f.SetCommand(); err != nil {
			c.warnAt(r.block.TypeRange, r.addr(), "%s", err)
			continue
		}
		out = append(out, f)
	}
	return out
}
