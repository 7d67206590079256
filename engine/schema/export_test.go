package schema

// DecodeForBenchmark decodes a release without the once-per-process cache.
func DecodeForBenchmark(name string) error {
	_, err := decode(name)
	return err
}
