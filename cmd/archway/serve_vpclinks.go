package main

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"archway/internal/integration/httpbackend"
	"archway/internal/model"
)

// vpcLinks builds the VPC link targets of --vpc-links and --vpc-link; the
// flags override the file's entries of the same id.
func vpcLinks(f *serveFlags) (httpbackend.VPCLinks, error) {
	links := httpbackend.VPCLinks{}
	if f.vpcLinksFile != "" {
		var err error
		if links, err = httpbackend.LoadVPCLinks(f.vpcLinksFile); err != nil {
			return nil, fmt.Errorf("serve: --vpc-links: %w", err)
		}
	}
	for _, l := range f.vpcLinks {
		if err := links.ParseVPCLink(l); err != nil {
			return nil, fmt.Errorf("serve: --vpc-link: %w", err)
		}
	}
	return links, nil
}

// stageVariableRef is a ${stageVariables.NAME} reference.
var stageVariableRef = regexp.MustCompile(`\$\{stageVariables\.([^}]*)\}`)

// checkVPCLinks checks the VPC links of the HTTP and HTTP_PROXY
// integrations of d against links, with the stage variables d is served
// with: a connectionId naming a link that links does not configure is an
// error; one whose stage variables leave it empty is a warning (every
// call answers 500, as on AWS).
func checkVPCLinks(d *definition, links httpbackend.VPCLinks, f *serveFlags) (model.Errors, []model.Warning) {
	var errs model.Errors
	var ws []model.Warning
	for _, r := range d.api.Resources {
		for _, m := range r.Methods {
			in := m.Integration
			if in == nil || in.ConnectionType != model.ConnectionVPCLink ||
				(in.Type != model.IntegrationHTTP && in.Type != model.IntegrationHTTPProxy) {
				continue
			}
			loc := in.Src.Field("connectionId")
			id, undefined := expandStageVariables(in.ConnectionID, d)
			switch {
			case id == "":
				fix := ""
				if undefined != "" {
					fix = fmt.Sprintf(" (stage variable %s is not defined; set it with --stage-var %s=ID)", undefined, undefined)
				}
				ws = append(ws, model.Warning{Loc: loc, Message: fmt.Sprintf(
					`%s %s: connectionId %s is empty in stage %s%s: every call answers 500 {"message": "Internal server error"}`,
					m.HTTPMethod, r.Path, in.ConnectionID, d.plan.Stage, fix)})
			case links[id] == nil:
				what := "VPC link " + strconv.Quote(id)
				if id != in.ConnectionID {
					what += fmt.Sprintf(" (connectionId %s in stage %s)", in.ConnectionID, d.plan.Stage)
				}
				errs = append(errs, &model.Error{Loc: loc, Message: fmt.Sprintf(
					"%s %s: %s has no target: configure it with --vpc-link %s=URL or %s",
					m.HTTPMethod, r.Path, what, id, vpcLinkFileHint(f))})
			}
		}
	}
	return errs, ws
}

// expandStageVariables replaces the ${stageVariables.NAME} references of
// s with the values of the stage d is served with, an undefined one with
// "" as at request time; undefined is the first undefined name.
func expandStageVariables(s string, d *definition) (expanded, undefined string) {
	expanded = stageVariableRef.ReplaceAllStringFunc(s, func(ref string) string {
		name := stageVariableRef.FindStringSubmatch(ref)[1]
		for _, v := range d.plan.StageVariables {
			if v.Name == name {
				return v.Value
			}
		}
		if undefined == "" {
			undefined = name
		}
		return ""
	})
	return expanded, undefined
}

// vpcLinkFileHint says where else a VPC link can be configured.
func vpcLinkFileHint(f *serveFlags) string {
	if f.vpcLinksFile != "" {
		return "under vpcLinks in " + f.vpcLinksFile
	}
	return "under vpcLinks in a --vpc-links file"
}

// appendErrors adds es to err, as one model.Errors when err is one (or
// nil), so that every error prints on its own line, sorted.
func appendErrors(err error, es model.Errors) error {
	if len(es) == 0 {
		return err
	}
	if err == nil {
		return es
	}
	var prev model.Errors
	if errors.As(err, &prev) {
		return append(slices.Clip(prev), es...)
	}
	return errors.Join(err, es)
}
