package runtime

import (
	_ "embed" // the Node.js bootstrap
	"strings"
)

// nodeBootstrap is the Runtime API client Archway ships for Node.js
// handlers; NodeCommand runs it with node -e.
//
//go:embed bootstrap.js
var nodeBootstrap string

// IsNode reports whether a Lambda runtime name is a Node.js runtime
// ("nodejs20.x").
func IsNode(runtime string) bool { return strings.HasPrefix(runtime, "nodejs") }

// NodeCommand returns the command that runs a Node.js handler (_HANDLER
// "index.handler", resolved against the working directory) through
// Archway's bootstrap, with the node program found on PATH (or node, when
// not empty).
func NodeCommand(node string) []string {
	if node == "" {
		node = "node"
	}
	return []string{node, "-e", nodeBootstrap}
}
