package schema

// DecodeForBenchmark decodes a release without the once-per-process cache.
func DecodeForBenchmark(name string) error {
	_, err := decode(name)
	return err
}

// DecodeAll decodes every definition of a release, as validating every kind
// it serves would.
func DecodeAll(name string) (int, error) {
	r, err := decode(name)
	if err != nil {
		return 0, err
	}
	for def := range r.Definitions {
		if _, err := r.definition(def); err != nil {
			return 0, err
		}
	}
	n := 0
	r.decoded.Range(func(any, any) bool { n++; return true })
	return n, nil
}
