package policies

import (
	_ "embed"
	"fmt"
	"slices"

	"sigs.k8s.io/yaml"
)

// PodKindsEntry is the entry of a rule's METADATA `kinds:` that stands for
// every kind of KindTable.PodTemplates: it cannot be a kind's name (kinds
// have no '-'), and it keeps the list in one place.
const PodKindsEntry = "pod-kinds"

//go:embed kinds.yaml
var kindsYAML []byte

// KindTable is what kubeward knows of kinds (kinds.yaml). The Rego library
// reads the same document as data.kubeward.kinds.
type KindTable struct {
	// PodTemplates maps each kind that carries a pod to the path of its pod
	// template (metadata and spec of the pods); a Pod's is empty.
	PodTemplates map[string][]string `json:"podTemplates"`
	// ClusterScoped lists the kinds that live outside namespaces.
	ClusterScoped []string `json:"clusterScoped"`

	clusterScoped map[string]bool
}

// Kinds is the bundled table. Its file is part of the binary, so a broken
// one is a build defect that every test catches, not an input error.
var Kinds = mustParseKinds(kindsYAML)

func mustParseKinds(b []byte) *KindTable {
	t, err := ParseKinds(b)
	if err != nil {
		panic(err)
	}
	return t
}

// ParseKinds reads a table written as kinds.yaml is (under kubeward.kinds).
func ParseKinds(b []byte) (*KindTable, error) {
	var doc struct {
		Kubeward struct {
			Kinds *KindTable `json:"kinds"`
		} `json:"kubeward"`
	}
	if err := yaml.UnmarshalStrict(b, &doc); err != nil {
		return nil, fmt.Errorf("kind table: %w", err)
	}
	t := doc.Kubeward.Kinds
	if t == nil || len(t.PodTemplates) == 0 {
		return nil, fmt.Errorf("kind table: kubeward.kinds.podTemplates is empty")
	}
	t.clusterScoped = map[string]bool{}
	for _, k := range t.ClusterScoped {
		t.clusterScoped[k] = true
	}
	return t, nil
}

// TemplatePath is the path of kind's pod template, and whether kind carries
// a pod. The slice is the caller's own.
func (t *KindTable) TemplatePath(kind string) ([]string, bool) {
	p, ok := t.PodTemplates[kind]
	return slices.Clone(p), ok
}

// IsPodKind reports whether kind carries a pod.
func (t *KindTable) IsPodKind(kind string) bool {
	_, ok := t.PodTemplates[kind]
	return ok
}

// PodKinds are the kinds that carry a pod, sorted.
func (t *KindTable) PodKinds() []string {
	out := make([]string, 0, len(t.PodTemplates))
	for k := range t.PodTemplates {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// IsClusterScoped reports whether kind lives outside namespaces.
func (t *KindTable) IsClusterScoped(kind string) bool { return t.clusterScoped[kind] }
