package engine

import "github.com/kubeward/kubeward/engine/internal/evaluate"

// PrintLine is the output of one print() call of a rule (Options.Print).
type PrintLine = evaluate.PrintLine
