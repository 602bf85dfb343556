package terraform

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// encodingFunctions are the hashing and base64 functions Lambda
// configurations use (source_code_hash = filebase64sha256("f.zip")).
// Relative file names are read from dir.
func encodingFunctions(dir string) map[string]function.Function {
	readBytes := func(name string) ([]byte, error) {
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, name)
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("no file exists at %s", name)
		}
		return data, nil
	}
	sum := func(b []byte) []byte { s := sha256.Sum256(b); return s[:] }
	fromString := func(f func(string) (string, error)) function.Function {
		return function.New(&function.Spec{
			Params: []function.Parameter{{Name: "str", Type: cty.String}},
			Type:   function.StaticReturnType(cty.String),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				s, err := f(args[0].AsString())
				if err != nil {
					return cty.NilVal, err
				}
				return cty.StringVal(s), nil
			},
		})
	}
	return map[string]function.Function{
		"base64encode": fromString(func(s string) (string, error) {
			return base64.StdEncoding.EncodeToString([]byte(s)), nil
		}),
		"base64decode": fromString(func(s string) (string, error) {
			b, err := base64.StdEncoding.DecodeString(s)
			if err != nil {
				return "", fmt.Errorf("failed to decode base64 data %q", s)
			}
			if !utf8.Valid(b) {
				return "", fmt.Errorf("the result of decoding the provided string is not valid UTF-8")
			}
			return string(b), nil
		}),
		"sha256": fromString(func(s string) (string, error) {
			return hex.EncodeToString(sum([]byte(s))), nil
		}),
		"base64sha256": fromString(func(s string) (string, error) {
			return base64.StdEncoding.EncodeToString(sum([]byte(s))), nil
		}),
		"filebase64": fromString(func(name string) (string, error) {
			b, err := readBytes(name)
			return base64.StdEncoding.EncodeToString(b), err
		}),
		"filebase64sha256": fromString(func(name string) (string, error) {
			b, err := readBytes(name)
			return base64.StdEncoding.EncodeToString(sum(b)), err
		}),
	}
}
