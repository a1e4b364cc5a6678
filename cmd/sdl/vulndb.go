package main

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/sdlkit/sdlkit/policy"
	"github.com/sdlkit/sdlkit/scan/vulndb"
)

func newVulndbCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "vulndb",
		Short: "Build and check the local vulnerability database for offline dependency scans",
		Long: `The dependency scan reads the OSV service, or a local copy of the Go
vulnerability database that sdl vulndb update builds from the module
golang.org/x/vulndb, which the Go module proxy serves (so it works where only
the module proxy can be reached). The database lives in --dir, else sdl.yaml's
vulndb.dir, else $SDL_VULNDB, else sdlkit/vulndb in the user cache directory.`,
	}
	cmd.AddCommand(newVulndbUpdateCmd(), newVulndbStatusCmd())
	return cmd
}

func newVulndbUpdateCmd() *cobra.Command {
	var dir, version, from, config string
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Download the Go vulnerability database through the module proxy and build the local database",
		Example: "  sdl vulndb update\n  sdl vulndb update --version v0.0.0-20261105234957-e22db6528018\n" +
			"  sdl vulndb update --from ./osv-records   # a directory of OSV JSON records, for air-gapped machines",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dbDir, err := vulndbDir(dir, config)
			if err != nil {
				return err
			}
			src := from
			if src == "" {
				if src, _, err = vulndb.Fetch(cmd.Context(), version); err != nil {
					return usageError(err)
				}
			} else if version != "" {
				return usageError(fmt.Errorf("--from and --version contradict each other"))
			}
			info, err := vulndb.Build(cmd.Context(), src, dbDir)
			if err != nil {
				return usageError(err)
			}
			w := cmd.OutOrStdout()
			describe(w, info)
			for _, r := range info.Rejected {
				fmt.Fprintf(cmd.ErrOrStderr(), "sdl: left out %s: %s\n", r.File, r.Reason)
			}
			if n := len(info.Rejected); n > 0 {
				fmt.Fprintf(w, "%d records left out (osv-scanner would skip them silently)\n", n)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&dir, "dir", "", "database directory (default: vulndb.dir in sdl.yaml, $SDL_VULNDB, or the user cache)")
	f.StringVar(&version, "version", "", "version of golang.org/x/vulndb to download (default: latest)")
	f.StringVar(&from, "from", "", "build from this directory of OSV JSON records instead of downloading")
	f.StringVar(&config, "config", "", "policy file (default: sdl.yaml found from the current directory)")
	return cmd
}

func newVulndbStatusCmd() *cobra.Command {
	var dir, config string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Check the local vulnerability database: present, every record usable, and not older than sdl.yaml allows",
		Long: `status checks the local database as a scan would before using it, and says
where it is, how many records it holds and of what date. It exits 1 when the
database is missing, unusable, or older than vulndb.maxAgeDays.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pol, err := loadPolicy(config)
			if err != nil {
				return err
			}
			dbDir, err := vulndbDir(dir, config)
			if err != nil {
				return err
			}
			info, err := vulndb.Check(dbDir)
			if err != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "sdl: %v\n", err)
				return failed()
			}
			describe(cmd.OutOrStdout(), info)
			if err := info.CheckAge(time.Duration(pol.Vulndb.MaxAgeDays)*24*time.Hour, time.Now()); err != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "sdl: %v\n", err)
				return failed()
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "database directory (default: vulndb.dir in sdl.yaml, $SDL_VULNDB, or the user cache)")
	cmd.Flags().StringVar(&config, "config", "", "policy file (default: sdl.yaml found from the current directory)")
	return cmd
}

// vulndbDir is --dir, else the policy's vulndb.dir, else the default.
func vulndbDir(flag, config string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	pol, err := loadPolicy(config)
	if err != nil {
		return "", err
	}
	if d := pol.VulndbDir(); d != "" {
		return d, nil
	}
	d, err := vulndb.DefaultDir()
	if err != nil {
		return "", usageError(err)
	}
	return d, nil
}

// describe prints a database's facts, one per line.
func describe(w io.Writer, info *vulndb.Info) {
	src := info.Source
	if src == "" {
		src = "records from a directory"
	}
	fmt.Fprintf(w, "database: %s\nsource:   %s %s\n", info.Path, vulndb.ModulePath, src)
	if !info.SourceTime.IsZero() {
		fmt.Fprintf(w, "date:     %s\n", info.SourceTime.Format(policy.DateLayout))
	} else if !info.Newest.IsZero() {
		fmt.Fprintf(w, "date:     %s (newest record)\n", info.Newest.Format(policy.DateLayout))
	}
	fmt.Fprintf(w, "records:  %d\nsha256:   %s\nbuilt:    %s\n", info.Records, info.SHA256, info.Built.Format(time.RFC3339))
}
