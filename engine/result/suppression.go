package result

// Kinds of suppression; SARIF calls the first and the last "external" and
// annotations "inSource".
const (
	SuppressedByException  = "exception"
	SuppressedByAnnotation = "annotation"
	SuppressedByBaseline   = "baseline"
)

// Suppression says why a finding is not reported.
type Suppression struct {
	Kind   string `json:"kind"`
	Reason string `json:"reason,omitempty"`
	// Where is the exception (file:line of .kubeward.yaml), the annotated
	// object, or the baseline file.
	Where string `json:"where"`
}

// Warning is something the user should fix that is neither a finding nor an
// error (an expired exception).
type Warning struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// Why a rule of the selected profile did not run (RulesOff.Reason).
const (
	// OffNoBuiltin: the built-in library was left out.
	OffNoBuiltin = "no-builtin"
	// OffOverridden: a rule that is not the library's own overrides it.
	OffOverridden = "overridden"
	// OffDisabled: the configuration (or Options.Disabled) turns it off.
	OffDisabled = "disabled"
)

// RulesOff is a set of rules the selected profile holds that did not run,
// and what switched them off. A profile is a choice made in the open; these
// are not, so every report names them: a bundle, a policy folder or a
// configuration file from someone else must not quietly turn checks off.
type RulesOff struct {
	Reason string `json:"reason"`
	// Count is how many rules; Rules names them, except for the built-in
	// library left out (Count alone).
	Count int      `json:"count"`
	Rules []string `json:"rules,omitempty"`
	// By is what switched them off: a flag, a file:line, a bundle's manifest.
	By string `json:"by"`
	// Message says all of it in one sentence, as every format shows it.
	Message string `json:"message"`
}
