package config

import (
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Globs are path.Match patterns plus "**", a whole path segment that matches
// any number of folders (none included). path.Match and the few lines below
// cover what exclude and files need; no glob library is worth a dependency
// for it.
//
// Both parts take time linear in the glob times the path, whatever the
// pattern: globs come from a configuration file that may be someone else's.
// path.Match does not backtrack over stars (it commits to the first place
// the text after a star fits, which is enough for a glob), and matchSegments
// below walks the path once, keeping the set of glob positions it can be at.

// checkGlob reports a malformed pattern.
func checkGlob(g string) error {
	_, err := path.Match(g, "")
	return err
}

// MatchGlob says whether name matches glob (ids, names, namespaces: no "/").
func MatchGlob(glob, name string) bool {
	ok, _ := path.Match(glob, name)
	return ok
}

// MatchPath says whether a slash-separated path matches a glob with "**".
func MatchPath(glob, p string) bool {
	return matchSegments(strings.Split(glob, "/"), strings.Split(p, "/"))
}

// matchSegments runs the glob as an automaton over the path's segments:
// at[j] says the segments read so far can be matched by glob[:j]. A "**" at
// j lets j stay put on any segment and lets j+1 be reached without reading
// one. Each segment is compared with each glob segment at most once, so the
// cost is len(glob)·len(p) segment matches; the recursion this replaces
// tried every split of the path between successive "**" (exponential in
// their number).
func matchSegments(glob, p []string) bool {
	at := make([]bool, len(glob)+1)
	next := make([]bool, len(glob)+1)
	at[0] = true
	closeOver(glob, at)
	for _, seg := range p {
		clear(next)
		alive := false
		for j, g := range glob {
			if !at[j] {
				continue
			}
			if g == "**" {
				next[j], alive = true, true
			} else if ok, _ := path.Match(g, seg); ok {
				next[j+1], alive = true, true
			}
		}
		if !alive {
			return false
		}
		closeOver(glob, next)
		at, next = next, at
	}
	return at[len(glob)]
}

// closeOver adds the positions reachable past "**" segments without reading
// a path segment.
func closeOver(glob []string, at []bool) {
	for j, g := range glob {
		if at[j] && g == "**" {
			at[j+1] = true
		}
	}
}

// RelPath is an input path as globs in the file see it: relative to the
// configuration's folder, with slashes; a path outside that folder (or
// standard input) is used as given.
func (c *Config) RelPath(file string) string {
	if file == "" || file == "-" || strings.HasPrefix(file, "(") {
		return filepath.ToSlash(file)
	}
	abs, err1 := filepath.Abs(file)
	dir, err2 := filepath.Abs(c.Dir)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(dir, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, "../") && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return strings.TrimPrefix(filepath.ToSlash(file), "./")
}

// Excluded says whether an input file is left unread.
func (c *Config) Excluded(file string) bool {
	if c == nil || len(c.Exclude) == 0 {
		return false
	}
	rel := c.RelPath(file)
	for _, g := range c.Exclude {
		// A pattern naming a folder excludes what is under it.
		if MatchPath(g, rel) || MatchPath(strings.TrimSuffix(g, "/")+"/**", rel) {
			return true
		}
	}
	return false
}

// Target is what an exception is matched against: one finding on one object.
type Target struct {
	Rule      string
	Kind      string
	Namespace string
	Name      string
	Labels    map[string]string
	File      string
}

// Matches says whether every matcher the exception gives holds for t (expiry
// aside: see Expired).
func (e *Exception) Matches(c *Config, t Target) bool {
	ruleOK := false
	for _, r := range e.Rules {
		if MatchGlob(strings.ToUpper(r), strings.ToUpper(t.Rule)) {
			ruleOK = true
			break
		}
	}
	if !ruleOK {
		return false
	}
	if e.Namespace != "" && !MatchGlob(e.Namespace, t.Namespace) {
		return false
	}
	if e.Kind != "" && !strings.EqualFold(e.Kind, t.Kind) {
		return false
	}
	if e.Name != "" && !MatchGlob(e.Name, t.Name) {
		return false
	}
	if e.Selector != nil && !e.Selector.Matches(t.Labels) {
		return false
	}
	if len(e.Files) > 0 {
		rel, ok := c.RelPath(t.File), false
		for _, g := range e.Files {
			ok = ok || MatchPath(g, rel)
		}
		if !ok {
			return false
		}
	}
	return true
}

// Expired says whether the exception's last day is before now's (UTC).
func (e *Exception) Expired(now time.Time) bool {
	return !e.Expires.IsZero() && !now.UTC().Before(e.Expires.AddDate(0, 0, 1))
}

// Matches applies the selector to labels, as Kubernetes does.
func (s *Selector) Matches(labels map[string]string) bool {
	for k, v := range s.MatchLabels {
		if got, ok := labels[k]; !ok || got != v {
			return false
		}
	}
	for _, r := range s.MatchExpressions {
		got, has := labels[r.Key]
		in := false
		for _, v := range r.Values {
			in = in || (has && got == v)
		}
		switch r.Operator {
		case "In":
			if !in {
				return false
			}
		case "NotIn":
			if in {
				return false
			}
		case "Exists":
			if !has {
				return false
			}
		case "DoesNotExist":
			if has {
				return false
			}
		}
	}
	return true
}

// Where is the exception's position, file:line.
func (e *Exception) Where(c *Config) string {
	return c.File + ":" + strconv.Itoa(e.Line)
}
