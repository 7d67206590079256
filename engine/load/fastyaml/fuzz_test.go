package fastyaml

import "testing"

// FuzzSameTree: whatever the input, the fast path either declines it or
// builds yaml.v3's tree; it never accepts what yaml.v3 rejects.
func FuzzSameTree(f *testing.F) {
	for _, s := range append(seeds, deployment) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if d := differs(data); d != "" {
			t.Fatalf("%q: %s", data, d)
		}
	})
}
