package httpbackend

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// VPCLinks maps VPC link ids to the targets standing for their network
// load balancers: the scheme and host:port requests through the link are
// sent to. The integration URI still gives the path, the query and the
// Host header, as on AWS.
type VPCLinks map[string]*url.URL

// ParseVPCLink parses "ID=URL" (for example "abc123=http://10.0.0.5:8080")
// and adds the link to l, replacing a link of the same id.
func (l VPCLinks) ParseVPCLink(s string) error {
	id, target, ok := strings.Cut(s, "=")
	if !ok || id == "" {
		return fmt.Errorf("httpbackend: VPC link %q: expected ID=URL", s)
	}
	if err := checkLinkID(id); err != nil {
		return fmt.Errorf("httpbackend: VPC link %q: %w", id, err)
	}
	u, err := parseTarget(target)
	if err != nil {
		return fmt.Errorf("httpbackend: VPC link %s: %w", id, err)
	}
	l[id] = u
	return nil
}

// parseTarget parses the target of a VPC link: an http or https URL with
// a host, and nothing else (the integration URI gives the path).
func parseTarget(target string) (*url.URL, error) {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("target %q: expected http://host:port or https://host:port", target)
	}
	return &url.URL{Scheme: u.Scheme, Host: u.Host}, nil
}

// checkLinkID refuses ids that cannot name a VPC link: empty ones, ones
// with spaces, and stage variable references, which are resolved to an id
// and are no id themselves.
func checkLinkID(id string) error {
	if id == "" || strings.ContainsAny(id, " \t\r\n${}") {
		return errors.New("expected a VPC link id such as abc123")
	}
	return nil
}

// resolve returns the target of VPC link id.
func (l VPCLinks) resolve(id string) (*url.URL, error) {
	if t, ok := l[id]; ok {
		return t, nil
	}
	return nil, fmt.Errorf("httpbackend: unknown VPC link %q: configure its target (--vpc-link %s=URL or --vpc-links FILE)", id, id)
}
