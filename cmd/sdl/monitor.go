package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/sdlkit/sdlkit/finding"
	"github.com/sdlkit/sdlkit/internal/version"
	"github.com/sdlkit/sdlkit/policy"
	"github.com/sdlkit/sdlkit/report"
	"github.com/sdlkit/sdlkit/response"
	"github.com/sdlkit/sdlkit/scan/vulndb"
)

func newMonitorCmd() *cobra.Command {
	var (
		format, output, config, dbDir string
		released, today               string
		offline, online               bool
		opts                          response.Options
	)
	cmd := &cobra.Command{
		Use:   "monitor",
		Short: "Re-check released dependencies against new advisories, with fix deadlines (response)",
		Long: `monitor re-checks what was released against the current vulnerability
database: the go.mod and go.sum of a Git tag (default: the latest version tag,
read from the repository without checking it out), an SBOM (CycloneDX or SPDX)
or a go.sum recorded at release.

Each vulnerability gets the bug-bar level and the exceptions of sdl.yaml, and a
fix deadline: the day it was published plus the SLA of its level. Those
disclosed since the release date are listed apart from those already known at
release. The output says which database, of what date, was used.

  no deadline has passed (or all such are excepted)   exit 0
  a vulnerability is past its fix deadline            exit 1
  bad input, or no usable vulnerability database      exit 2`,
		Example: "  sdl monitor\n  sdl monitor --tag v1.4.0 --offline\n  sdl monitor --sbom dist/sbom.cdx.json --format sarif -o monitor.sarif",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkFormat(format, report.FormatText, report.FormatJSON, report.FormatMarkdown, report.FormatSARIF); err != nil {
				return err
			}
			if offline && online {
				return usageError(errors.New("--offline and --online contradict each other"))
			}
			pol, err := loadPolicy(config)
			if err != nil {
				return err
			}
			opts.Policy, opts.Dir = pol, workingDir()
			opts.Today = policy.Today(time.Now())
			if today != "" {
				if opts.Today, err = policy.ParseDate(today); err != nil {
					return usageError(fmt.Errorf("--today: %w", err))
				}
			}
			if released != "" {
				if opts.Released, err = policy.ParseDate(released); err != nil {
					return usageError(fmt.Errorf("--released: %w", err))
				}
			}
			opts.Mode = pol.Vulndb.Mode
			switch {
			case offline:
				opts.Mode = policy.VulndbOffline
			case online:
				opts.Mode = policy.VulndbOnline
			}
			opts.DBDir = dbDir
			if opts.DBDir == "" {
				opts.DBDir = pol.VulndbDir()
			}
			if opts.DBDir == "" {
				if opts.DBDir, err = vulndb.DefaultDir(); err != nil {
					return usageError(err)
				}
			}
			opts.MaxAge = time.Duration(pol.Vulndb.MaxAgeDays) * 24 * time.Hour

			rep, err := response.Check(cmd.Context(), opts)
			if err != nil {
				return usageError(err)
			}
			return publishMonitor(cmd, rep, format, output)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Tag, "tag", "", "the release's Git tag (default: the latest version tag, unless --sbom or --gosum is given)")
	f.StringVar(&opts.SBOM, "sbom", "", "a CycloneDX or SPDX SBOM recorded at release")
	f.StringVar(&opts.GoSum, "gosum", "", "a go.sum recorded at release (its go.mod is used when it sits beside it)")
	f.StringVar(&released, "released", "", "the release date, YYYY-MM-DD (default: the tag's commit date, or the SBOM's timestamp)")
	f.StringVar(&today, "today", "", "the date to judge deadlines on, YYYY-MM-DD (for reproducing a result)")
	f.BoolVar(&offline, "offline", false, "use the local vulnerability database only (vulndb.mode: offline)")
	f.BoolVar(&online, "online", false, "use the OSV service only (vulndb.mode: online)")
	f.StringVar(&dbDir, "vulndb", "", "local vulnerability database directory (default: vulndb.dir, $SDL_VULNDB, or the user cache)")
	f.StringVar(&format, "format", report.FormatText, "output format: text, json, markdown or sarif")
	f.StringVarP(&output, "output", "o", "", "write the output to this file (atomically) instead of stdout")
	f.StringVar(&config, "config", "", "policy file (default: sdl.yaml found from the current directory)")
	return cmd
}

// publishMonitor writes the report, says on stderr which database was used
// and how, appends the Markdown to the GitHub job summary, and exits 1 when
// a deadline has passed.
func publishMonitor(cmd *cobra.Command, rep *response.Report, format, output string) error {
	stderr := cmd.ErrOrStderr()
	for _, n := range rep.Notes {
		fmt.Fprintf(stderr, "sdl: note: %s\n", n)
	}
	toFile := output != "" && output != "-"
	if format != report.FormatText && !toFile {
		fmt.Fprintf(stderr, "sdl: database: %s\n", rep.Database)
	}
	err := writeOutput(cmd, output, func(w io.Writer) error {
		switch format {
		case report.FormatJSON:
			return report.MonitorJSON(w, rep)
		case report.FormatMarkdown:
			return report.MonitorMarkdown(w, rep)
		case report.FormatSARIF:
			return finding.WriteSARIF(w, rep.SARIF(version.String()))
		}
		return report.MonitorText(w, rep)
	})
	if err != nil {
		return usageError(err)
	}
	if toFile {
		if err := report.MonitorText(stderr, rep); err != nil {
			return usageError(err)
		}
	}
	if path := os.Getenv("GITHUB_STEP_SUMMARY"); path != "" {
		if err := appendSummary(path, func(w io.Writer) error { return report.MonitorMarkdown(w, rep) }); err != nil {
			return usageError(err)
		}
	}
	if len(rep.Overdue()) > 0 {
		return failed()
	}
	return nil
}

// appendSummary appends Markdown to the job summary file GitHub Actions
// names.
func appendSummary(path string, markdown func(io.Writer) error) error {
	//sdl:ignore G304,SDL904 -- the summary file GitHub Actions names
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("appending to $GITHUB_STEP_SUMMARY: %w", err)
	}
	if err := markdown(f); err != nil {
		_ = f.Close() // the write error says more
		return fmt.Errorf("appending to $GITHUB_STEP_SUMMARY: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("appending to $GITHUB_STEP_SUMMARY: %w", err)
	}
	return nil
}
