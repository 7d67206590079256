package engine

import (
	"context"
	"maps"
	"slices"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/source"
)

// renderers are the sources the caller gave that turn a folder or archive
// into objects before loading (Options.Renderers): the first that claims a
// path renders it.
func (l *Linter) renderers() []load.Renderer {
	return l.opts.Renderers
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

// LintReader reads objects from r (a live cluster: engine/source/cluster),
// asking for ClusterKinds, and evaluates what it read. What r could not read
// is an error of the run; the rest is still evaluated. A live cluster's read
// is the whole picture of its scope: create the Linter with Complete set, as
// `kubeward lint --cluster` does.
func (l *Linter) LintReader(ctx context.Context, r source.Reader) (*Result, error) {
	objs, errs, err := r.Read(ctx, l.ClusterKinds(), l.opts.Limits)
	if err != nil {
		return nil, err
	}
	res := l.LintObjects(ctx, objs)
	res.Errors = append(res.Errors, staged(errs, StageSource)...)
	sortErrors(res.Errors)
	return res, nil
}
