package httpbackend

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"slices"

	"go.yaml.in/yaml/v3"
)

// LoadVPCLinks reads a VPC link file: YAML mapping VPC link ids to their
// targets under vpcLinks, for example
//
//	vpcLinks:
//	  abc123: http://127.0.0.1:8080
//	  nlb7: https://10.0.0.5:8443
func LoadVPCLinks(file string) (VPCLinks, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("httpbackend: %w", err)
	}
	return ParseVPCLinks(file, data)
}

// ParseVPCLinks parses the YAML of a VPC link file; file names it in
// errors. Every mistake is reported, each with its file:line and key;
// links are returned only when there is none.
func ParseVPCLinks(file string, data []byte) (VPCLinks, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("httpbackend: %s: %w", file, err)
	}
	links := VPCLinks{}
	if len(doc.Content) == 0 {
		return links, nil // an empty file
	}
	p := linkParser{file: file}
	root := doc.Content[0]
	if isNull(root) {
		return links, nil
	}
	if root.Kind != yaml.MappingNode {
		p.errorf(root, "", "expected a mapping with vpcLinks")
		return nil, p.err()
	}
	var section *yaml.Node
	sectionLine := 0
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch {
		case k.Value != "vpcLinks":
			p.errorf(k, k.Value, "unknown field; expected vpcLinks")
		case section != nil:
			p.errorf(k, k.Value, "already defined at line %d", sectionLine)
		default:
			section, sectionLine = v, k.Line
		}
	}
	if section != nil && !isNull(section) {
		p.links(section, links)
	}
	if len(p.errs) > 0 {
		return nil, p.err()
	}
	return links, nil
}

// linkParser collects the errors of one VPC link file.
type linkParser struct {
	file string
	errs []lineError
}

// lineError is an error on one line of a VPC link file.
type lineError struct {
	line int
	err  error
}

// links adds the links of the vpcLinks mapping n to links.
func (p *linkParser) links(n *yaml.Node, links VPCLinks) {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "vpcLinks", "expected a mapping of VPC link ids to targets, such as abc123: http://127.0.0.1:8080")
		return
	}
	lines := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		path := "vpcLinks." + k.Value
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "vpcLinks", "expected a VPC link id such as abc123 as key")
			continue
		}
		if err := checkLinkID(k.Value); err != nil {
			p.errorf(k, path, "%v", err)
			continue
		}
		if line, dup := lines[k.Value]; dup {
			p.errorf(k, path, "VPC link %s is already defined at line %d", k.Value, line)
			continue
		}
		lines[k.Value] = k.Line
		if v.Kind != yaml.ScalarNode || isNull(v) {
			p.errorf(v, path, "expected the link's target, such as http://127.0.0.1:8080")
			continue
		}
		u, err := parseTarget(v.Value)
		if err != nil {
			p.errorf(v, path, "%v", err)
			continue
		}
		links[k.Value] = u
	}
}

// errorf records an error at n: "file:line: path: message".
func (p *linkParser) errorf(n *yaml.Node, path, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if path != "" {
		msg = path + ": " + msg
	}
	p.errs = append(p.errs, lineError{n.Line, fmt.Errorf("%s:%d: %s", p.file, n.Line, msg)})
}

// err returns the errors recorded, one per line, in line order.
func (p *linkParser) err() error {
	slices.SortStableFunc(p.errs, func(a, b lineError) int { return cmp.Compare(a.line, b.line) })
	errs := make([]error, len(p.errs))
	for i, e := range p.errs {
		errs[i] = e.err
	}
	return fmt.Errorf("httpbackend: invalid VPC link file:\n%w", errors.Join(errs...))
}

// isNull reports whether n is YAML's null (an empty value, ~ or null).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}
