package engine

import (
	"github.com/kubeward/kubeward/engine/load"
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
