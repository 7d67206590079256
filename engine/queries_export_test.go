package engine

// QueriesCompiled is how many per-kind queries l's compiled parts hold.
func QueriesCompiled(l *Linter) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	count := func(parts []part) {
		for _, p := range parts {
			n += p.queries.Compiled()
		}
	}
	count(l.full)
	for _, parts := range l.subsets {
		count(parts)
	}
	return n
}
