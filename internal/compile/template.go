package compile

import (
	"errors"
	"fmt"

	"archway/internal/javalang"
	"archway/internal/model"
	"archway/internal/plan"
	"archway/internal/vtl"
)

// templates parses the mapping templates of member field of src.
func (c *compiler) templates(src model.Source, field string, m model.StringMap) plan.Templates {
	var out plan.Templates
	for _, e := range m {
		t := plan.Template{ContentType: e.Key}
		if e.Value != "" {
			l := src.Field(field + "." + e.Key)
			tpl, err := vtl.Parse(l.String(), e.Value)
			if err != nil {
				c.fail(l, templateError(err))
				continue
			}
			t.Template = tpl
		}
		out = append(out, t)
	}
	return out
}

// pattern compiles a selection pattern, a Java regular expression.
func (c *compiler) pattern(l model.Loc, source string) *javalang.Pattern {
	p, err := javalang.Compile(source)
	if err != nil {
		c.fail(l, fmt.Sprintf("invalid selection pattern %q: %v", source, err))
		return nil
	}
	return p
}

// templateError words a template parse error without repeating the
// template's location, which the definition error already gives.
func templateError(err error) string {
	var ve *vtl.Error
	if errors.As(err, &ve) {
		return fmt.Sprintf("invalid mapping template: line %d, column %d: %s", ve.Line, ve.Col, ve.Message)
	}
	return "invalid mapping template: " + err.Error()
}
