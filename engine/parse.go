package engine

import (
	"context"

	"github.com/kubeward/kubeward/engine/load"
)

// loadOptions are how Lint and Parse read their inputs: one path, so that
// what `kubeward parse` shows is what rules receive.
func (l *Linter) loadOptions() load.Options {
	return load.Options{Limits: l.opts.Limits, Workers: l.opts.Workers, Stdin: l.opts.Stdin, Exclude: l.opts.Exclude, Renderers: l.renderers(), StrictInput: l.opts.StrictInput}
}

// Parse reads paths as Lint does (charts rendered, kustomizations built,
// Lists expanded, live-cluster noise removed) and evaluates nothing: the
// objects are those rules receive as input, with their positions.
func (l *Linter) Parse(ctx context.Context, paths []string) load.Result {
	res := load.Load(ctx, paths, l.loadOptions())
	sortErrors(res.Errors)
	return res
}
