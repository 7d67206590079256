package lint

import (
	"errors"
	"fmt"

	"github.com/kubeward/kubeward/engine/config"
	"github.com/kubeward/kubeward/engine/load"
)

// Error is the one error type of a run: Result.Errors holds them, and Run
// returns one when the run could not start. File, Line and Column say where
// in the input; an error with no file names the Stage that failed. Code
// names the problems the engine makes itself (engine.Code…). Unwrap gives
// the cause, when there is one.
type Error = load.Error

// Stage is the step of a run an Error comes from.
type Stage = load.Stage

// The stages of a run.
const (
	StageSource   = load.StageSource
	StageLoad     = load.StageLoad
	StagePolicy   = load.StagePolicy
	StageEvaluate = load.StageEvaluate
	StageFilter   = load.StageFilter
	StageReport   = load.StageReport
)

// configError is an error of the configuration (or of a setting it gave),
// at its file and line when it has one.
func configError(file string, line int, err error) *Error {
	var ce *config.Error
	var ces config.Errors
	if errors.As(err, &ces) && len(ces) > 0 {
		// The first problem places the error; the cause holds every one.
		e := &Error{Stage: StageFilter, Code: "config", File: ces[0].File, Line: ces[0].Line, Message: ces[0].Message, Err: err}
		if len(ces) > 1 {
			e.Message += fmt.Sprintf(" (and %d more problems)", len(ces)-1)
		}
		return e
	}
	if errors.As(err, &ce) {
		return &Error{Stage: StageFilter, Code: "config", File: ce.File, Line: ce.Line, Message: ce.Message, Err: err}
	}
	return &Error{Stage: StageFilter, Code: "config", File: file, Line: line, Message: err.Error(), Err: err}
}
