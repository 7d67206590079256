package engine

import (
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/source/helm"
)

// renderers are the sources that turn a folder or archive into objects
// before loading: Helm charts (a folder with Chart.yaml, a .tgz).
func (l *Linter) renderers() []load.Renderer {
	return []load.Renderer{helm.Source{Options: l.opts.Helm}}
}
