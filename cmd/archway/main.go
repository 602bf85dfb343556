// Command archway serves Amazon API Gateway REST API definitions locally,
// exactly as API Gateway would, and gives template authors tools to
// render mapping templates.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	if err := newRootCmd().Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "archway:", err)
		os.Exit(1)
	}
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "archway",
		Short:         "Amazon API Gateway's integration layer as one binary",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newRenderCmd(), newServeCmd(), newValidateCmd())
	return root
}
