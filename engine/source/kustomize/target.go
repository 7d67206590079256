package kustomize

import (
	"regexp"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// target is a patch's selector, as kustomize's types.Selector.
type target struct {
	kind, name, labels string
}

// matches says whether a patch applies to the built object: its target
// (or, without one, a strategic-merge document's kind and name) names it.
// Names are compared as kustomize compares them before the prefixes and
// suffixes of the kustomizations above (and a generator's hash) were added:
// the built name contains the written one.
func (t *target) matches(kind string, names []string, labels map[string]any) bool {
	if t.kind != "" && t.kind != kind {
		return false
	}
	if t.name != "" && !matchesName(t.name, names) {
		return false
	}
	for _, sel := range strings.Split(t.labels, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(sel), "=")
		if !ok || strings.ContainsAny(k, "!") {
			continue // set-based selectors are not checked
		}
		if got, _ := labels[strings.TrimSpace(k)].(string); got != strings.TrimSpace(v) {
			return false
		}
	}
	return true
}

// matchesName says whether a patch's name selector names one of the
// object's names (built, and as written in its resource file: a patch
// further up may have renamed it).
func matchesName(sel string, names []string) bool {
	for _, n := range names {
		if n != "" && strings.Contains(n, sel) {
			return true
		}
	}
	re, err := regexp.Compile(sel)
	if err != nil {
		return false
	}
	for _, n := range names {
		if n != "" && re.MatchString(n) {
			return true
		}
	}
	return false
}

// docTarget is the object a strategic-merge document names.
func docTarget(d *yaml.Node) *target {
	t := &target{}
	pairs(d, func(key string, _, v *yaml.Node) {
		switch key {
		case "kind":
			t.kind, _ = scalar(v)
		case "metadata":
			pairs(v, func(key string, _, v *yaml.Node) {
				if key == "name" {
					t.name, _ = scalar(v)
				}
			})
		}
	})
	return t
}
