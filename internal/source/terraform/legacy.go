package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// legacyMaps are the map arguments Terraform 0.11 configurations may write
// as blocks (request_templates { "application/json" = "..." }).
var legacyMaps = map[string]bool{
	"request_templates": true, "request_parameters": true, "response_templates": true,
	"response_parameters": true, "request_models": true, "response_models": true, "variables": true,
}

// legacyMapBlocks rewrites the 0.11 block form of the map arguments into
// argument form (request_templates = { ... }) by inserting " =" after the
// name, which keeps every line where it was. It returns the ranges of the
// names rewritten, for warnings.
func legacyMapBlocks(src []byte, name string) ([]byte, []hcl.Range) {
	toks, _ := hclsyntax.LexConfig(src, name, hcl.InitialPos)
	var out []byte
	var at []hcl.Range
	last := 0
	lineStart := true
	for i, tok := range toks {
		if lineStart && tok.Type == hclsyntax.TokenIdent && legacyMaps[string(tok.Bytes)] &&
			i+1 < len(toks) && toks[i+1].Type == hclsyntax.TokenOBrace && !isStatusMappingsBlock(toks[i+2:]) {
			end := tok.Range.End.Byte
			out = append(out, src[last:end]...)
			out = append(out, " ="...)
			last = end
			at = append(at, tok.Range)
		}
		// A line comment holds the newline that ends it.
		lineStart = tok.Type == hclsyntax.TokenNewline ||
			tok.Type == hclsyntax.TokenComment && len(tok.Bytes) > 0 && tok.Bytes[len(tok.Bytes)-1] == '\n'
	}
	if at == nil {
		return src, nil
	}
	return append(out, src[last:]...), at
}
