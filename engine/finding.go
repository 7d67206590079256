// Package engine lints Kubernetes objects with Rego policies: it loads the
// input (engine/load), evaluates every active rule of the library
// (engine/policy) on every object, and returns findings and errors. It never
// prints and never exits; engine/report renders its Result.
//
// The stages of a run are packages of their own under engine/internal
// (evaluate, inventory, filter, resultcache) and the data they pass on is
// engine/result; this package wires them in one direction and names their
// types for callers.
package engine

import "github.com/kubeward/kubeward/engine/result"

// The data model of a run (engine/result), under the names callers use.
type (
	// Finding is one problem one rule found in one object.
	Finding = result.Finding
	// Location is where a finding points.
	Location = result.Location
	// Error is a problem with the input or with evaluating it.
	Error = result.Error
	// Result is the outcome of one lint run.
	Result = result.Result
	// Checked is an object that was evaluated.
	Checked = result.Checked
	// Suppression says why a finding is not reported.
	Suppression = result.Suppression
	// Warning is something the user should fix that is neither a finding
	// nor an error (an expired exception).
	Warning = result.Warning
	// RulesOff is a set of rules the selected profile holds that did not
	// run, and what switched them off.
	RulesOff = result.RulesOff
)

// Kinds of suppression (Suppression.Kind).
const (
	SuppressedByException  = result.SuppressedByException
	SuppressedByAnnotation = result.SuppressedByAnnotation
	SuppressedByBaseline   = result.SuppressedByBaseline
)

// Why a rule of the selected profile did not run (RulesOff.Reason).
const (
	OffNoBuiltin  = result.OffNoBuiltin
	OffOverridden = result.OffOverridden
	OffDisabled   = result.OffDisabled
)

// sortFindings and sortErrors order a run's output as reports show it.
func sortFindings(fs []Finding) { result.SortFindings(fs) }
func sortErrors(es []Error)     { result.SortErrors(es) }
