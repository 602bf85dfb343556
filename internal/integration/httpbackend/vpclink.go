package httpbackend

import (
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
// and adds the link to l.
func (l VPCLinks) ParseVPCLink(s string) error {
	id, target, ok := strings.Cut(s, "=")
	if !ok || id == "" {
		return fmt.Errorf("httpbackend: VPC link %q: expected ID=URL", s)
	}
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("httpbackend: VPC link %s: target %q: expected http://host:port or https://host:port", id, target)
	}
	l[id] = &url.URL{Scheme: u.Scheme, Host: u.Host}
	return nil
}

// resolve returns the target of VPC link id.
func (l VPCLinks) resolve(id string) (*url.URL, error) {
	if t, ok := l[id]; ok {
		return t, nil
	}
	return nil, fmt.Errorf("httpbackend: unknown VPC link %q: configure its target (--vpc-link %s=URL)", id, id)
}
