// Package lint is kubeward's Go API: one call, Run, lints files, folders or
// objects held in memory with the bundled policy library (and your own),
// applies a .kubeward.yaml exactly as `kubeward lint` does, and returns the
// findings and errors.
//
//	res, err := lint.Run(ctx, lint.Config{Paths: []string{"deploy/"}, DiscoverConfig: true})
//	if err != nil {
//		return err // an *Error: the run could not start (bad configuration, policies that do not compile)
//	}
//	for _, f := range res.Findings {
//		fmt.Println(f.Location.File, f.Location.Line, f.Rule.ID, f.Message)
//	}
//	if res.Failed() { … } // what the CLI's exit status would say
//
// # Sources
//
// Plain YAML and JSON files need nothing more. Charts and kustomizations are
// rendered by the sources given in Config.Sources, and a live cluster is
// read by the source.Reader given in Config.Reader:
//
//	import (
//		"github.com/kubeward/kubeward/engine/source"
//		"github.com/kubeward/kubeward/engine/source/cluster"
//		"github.com/kubeward/kubeward/engine/source/helm"
//		"github.com/kubeward/kubeward/engine/source/kustomize"
//	)
//	lint.Config{Paths: paths, Sources: []source.Renderer{helm.Renderer(helm.Options{}), kustomize.Renderer()}}
//	lint.Config{Reader: cluster.Source{Options: cluster.Options{Context: "prod"}}}
//
// A program that imports none of them links no Helm, Kustomize or client-go
// (examples/plainfiles: about 470 packages and 31 MB stripped, against 850
// packages and 72 MB when the engine linked them all).
//
// # Errors
//
// Every problem is an Error (File, Line, Column, Message, Stage, Code, and
// the cause for errors.Is/As). Problems with the input or its evaluation are
// in Result.Errors, and the rest of the input is still linted; an Error
// with no file names the Stage that failed (source, load, policy, evaluate,
// filter, report). Run itself returns an error only when the run cannot
// start.
//
// # Reports
//
// Write renders a Result in the CLI's formats (engine/report):
// lint.Write(w, "json", res, report.Options{}).
package lint
