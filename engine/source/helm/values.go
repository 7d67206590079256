package helm

// Values as `helm template` computes them, written here rather than taken
// from helm.sh/helm/v4/pkg/chart/common/util: that package links
// github.com/santhosh-tekuri/jsonschema/v6, whose init compiles five
// meta-schemas (≈18 ms of every kubeward start, issue 11). The rules below
// follow Helm 4.3's observable behaviour, including its quirks, because the
// point is to render what `helm template` renders.

import (
	"fmt"
	"maps"

	chartapi "helm.sh/helm/v4/pkg/chart"
	"helm.sh/helm/v4/pkg/chart/common"
	chart "helm.sh/helm/v4/pkg/chart/v2"
)

// globalKey is the values section every chart of a tree shares.
const globalKey = "global"

// coalesce returns the values the chart's templates see: vals (the user's,
// authoritative) over the chart's values.yaml, and, under each
// dependency's name, that dependency's values worked out the same way with
// the parent's globals handed down. keepNulls is Helm's "merge" mode: a
// null survives instead of deleting the default it overrides.
func coalesce(ch *chart.Chart, vals map[string]any, keepNulls bool) (map[string]any, error) {
	dst := copyMap(vals)
	if dst == nil {
		dst = map[string]any{}
	}
	return coalesceInto(ch, dst, keepNulls)
}

func coalesceInto(ch *chart.Chart, dst map[string]any, keepNulls bool) (map[string]any, error) {
	overlayDefaults(ch, dst, keepNulls)
	for _, sub := range ch.Dependencies() {
		name := sub.Name()
		section, present := dst[name]
		if !present {
			section = map[string]any{}
		}
		m, ok := section.(map[string]any)
		if !ok {
			return dst, fmt.Errorf("values for subchart %s: want a map, got %T", name, section)
		}
		handDownGlobals(m, dst)
		out, err := coalesceInto(sub, m, keepNulls)
		if err != nil {
			return dst, err
		}
		dst[name] = out
	}
	return dst, nil
}

// overlayDefaults fills dst with the chart's own defaults where dst says
// nothing. A null in dst deletes the default (unless keepNulls); nulls in
// the defaults themselves are dropped so they shadow nothing.
func overlayDefaults(ch *chart.Chart, dst map[string]any, keepNulls bool) {
	for key, def := range copyMap(ch.Values) {
		given, has := dst[key]
		if !has {
			if !keepNulls {
				if def == nil {
					continue
				}
				if m, ok := def.(map[string]any); ok {
					dropNulls(m)
				}
			}
			dst[key] = def
			continue
		}
		if given == nil {
			if !keepNulls {
				delete(dst, key)
			}
			continue
		}
		givenMap, ok := given.(map[string]any)
		if !ok {
			continue // a scalar or list given wins whole
		}
		defMap, ok := def.(map[string]any)
		if !ok {
			continue // Helm warns (a map over a non-map default) and keeps the map
		}
		// The section of a subchart keeps its nulls: they are meant to
		// delete the subchart's own defaults, one level down.
		keep := keepNulls || isDependency(ch, key)
		if !keep {
			dropNulls(defMap)
		}
		mergeTables(givenMap, defMap, keep)
	}
}

func isDependency(ch *chart.Chart, name string) bool {
	for _, d := range ch.Dependencies() {
		if d.Name() == name {
			return true
		}
	}
	return false
}

// mergeTables copies into dst what src has and dst has not, recursively
// for maps; dst wins. A null in dst over a non-null in src deletes the key
// (unless keepNulls). Mismatched kinds (map against non-map) keep dst's.
func mergeTables(dst, src map[string]any, keepNulls bool) map[string]any {
	if src == nil {
		return dst
	}
	if dst == nil {
		return src
	}
	for key, sv := range src {
		dv, has := dst[key]
		switch {
		case !has:
			dst[key] = sv
		case dv == nil:
			if !keepNulls && sv != nil {
				delete(dst, key)
			}
		default:
			sm, sIsMap := sv.(map[string]any)
			dm, dIsMap := dv.(map[string]any)
			if sIsMap && dIsMap {
				mergeTables(dm, sm, keepNulls)
			}
		}
	}
	return dst
}

// handDownGlobals gives a subchart's section (sub) the parent's globals;
// the parent's win over what the section already has. The copy is shallow
// one level down, as Helm's is.
func handDownGlobals(sub, parent map[string]any) {
	var into map[string]any
	switch g := sub[globalKey].(type) {
	case nil:
		if _, has := sub[globalKey]; has {
			return // null: not a table, Helm skips the globals
		}
		into = map[string]any{}
	case map[string]any:
		into = g
	default:
		return
	}
	from, isMap := parent[globalKey].(map[string]any)
	if _, has := parent[globalKey]; has && !isMap {
		return // the parent's global is not a table: Helm skips
	}
	for key, pv := range from {
		pm, isMap := pv.(map[string]any)
		if !isMap {
			if _, subIsMap := into[key].(map[string]any); !subIsMap {
				into[key] = pv
			}
			continue
		}
		cp := maps.Clone(pm)
		cur, has := into[key]
		if !has {
			into[key] = cp
			continue
		}
		if curMap, ok := cur.(map[string]any); ok {
			into[key] = mergeTables(cp, curMap, true)
		}
	}
	sub[globalKey] = into
}

func dropNulls(m map[string]any) {
	for k, v := range m {
		switch v := v.(type) {
		case nil:
			delete(m, k)
		case map[string]any:
			dropNulls(v)
		}
	}
}

// copyMap deep-copies values decoded from YAML (maps, lists, scalars).
func copyMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = copyValue(v)
	}
	return out
}

func copyValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		return copyMap(v)
	case common.Values:
		return copyMap(v)
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = copyValue(e)
		}
		return out
	default:
		return v
	}
}

// renderValues is the top-level object of `helm template`'s render: the
// engine reads Values, Release and Capabilities from it (and sets Chart,
// Files, Subcharts and Template itself per template); Chart is kept for
// the same shape as Helm's.
func renderValues(ch *chart.Chart, vals map[string]any, opts common.ReleaseOptions, caps *common.Capabilities) (common.Values, error) {
	acc, err := chartapi.NewAccessor(ch)
	if err != nil {
		return nil, err
	}
	coalesced, err := coalesce(ch, vals, false)
	if err != nil {
		return nil, err
	}
	if err := validateSchemas(ch, coalesced); err != nil {
		return nil, fmt.Errorf("values don't meet the specifications of the schema(s) in the following chart(s):\n%w", err)
	}
	return common.Values{
		"Chart":        acc.MetadataAsMap(),
		"Capabilities": caps,
		"Release": map[string]any{
			"Name":      opts.Name,
			"Namespace": opts.Namespace,
			"IsUpgrade": opts.IsUpgrade,
			"IsInstall": opts.IsInstall,
			"Revision":  opts.Revision,
			"Service":   "Helm",
		},
		"Values": common.Values(coalesced),
	}, nil
}
