package config

import (
	"strings"
	"testing"
)

// hostileGlob has n "**" segments before a last segment that never matches,
// against a path n*2 folders deep: a matcher that backtracks over "**"
// tries every way of splitting the path between them.
func hostileGlob(n int) (glob, p string) {
	return strings.Repeat("**/", n) + "x", strings.Repeat("d/", 2*n) + "y"
}

func benchmarkHostileGlob(b *testing.B, n int) {
	glob, p := hostileGlob(n)
	for b.Loop() {
		if MatchPath(glob, p) {
			b.Fatal("matched")
		}
	}
}

// The time per match grows with n (the glob's and the path's length), not
// exponentially with it: compare the three.
func BenchmarkMatchPathHostile4(b *testing.B)  { benchmarkHostileGlob(b, 4) }
func BenchmarkMatchPathHostile8(b *testing.B)  { benchmarkHostileGlob(b, 8) }
func BenchmarkMatchPathHostile16(b *testing.B) { benchmarkHostileGlob(b, 16) }

// A "*a*a*a…b" segment against "aaaa…": path.Match, which MatchPath uses
// within a segment, does not backtrack over stars.
func BenchmarkMatchPathStars(b *testing.B) {
	glob, p := strings.Repeat("*a", 16)+"*b", strings.Repeat("a", 200)
	for b.Loop() {
		if MatchPath(glob, p) {
			b.Fatal("matched")
		}
	}
}
