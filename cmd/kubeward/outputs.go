package main

import (
	"os"

	"github.com/kubeward/kubeward/engine/config"
)

// checkOutputs refuses, before anything is read, a report (-o, or a
// --format FORMAT=FILE) or baseline (--write-baseline) that would overwrite
// a file the run reads: an input, the configuration, a policy or data file, a values file, the baseline
// read. Files are compared with os.SameFile, so another spelling of the
// path or a link to the file is caught too. Two exceptions are deliberate:
// --write-baseline may be the --baseline file (refreshing a baseline in
// place: it is read after it is written, so that run reports no new
// finding), and an output inside an input folder is allowed (the report is
// written after the folder is read; `kubeward lint . -o kubeward.json` is
// common and not a manifest).
func checkOutputs(f *lintFlags, args []string, cfg *config.Config) error {
	type read struct{ path, what string }
	var inputs []read
	for _, a := range args {
		inputs = append(inputs, read{a, "an input"})
	}
	if cfg != nil {
		inputs = append(inputs, read{cfg.File, "the configuration"})
		for _, p := range cfg.Policies {
			inputs = append(inputs, read{p, "a policy file"})
		}
		for _, b := range cfg.Bundles {
			inputs = append(inputs, read{b, "a bundle"})
		}
	}
	for _, p := range f.policies {
		inputs = append(inputs, read{p, "a policy file"})
	}
	for _, p := range f.data {
		inputs = append(inputs, read{p, "a data file"})
	}
	for _, p := range f.bundle.sources {
		inputs = append(inputs, read{p, "a bundle"})
	}
	for _, p := range f.sources.helm.ValuesFiles {
		inputs = append(inputs, read{p, "a values file"})
	}
	const baseline = "the --baseline file"
	inputs = append(inputs, read{f.baseline, baseline})
	outputs := []struct{ path, flag string }{{f.writeBaseline, "--write-baseline"}}
	for _, o := range f.outputs {
		flag := "--format " + o.format + "=" + o.file
		if o.file == f.output {
			flag = "--output"
		}
		outputs = append(outputs, struct{ path, flag string }{o.file, flag})
	}
	for _, o := range outputs {
		if o.path == "" || o.path == "-" {
			continue
		}
		out, err := os.Stat(o.path)
		if err != nil {
			continue // not there yet: it can be no input
		}
		for _, in := range inputs {
			if in.path == "" || in.path == "-" || (o.flag == "--write-baseline" && in.what == baseline) {
				continue
			}
			if st, err := os.Stat(in.path); err == nil && os.SameFile(out, st) {
				return usageError("%s %s would overwrite %s, which is %s of this run: write it elsewhere", o.flag, o.path, in.path, in.what)
			}
		}
	}
	for _, o := range outputs[1:] {
		if o.path == "" || f.writeBaseline == "" {
			continue
		}
		a, err1 := os.Stat(o.path)
		b, err2 := os.Stat(f.writeBaseline)
		if o.path == f.writeBaseline || (err1 == nil && err2 == nil && os.SameFile(a, b)) {
			return usageError("%s and --write-baseline name the same file %s: one would overwrite the other", o.flag, o.path)
		}
	}
	return nil
}
