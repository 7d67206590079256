// Package source holds the interfaces an input source implements, so that
// the engine and the lint facade name sources without linking them: a
// program that lints plain files gives none and links no Helm, Kustomize or
// client-go. engine/source/helm, engine/source/kustomize and
// engine/source/cluster implement them; a new source goes beside them.
package source

import (
	"context"

	"github.com/kubeward/kubeward/engine/load"
)

// Renderer turns an input path that is not plain YAML (a chart folder, a
// kustomization) into objects; load walks the input paths and gives each
// path to the first Renderer that claims it.
type Renderer = load.Renderer

// Reader reads objects from somewhere that is not an input path (a live
// cluster). kinds are those the loaded rules read; a Reader told no kinds
// of its own reads those. The errors are what could not be read (the rest
// is linted); the error is a failure to read anything at all.
type Reader interface {
	Read(ctx context.Context, kinds []string, limits load.Limits) ([]*load.Object, []load.Error, error)
}
