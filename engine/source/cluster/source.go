package cluster

import (
	"context"

	"github.com/kubeward/kubeward/engine/load"
)

// Source reads a live cluster for a lint run; it is a source.Reader. When
// Options.Kinds is empty it reads the kinds the loaded rules read.
type Source struct{ Options Options }

// Read implements source.Reader.
func (s Source) Read(ctx context.Context, kinds []string, limits load.Limits) ([]*load.Object, []load.Error, error) {
	opts := s.Options
	if len(opts.Kinds) == 0 {
		opts.Kinds = kinds
	}
	res, err := Read(ctx, opts, limits)
	if err != nil {
		return nil, nil, err
	}
	return res.Objects, res.Errors, nil
}
