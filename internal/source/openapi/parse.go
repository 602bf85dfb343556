package openapi

import (
	"fmt"
	"os"
	"regexp"
	"strconv"

	"archway/internal/model"
	"go.yaml.in/yaml/v3"
)

// Load reads the OpenAPI definition in the file at path. See Parse.
func Load(path string) (*model.RestApi, []model.Warning, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("openapi: %w", err)
	}
	return Parse(path, data)
}

// Parse reads an OpenAPI 2.0 or 3.0.x definition in JSON or YAML; name is
// the file name used in messages. It returns the API with AWS's defaults
// applied, the warnings about what Archway does not honour, and, when the
// definition has errors, a model.Errors listing all of them (each
// "file:line: path.to.field: message"), in which case the API is nil.
func Parse(name string, data []byte) (*model.RestApi, []model.Warning, error) {
	r := &reader{file: name}
	api := r.document(data)
	if api != nil {
		api.ApplyDefaults()
		warnings, err := api.Validate()
		r.warns = append(r.warns, warnings...)
		r.addValidationErrors(err)
	}
	warnings := uniqueWarnings(r.warns)
	model.SortWarnings(warnings)
	if len(r.errs) > 0 {
		errs := uniqueErrors(r.errs)
		errs.Sort()
		return nil, warnings, errs
	}
	return api, warnings, nil
}

// uniqueErrors drops repeated errors: a document-wide setting, such as the
// default request validator, is checked once per method.
func uniqueErrors(es model.Errors) model.Errors {
	seen := map[string]bool{}
	out := es[:0]
	for _, e := range es {
		if s := e.Error(); !seen[s] {
			seen[s] = true
			out = append(out, e)
		}
	}
	return out
}

// uniqueWarnings drops repeated warnings.
func uniqueWarnings(ws []model.Warning) []model.Warning {
	seen := map[string]bool{}
	var out []model.Warning
	for _, w := range ws {
		if s := w.String(); !seen[s] {
			seen[s] = true
			out = append(out, w)
		}
	}
	return out
}

// addValidationErrors adds the model's errors, leaving out those about a
// field the reader already reported (the model sees it as missing).
func (r *reader) addValidationErrors(err error) {
	es, ok := err.(model.Errors)
	if !ok {
		return
	}
	reported := map[string]bool{}
	for _, e := range r.errs {
		reported[e.Loc.Path] = true
	}
	for _, e := range es {
		if !reported[e.Loc.Path] {
			r.errs = append(r.errs, e)
		}
	}
}

var yamlErrorLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// document parses the text and reads the OpenAPI object.
func (r *reader) document(data []byte) *model.RestApi {
	if looksLikeJSON(data) {
		data = jsonForYAML(data)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		e := &model.Error{Loc: model.Loc{File: r.file}, Message: "not valid JSON or YAML: " + err.Error()}
		if m := yamlErrorLine.FindStringSubmatch(err.Error()); m != nil {
			e.Loc.Line, _ = strconv.Atoi(m[1])
			e.Message = "not valid JSON or YAML: " + m[2]
		}
		r.errs = append(r.errs, e)
		return nil
	}
	if len(doc.Content) == 0 {
		r.errs = append(r.errs, &model.Error{Loc: model.Loc{File: r.file}, Message: "empty document"})
		return nil
	}
	r.root = value{n: resolve(doc.Content[0]), line: doc.Content[0].Line}
	return r.openAPI(r.root)
}
