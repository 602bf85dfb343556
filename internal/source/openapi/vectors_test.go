package openapi

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// vectorsDir holds the conformance vectors recorded against AWS.
const vectorsDir = "../../../../shared/conformance/vectors"

// placeholderValues are the values this test supplies for the vectors'
// placeholder roles (FORMAT.md section 5).
var placeholderValues = map[string]string{
	"region":               "us-east-1",
	"account_id":           "123456789012",
	"role_name":            "apigw-invoke",
	"lambda_function_name": "fixture",
	"lambda_function_arn":  "arn:aws:lambda:us-east-1:123456789012:function:fixture",
	"http_backend_origin":  "http://127.0.0.1:8080",
	"http_backend_host":    "127.0.0.1:8080",
	"s3_bucket":            "bucket",
	"sqs_queue_name":       "queue",
	"sqs_queue_url":        "http://127.0.0.1:8081/123456789012/queue",
	"dynamodb_table":       "table",
	"kinesis_stream":       "stream",
	"state_machine_arn":    "arn:aws:states:us-east-1:123456789012:stateMachine:machine",
}

type vectorFile struct {
	ID           string            `json:"id"`
	Placeholders map[string]string `json:"placeholders"`
	API          json.RawMessage   `json:"api"`
	Stage        *struct {
		CanarySettings *struct {
			API json.RawMessage `json:"api"`
		} `json:"canarySettings"`
	} `json:"stage"`
}

// vectorAPI is one API definition found in a vector, with its placeholders
// replaced as a conformance runner replaces them.
type vectorAPI struct {
	name string
	data []byte
}

func loadVectorAPIs(t testing.TB) []vectorAPI {
	files, err := filepath.Glob(filepath.Join(vectorsDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("conformance vectors not found in %s", vectorsDir)
	}
	var out []vectorAPI
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v vectorFile
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		apis := map[string]json.RawMessage{"api": v.API}
		if v.Stage != nil && v.Stage.CanarySettings != nil {
			apis["canary"] = v.Stage.CanarySettings.API
		}
		for which, raw := range apis {
			if len(raw) == 0 {
				continue
			}
			text := string(raw)
			for token, role := range v.Placeholders {
				if val, ok := placeholderValues[role]; ok {
					text = strings.ReplaceAll(text, token, val)
				}
			}
			out = append(out, vectorAPI{name: v.ID + "." + which, data: []byte(text)})
		}
	}
	return out
}

// TestVectorAPIsLoad loads the API of every vector (OpenAPI 3.0.1 as AWS
// exports it): all must load without error.
func TestVectorAPIsLoad(t *testing.T) {
	for _, v := range loadVectorAPIs(t) {
		api, warnings, err := Parse(v.name+".json", v.data)
		if err != nil {
			t.Errorf("%s:\n%v", v.name, err)
			continue
		}
		for _, w := range warnings {
			t.Logf("%s", w)
		}
		if api.RootResource() == nil {
			t.Errorf("%s: no root resource", v.name)
		}
	}
}

// TestVectorCreationOrder checks that integration responses keep the order
// of the document, which is their creation order: with several matching
// selection patterns, AWS picked the first created
// (aws-lambda-selection-pattern-400).
func TestVectorCreationOrder(t *testing.T) {
	var found bool
	for _, v := range loadVectorAPIs(t) {
		if v.name != "aws-lambda-selection-pattern-400.api" {
			continue
		}
		found = true
		api, _, err := Parse(v.name, v.data)
		if err != nil {
			t.Fatal(err)
		}
		got := patterns(api.ResourceByPath("/{statusCode}").Method("GET").Integration)
		want := []string{" -> 200", ".*four hundred.* -> 405", ".+ -> 502", "200 -> 504"}
		check(t, "integration responses", got, want)
	}
	if !found {
		t.Fatal("vector aws-lambda-selection-pattern-400 not found")
	}
}

// TestVectorMethodsMatchOperations checks, for every vector, that each
// operation of the document became a method of the resource of its path.
func TestVectorMethodsMatchOperations(t *testing.T) {
	for _, v := range loadVectorAPIs(t) {
		var doc struct {
			Paths map[string]map[string]json.RawMessage `json:"paths"`
		}
		if err := json.Unmarshal(v.data, &doc); err != nil {
			t.Fatal(err)
		}
		api, _, err := Parse(v.name, v.data)
		if err != nil {
			t.Fatalf("%s: %v", v.name, err)
		}
		for path, item := range doc.Paths {
			res := api.ResourceByPath(path)
			if res == nil {
				t.Errorf("%s: no resource for %s", v.name, path)
				continue
			}
			for key := range item {
				if method, ok := operations[key]; ok && res.Method(method) == nil {
					t.Errorf("%s: no method %s on %s", v.name, method, path)
				}
			}
		}
	}
}
