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

	Profile string
	FailOn  string
	Format  string
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
// a folder) and then in each parent folder. It returns "" when there is none.
// Standard input ("-") starts at the working directory.
func Discover(start string) (string, error) {
	if start == "" || start == "-" {
		start = "."
	}
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", err
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		candidate := filepath.Join(dir, FileName)
		if info, err := os.Stat(candidate); err == nil && !info.IsDir() {
			return relativeToCwd(candidate), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
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

// Load reads and validates a configuration file.
func Load(file string) (*Config, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{File: file, Message: "cannot read the configuration: " + err.Error()}
	}
	return Parse(file, b)
}

var topKeys = []string{"profile", "failOn", "format", "rules", "parameters", "policies", "bundles", "exclude", "exceptions"}
var ruleKeys = []string{"enabled", "severity"}
var exceptionKeys = []string{"rules", "namespace", "kind", "name", "selector", "files", "reason", "expires"}
var selectorKeys = []string{"matchLabels", "matchExpressions"}
var requirementKeys = []string{"key", "operator", "values"}

// Parse validates content read from file.
func Parse(file string, content []byte) (*Config, error) {
	c := &Config{File: file, Dir: filepath.Dir(file), Rules: map[string]Rule{}}
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
			for _, s := range p.strs(val, "policies") {
				c.Policies = append(c.Policies, c.resolve(s))
			}
		case "bundles":
			for _, s := range p.strs(val, "bundles") {
				if !strings.Contains(s, "://") {
					s = c.resolve(s)
				}
				c.Bundles = append(c.Bundles, s)
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

// resolve makes a path in the file relative to the file's folder.
func (c *Config) resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.Dir, p)
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
