package engine

import (
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/result"
)

// The stages of a run an Error names (load.Stage).
const (
	StageSource   = result.StageSource
	StageLoad     = result.StageLoad
	StagePolicy   = result.StagePolicy
	StageEvaluate = result.StageEvaluate
	StageFilter   = result.StageFilter
	StageReport   = result.StageReport
)

// Codes of the errors the engine makes itself, for programs that tell them
// apart (docs/go-api.md; engine/result documents each).
const (
	CodeCompile     = result.CodeCompile
	CodeInventory   = result.CodeInventory
	CodeInterrupted = result.CodeInterrupted
	CodeEmpty       = result.CodeEmpty
	CodePrepare     = result.CodePrepare
	CodeRuleFailed  = result.CodeRuleFailed
	CodeContract    = result.CodeContract
	CodeChanged     = result.CodeChanged
	CodeRefused     = result.CodeRefused
	CodeBaseline    = result.CodeBaseline
)

// staged sets the stage of the errors that have none (load.Staged).
func staged(errs []Error, s load.Stage) []Error { return result.Staged(errs, s) }
