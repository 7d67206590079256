package helm

import "github.com/kubeward/kubeward/engine/source"

// Renderer is the source that renders the charts among a run's inputs with
// opts, for engine.Options.Renderers and lint.Config.Sources.
func Renderer(opts Options) source.Renderer { return Source{Options: opts} }
