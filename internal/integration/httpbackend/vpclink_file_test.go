package httpbackend_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"archway/internal/integration/httpbackend"
)

func TestParseVPCLinks(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want map[string]string // id → target, when valid
		errs []string          // the error lines, in order, when not
	}{
		{
			name: "links",
			yaml: "vpcLinks:\n  abc123: http://127.0.0.1:8080\n  nlb7: https://10.0.0.5:8443/\n  q: \"http://[::1]:9000\"\n",
			want: map[string]string{"abc123": "http://127.0.0.1:8080", "nlb7": "https://10.0.0.5:8443", "q": "http://[::1]:9000"},
		},
		{name: "empty file", yaml: "", want: map[string]string{}},
		{name: "comment only", yaml: "# nothing yet\n", want: map[string]string{}},
		{name: "no links", yaml: "vpcLinks:\n", want: map[string]string{}},
		{name: "empty mapping", yaml: "vpcLinks: {}\n", want: map[string]string{}},
		{
			name: "every mistake at once",
			yaml: "vpcLinks:\n" +
				"  abc123: ftp://x\n" +
				"  nlb7:\n" +
				"  path: http://h:1/base\n" +
				"  nested: {url: http://h:1}\n" +
				"  abc123: http://h:2\n" +
				"  ${stageVariables.link}: http://h:3\n" +
				"  ok: http://h:4\n" +
				"links: {}\n",
			errs: []string{
				`links.yaml:2: vpcLinks.abc123: target "ftp://x": expected http://host:port or https://host:port`,
				`links.yaml:3: vpcLinks.nlb7: expected the link's target, such as http://127.0.0.1:8080`,
				`links.yaml:4: vpcLinks.path: target "http://h:1/base": expected http://host:port or https://host:port`,
				`links.yaml:5: vpcLinks.nested: expected the link's target, such as http://127.0.0.1:8080`,
				`links.yaml:6: vpcLinks.abc123: VPC link abc123 is already defined at line 2`,
				`links.yaml:7: vpcLinks.${stageVariables.link}: expected a VPC link id such as abc123`,
				`links.yaml:9: links: unknown field; expected vpcLinks`,
			},
		},
		{
			name: "links not a mapping",
			yaml: "vpcLinks:\n  - abc123=http://h:1\n",
			errs: []string{`links.yaml:2: vpcLinks: expected a mapping of VPC link ids to targets, such as abc123: http://127.0.0.1:8080`},
		},
		{
			name: "document not a mapping",
			yaml: "- abc123\n",
			errs: []string{`links.yaml:1: expected a mapping with vpcLinks`},
		},
		{
			name: "section twice",
			yaml: "vpcLinks: {a: http://h:1}\nvpcLinks: {b: http://h:2}\n",
			errs: []string{`links.yaml:2: vpcLinks: already defined at line 1`},
		},
		{
			name: "not YAML",
			yaml: "vpcLinks: [\n",
			errs: []string{`httpbackend: links.yaml: yaml: line 1: did not find expected node content`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			links, err := httpbackend.ParseVPCLinks("links.yaml", []byte(tc.yaml))
			if tc.errs != nil {
				if err == nil {
					t.Fatalf("no error; links %v", links)
				}
				if links != nil {
					t.Errorf("links %v returned with an error", links)
				}
				lines := strings.Split(strings.TrimPrefix(err.Error(), "httpbackend: invalid VPC link file:\n"), "\n")
				if !reflect.DeepEqual(lines, tc.errs) {
					t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(tc.errs, "\n"))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for id, u := range links {
				got[id] = u.String()
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("links = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestLoadVPCLinks(t *testing.T) {
	file := filepath.Join(t.TempDir(), "links.yaml")
	if err := os.WriteFile(file, []byte("vpcLinks:\n  abc123: http://127.0.0.1:8080\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	links, err := httpbackend.LoadVPCLinks(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := links["abc123"].String(); got != "http://127.0.0.1:8080" {
		t.Errorf("abc123 → %s", got)
	}
	if _, err := httpbackend.LoadVPCLinks(file + ".missing"); err == nil || !strings.Contains(err.Error(), "links.yaml.missing") {
		t.Errorf("missing file: %v", err)
	}
}
