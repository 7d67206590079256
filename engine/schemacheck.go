package engine

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/policy"
	"github.com/kubeward/kubeward/engine/schema"
	"github.com/kubeward/kubeward/engine/validate"
)

// schemaChecks maps the custom.schemaCheck of a rule's METADATA to the
// problems of the schema validator it reports: the KW-SCH rules declare
// themselves in policies/schema, and their findings are made here.
var schemaChecks = map[string]schema.Code{
	"unknown_field":    schema.UnknownField,
	"wrong_type":       schema.WrongType,
	"missing_required": schema.MissingRequired,
	"invalid_value":    schema.InvalidValue,
}

// schemaRules are the active rules that report schema problems, by code
// (none under Options.NoSchema).
func schemaRules(active []*policy.Rule, off bool) map[schema.Code]*policy.Rule {
	out := map[schema.Code]*policy.Rule{}
	if off {
		return out
	}
	for _, r := range active {
		if c, ok := r.Custom["schemaCheck"].(string); ok && r.Bundled {
			if code, ok := schemaChecks[c]; ok {
				out[code] = r
			}
		}
	}
	return out
}

// schemaRun validates the objects of one run against the target release and
// the CRDs of the run.
type schemaRun struct {
	v     *schema.Validator
	rules map[schema.Code]*policy.Rule
	// errs are those of reading the CRDs, reported once by the run.
	errs []Error

	mu          sync.Mutex
	unvalidated map[string]bool // apiVersion/Kind of custom resources with no CRD
}

// newSchemaRun reads the CRDs of Options.CRDs and those among objs. Each run
// reads --crd again: the files may have changed since the Linter was made.
func (l *Linter) newSchemaRun(ctx context.Context, objs []*load.Object) *schemaRun {
	v, err := schema.New(l.opts.KubeVersion)
	if err != nil {
		// New checked the version already.
		return &schemaRun{errs: []Error{{Stage: StagePolicy, Message: "schema: " + err.Error()}}}
	}
	r := &schemaRun{v: v, rules: l.schemaRules, unvalidated: map[string]bool{}}
	if len(r.rules) == 0 {
		return r
	}
	var crds []*load.Object
	if len(l.opts.CRDs) > 0 {
		loaded := load.Load(ctx, l.opts.CRDs, load.Options{Limits: l.opts.Limits, Workers: l.opts.Workers})
		for _, e := range loaded.Errors {
			e.Message = "--crd: " + e.Message
			r.errs = append(r.errs, e)
		}
		for _, o := range loaded.Objects {
			if schema.IsCRD(o.APIVersion, o.Kind) {
				crds = append(crds, o)
			}
		}
	}
	for _, o := range objs {
		if schema.IsCRD(o.APIVersion, o.Kind) && !o.Partial {
			crds = append(crds, o)
		}
	}
	for _, o := range crds {
		if err := v.AddCRD(o.Value); err != nil {
			pos := o.Start()
			r.errs = append(r.errs, Error{Stage: StageLoad, File: o.Source.File, Line: pos.Line, Column: pos.Column,
				Message: fmt.Sprintf("%s %s: %v", o.Kind, o.Name, err)})
		}
	}
	return r
}

// check validates o: the findings of the active schema rules, and, when the
// wrong-type rule does not run, the fields that do not decode into their
// API type as errors (engine/validate), as before there were schema rules.
func (r *schemaRun) check(o *load.Object) ([]Finding, []Error) {
	if r == nil || r.v == nil {
		return nil, nil
	}
	var errs []Error
	if r.rules[schema.WrongType] == nil {
		errs = validate.Object(o, r.v)
	}
	if len(r.rules) == 0 {
		return nil, errs
	}
	problems, known, err := r.v.Validate(o.APIVersion, o.Kind, o.Value)
	if err != nil {
		pos := o.Start()
		return nil, append(errs, Error{File: o.Source.File, Line: pos.Line, Column: pos.Column, Message: err.Error()})
	}
	if !known {
		if !r.v.Builtin(o.APIVersion) {
			r.mu.Lock()
			r.unvalidated[o.APIVersion+"/"+o.Kind] = true
			r.mu.Unlock()
		}
		return nil, errs
	}
	var out []Finding
	for _, p := range problems {
		rule := r.rules[p.Code]
		if rule == nil {
			continue
		}
		pos := o.Position(p.Path)
		if len(p.Path) == 0 {
			pos = o.Start()
		}
		// A kustomization's field may sit in a patch file, not the object's.
		file, objectFile := o.Source.File, ""
		if pos.File != "" && pos.File != file {
			file, objectFile = pos.File, o.Source.File
		}
		out = append(out, Finding{
			Rule:       rule,
			ObjectFile: objectFile,
			Severity:   rule.Severity,
			Message:    p.Message,
			Object:     o.Ref(),
			Path:       p.Path,
			Document:   o.Source.Document,
			Item:       o.Source.Item,
			Location: Location{
				File:     file,
				Line:     pos.Line,
				Column:   pos.Column,
				Path:     load.FormatPath(p.Path),
				Template: o.Source.Template,
			},
		})
	}
	return out, errs
}

// unvalidatedKinds lists the custom resource kinds no CRD judged, sorted.
func (r *schemaRun) unvalidatedKinds() []string {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, 0, len(r.unvalidated))
	for k := range r.unvalidated {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// setKubeVersion writes the target release where the bundled rules read it,
// data.kubeward.config.kubeVersion.
func setKubeVersion(data map[string]any, version string) {
	kw, _ := data["kubeward"].(map[string]any)
	if kw == nil {
		kw = map[string]any{}
		data["kubeward"] = kw
	}
	cfg, _ := kw["config"].(map[string]any)
	if cfg == nil {
		cfg = map[string]any{}
		kw["config"] = cfg
	}
	cfg["kubeVersion"] = version
}

// configKubeVersion is data.kubeward.config.kubeVersion, "" when unset.
func configKubeVersion(data map[string]any) string {
	kw, _ := data["kubeward"].(map[string]any)
	cfg, _ := kw["config"].(map[string]any)
	v, _ := cfg["kubeVersion"].(string)
	return v
}
