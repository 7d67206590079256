package main

import (
	"github.com/spf13/pflag"

	"github.com/kubeward/kubeward/engine/source/helm"
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
	fl.StringArrayVar(&s.helm.ValuesFiles, "values", nil, "Helm values file for charts among the inputs (repeatable; later files win; -f is --format)")
	fl.StringArrayVar(&s.helm.Set, "set", nil, "Helm value key=value for charts (repeatable, as helm --set)")
	fl.StringArrayVar(&s.helm.SetString, "set-string", nil, "Helm value key=value kept a string (repeatable, as helm --set-string)")
	fl.StringVar(&s.helm.ReleaseName, "release-name", helm.DefaultReleaseName, "Helm release name charts are rendered with")
	fl.StringVarP(&s.helm.Namespace, "namespace", "n", "", "namespace: the release namespace of charts, the namespace --cluster reads (default: the context's, or \"default\")")
	fl.StringVar(&s.helm.KubeVersion, "kube-version", "", "Kubernetes version the input is judged for: the API schema objects are validated against and the removed APIs (default: the newest kubeward embeds), and that charts see in .Capabilities (default there: Helm's)")
	fl.BoolVar(&s.cluster, "cluster", false, "lint the live cluster of the kubeconfig instead of paths (as complete input: see --complete)")
	fl.StringVar(&s.kubeconfig, "kubeconfig", "", "kubeconfig file for --cluster (default: $KUBECONFIG, then ~/.kube/config)")
	fl.StringVar(&s.context, "context", "", "kubeconfig context for --cluster (default: the current one)")
	fl.BoolVarP(&s.allNamespaces, "all-namespaces", "A", false, "with --cluster: every namespace, and the cluster-scoped kinds")
	fl.StringSliceVar(&s.kinds, "kinds", nil, "with --cluster: kinds to read (comma-separated; default: every kind a rule of the library names)")
	fl.BoolVarP(&s.quiet, "quiet", "q", false, "no progress on standard error (it is shown only on a terminal)")
	fl.StringSliceVar(&s.helm.APIVersions, "api-versions", nil, "API versions added to .Capabilities.APIVersions for charts (comma-separated, repeatable)")
}
