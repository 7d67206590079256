package schema

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"k8s.io/apimachinery/pkg/util/validation"
)

// fieldChecks are what the API server checks of particular fields beyond
// their type (the published schema says "integer" for a port, "string" for a
// container name), keyed by definition and field.
var fieldChecks = map[string]func(w *walker, v ast.Value){
	"io.k8s.api.core.v1.ContainerPort.containerPort":     port(1),
	"io.k8s.api.core.v1.ContainerPort.hostPort":          port(0), // 0: none
	"io.k8s.api.core.v1.ContainerPort.name":              portName,
	"io.k8s.api.core.v1.ServicePort.port":                port(1),
	"io.k8s.api.core.v1.ServicePort.nodePort":            port(0), // 0: allocated
	"io.k8s.api.core.v1.ServicePort.targetPort":          portOrName(0),
	"io.k8s.api.core.v1.HTTPGetAction.port":              portOrName(1),
	"io.k8s.api.core.v1.TCPSocketAction.port":            portOrName(1),
	"io.k8s.api.core.v1.GRPCAction.port":                 port(1),
	"io.k8s.api.networking.v1.NetworkPolicyPort.port":    portOrName(1),
	"io.k8s.api.networking.v1.ServiceBackendPort.number": port(1),
	"io.k8s.api.core.v1.Container.name":                  dnsLabel,
	"io.k8s.api.core.v1.EphemeralContainer.name":         dnsLabel,
	"io.k8s.api.core.v1.Volume.name":                     dnsLabel,
}

// port checks a port number: from min (0 where 0 means "none") to 65535.
func port(min int64) func(w *walker, v ast.Value) {
	return func(w *walker, v ast.Value) {
		n, ok := v.(ast.Number)
		if !ok {
			return
		}
		i, ok := n.Int64()
		if !ok || i < min || i > 65535 {
			w.add(InvalidValue, "%s %s is not a port number (%d to 65535)", w.label(), n.String(), max(min, 1))
		}
	}
}

// portOrName checks an int-or-string port: a number in range or the name of
// a container port.
func portOrName(min int64) func(w *walker, v ast.Value) {
	num := port(min)
	return func(w *walker, v ast.Value) {
		if _, ok := v.(ast.String); ok {
			portName(w, v)
			return
		}
		num(w, v)
	}
}

func portName(w *walker, v ast.Value) {
	s, ok := v.(ast.String)
	if !ok {
		return
	}
	if errs := validation.IsValidPortName(string(s)); len(errs) > 0 {
		w.add(InvalidValue, "%s %q is not a valid port name: %s", w.label(), string(s), errs[0])
	}
}

func dnsLabel(w *walker, v ast.Value) {
	s, ok := v.(ast.String)
	if !ok {
		return
	}
	if errs := validation.IsDNS1123Label(string(s)); len(errs) > 0 {
		w.add(InvalidValue, "%s %q is not a DNS-1123 label: %s", w.label(), string(s), errs[0])
	}
}

// nameRules say how the API server checks metadata.name of a kind: most
// built-in kinds take a DNS-1123 subdomain; the kinds absent here (RBAC's
// "system:…" roles, CRDs' plural.group) are left alone.
var nameRules = map[string]func(string) []string{
	"Namespace":               validation.IsDNS1123Label,
	"Service":                 validation.IsDNS1035Label,
	"Pod":                     validation.IsDNS1123Subdomain,
	"PodTemplate":             validation.IsDNS1123Subdomain,
	"ReplicationController":   validation.IsDNS1123Subdomain,
	"ConfigMap":               validation.IsDNS1123Subdomain,
	"Secret":                  validation.IsDNS1123Subdomain,
	"ServiceAccount":          validation.IsDNS1123Subdomain,
	"PersistentVolume":        validation.IsDNS1123Subdomain,
	"PersistentVolumeClaim":   validation.IsDNS1123Subdomain,
	"ResourceQuota":           validation.IsDNS1123Subdomain,
	"LimitRange":              validation.IsDNS1123Subdomain,
	"Deployment":              validation.IsDNS1123Subdomain,
	"StatefulSet":             validation.IsDNS1123Subdomain,
	"DaemonSet":               validation.IsDNS1123Subdomain,
	"ReplicaSet":              validation.IsDNS1123Subdomain,
	"Job":                     validation.IsDNS1123Subdomain,
	"CronJob":                 validation.IsDNS1123Subdomain,
	"Ingress":                 validation.IsDNS1123Subdomain,
	"IngressClass":            validation.IsDNS1123Subdomain,
	"NetworkPolicy":           validation.IsDNS1123Subdomain,
	"PodDisruptionBudget":     validation.IsDNS1123Subdomain,
	"HorizontalPodAutoscaler": validation.IsDNS1123Subdomain,
	"StorageClass":            validation.IsDNS1123Subdomain,
	"PriorityClass":           validation.IsDNS1123Subdomain,
}

var termMetadata, termName = ast.StringTerm("metadata"), ast.StringTerm("name")

// checkName checks metadata.name as the API server does for kind.
func (w *walker) checkName(kind string, obj ast.Value) {
	check := nameRules[kind]
	o, ok := obj.(ast.Object)
	if check == nil || !ok || !w.builtin {
		return
	}
	m := o.Get(termMetadata)
	if m == nil {
		return
	}
	md, ok := m.Value.(ast.Object)
	if !ok {
		return
	}
	t := md.Get(termName)
	if t == nil {
		return
	}
	name, ok := t.Value.(ast.String)
	if !ok || name == "" {
		return
	}
	if errs := check(string(name)); len(errs) > 0 {
		w.addAt(InvalidValue, []any{"metadata", "name"}, "%s name %q is invalid: %s", kind, string(name), errs[0])
	}
}

// closest is the candidate nearest to name, when it is near enough to be
// the field meant: a case slip, or a few letters typed wrong.
func closest(name string, candidates []string) string {
	best, bestD := "", 0
	limit := 2
	if len(name) <= 4 {
		limit = 1
	}
	for _, c := range candidates {
		if strings.EqualFold(c, name) {
			return c
		}
		d := distance(name, c)
		if d <= limit && (best == "" || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance of a and b, with a swap of two
// neighbouring letters counted as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
