package main

import (
	"github.com/spf13/pflag"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/source/helm"
	"github.com/kubeward/kubeward/engine/source/kustomize"
)

// sourceFlags configure the inputs that are rendered before linting.
//
// Helm users type -f for values; on `kubeward lint`, -f stays --format's
// shorthand (it is in the docs, scripts and tests since the first release),
// so values files are given with --values, which has no shorthand.
type sourceFlags struct {
	helm helm.Options

	cluster       bool
	kubeconfig    string
	context       string
	allNamespaces bool
	kinds         []string
	quiet         bool
}

func addSourceFlags(fl *pflag.FlagSet, s *sourceFlags) {
	addChartFlags(fl, &s.helm, "namespace: the release namespace of charts and the namespace of objects that name none; the namespace --cluster reads (default: the context's, or \"default\")")
	fl.BoolVar(&s.cluster, "cluster", false, "lint the live cluster of the kubeconfig instead of paths (as complete input: see --complete)")
	fl.StringVar(&s.kubeconfig, "kubeconfig", "", "kubeconfig file for --cluster (default: $KUBECONFIG, then ~/.kube/config)")
	fl.StringVar(&s.context, "context", "", "kubeconfig context for --cluster (default: the current one)")
	fl.BoolVarP(&s.allNamespaces, "all-namespaces", "A", false, "with --cluster: every namespace, and the cluster-scoped kinds")
	fl.StringSliceVar(&s.kinds, "kinds", nil, "with --cluster: kinds to read (comma-separated; default: every kind a rule of the library names)")
	fl.BoolVarP(&s.quiet, "quiet", "q", false, "no progress on standard error (it is shown only on a terminal)")
}

// inputNamespaceHelp is -n's help for the commands that read only paths
// (parse, explain --input): they have no --cluster to mention.
const inputNamespaceHelp = "namespace: the release namespace of charts and the namespace of objects that name none (default \"default\")"

// addChartFlags are the flags charts among the inputs are rendered with
// (lint, parse, explain --input). namespaceHelp is -n's help, which lint
// extends with what it means for --cluster.
func addChartFlags(fl *pflag.FlagSet, h *helm.Options, namespaceHelp string) {
	fl.StringArrayVar(&h.ValuesFiles, "values", nil, "Helm values file for charts among the inputs (repeatable; later files win; -f is --format)")
	fl.StringArrayVar(&h.Set, "set", nil, "Helm value key=value for charts (repeatable, as helm --set)")
	fl.StringArrayVar(&h.SetString, "set-string", nil, "Helm value key=value kept a string (repeatable, as helm --set-string)")
	fl.StringVar(&h.ReleaseName, "release-name", helm.DefaultReleaseName, "Helm release name charts are rendered with")
	fl.StringVarP(&h.Namespace, "namespace", "n", "", namespaceHelp)
	fl.StringVar(&h.KubeVersion, "kube-version", "", "Kubernetes version the input is judged for: the API schema objects are validated against and the removed APIs (default: the newest kubeward embeds), and that charts see in .Capabilities (default there: Helm's)")
	fl.StringSliceVar(&h.APIVersions, "api-versions", nil, "API versions added to .Capabilities.APIVersions for charts (comma-separated, repeatable)")
}

// renderers are the sources the CLI renders inputs with: charts (with the
// Helm flags) and kustomizations. A folder that is both is a chart.
func (s *sourceFlags) renderers() []load.Renderer {
	return renderersFor(s.helm)
}

// renderersFor are the renderers of a command that takes only the chart
// flags (parse, explain --input).
func renderersFor(h helm.Options) []load.Renderer {
	return []load.Renderer{helm.Renderer(h), kustomize.Renderer()}
}
