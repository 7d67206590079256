package kustomize

import "github.com/kubeward/kubeward/engine/source"

// Renderer is the source that builds the kustomizations among a run's
// inputs, for engine.Options.Renderers and lint.Config.Sources.
func Renderer() source.Renderer { return Source{} }
