package helm

// Dependencies of Chart.yaml as `helm template` treats them: aliases,
// condition and tags switching subcharts off, import-values lifting a
// subchart's values into its parent. Written here, not taken from
// helm.sh/helm/v4/pkg/chart/v2/util, for the reason given in values.go.

import (
	"fmt"
	"strings"

	"github.com/Masterminds/semver/v3"
	"helm.sh/helm/v4/pkg/chart/common"
	chart "helm.sh/helm/v4/pkg/chart/v2"
)

// processDependencies prunes and renames the chart's subcharts for the
// given user values, then applies import-values bottom-up. It changes ch.
func processDependencies(ch *chart.Chart, vals map[string]any) error {
	if err := enableDependencies(ch, vals, ""); err != nil {
		return err
	}
	return importValues(ch)
}

// versionMatches reports whether version satisfies the semver constraint;
// an unparsable version or constraint does not match (as in Helm).
func versionMatches(constraint, version string) bool {
	v, err := semver.NewVersion(version)
	if err != nil {
		return false
	}
	c, err := semver.NewConstraint(constraint)
	if err != nil {
		return false
	}
	return c.Check(v)
}

// enableDependencies pairs each Chart.yaml dependency with its vendored
// chart (by name and version range; a copy renamed when aliased), then
// drops the ones whose tags or condition say so, and recurses. vals are the
// values of the whole tree and path the keys leading to ch within them:
// conditions of a subchart's own dependencies are read under that path.
func enableDependencies(ch *chart.Chart, vals map[string]any, path string) error {
	reqs := ch.Metadata.Dependencies
	if reqs == nil {
		return nil
	}
	var subs []*chart.Chart
	// A vendored chart no dependency asks for is rendered as it is.
next:
	for _, sub := range ch.Dependencies() {
		for _, r := range reqs {
			if r != nil && sub.Name() == r.Name && versionMatches(r.Version, sub.Metadata.Version) {
				continue next
			}
		}
		subs = append(subs, sub)
	}
	for _, r := range reqs {
		if r == nil {
			continue
		}
		if sub := vendored(ch.Dependencies(), r); sub != nil {
			subs = append(subs, sub)
		}
		if r.Alias != "" {
			r.Name = r.Alias
		}
	}
	ch.SetDependencies(subs...)

	for _, r := range reqs {
		if r != nil {
			r.Enabled = true
		}
	}
	cvals, err := coalesce(ch, vals, false)
	if err != nil {
		return fmt.Errorf("chart %s: %w", ch.Name(), err)
	}
	applyTags(reqs, cvals)
	applyConditions(reqs, cvals, path)

	off := map[string]bool{}
	var keptReqs []*chart.Dependency
	for _, r := range reqs {
		if r == nil {
			continue
		}
		if !r.Enabled {
			off[r.Name] = true
			continue
		}
		keptReqs = append(keptReqs, r)
	}
	var kept []*chart.Chart
	for _, sub := range ch.Dependencies() {
		if !off[sub.Metadata.Name] {
			kept = append(kept, sub)
		}
	}
	for _, sub := range kept {
		if err := enableDependencies(sub, cvals, path+sub.Metadata.Name+"."); err != nil {
			return err
		}
	}
	ch.Metadata.Dependencies = keptReqs
	ch.SetDependencies(kept...)
	return nil
}

// vendored returns a copy of the first vendored chart that fulfils r,
// named by r's alias if it has one: the same chart may be aliased twice,
// so each use gets its own metadata and its own list of subcharts.
func vendored(have []*chart.Chart, r *chart.Dependency) *chart.Chart {
	for _, c := range have {
		if c == nil || c.Name() != r.Name || !versionMatches(r.Version, c.Metadata.Version) {
			continue
		}
		cp := *c
		md := *c.Metadata
		if md.Dependencies != nil {
			md.Dependencies = make([]*chart.Dependency, len(c.Metadata.Dependencies))
			for i, d := range c.Metadata.Dependencies {
				dd := *d
				md.Dependencies[i] = &dd
			}
		}
		cp.Metadata = &md
		cp.SetDependencies()
		for _, d := range c.Dependencies() {
			dc := *d
			cp.AddDependency(&dc)
		}
		if r.Alias != "" {
			cp.Metadata.Name = r.Alias
		}
		return &cp
	}
	return nil
}

// applyTags: a dependency with a tag set true is on; one with only tags set
// false is off; with no tag set it is on. Non-bool tags are ignored (Helm
// warns).
func applyTags(reqs []*chart.Dependency, vals common.Values) {
	tags, err := vals.Table("tags")
	if err != nil {
		return
	}
	for _, r := range reqs {
		if r == nil {
			continue
		}
		var anyTrue, anyFalse bool
		for _, t := range r.Tags {
			if b, ok := tags[t].(bool); ok {
				anyTrue = anyTrue || b
				anyFalse = anyFalse || !b
			}
		}
		r.Enabled = anyTrue || !anyFalse
	}
}

// applyConditions: the first path of the comma-separated condition that
// holds a bool decides; paths that are missing or not bools (Helm warns)
// are skipped; with none, the tags' verdict stands.
func applyConditions(reqs []*chart.Dependency, vals common.Values, path string) {
	for _, r := range reqs {
		if r == nil {
			continue
		}
		for c := range strings.SplitSeq(strings.TrimSpace(r.Condition), ",") {
			if c == "" {
				continue
			}
			v, err := vals.PathValue(path + c)
			if err != nil {
				continue
			}
			if b, ok := v.(bool); ok {
				r.Enabled = b
				break
			}
		}
	}
}

// importValues, from the leaves up, sets each chart's values to its
// defaults merged with its subcharts' (nulls kept) and with what
// import-values lifts from them; the chart's own values win over imported
// ones, and an earlier import over a later one.
func importValues(ch *chart.Chart) error {
	for _, sub := range ch.Dependencies() {
		if err := importValues(sub); err != nil {
			return err
		}
	}
	if ch.Metadata.Dependencies == nil {
		return nil
	}
	cvals, err := coalesce(ch, nil, true)
	if err != nil {
		return fmt.Errorf("chart %s: %w", ch.Name(), err)
	}
	imported := map[string]any{}
	for _, r := range ch.Metadata.Dependencies {
		var normalised []any
		for _, iv := range r.ImportValues {
			var child, parent string
			switch iv := iv.(type) {
			case map[string]any:
				child, parent = fmt.Sprintf("%v", iv["child"]), fmt.Sprintf("%v", iv["parent"])
			case string:
				child, parent = "exports."+iv, "."
			default:
				continue
			}
			normalised = append(normalised, map[string]string{"child": child, "parent": parent})
			table, err := common.Values(cvals).Table(r.Name + "." + child)
			if err != nil {
				continue // Helm warns that the child has no such table
			}
			mergeTables(imported, nestUnder(parent, table), true)
		}
		r.ImportValues = normalised
	}
	ch.Values = mergeTables(copyMap(cvals), imported, true)
	return nil
}

// nestUnder puts data at the dotted path ("." is the top).
func nestUnder(path string, data map[string]any) map[string]any {
	if path == "." {
		return data
	}
	keys := strings.Split(path, ".")
	out := data
	for i := len(keys) - 1; i >= 0; i-- {
		out = map[string]any{keys[i]: out}
	}
	return out
}
