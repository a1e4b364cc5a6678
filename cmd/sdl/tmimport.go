package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/sdlkit/sdlkit/internal/yamlschema"
	"github.com/sdlkit/sdlkit/threatmodel"
	"github.com/sdlkit/sdlkit/threatmodel/importer"
)

func newTMImportCmd() *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Convert an OWASP Threat Dragon v2 model or a Microsoft Threat Modeling Tool .tm7 file",
		Long: `Import converts a threat model drawn in OWASP Threat Dragon (v2 JSON) or the
Microsoft Threat Modeling Tool (.tm7) into threatmodel.yaml. The format is
detected from the content. What has no place in threatmodel.yaml is listed on
standard error as "not mapped: ...", so nothing is dropped silently.

The model is written to standard output, or to the file -o names; an existing
file is replaced only with --force. Run "sdl threatmodel validate" on the
result: imported models usually miss what the design gates ask for (owners,
review dates, accepted-by and expiry on accepted threats).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTMImport(cmd, args[0], out, force)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write threatmodel.yaml to this file instead of standard output")
	cmd.Flags().BoolVar(&force, "force", false, "replace the -o file if it exists")
	return cmd
}

func runTMImport(cmd *cobra.Command, in, out string, force bool) error {
	data, err := yamlschema.ReadFile(in, threatmodel.MaxBytes)
	if err != nil {
		return usageError(err)
	}
	if out != "" && out != "-" && !force {
		if _, err := os.Lstat(out); err == nil {
			return usageError(fmt.Errorf("%s exists; use --force to replace it", out))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return usageError(fmt.Errorf("%s: %w", out, err))
		}
	}
	m, notes, err := importer.Import(in, data)
	if err != nil {
		return usageError(err)
	}
	var buf bytes.Buffer
	if err := threatmodel.WriteYAML(&buf, m); err != nil {
		return fmt.Errorf("writing the imported model: %w", err)
	}
	if err := writeOutput(cmd, out, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	stderr := cmd.ErrOrStderr()
	for _, n := range notes {
		fmt.Fprintf(stderr, "not mapped: %s\n", n)
	}
	name := out
	if name == "" || name == "-" {
		name = "threatmodel.yaml"
	}
	// The importer's output should always meet the schema; say so plainly
	// if it does not, so the user fixes the file rather than trusting it.
	if _, err := threatmodel.Parse(name, buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "warning: the imported model does not meet the schema yet: %v\n", err)
	}
	fmt.Fprintf(stderr, "imported %d elements, %d boundaries, %d flows, %d threats; %d notes\n",
		len(m.Elements), len(m.Boundaries), len(m.Flows), len(m.Threats), len(notes))
	return nil
}
