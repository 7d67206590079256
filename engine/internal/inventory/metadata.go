package inventory

import (
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/policies"
)

// Metadata reads what the filter needs from an object: its labels and the
// annotations of the object and of its pod template.
func Metadata(o *load.Object) (labels, annotations, template map[string]string) {
	labels = stringMap(o.Value, "metadata", "labels")
	annotations = stringMap(o.Value, "metadata", "annotations")
	// The pods of a workload carry an ignore annotation in their template.
	if p, ok := policies.Kinds.TemplatePath(o.Kind); ok && len(p) > 0 {
		template = stringMap(o.Value, append(p, "metadata", "annotations")...)
	}
	return labels, annotations, template
}

// stringMap returns the string values of the mapping at path, or nil.
func stringMap(v ast.Value, path ...string) map[string]string {
	obj, ok := valueAt(v, path).(ast.Object)
	if !ok {
		return nil
	}
	out := map[string]string{}
	obj.Foreach(func(k, val *ast.Term) {
		ks, ok1 := k.Value.(ast.String)
		vs, ok2 := val.Value.(ast.String)
		if ok1 && ok2 {
			out[string(ks)] = string(vs)
		}
	})
	return out
}
