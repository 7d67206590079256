package engine

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/kubeward/kubeward/engine/load"
)

// Objects whose controller is also in the input (a Deployment exported with
// its ReplicaSets and Pods) would repeat the controller's findings. They are
// evaluated all the same, and keep only the findings their top-most
// controller's pod template does not have: what was injected or mutated
// after the template (an admission webhook's privileged sidecar) is reported
// once, on the object that has it.

// controllers maps each object whose controller is in the input to its
// top-most controller in the input.
func controllers(objs []*load.Object) map[*load.Object]*load.Object {
	type key struct{ kind, ns, name string }
	byUID := map[string]*load.Object{}
	byName := map[key]*load.Object{}
	for _, o := range objs {
		if o.UID != "" {
			byUID[o.UID] = o
		}
		if _, ok := byName[key{o.Kind, o.Namespace, o.Name}]; !ok {
			byName[key{o.Kind, o.Namespace, o.Name}] = o
		}
	}
	parent := func(o *load.Object) *load.Object {
		c := o.Controller
		if c == nil {
			return nil
		}
		if c.UID != "" {
			if p := byUID[c.UID]; p != nil {
				return p
			}
		}
		return byName[key{c.Kind, o.Namespace, c.Name}]
	}
	out := map[*load.Object]*load.Object{}
	for _, o := range objs {
		top := parent(o)
		if top == nil {
			continue
		}
		// A cycle of ownerReferences (hand-written input) ends the walk.
		seen := map[*load.Object]bool{o: true}
		for p := parent(top); p != nil && !seen[p]; p = parent(top) {
			seen[top] = true
			top = p
		}
		out[o] = top
	}
	return out
}

// podSpecPrefix is where the pod spec's object (with its metadata and spec)
// is in each kind: a finding's path below it is compared with the same path
// below another kind's. A Pod is its own template.
var podSpecPrefix = map[string][]string{
	"Pod":                   {},
	"PodTemplate":           {"template"},
	"Deployment":            {"spec", "template"},
	"ReplicaSet":            {"spec", "template"},
	"StatefulSet":           {"spec", "template"},
	"DaemonSet":             {"spec", "template"},
	"Job":                   {"spec", "template"},
	"ReplicationController": {"spec", "template"},
	"CronJob":               {"spec", "jobTemplate", "spec", "template"},
}

// comparable is what makes two findings the same problem across an object
// and its controller: the rule, and the path relative to the pod template
// with containers named rather than numbered (an injected container shifts
// the others' indices). A finding outside the template, or of no path, is
// compared by its path from the object's root and its message.
type comparable struct {
	rule, path, message string
}

func comparableOf(f Finding, o *load.Object) comparable {
	prefix, ok := podSpecPrefix[o.Kind]
	if !ok || len(f.Path) == 0 || !hasPrefix(f.Path, prefix) {
		return comparable{rule: f.Rule.ID, path: "object:" + load.FormatPath(f.Path), message: f.Message}
	}
	rel := f.Path[len(prefix):]
	var b strings.Builder
	b.WriteString("pod:")
	for i, step := range rel {
		if n, isInt := step.(int); isInt && i == 2 && rel[0] == "spec" && isContainerList(rel[1]) {
			if name := containerName(o, prefix, rel[i-1].(string), n); name != "" {
				b.WriteString("[name=" + strconv.Quote(name) + "]")
				continue
			}
		}
		b.WriteString(load.FormatPath([]any{step}) + "/")
	}
	return comparable{rule: f.Rule.ID, path: b.String()}
}

func hasPrefix(path []any, prefix []string) bool {
	if len(path) < len(prefix) {
		return false
	}
	for i, p := range prefix {
		if s, ok := path[i].(string); !ok || s != p {
			return false
		}
	}
	return true
}

func isContainerList(step any) bool {
	s, _ := step.(string)
	return s == "containers" || s == "initContainers" || s == "ephemeralContainers"
}

// mirroredServiceAccount says whether c is about the deprecated
// spec.serviceAccount that the API server copies from serviceAccountName into
// every Pod it creates: not a difference from the template, which the
// template's own serviceAccountName (or its absence) already decides.
func mirroredServiceAccount(o *load.Object, c comparable) bool {
	if c.path != "pod:spec/serviceAccount/" {
		return false
	}
	at := func(field string) string {
		return stringAt(o.Value, append(append(append([]string(nil), podSpecPrefix[o.Kind]...), "spec"), field)...)
	}
	sa := at("serviceAccount")
	return sa != "" && sa == at("serviceAccountName")
}

func stringAt(v ast.Value, path ...string) string {
	for _, k := range path {
		obj, ok := v.(ast.Object)
		if !ok {
			return ""
		}
		t := obj.Get(ast.StringTerm(k))
		if t == nil {
			return ""
		}
		v = t.Value
	}
	s, _ := v.(ast.String)
	return string(s)
}

// containerName reads the name of container n of list in o's pod spec; ""
// when o's value does not hold it (a projection of a large input).
func containerName(o *load.Object, prefix []string, list string, n int) string {
	v := o.Value
	for _, k := range append(append(append([]string(nil), prefix...), "spec"), list) {
		obj, ok := v.(ast.Object)
		if !ok {
			return ""
		}
		t := obj.Get(ast.StringTerm(k))
		if t == nil {
			return ""
		}
		v = t.Value
	}
	arr, ok := v.(*ast.Array)
	if !ok || n < 0 || n >= arr.Len() {
		return ""
	}
	c, ok := arr.Elem(n).Value.(ast.Object)
	if !ok {
		return ""
	}
	if t := c.Get(ast.StringTerm("name")); t != nil {
		if s, ok := t.Value.(ast.String); ok {
			return string(s)
		}
	}
	return ""
}

// keepDiffering filters, in place, the outcomes of every object whose
// controller is in todo: it keeps the findings its top-most controller does
// not have. outcomes[i*parts+p] is todo[i] under part p.
func keepDiffering(todo []*load.Object, ctrl map[*load.Object]*load.Object, outcomes []outcome, parts int) {
	if len(ctrl) == 0 {
		return
	}
	index := make(map[*load.Object]int, len(todo))
	for i, o := range todo {
		if _, ok := index[o]; !ok {
			index[o] = i
		}
	}
	haves := map[*load.Object]map[comparable]bool{}
	for i, o := range todo {
		top := ctrl[o]
		if top == nil {
			continue
		}
		have, ok := haves[top]
		if !ok {
			have = map[comparable]bool{}
			t := index[top]
			for p := 0; p < parts; p++ {
				for _, f := range outcomes[t*parts+p].findings {
					have[comparableOf(f, top)] = true
				}
			}
			haves[top] = have
		}
		for p := 0; p < parts; p++ {
			oc := &outcomes[i*parts+p]
			oc.findings = differing(o, top, oc.findings, have)
		}
	}
}

// differing keeps, of the findings of an object owned by top (fs), those top
// does not have, each saying which controller it differs from.
func differing(o, top *load.Object, fs []Finding, have map[comparable]bool) []Finding {
	if len(fs) == 0 {
		return fs
	}
	suffix := fmt.Sprintf(" (differs from its controller %s)", describeObject(top))
	kept := fs[:0]
	for _, f := range fs {
		c := comparableOf(f, o)
		if have[c] || mirroredServiceAccount(o, c) {
			continue
		}
		f.Message += suffix
		kept = append(kept, f)
	}
	return kept
}
