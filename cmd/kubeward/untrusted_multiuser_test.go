package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Another local user may share a folder with kubeward's user (/tmp, a
// checkout on a shared machine) or have written a cache folder before it was
// theirs. These tests plant what such a user could and check that kubeward
// neither trusts it (a planted cached result would decide the findings) nor
// writes through it (a link at a predictable name would redirect a private
// key or a report).

// otherUID is a user id no test runs as.
const otherUID = 12345

func requireRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("giving a file to another user needs root")
	}
}

// cacheEntries lists the stored results under cache.
func cacheEntries(t *testing.T, cache string) []string {
	t.Helper()
	var out []string
	_ = filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// lintCached runs lint on the privileged Deployment through cache.
func lintCached(t *testing.T, cache string) (cliResult, jsonReport) {
	t.Helper()
	r := kw(t, "lint", "--cache-dir", cache, "--format", "json", privilegedFile)
	require.NotEqual(t, 2, r.code, r.stderr)
	return r, decodeReport(t, r.stdout)
}

func TestMultiuserCacheFolderOthersMayWriteIsNotUsed(t *testing.T) {
	cache := t.TempDir()
	require.NoError(t, os.Chmod(cache, 0o777))
	r, rep := lintCached(t, cache)
	assert.NotEmpty(t, findingsOf(rep, "KW-PSS-007"))
	assert.Contains(t, r.stderr, "the result cache is not used")
	assert.Contains(t, r.stderr, "may be written by others")
	assert.Empty(t, cacheEntries(t, cache), "nothing is stored in a folder others may write")
}

func TestMultiuserCacheFolderOfAnotherUserIsNotUsed(t *testing.T) {
	requireRoot(t)
	cache := t.TempDir()
	require.NoError(t, os.Chown(cache, otherUID, otherUID))
	r, rep := lintCached(t, cache)
	assert.NotEmpty(t, findingsOf(rep, "KW-PSS-007"))
	assert.Contains(t, r.stderr, "is owned by uid 12345, not by you")
	assert.Empty(t, cacheEntries(t, cache))

	// Its results folder given away is refused just the same.
	mine := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(mine, "results"), 0o700))
	require.NoError(t, os.Chown(filepath.Join(mine, "results"), otherUID, otherUID))
	r, _ = lintCached(t, mine)
	assert.Contains(t, r.stderr, "is owned by uid 12345, not by you")
	assert.Empty(t, cacheEntries(t, mine))
}

// plantEntry replaces the stored result with one that has no finding, and
// returns the entry's path.
func plantEntry(t *testing.T, cache string) string {
	t.Helper()
	entries := cacheEntries(t, cache)
	require.Len(t, entries, 1)
	b, err := os.ReadFile(entries[0])
	require.NoError(t, err)
	var stored map[string]any
	require.NoError(t, json.Unmarshal(b, &stored))
	stored["findings"] = []any{}
	b, err = json.Marshal(stored)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(entries[0], b, 0o600))
	return entries[0]
}

func TestMultiuserPlantedCacheEntryIsIgnored(t *testing.T) {
	cache := t.TempDir()
	_, first := lintCached(t, cache)
	require.NotEmpty(t, findingsOf(first, "KW-PSS-007"))
	entry := plantEntry(t, cache)
	info, err := os.Stat(entry)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	// Control: the planted entry is at the run's key, so a file the user
	// wrote privately is replayed (the planting would decide the findings).
	_, replayed := lintCached(t, cache)
	require.Empty(t, findingsOf(replayed, "KW-PSS-007"), "the plant is at the right key")

	// Writable by others: ignored, and the real findings come back.
	require.NoError(t, os.Chmod(entry, 0o666))
	_, got := lintCached(t, cache)
	assert.Equal(t, first.Findings, got.Findings)

	if os.Geteuid() == 0 {
		plantEntry(t, cache)
		require.NoError(t, os.Chmod(entry, 0o644))
		require.NoError(t, os.Chown(entry, otherUID, otherUID))
		_, got = lintCached(t, cache)
		assert.Equal(t, first.Findings, got.Findings, "an entry another user owns is ignored")
	}
}

// A rule that reads the clock answers differently each run: its result is
// never stored, so the second run evaluates again.
func TestMultiuserNondeterministicPolicyIsNeverCached(t *testing.T) {
	pol := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(pol, "clock.rego"), []byte(`# METADATA
# title: Clock
# description: Reports when it was evaluated.
# custom:
#   id: TEST-CLOCK
#   severity: low
#   profiles: [clock]
package kubeward.rules.test.clock

deny contains {"msg": sprintf("evaluated at %d", [time.now_ns()])}
`), 0o644))
	cache := t.TempDir()
	for range 2 {
		r := kw(t, "lint", "--cache-dir", cache, "--policy", pol, "--profile", "clock", "--format", "json", privilegedFile)
		require.Equal(t, 1, r.code, r.stderr)
		require.Len(t, findingsOf(decodeReport(t, r.stdout), "TEST-CLOCK"), 1)
		assert.Empty(t, cacheEntries(t, cache), "a run of a rule calling time.now_ns is not stored")
	}

	// The same policy without the clock is cached: the walk, not the
	// --policy flag, is what kept the result out.
	require.NoError(t, os.WriteFile(filepath.Join(pol, "clock.rego"), []byte(`# METADATA
# title: Clock
# description: Reports nothing about time.
# custom:
#   id: TEST-CLOCK
#   severity: low
#   profiles: [clock]
package kubeward.rules.test.clock

deny contains {"msg": "steady"}
`), 0o644))
	r := kw(t, "lint", "--cache-dir", cache, "--policy", pol, "--profile", "clock", "--format", "json", privilegedFile)
	require.Equal(t, 1, r.code, r.stderr)
	assert.Len(t, cacheEntries(t, cache), 1)
}

// plantLinks puts a link at each name, pointing at a file of its own in
// victims, and returns the victims' paths (which do not exist yet).
func plantLinks(t *testing.T, victims string, names ...string) []string {
	t.Helper()
	var out []string
	for i, n := range names {
		v := filepath.Join(victims, "victim"+string(rune('a'+i)))
		require.NoError(t, os.Symlink(v, n))
		out = append(out, v)
	}
	return out
}

func requireNoneExist(t *testing.T, paths []string) {
	t.Helper()
	for _, p := range paths {
		_, err := os.Lstat(p)
		require.True(t, os.IsNotExist(err), "%s was written through a planted link", p)
	}
}

func requireRegular(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	info, err := os.Lstat(path)
	require.NoError(t, err)
	require.True(t, info.Mode().IsRegular(), "%s is %s", path, info.Mode())
	require.Equal(t, mode, info.Mode().Perm(), path)
}

func TestMultiuserKeygenDoesNotWriteThroughPlantedLinks(t *testing.T) {
	shared, victims := t.TempDir(), t.TempDir()
	prefix := filepath.Join(shared, "acme")
	planted := plantLinks(t, victims, prefix+".key.tmp", prefix+".pub.tmp", prefix+".tmp")
	r := kw(t, "bundle", "keygen", "-o", prefix)
	require.Equal(t, 0, r.code, r.stderr)
	requireNoneExist(t, planted)
	requireRegular(t, prefix+".key", 0o600)
	requireRegular(t, prefix+".pub", 0o644)

	// A link at the key's own name, even a dangling one, is refused: the
	// key is never written to where it points.
	other := filepath.Join(shared, "other")
	planted = plantLinks(t, t.TempDir(), other+".key")
	r = kw(t, "bundle", "keygen", "-o", other)
	require.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "already exists")
	requireNoneExist(t, planted)
	_, err := os.Lstat(other + ".pub")
	assert.True(t, os.IsNotExist(err), "no half key pair is left")
}

func TestMultiuserSignDoesNotWriteThroughPlantedLinks(t *testing.T) {
	dir := t.TempDir()
	priv, _ := keygen(t, dir, "ES256")
	unsigned := buildAcme(t, dir, "acme.tar.gz")
	out := filepath.Join(dir, "signed.tar.gz")
	planted := plantLinks(t, t.TempDir(), out, out+".tmp", unsigned+".tmp")
	r := kw(t, "bundle", "sign", unsigned, "--signing-key", priv, "-o", out)
	require.Equal(t, 0, r.code, r.stderr)
	requireNoneExist(t, planted)
	requireRegular(t, out, 0o644)
	// In place too.
	r = kw(t, "bundle", "sign", unsigned, "--signing-key", priv)
	require.Equal(t, 0, r.code, r.stderr)
	requireRegular(t, unsigned, 0o644)
	requireNoneExist(t, planted)
}

func TestMultiuserReportsDoNotWriteThroughPlantedLinks(t *testing.T) {
	shared := t.TempDir()
	report := filepath.Join(shared, "report.json")
	baseline := filepath.Join(shared, "baseline.json")
	planted := plantLinks(t, t.TempDir(), report, report+".tmp", baseline, baseline+".tmp")
	r := kw(t, "lint", "--no-cache", "--format", "json", "-o", report, "--write-baseline", baseline, privilegedFile)
	require.Equal(t, 1, r.code, r.stderr)
	requireNoneExist(t, planted)
	requireRegular(t, report, 0o644)
	requireRegular(t, baseline, 0o644)
	b, err := os.ReadFile(report)
	require.NoError(t, err)
	decodeReport(t, string(b))
	entries, err := os.ReadDir(shared)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"report.json", "report.json.tmp", "baseline.json", "baseline.json.tmp"}, names, "no temporary file is left")
}

func TestMultiuserTestAndDocOutputsDoNotWriteThroughPlantedLinks(t *testing.T) {
	shared := t.TempDir()
	dir := writeFiles(t, map[string]string{"owner.rego": labelRule, "owner_test.rego": labelTests})
	report := filepath.Join(shared, "tests.xml")
	pages := filepath.Join(shared, "pages")
	require.NoError(t, os.Mkdir(pages, 0o755))
	readme := filepath.Join(pages, "README.md")
	planted := plantLinks(t, t.TempDir(), report, report+".tmp", readme, readme+".tmp")

	r := kw(t, "test", dir, "--format", "junit", "-o", report)
	require.Equal(t, exitFindings, r.code, r.stderr) // labelTests has a failing test
	requireRegular(t, report, 0o644)

	r = kw(t, "doc", "--output-dir", pages)
	require.Equal(t, 0, r.code, r.stderr)
	requireRegular(t, readme, 0o644)
	requireNoneExist(t, planted)
}
