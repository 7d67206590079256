package load

import "time"

// Limits bound what one input may cost. Each has a flag in `kubeward lint`.
type Limits struct {
	// MaxFileSize is the largest file (or stdin stream) read, in bytes.
	MaxFileSize int64
	// MaxDepth is the deepest nesting of mappings and lists in a document.
	MaxDepth int
	// MaxNodes is the most values one file may expand to, over all its
	// documents (aliases included): per document, a file of many documents
	// each just under it would take what it is there to refuse.
	MaxNodes int
	// RenderTimeout bounds rendering one chart or building one kustomization.
	RenderTimeout time.Duration
	// MaxRenderedBytes is the most a chart or kustomization may render to,
	// in bytes; the rendered text is then parsed under the other limits.
	MaxRenderedBytes int64
}

// DefaultLimits are generous for real manifests (the largest rendered chart in
// the test corpus is 2 MB; CRD schemas nest about 30 deep) and small enough
// that a hostile file fails fast.
func DefaultLimits() Limits {
	return Limits{
		MaxFileSize: 32 << 20,
		MaxDepth:    256,
		MaxNodes:    2_000_000,
		// Far above what real input needs and far below a hung CI job:
		// argo-cd's CRD kustomization (1.8 MB) took 5 s on a loaded 2-core
		// machine and over 10 s beside its siblings, so the 10 s of --timeout
		// failed real repositories.
		RenderTimeout: time.Minute,
		// Twice the input file limit: the largest rendered chart of the
		// corpus is 2 MB.
		MaxRenderedBytes: 64 << 20,
	}
}

// WithDefaults fills the limits left zero with DefaultLimits.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = d.MaxFileSize
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = d.MaxDepth
	}
	if l.MaxNodes <= 0 {
		l.MaxNodes = d.MaxNodes
	}
	if l.RenderTimeout <= 0 {
		l.RenderTimeout = d.RenderTimeout
	}
	if l.MaxRenderedBytes <= 0 {
		l.MaxRenderedBytes = d.MaxRenderedBytes
	}
	return l
}
