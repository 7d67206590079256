package inventory

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/kubeward/kubeward/engine/load"
	"github.com/kubeward/kubeward/engine/result"
	"github.com/kubeward/kubeward/policies"
)

// Objects whose controller is also in the input (a Deployment exported with
// its ReplicaSets and Pods) would repeat the controller's findings. They are
// evaluated all the same, and keep only the findings their top-most
// controller's pod template does not have: what was injected or mutated
// after the template (an admission webhook's privileged sidecar) is reported
// once, on the object that has it.

// Controllers maps each object whose controller is in the input to its
// top-most controller in the input.
func Controllers(objs []*load.Object) map[*load.Object]*load.Object {
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
// is in kind (policies/kinds.yaml), nil for a kind without pods: a finding's
// path below it is compared with the same path below another kind's. A Pod
// is its own template.
func podSpecPrefix(kind string) ([]string, bool) { return policies.Kinds.TemplatePath(kind) }

// comparable is what makes two findings the same problem across an object
// and its controller: the rule, and the path relative to the pod template
// with containers named rather than numbered (an injected container shifts
// the others' indices). A finding outside the template is compared by its
// path from the object's root (a cross-resource rule's finding on
// metadata.name names the object in its message), and one of no path by its
// message.
type comparable struct {
	rule, path, message string
}

// comparablesOf are the keys of f on o: a Pod's metadata is both its own and
// its template's, so a finding there has two.
func comparablesOf(f result.Finding, o *load.Object) []comparable {
	if len(f.Path) == 0 {
		return []comparable{{rule: f.Rule.ID, message: f.Message}}
	}
	own := comparable{rule: f.Rule.ID, path: "object:" + load.FormatPath(f.Path)}
	prefix, ok := podSpecPrefix(o.Kind)
	if !ok || !hasPrefix(f.Path, prefix) || len(f.Path) == len(prefix) {
		return []comparable{own}
	}
	rel := f.Path[len(prefix):]
	if first, _ := rel[0].(string); first != "spec" && first != "metadata" {
		return []comparable{own}
	}
	var b strings.Builder
	b.WriteString("pod:")
	for i, step := range rel {
		if n, isInt := step.(int); isInt && i == 2 && rel[0] == "spec" && isContainerList(rel[1]) {
			if name := containerName(o, prefix, rel[1].(string), n); name != "" {
				b.WriteString("[name=" + strconv.Quote(name) + "]/")
				continue
			}
		}
		b.WriteString(load.FormatPath([]any{step}) + "/")
	}
	pod := comparable{rule: f.Rule.ID, path: b.String()}
	if len(prefix) == 0 && rel[0] == "metadata" {
		return []comparable{pod, own}
	}
	return []comparable{pod}
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

func sameProblem(f result.Finding, o *load.Object, have map[comparable]bool) bool {
	for _, c := range comparablesOf(f, o) {
		if have[c] || mirroredServiceAccount(o, c) {
			return true
		}
	}
	return false
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
		prefix, _ := podSpecPrefix(o.Kind)
		return stringAt(o.Value, append(prefix, "spec", field)...)
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

// KeepDiffering filters, in place, the findings of every object whose
// controller is in todo: it keeps those its top-most controller does not
// have. findings(i*parts+p) are todo[i]'s under part p.
func KeepDiffering(todo []*load.Object, ctrl map[*load.Object]*load.Object, findings func(j int) *[]result.Finding, parts int) {
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
				for _, f := range *findings(t*parts + p) {
					for _, c := range comparablesOf(f, top) {
						have[c] = true
					}
				}
			}
			haves[top] = have
		}
		for p := 0; p < parts; p++ {
			fs := findings(i*parts + p)
			*fs = differing(o, top, *fs, have)
		}
	}
}

// differing keeps, of the findings of an object owned by top (fs), those top
// does not have, each saying which controller it differs from.
func differing(o, top *load.Object, fs []result.Finding, have map[comparable]bool) []result.Finding {
	if len(fs) == 0 {
		return fs
	}
	suffix := fmt.Sprintf(" (differs from its controller %s)", result.Describe(top.Ref()))
	kept := fs[:0]
	for _, f := range fs {
		if sameProblem(f, o, have) {
			continue
		}
		f.Message += suffix
		kept = append(kept, f)
	}
	return kept
}

// Labels the controllers add to the pod template of what they create: they
// make no difference to the pods' problems.
var controllerLabels = map[string]bool{
	"pod-template-hash":                  true,
	"controller-revision-hash":           true,
	"statefulset.kubernetes.io/pod-name": true,
	"apps.kubernetes.io/pod-index":       true,
}

// podDefaults are the fields the API server fills in a Pod it creates from
// a template that leaves them out, with the values it gives them; a field
// with another value is a difference, and the Pod is evaluated.
var podDefaults = map[string]func(v, spec ast.Value) bool{
	"nodeName":                      func(v, _ ast.Value) bool { _, ok := v.(ast.String); return ok },
	"serviceAccount":                func(v, spec ast.Value) bool { return equalValue(v, valueAt(spec, []string{"serviceAccountName"})) },
	"serviceAccountName":            isString("default"),
	"schedulerName":                 isString("default-scheduler"),
	"dnsPolicy":                     isString("ClusterFirst"),
	"restartPolicy":                 isString("Always"),
	"preemptionPolicy":              isString("PreemptLowerPriority"),
	"terminationGracePeriodSeconds": isNumber(30),
	"priority":                      isNumber(0),
	"enableServiceLinks":            func(v, _ ast.Value) bool { return equalValue(v, ast.Boolean(true)) },
	"securityContext":               isEmpty,
	// The token volume and the not-ready/unreachable tolerations; a list
	// with anything else is compared as it is.
	"volumes": allItems(func(item ast.Value) bool {
		name, _ := valueAt(item, []string{"name"}).(ast.String)
		return strings.HasPrefix(string(name), "kube-api-access-")
	}),
	"tolerations": allItems(func(item ast.Value) bool {
		key, _ := valueAt(item, []string{"key"}).(ast.String)
		return key == "node.kubernetes.io/not-ready" || key == "node.kubernetes.io/unreachable"
	}),
	"containers":     containersWithoutDefaults,
	"initContainers": containersWithoutDefaults,
}

// containerDefaults are podDefaults for each container.
var containerDefaults = map[string]func(v, spec ast.Value) bool{
	"terminationMessagePath":   isString("/dev/termination-log"),
	"terminationMessagePolicy": isString("File"),
	"imagePullPolicy":          func(v, _ ast.Value) bool { return isString("IfNotPresent")(v, nil) || isString("Always")(v, nil) },
	"resources":                isEmpty,
	"volumeMounts": allItems(func(item ast.Value) bool {
		path, _ := valueAt(item, []string{"mountPath"}).(ast.String)
		return path == "/var/run/secrets/kubernetes.io/serviceaccount"
	}),
}

// containersWithoutDefaults is never a default itself: it is a marker that
// withoutDefaults recognises to strip each container's defaults.
func containersWithoutDefaults(ast.Value, ast.Value) bool { return false }

func isString(want string) func(v, _ ast.Value) bool {
	return func(v, _ ast.Value) bool { s, ok := v.(ast.String); return ok && string(s) == want }
}

func isNumber(want int) func(v, _ ast.Value) bool {
	return func(v, _ ast.Value) bool { return equalValue(v, ast.Number(strconv.Itoa(want))) }
}

func isEmpty(v, _ ast.Value) bool {
	obj, ok := v.(ast.Object)
	return ok && obj.Len() == 0
}

// allItems marks a list of which the items that are defaults (is) are left
// out; what remains is compared with the template.
func allItems(is func(ast.Value) bool) func(v, spec ast.Value) bool {
	return func(v, _ ast.Value) bool {
		arr, ok := v.(*ast.Array)
		if !ok {
			return false
		}
		for i := 0; i < arr.Len(); i++ {
			if !is(arr.Elem(i).Value) {
				return false
			}
		}
		return true
	}
}

// withoutDefaults is v, an object, without the fields that tmpl, the
// template's, leaves out and v has at their default (defaults); containers
// are stripped item by item against the template's containers of the same
// index. Anything else is kept, so that it is compared.
func withoutDefaults(v, tmpl ast.Value, defaults map[string]func(v, spec ast.Value) bool) ast.Value {
	obj, ok := v.(ast.Object)
	if !ok {
		return v
	}
	out := ast.NewObject()
	obj.Foreach(func(k, val *ast.Term) {
		key, _ := k.Value.(ast.String)
		name := string(key)
		in := valueAt(tmpl, []string{name})
		if name == "containers" || name == "initContainers" {
			arr, ok1 := val.Value.(*ast.Array)
			tarr, ok2 := in.(*ast.Array)
			if ok1 && ok2 && arr.Len() == tarr.Len() {
				items := make([]*ast.Term, arr.Len())
				for i := range items {
					items[i] = ast.NewTerm(withoutDefaults(arr.Elem(i).Value, tarr.Elem(i).Value, containerDefaults))
				}
				out.Insert(k, ast.ArrayTerm(items...))
				return
			}
		}
		if in == nil {
			if is, ok := defaults[name]; ok && is(val.Value, v) {
				return
			}
		}
		out.Insert(k, val)
	})
	return out
}

// SameTemplate says whether o's pod template is its controller top's: the
// same pod spec and annotations, and the same labels but those controllers
// add. Such an object has no finding of its own on its template, so it is not
// evaluated: a ReplicaSet is a copy of its Deployment's template, and
// evaluating every object of an export would multiply the cost of a run.
// A Pod the API server created differs (its defaults) and is evaluated.
func SameTemplate(o, top *load.Object) bool {
	if o.Partial || top.Partial {
		return false
	}
	pa, _ := podSpecPrefix(o.Kind)
	pb, _ := podSpecPrefix(top.Kind)
	a, ok1 := valueAt(o.Value, pa).(ast.Object)
	b, ok2 := valueAt(top.Value, pb).(ast.Object)
	if !ok1 || !ok2 {
		return false
	}
	spec := func(v ast.Object) ast.Value { return valueAt(v, []string{"spec"}) }
	annotations := func(v ast.Object) ast.Value { return valueAt(v, []string{"metadata", "annotations"}) }
	as, bs := spec(a), spec(b)
	if o.Kind == "Pod" {
		as = withoutDefaults(as, bs, podDefaults)
	}
	if as == nil || !equalValue(as, bs) || !equalValue(annotations(a), annotations(b)) {
		return false
	}
	return equalValue(labelsOf(a), labelsOf(b))
}

// labelsOf is the template's labels without those controllers add.
func labelsOf(v ast.Object) ast.Value {
	labels, ok := valueAt(v, []string{"metadata", "labels"}).(ast.Object)
	if !ok {
		return valueAt(v, []string{"metadata", "labels"})
	}
	out := ast.NewObject()
	labels.Foreach(func(k, val *ast.Term) {
		if s, ok := k.Value.(ast.String); ok && controllerLabels[string(s)] {
			return
		}
		out.Insert(k, val)
	})
	return out
}

func equalValue(a, b ast.Value) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Compare(b) == 0
}

func valueAt(v ast.Value, path []string) ast.Value {
	for _, k := range path {
		obj, ok := v.(ast.Object)
		if !ok {
			return nil
		}
		t := obj.Get(ast.StringTerm(k))
		if t == nil {
			return nil
		}
		v = t.Value
	}
	return v
}
