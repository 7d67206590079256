package policy

// Example returns the rule's example manifest (METADATA custom.example), or
// "" when it has none. The tests lint every bundled rule's example, so each
// one is known to trigger its rule.
func Example(r *Rule) string { return r.Example }
