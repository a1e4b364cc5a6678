package main

import (
	"github.com/spf13/cobra"

	"github.com/sdlkit/sdlkit/policy"
)

func newPolicyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "policy",
		Short: "Work with the policy file, sdl.yaml (requirements phase)",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of sdl.yaml, for editors",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := cmd.OutOrStdout().Write(policy.Schema())
			return err
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "check [FILE]",
		Short: "Validate sdl.yaml (default: the one found from the current directory)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := ""
			if len(args) == 1 {
				path = args[0]
			}
			pol, err := loadPolicy(path)
			if err != nil {
				return err
			}
			name := pol.File
			if name == "" {
				name = "no sdl.yaml found; the default policy"
			}
			cmd.Printf("%s: ok\n", name)
			return nil
		},
	})
	return cmd
}
