package engine

import (
	"context"
	"maps"
	"slices"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/source/cluster"
	"github.com/kubeward/kubeward/engine/source/helm"
	"github.com/kubeward/kubeward/engine/source/kustomize"
)

// renderers are the sources that turn a folder or archive into objects
// before loading: Helm charts (a folder with Chart.yaml, a .tgz) and
// kustomizations (a folder with kustomization.yaml). A folder that is both is
// a chart.
func (l *Linter) renderers() []load.Renderer {
	return []load.Renderer{helm.Source{Options: l.opts.Helm}, kustomize.Source{}}
}

// ClusterKinds are the kinds a live-cluster scan reads when none are given:
// every kind a rule of the library names (not only the active rules: the
// cross-resource rules look up ServiceAccounts, NetworkPolicies, … in the
// inventory). Rules without kinds apply to any kind, but reading every kind
// a cluster serves (events, leases, …) costs much and adds no finding the
// library can make, so they do not widen the set.
func (l *Linter) ClusterKinds() []string {
	set := map[string]bool{}
	for _, r := range l.library.Rules {
		for _, k := range r.Kinds {
			set[k] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// LintCluster reads a live cluster (opts.Kinds, or ClusterKinds) and
// evaluates what it read. A kind that cannot be read is an error naming it;
// the rest is still evaluated. The read is the whole picture of its scope:
// create the Linter with Complete set, as `kubeward lint --cluster` does.
func (l *Linter) LintCluster(ctx context.Context, opts cluster.Options) (*Result, error) {
	if len(opts.Kinds) == 0 {
		opts.Kinds = l.ClusterKinds()
	}
	read, err := cluster.Read(ctx, opts, l.opts.Limits)
	if err != nil {
		return nil, err
	}
	res := l.LintObjects(ctx, read.Objects)
	res.Errors = append(res.Errors, read.Errors...)
	sortErrors(res.Errors)
	return res, nil
}
