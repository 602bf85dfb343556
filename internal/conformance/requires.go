package conformance

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
)

// knownTags is the closed vocabulary of requires tags (FORMAT.md section 3).
var knownTags = map[string]bool{
	// integration types and targets
	"mock": true, "http": true, "http_proxy": true, "aws_lambda": true, "aws_proxy": true,
	"payload_v2": true, "s3": true, "sqs": true, "dynamodb": true, "kinesis": true,
	"eventbridge": true, "stepfunctions": true, "ssm": true,
	// gateway features
	"vtl": true, "request_parameters": true, "response_parameters": true,
	"selection_pattern": true, "request_override": true, "response_override": true,
	"passthrough_behavior": true, "content_handling": true, "binary_media_types": true,
	"request_validation": true, "gateway_responses": true, "stage_variables": true,
	"canary": true, "routing": true, "trace_id": true, "header_remapping": true,
	"authorizer": true, "integration_timeout": true, "test_invoke": true,
	"test_invoke_log": true, "control_plane": true,
	// runner capabilities
	"client_raw_headers": true, "backend_tls": true, "multi_step": true,
}

// KnownTag reports whether tag belongs to the requires vocabulary.
func KnownTag(tag string) bool { return knownTags[tag] }

// RequiresTag reports whether v lists tag in requires.
func (v *Vector) RequiresTag(tag string) bool {
	for _, t := range v.Requires {
		if t == tag {
			return true
		}
	}
	return false
}

// Missing returns the requires tags of v for which have reports false, in
// the vector's order. A runner skips v when the result is not empty.
func (v *Vector) Missing(have func(tag string) bool) []string {
	var out []string
	for _, t := range v.Requires {
		if !have(t) {
			out = append(out, t)
		}
	}
	return out
}

// KnownFailures is a set of vector ids expected to fail, read from a plain
// text file: one id per line; '#' starts a comment; blank lines are ignored.
type KnownFailures struct {
	lines map[string]int
}

// LoadKnownFailures reads a known-failures file. A missing file is an
// error; duplicate ids and ids containing spaces are errors naming the line.
func LoadKnownFailures(path string) (*KnownFailures, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conformance: %w", err)
	}
	defer f.Close()
	kf := &KnownFailures{lines: map[string]int{}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		id := strings.TrimSpace(line)
		switch {
		case id == "":
			continue
		case strings.ContainsAny(id, " \t"):
			return nil, fmt.Errorf("conformance: %s:%d: %q is not one vector id", path, n, id)
		}
		if first, dup := kf.lines[id]; dup {
			return nil, fmt.Errorf("conformance: %s:%d: %q already listed on line %d", path, n, id, first)
		}
		kf.lines[id] = n
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conformance: %s: %w", path, err)
	}
	return kf, nil
}

// Contains reports whether id is listed.
func (k *KnownFailures) Contains(id string) bool {
	_, ok := k.lines[id]
	return ok
}

// Len returns the number of listed ids.
func (k *KnownFailures) Len() int { return len(k.lines) }

// Stale returns the listed ids that name none of vectors, sorted; a runner
// reports them so the file does not rot.
func (k *KnownFailures) Stale(vectors []*Vector) []string {
	exists := make(map[string]bool, len(vectors))
	for _, v := range vectors {
		exists[v.ID] = true
	}
	var out []string
	for id := range k.lines {
		if !exists[id] {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}
