package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sdlkit/sdlkit/templates"
)

func newInitCmd() *cobra.Command {
	var (
		model string
		force bool
	)
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write the starter files: sdl.yaml, threatmodel.yaml, SECURITY.md and the GitHub workflows (requirements phase)",
		Long: `init writes, in DIR (default: the current directory, which should be the
repository root):

  sdl.yaml                           the policy: bug bar, gates, SLAs (docs/policy.md)
  threatmodel.yaml                   a starter threat model (--template webapi, saas or cicd)
  SECURITY.md                        the response plan, with placeholders to fill in
  .github/workflows/sdl.yml          the gates of every change
  .github/workflows/sdl-monitor.yml  the daily check of the latest release

It writes nothing when any of them exists, unless --force is given.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) > 0 {
				dir = args[0]
			}
			files, err := templates.Files(model)
			if err != nil {
				return usageError(err)
			}
			written, err := templates.Write(dir, files, force)
			if err != nil {
				return usageError(err)
			}
			for _, p := range written {
				fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", p)
			}
			fmt.Fprintln(cmd.OutOrStdout(), "next: describe your system in threatmodel.yaml, fill in SECURITY.md's CHANGE-ME placeholders, then run sdl check")
			return nil
		},
	}
	cmd.Flags().StringVar(&model, "template", templates.DefaultThreatModel, "starter threat model: webapi, saas or cicd")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite files that exist")
	return cmd
}
