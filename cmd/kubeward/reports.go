package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/engine"
	"github.com/kubeward/kubeward/engine/atomicfile"
	"github.com/kubeward/kubeward/engine/config"
	"github.com/kubeward/kubeward/engine/report"
)

// reportOutput is one report of a run: a format and where it goes ("" is
// standard output).
type reportOutput struct {
	format string
	file   string
}

// planOutputs turns the repeatable --format (FORMAT or FORMAT=FILE) and -o
// into the reports of this run. One run evaluates once and renders every
// report from the same result, so a CI job that wants the log, SARIF and
// JSON pays for one evaluation, not three. A bare FORMAT goes to -o's file,
// or to standard output; at most one may, as two would interleave.
func planOutputs(cmd *cobra.Command, f *lintFlags, cfg *config.Config) ([]reportOutput, error) {
	specs := f.formats
	if !cmd.Flags().Changed("format") {
		// The configuration's format (or the default) stands in for the flag.
		if !contains(report.Formats, f.format) {
			if cfg != nil && cfg.Format == f.format {
				return nil, usageError("%s:%d: format %q is not a report format (one of %s)", cfg.File, cfg.Lines["format"], f.format, strings.Join(report.Formats, ", "))
			}
			return nil, usageError("unknown --format %q (one of %s)", f.format, strings.Join(report.Formats, ", "))
		}
		specs = []string{f.format}
	}
	var outs []reportOutput
	bare, files := -1, map[string]string{}
	for _, spec := range specs {
		format, file, named := strings.Cut(spec, "=")
		if !contains(report.Formats, format) {
			return nil, usageError("unknown --format %q (one of %s, each optionally =FILE)", format, strings.Join(report.Formats, ", "))
		}
		if named && file == "" {
			return nil, usageError("--format %s: no file after '=' (FORMAT=FILE, or FORMAT alone for standard output)", spec)
		}
		if file == "-" {
			file, named = "", false
		}
		if !named {
			if bare >= 0 {
				return nil, usageError("--format %s and --format %s both go to %s: give the others a file (FORMAT=FILE)", outs[bare].format, format, stdoutOr(f.output))
			}
			bare, file = len(outs), f.output
		}
		if file != "" {
			if prev, ok := files[file]; ok {
				return nil, usageError("--format %s and --format %s both write %s: one would overwrite the other", prev, format, file)
			}
			files[file] = format
		}
		outs = append(outs, reportOutput{format: format, file: file})
	}
	if f.output != "" && bare < 0 {
		return nil, usageError("--output %s is where the --format without a file goes, and every --format names its own file: drop -o or a =FILE", f.output)
	}
	return outs, nil
}

func stdoutOr(file string) string {
	if file == "" {
		return "standard output"
	}
	return file
}

// writeReports renders every report before writing any, so that a format
// that fails to render leaves no partial set of reports behind; each file is
// then replaced atomically.
func writeReports(cmd *cobra.Command, f *lintFlags, res *engine.Result) error {
	out := cmd.OutOrStdout()
	rendered := make([][]byte, len(f.outputs))
	for i, o := range f.outputs {
		opts := report.Options{Version: versionString(), ShowSuppressed: f.showSuppressed}
		if o.format == "text" {
			opts.Color = useColor(f.color, out, o.file)
		}
		var buf bytes.Buffer
		if err := report.Write(&buf, o.format, res, opts); err != nil {
			return fmt.Errorf("rendering the %s report: %w", o.format, err)
		}
		rendered[i] = buf.Bytes()
	}
	for i, o := range f.outputs {
		if o.file == "" {
			continue
		}
		if err := atomicfile.Write(o.file, rendered[i], 0o644); err != nil {
			return fmt.Errorf("writing the report: %w", err) // the error names the file
		}
		// The report went to a file; say what it holds where the user looks.
		if o.format != "text" {
			fmt.Fprintf(cmd.ErrOrStderr(), "kubeward: wrote %s report to %s (%d findings, %d errors)\n", o.format, o.file, len(res.Findings), len(res.Errors))
		}
	}
	for i, o := range f.outputs {
		if o.file == "" {
			if _, err := out.Write(rendered[i]); err != nil {
				return err
			}
		}
	}
	return nil
}
