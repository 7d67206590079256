package result

import "github.com/kubeward/kubeward/engine/load"

// Error is a problem with the input or with evaluating it.
type Error = load.Error

// The stages of a run an Error names (load.Stage).
const (
	StageSource   = load.StageSource
	StageLoad     = load.StageLoad
	StagePolicy   = load.StagePolicy
	StageEvaluate = load.StageEvaluate
	StageFilter   = load.StageFilter
	StageReport   = load.StageReport
)

// Codes of the errors the engine makes itself, for programs that tell them
// apart (docs/go-api.md). Errors of the input carry no code: their file and
// line say what is wrong.
const (
	CodeCompile     = "policy-compile"      // the policies do not compile for this input's kinds
	CodeInventory   = "inventory"           // the inventory cross-resource rules read could not be built
	CodeInterrupted = "interrupted"         // the run was cancelled before every object was evaluated
	CodeEmpty       = "empty-input"         // the inputs held no Kubernetes object
	CodePrepare     = "prepare-rules"       // the rules for one kind could not be prepared
	CodeRuleFailed  = "rule-failed"         // a rule failed or timed out on an object
	CodeContract    = "rule-contract"       // a rule returned what the policy contract does not allow
	CodeChanged     = "input-changed"       // a file changed while it was linted
	CodeRefused     = "refused-read"        // a configured path was refused: it leaves the input roots
	CodeBaseline    = "baseline-unreadable" // the baseline file could not be read
)

// Staged sets the stage of the errors that have none (load.Staged).
func Staged(errs []Error, s load.Stage) []Error { return load.Staged(errs, s) }
