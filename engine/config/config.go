// Package config reads .kubeward.yaml: the settings of a repository (profile,
// failOn, format), rule switches and severity overrides, rule parameters,
// extra policies and bundles, excluded paths and exceptions. It validates the
// file strictly — an unknown key is an error naming file and line — and
// answers questions about it (is this file excluded, which exception matches
// this finding); it reads nothing but the configuration and never prints.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"github.com/kubeward/kubeward/engine/confine"
	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
)

// FileName is the name discovery looks for (loading skips it in folders).
const FileName = load.ConfigFileName

// Config is one .kubeward.yaml.
type Config struct {
	// File is the path the configuration was read from.
	File string
	// Dir is File's folder: policies, exclude and exception files are relative to it.
	Dir string
	// Root is the repository the configuration belongs to: the folder
	// holding .git found walking up from Dir (Load), else Dir. Its
	// policies and bundles must stay beneath it.
	Root string

	Profile string
	FailOn  string
	Format  string
	// MinSeverity hides findings below it (the CLI's --min-severity).
	MinSeverity string
	// RegoVersion is the Rego version of the user's policies (the CLI's
	// --rego-version): "v0" or "v1", "" for the default (v1).
	RegoVersion string
	// Lines holds the line of each top-level key, for errors found later
	// (a format only the CLI knows).
	Lines map[string]int
	// Rules holds per-rule switches and severity overrides, by upper-case id.
	Rules map[string]Rule
	// Parameters are merged into data.kubeward.config (rule parameters).
	Parameters map[string]any
	// Policies are folders of Rego policies, resolved against Dir.
	Policies []string
	// Bundles are policy bundle paths (resolved against Dir) or oci:// references.
	Bundles []string
	// Exclude are globs of input files that are not read.
	Exclude []string
	// Exceptions suppress findings.
	Exceptions []Exception
	// Refused are the policies and bundles entries left out because they
	// would read outside Root: an absolute path, one that climbs out with
	// "..", or a link that leads out. They are errors to report; the rest
	// of the configuration holds.
	Refused Errors

	pathLines map[string]int // the line of each resolved policies/bundles path
}

// Rule is the configuration of one rule.
type Rule struct {
	// Enabled is false to leave the rule out; nil when not given.
	Enabled *bool
	// Severity replaces the rule's severity when not empty.
	Severity string
	// Line is where the rule's entry is in File.
	Line int
}

// Exception suppresses the findings of some rules on the objects it matches.
// Every matcher given must hold.
type Exception struct {
	Rules     []string  // rule ids or globs (required)
	Namespace string    // glob on metadata.namespace
	Kind      string    // exact kind
	Name      string    // glob on metadata.name
	Selector  *Selector // on the object's labels
	Files     []string  // globs on the input file path; ** crosses folders
	Reason    string    // required
	Expires   time.Time // zero when not given; the exception holds through that day (UTC)
	Line      int       // where the exception starts in File
}

// Selector is a Kubernetes label selector.
type Selector struct {
	MatchLabels      map[string]string `yaml:"matchLabels"`
	MatchExpressions []Requirement     `yaml:"matchExpressions"`
}

// Requirement is one matchExpressions entry.
type Requirement struct {
	Key      string   `yaml:"key"`
	Operator string   `yaml:"operator"`
	Values   []string `yaml:"values"`
}

// Error is a problem in the configuration file.
type Error struct {
	File    string
	Line    int
	Message string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message)
	}
	return e.File + ": " + e.Message
}

// Errors are every problem found in one file.
type Errors []*Error

func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Discover looks for FileName in the folder of start (start itself when it is
// a folder) and then in each parent folder, up to the repository's root (the
// folder holding .git; the filesystem's root when there is none): a file
// above the repository is not the repository's. It returns "" when there is
// none. Standard input ("-") starts at the working directory.
//
// A file found is not used when someone else owns it (not the current user,
// nor root: anyone may write a .kubeward.yaml into a shared folder such as
// /tmp), or when it is a link that leads out of its folder; ignored says
// which, and the search stops there. A file named with --config is the
// user's choice and is not checked this way.
func Discover(start string) (file string, ignored Errors, err error) {
	if start == "" || start == "-" {
		start = "."
	}
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", nil, err
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		candidate := filepath.Join(dir, FileName)
		if info, err := os.Lstat(candidate); err == nil && !info.IsDir() {
			name := relativeToCwd(candidate)
			if why := untrusted(dir, candidate, info); why != "" {
				return "", Errors{{File: name, Message: why}}, nil
			}
			return name, nil, nil
		}
		if isRepoRoot(dir) {
			return "", nil, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil, nil
		}
		dir = parent
	}
}

// untrusted says why a discovered configuration is not used ("" when it is).
func untrusted(dir, file string, info os.FileInfo) string {
	if info.Mode()&os.ModeSymlink != 0 {
		target, _ := os.Readlink(file)
		resolved, err := filepath.EvalSymlinks(file)
		realDir, err2 := filepath.EvalSymlinks(dir)
		if err != nil || err2 != nil || !confine.Within(realDir, resolved) {
			return fmt.Sprintf("not used: it is a symbolic link to %s, outside its folder", target)
		}
		if info, err = os.Stat(file); err != nil {
			return "not used: " + describe(err)
		}
	}
	if !info.Mode().IsRegular() {
		return "not used: not a regular file"
	}
	if owner, ok := foreignOwner(info); ok {
		return fmt.Sprintf("not used: it belongs to uid %d, neither you (uid %d) nor root; name it with --config to use it", owner, os.Getuid())
	}
	return ""
}

// isRepoRoot reports whether dir holds .git (a folder, or the file of a
// worktree or submodule).
func isRepoRoot(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}

// RepoRoot is the repository dir belongs to: the nearest folder at or above
// it that holds .git, else dir itself.
func RepoRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; {
		if isRepoRoot(d) {
			if rel, err := filepath.Rel(abs, d); err == nil {
				return filepath.Join(dir, rel)
			}
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

func describe(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

// relativeToCwd shortens an absolute path for messages when it is below the
// working directory.
func relativeToCwd(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return p
}

// Load reads and validates a configuration file of at most maxSize bytes
// (no limit when maxSize <= 0). Its policies and bundles must stay in its
// repository (RepoRoot of its folder), links included: the others are
// left out and listed in Config.Refused.
func Load(file string, maxSize int64) (*Config, error) {
	b, err := confine.ReadFile(file, maxSize)
	if err != nil {
		var ce *confine.Error
		if errors.As(err, &ce) {
			return nil, &Error{File: file, Message: "cannot read the configuration: " + ce.Reason}
		}
		return nil, &Error{File: file, Message: "cannot read the configuration: " + describe(err)}
	}
	c, err := parse(file, b, RepoRoot(filepath.Dir(file)))
	if err != nil {
		return nil, err
	}
	c.refuseLinksOut()
	return c, nil
}

// refuseLinksOut moves to Refused the policies and bundles that stay in
// Root as written but lead out of it through a link.
func (c *Config) refuseLinksOut() {
	root, err := confine.Open(c.Root, 0)
	if err != nil {
		return // then every path fails to read, and says why
	}
	defer root.Close()
	check := func(key string, paths []string) []string {
		kept := paths[:0]
		for _, p := range paths {
			if strings.Contains(p, "://") {
				kept = append(kept, p)
				continue
			}
			rel, err := filepath.Rel(c.Root, p)
			if err == nil {
				_, err = root.Stat(filepath.ToSlash(rel))
			}
			var ce *confine.Error
			if err != nil && errors.As(err, &ce) && errors.Is(err, confine.ErrOutside) {
				c.Refused = append(c.Refused, &Error{File: c.File, Line: c.pathLines[p], Message: fmt.Sprintf("%s: %s is not read: %s: %s", key, p, ce.Path, ce.Reason)})
				continue
			}
			kept = append(kept, p)
		}
		return kept
	}
	c.Policies = check("policies", c.Policies)
	c.Bundles = check("bundles", c.Bundles)
}

var topKeys = []string{"profile", "failOn", "minSeverity", "format", "rules", "parameters", "policies", "bundles", "exclude", "exceptions", "regoVersion"}
var ruleKeys = []string{"enabled", "severity"}
var exceptionKeys = []string{"rules", "namespace", "kind", "name", "selector", "files", "reason", "expires"}
var selectorKeys = []string{"matchLabels", "matchExpressions"}
var requirementKeys = []string{"key", "operator", "values"}

// Parse validates content read from file. It reads nothing else: the
// repository is taken to be file's folder (Load finds the real one).
func Parse(file string, content []byte) (*Config, error) {
	return parse(file, content, filepath.Dir(file))
}

func parse(file string, content []byte, repo string) (*Config, error) {
	c := &Config{File: file, Dir: filepath.Dir(file), Root: repo, Rules: map[string]Rule{}}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(content))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return c, nil // an empty file is the defaults
		}
		return nil, yamlError(file, err)
	}
	if len(doc.Content) == 0 {
		return c, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	p := &parser{file: file}
	if !p.mapping(root, "the configuration") {
		return nil, p.errs
	}
	p.keys(root, topKeys, "")
	c.Lines = map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		c.Lines[key.Value] = key.Line
		switch key.Value {
		case "profile":
			c.Profile = p.str(val, "profile")
		case "failOn":
			c.FailOn = p.str(val, "failOn")
			if c.FailOn != "" && c.FailOn != "none" && policy.SeverityRank(c.FailOn) < 0 {
				p.add(val, "failOn %q is not a severity (one of %s, none)", c.FailOn, strings.Join(policy.Severities, ", "))
			}
		case "minSeverity":
			c.MinSeverity = p.str(val, "minSeverity")
			if c.MinSeverity != "" && policy.SeverityRank(c.MinSeverity) < 0 {
				p.add(val, "minSeverity %q is not a severity (one of %s)", c.MinSeverity, strings.Join(policy.Severities, ", "))
			}
		case "regoVersion":
			c.RegoVersion = p.str(val, "regoVersion")
			if _, err := policy.ParseRegoVersion(c.RegoVersion); err != nil {
				p.add(val, "regoVersion: %v", err)
			}
		case "format":
			c.Format = p.str(val, "format")
		case "rules":
			p.rules(c, val)
		case "parameters":
			if p.mapping(val, "parameters") {
				var m map[string]any
				if err := val.Decode(&m); err != nil {
					p.add(val, "parameters: %v", err)
				}
				c.Parameters = m
			}
		case "policies":
			for i, s := range p.strs(val, "policies") {
				if r, ok := c.resolve(itemNode(val, i), "policies", s); ok {
					c.Policies = append(c.Policies, r)
				}
			}
		case "bundles":
			for i, s := range p.strs(val, "bundles") {
				if strings.Contains(s, "://") {
					c.Bundles = append(c.Bundles, s)
				} else if r, ok := c.resolve(itemNode(val, i), "bundles", s); ok {
					c.Bundles = append(c.Bundles, r)
				}
			}
		case "exclude":
			c.Exclude = p.globs(val, "exclude")
		case "exceptions":
			if val.Kind != yaml.SequenceNode {
				p.add(val, "exceptions must be a list")
				break
			}
			for _, item := range val.Content {
				if e, ok := p.exception(item); ok {
					c.Exceptions = append(c.Exceptions, e)
				}
			}
		}
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return c, nil
}

// resolve makes a path in the file relative to the file's folder, or
// refuses it (Refused) when it is absolute or leaves the repository: a
// committed configuration must not make kubeward read the machine's files
// into data, where a finding could print them. Absolute paths are for the
// command line (--policy, --bundle).
func (c *Config) resolve(n *yaml.Node, key, p string) (string, bool) {
	refuse := func(format string, args ...any) (string, bool) {
		c.Refused = append(c.Refused, &Error{File: c.File, Line: n.Line, Message: key + ": " + fmt.Sprintf(format, args...)})
		return "", false
	}
	defer func() {
		if c.pathLines == nil {
			c.pathLines = map[string]int{}
		}
		c.pathLines[filepath.Join(c.Dir, p)] = n.Line
	}()
	if filepath.IsAbs(p) || filepath.VolumeName(p) != "" || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) {
		return refuse("%s is not read: a configuration names paths relative to its folder, in its repository (give an absolute path on the command line: --policy, --bundle)", p)
	}
	r := filepath.Join(c.Dir, p)
	absRoot, err1 := filepath.Abs(c.Root)
	absPath, err2 := filepath.Abs(r)
	if err1 != nil || err2 != nil || !confine.Within(absRoot, absPath) {
		return refuse("%s is not read: it leaves the repository %s (paths in a configuration stay in it)", p, c.Root)
	}
	return r, true
}

// itemNode is the i-th string of a list (or the scalar itself), for lines.
func itemNode(n *yaml.Node, i int) *yaml.Node {
	if n.Kind == yaml.SequenceNode {
		k := 0
		for _, item := range n.Content {
			if item.Kind == yaml.ScalarNode && item.Tag != "!!null" && item.Value != "" {
				if k == i {
					return item
				}
				k++
			}
		}
	}
	return n
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlError(file string, err error) error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		var line int
		fmt.Sscan(m[1], &line)
		return &Error{File: file, Line: line, Message: "invalid YAML: " + m[2]}
	}
	return &Error{File: file, Message: "invalid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
}

// parser collects every problem of a file, each with its line.
type parser struct {
	file string
	errs Errors
}

func (p *parser) add(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Line: n.Line, Message: fmt.Sprintf(format, args...)})
}

func (p *parser) mapping(n *yaml.Node, what string) bool {
	if n.Kind != yaml.MappingNode {
		p.add(n, "%s must be a mapping", what)
		return false
	}
	return true
}

// keys reports every key of n not in allowed, and keys given twice.
func (p *parser) keys(n *yaml.Node, allowed []string, where string) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		name := where + k.Value
		if seen[k.Value] {
			p.add(k, "key %q is given twice", name)
		}
		seen[k.Value] = true
		known := false
		for _, a := range allowed {
			known = known || a == k.Value
		}
		if !known {
			p.add(k, "unknown key %q (known keys: %s)", name, strings.Join(allowed, ", "))
		}
	}
}

func (p *parser) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.add(n, "%s must be a string", what)
		return ""
	}
	return n.Value
}

// strs accepts a list of strings, or one string.
func (p *parser) strs(n *yaml.Node, what string) []string {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		p.add(n, "%s must be a list of strings", what)
		return nil
	}
	var out []string
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" || item.Value == "" {
			p.add(item, "%s must be a list of non-empty strings", what)
			continue
		}
		out = append(out, item.Value)
	}
	return out
}

func (p *parser) globs(n *yaml.Node, what string) []string {
	out := p.strs(n, what)
	for _, g := range out {
		if err := checkGlob(g); err != nil {
			p.add(n, "%s: bad glob %q: %v", what, g, err)
		}
	}
	return out
}

func (p *parser) rules(c *Config, n *yaml.Node) {
	if !p.mapping(n, "rules") {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id := strings.ToUpper(k.Value)
		if !p.mapping(v, "rules."+k.Value) {
			continue
		}
		p.keys(v, ruleKeys, "rules."+k.Value+".")
		r := Rule{Line: k.Line}
		for j := 0; j+1 < len(v.Content); j += 2 {
			key, val := v.Content[j], v.Content[j+1]
			switch key.Value {
			case "enabled":
				var b bool
				if val.Kind != yaml.ScalarNode || val.Decode(&b) != nil {
					p.add(val, "rules.%s.enabled must be true or false", k.Value)
					continue
				}
				r.Enabled = &b
			case "severity":
				r.Severity = strings.ToLower(p.str(val, "rules."+k.Value+".severity"))
				if policy.SeverityRank(r.Severity) < 0 {
					p.add(val, "rules.%s.severity %q is not a severity (one of %s)", k.Value, val.Value, strings.Join(policy.Severities, ", "))
				}
			}
		}
		c.Rules[id] = r
	}
}

func (p *parser) exception(n *yaml.Node) (Exception, bool) {
	e := Exception{Line: n.Line}
	if !p.mapping(n, "an exception") {
		return e, false
	}
	before := len(p.errs)
	p.keys(n, exceptionKeys, "exceptions[].")
	var hasRules, hasReason bool
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		switch key.Value {
		case "rules":
			hasRules = true
			e.Rules = p.globs(val, "exceptions[].rules")
			if len(e.Rules) == 0 && val.Kind == yaml.SequenceNode {
				p.add(val, "exceptions[].rules must name at least one rule")
			}
		case "namespace":
			e.Namespace = p.glob(val, "exceptions[].namespace")
		case "kind":
			e.Kind = p.str(val, "exceptions[].kind")
		case "name":
			e.Name = p.glob(val, "exceptions[].name")
		case "selector":
			e.Selector = p.selector(val)
		case "files":
			e.Files = p.globs(val, "exceptions[].files")
		case "reason":
			hasReason = true
			e.Reason = strings.TrimSpace(p.str(val, "exceptions[].reason"))
			if e.Reason == "" && val.Tag != "!!null" {
				p.add(val, "exceptions[].reason must not be empty")
			}
		case "expires":
			s := p.str(val, "exceptions[].expires")
			t, err := time.Parse("2006-01-02", s)
			if s != "" && err != nil {
				p.add(val, "exceptions[].expires %q is not a date (YYYY-MM-DD)", s)
			}
			e.Expires = t
		}
	}
	if !hasRules {
		p.add(n, "an exception needs rules: the rule ids (or globs) it suppresses")
	}
	if !hasReason {
		p.add(n, "an exception needs a reason")
	}
	return e, len(p.errs) == before
}

func (p *parser) glob(n *yaml.Node, what string) string {
	s := p.str(n, what)
	if err := checkGlob(s); err != nil {
		p.add(n, "%s: bad glob %q: %v", what, s, err)
	}
	return s
}

func (p *parser) selector(n *yaml.Node) *Selector {
	if !p.mapping(n, "exceptions[].selector") {
		return nil
	}
	p.keys(n, selectorKeys, "exceptions[].selector.")
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "matchExpressions" && n.Content[i+1].Kind == yaml.SequenceNode {
			for _, r := range n.Content[i+1].Content {
				if p.mapping(r, "a matchExpressions entry") {
					p.keys(r, requirementKeys, "exceptions[].selector.matchExpressions[].")
				}
			}
		}
	}
	var s Selector
	if err := n.Decode(&s); err != nil {
		p.add(n, "exceptions[].selector: %s", strings.TrimPrefix(err.Error(), "yaml: unmarshal errors:\n  "))
		return nil
	}
	for _, r := range s.MatchExpressions {
		switch r.Operator {
		case "In", "NotIn":
			if len(r.Values) == 0 {
				p.add(n, "exceptions[].selector: operator %s needs values", r.Operator)
			}
		case "Exists", "DoesNotExist":
		default:
			p.add(n, "exceptions[].selector: unknown operator %q (In, NotIn, Exists, DoesNotExist)", r.Operator)
		}
	}
	return &s
}

// Disabled returns the ids of the rules the configuration turns off, sorted.
func (c *Config) Disabled() []string {
	var out []string
	for id, r := range c.Rules {
		if r.Enabled != nil && !*r.Enabled {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// Severity returns the severity the configuration gives rule id, or "".
func (c *Config) Severity(id string) string {
	if c == nil {
		return ""
	}
	return c.Rules[strings.ToUpper(id)].Severity
}
