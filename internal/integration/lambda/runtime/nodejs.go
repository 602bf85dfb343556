package runtime

import (
	_ "embed" // the Node.js bootstrap
	"strings"
)

// nodeBootstrap is the Node.js bootstrap Archway ships; NodeCommand runs
// it with node -e.
//
//go:embed bootstrap.js
var nodeBootstrap string

// IsNode reports whether a Lambda runtime name is a Node.js runtime
// ("nodejs20.x").
func IsNode(runtime string) bool { return strings.HasPrefix(runtime, "nodejs") }

// NodeCommand returns the command that runs a Node.js handler (_HANDLER
// "index.handler", resolved against the working directory) through
// Archway's bootstrap, with the node program found on PATH (or node, when
// not empty). A Pool running this command talks to it with the bootstrap
// protocol (frame.go) rather than the Runtime API.
func NodeCommand(node string) []string {
	if node == "" {
		node = "node"
	}
	return []string{node, "-e", nodeBootstrap}
}

// isBootstrap reports whether a command is NodeCommand's.
func isBootstrap(cmd []string) bool {
	return len(cmd) == 3 && cmd[1] == "-e" && cmd[2] == nodeBootstrap
}
