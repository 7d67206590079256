package load

// Limits bound what one input may cost. Each has a flag in `kubeward lint`.
type Limits struct {
	// MaxFileSize is the largest file (or stdin stream) read, in bytes.
	MaxFileSize int64
	// MaxDepth is the deepest nesting of mappings and lists in a document.
	MaxDepth int
	// MaxNodes is the most values one document may expand to (aliases included).
	MaxNodes int
}

// DefaultLimits are generous for real manifests (the largest rendered chart in
// the test corpus is 2 MB; CRD schemas nest about 30 deep) and small enough
// that a hostile file fails fast.
func DefaultLimits() Limits {
	return Limits{
		MaxFileSize: 32 << 20,
		MaxDepth:    256,
		MaxNodes:    2_000_000,
	}
}

func (l Limits) withDefaults() Limits {
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
	return l
}
