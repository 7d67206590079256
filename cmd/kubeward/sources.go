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
}

func addSourceFlags(fl *pflag.FlagSet, s *sourceFlags) {
	fl.StringArrayVar(&s.helm.ValuesFiles, "values", nil, "Helm values file for charts among the inputs (repeatable; later files win; -f is --format)")
	fl.StringArrayVar(&s.helm.Set, "set", nil, "Helm value key=value for charts (repeatable, as helm --set)")
	fl.StringArrayVar(&s.helm.SetString, "set-string", nil, "Helm value key=value kept a string (repeatable, as helm --set-string)")
	fl.StringVar(&s.helm.ReleaseName, "release-name", helm.DefaultReleaseName, "Helm release name charts are rendered with")
	fl.StringVarP(&s.helm.Namespace, "namespace", "n", "", "release namespace charts are rendered with (default \"default\")")
	fl.StringVar(&s.helm.KubeVersion, "kube-version", "", "Kubernetes version charts see in .Capabilities (default: Helm's)")
	fl.StringSliceVar(&s.helm.APIVersions, "api-versions", nil, "API versions added to .Capabilities.APIVersions for charts (comma-separated, repeatable)")
}
