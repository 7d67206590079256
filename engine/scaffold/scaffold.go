// Package scaffold writes the starting point of a new rule: the rule with
// its full METADATA, its unit tests and a fixture suite, which pass
// `kubeward test` as written, so that an author starts from green and
// changes the check.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"

	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/policies"
)

// Options describe the rule to create.
type Options struct {
	// ID is the rule id (ACME-001).
	ID string
	// Kind is the kind the rule applies to (Deployment).
	Kind string
	// APIVersion is the kind's apiVersion, for kinds the scaffold does not
	// know; it marks the kind namespaced.
	APIVersion string
}

// File is one file of a new rule, its name relative to the policy folder.
type File struct {
	Name    string
	Content []byte
}

var (
	idPattern   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$`)
	kindPattern = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
)

// Rule returns the files of a new rule: NAME.rego, NAME_test.rego and the
// fixture suite suites/NAME/ (a passing and a failing object, and
// expected.yaml), NAME being the id in lower case with _ for -.
func Rule(opts Options) ([]File, error) {
	if !idPattern.MatchString(opts.ID) {
		return nil, fmt.Errorf("rule id %q: use letters and digits in groups joined by -, starting with a letter (ACME-001)", opts.ID)
	}
	if !kindPattern.MatchString(opts.Kind) {
		return nil, fmt.Errorf("kind %q: a Kubernetes kind is written in CamelCase (Deployment)", opts.Kind)
	}
	apiVersion, known := apiVersions[opts.Kind]
	info := kindInfo{apiVersion: apiVersion, namespaced: !known || !policies.Kinds.IsClusterScoped(opts.Kind)}
	if opts.APIVersion != "" {
		info.apiVersion = opts.APIVersion
	} else if !known {
		return nil, fmt.Errorf("kind %s: its apiVersion is not known here; give it with --api-version", opts.Kind)
	}
	bundled, err := policy.Load(policy.Options{})
	if err != nil {
		return nil, fmt.Errorf("reading the bundled library: %w", err)
	}
	if b := bundled.Rule(opts.ID); b != nil {
		// Two rules of one id are refused when the folder is loaded.
		return nil, fmt.Errorf("rule id %s is the bundled rule %s (%s): choose another", opts.ID, b.ID, b.Title)
	}
	r := newRule(opts, info)
	name := r.name
	files := []File{
		{Name: name + ".rego", Content: []byte(r.rego())},
		{Name: name + "_test.rego", Content: []byte(r.test())},
		{Name: filepath.Join("suites", name, strings.ToLower(opts.Kind)+".yaml"), Content: []byte(r.manifests())},
		{Name: filepath.Join("suites", name, policy.SuiteFile), Content: []byte(r.expected())},
	}
	for i, f := range files {
		if !strings.HasSuffix(f.Name, ".rego") {
			continue
		}
		// Written as opa fmt writes it, whatever the templates' spacing.
		out, err := format.SourceWithOpts(f.Name, f.Content, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			return nil, fmt.Errorf("formatting %s: %w", f.Name, err)
		}
		files[i].Content = out
	}
	return files, nil
}

// Write writes files under dir, and none of them when one already exists:
// a new rule never replaces an author's work.
func Write(dir string, files []File) ([]string, error) {
	var exist []string
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if _, err := os.Lstat(p); err == nil {
			exist = append(exist, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	if len(exist) > 0 {
		return nil, fmt.Errorf("not overwriting %s: the files of the new rule already exist (choose another id, or remove them)", strings.Join(exist, ", "))
	}
	var written []string
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return written, fmt.Errorf("creating %s: %w", filepath.Dir(p), err)
		}
		// O_EXCL: a file that appeared since the check is not replaced either.
		out, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return written, fmt.Errorf("writing %s: %w", p, err)
		}
		_, err = out.Write(f.Content)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return written, fmt.Errorf("writing %s: %w", p, err)
		}
		written = append(written, p)
	}
	return written, nil
}
