package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newTMImportCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Convert an OWASP Threat Dragon v2 model or a Microsoft Threat Modeling Tool .tm7 file",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError(errors.New("import is not built yet"))
		},
	}
}
