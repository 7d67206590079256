// Package validate checks that objects decode into their Kubernetes API
// types. A manifest the API server would refuse for a wrong field type
// (privileged: "yes", containers as a map) is reported as invalid, with the
// line of the field, instead of being evaluated as if the field were unset.
//
// It reads the same schemas as the schema rules (engine/schema), so that
// the two never disagree; the engine reports these errors only when the
// wrong-type rule (KW-SCH-002) does not run.
package validate

import (
	"fmt"
	"sort"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/schema"
	"github.com/kubeward/kubeward/policies"
)

// Object returns an error at every field of o that does not decode into its
// API type: each is reported, not only the first.
func Object(o *load.Object, v *schema.Validator) []load.Error {
	// Only the pod kinds are validated: the rules read their pod spec field
	// by field. Other kinds are evaluated as written.
	if !policies.Kinds.IsPodKind(o.Kind) || v == nil {
		return nil
	}
	problems, _, err := v.Validate(o.APIVersion, o.Kind, o.Value)
	if err != nil {
		pos := o.Start()
		return []load.Error{{File: o.Source.File, Line: pos.Line, Column: pos.Column, Message: err.Error()}}
	}
	var out []load.Error
	for _, p := range problems {
		if !p.Undecodable {
			continue
		}
		pos := o.Position(p.Path)
		if len(p.Path) == 0 {
			pos = o.Start()
		}
		msg := fmt.Sprintf("invalid %s: %s must be %s, found %s", o.Kind, load.FormatPath(p.Path), p.Want, p.Found)
		// A kustomization's field may sit in a patch file, not the object's.
		file := o.Source.File
		if pos.File != "" {
			file = pos.File
		}
		out = append(out, load.Error{File: file, Line: pos.Line, Column: pos.Column, Message: msg})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Column < out[j].Column
	})
	return out
}
