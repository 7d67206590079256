package policies

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"
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
	podKinds      []string            // in the table's order
	templates     map[string][]string // pod kind -> path of its pod template
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
			Kinds struct {
				// A node, not a map: the order of the pod kinds is the
				// order rules' documentation lists them in.
				PodTemplates  yaml.Node `yaml:"podTemplates"`
				ClusterScoped []string  `yaml:"clusterScoped"`
			} `yaml:"kinds"`
		} `yaml:"kubeward"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("kind table: %w", err)
	}
	k := doc.Kubeward.Kinds
	t := &KindTable{templates: map[string][]string{}, clusterScoped: map[string]bool{}}
	n := &k.PodTemplates
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		return nil, fmt.Errorf("kind table:%d: kubeward.kinds.podTemplates must be a non-empty mapping of kind to path", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kind := n.Content[i].Value
		var path []string
		if err := n.Content[i+1].Decode(&path); err != nil {
			return nil, fmt.Errorf("kind table:%d: the pod template path of %s: %w", n.Content[i+1].Line, kind, err)
		}
		if _, dup := t.templates[kind]; dup {
			return nil, fmt.Errorf("kind table:%d: %s is listed twice", n.Content[i].Line, kind)
		}
		t.podKinds = append(t.podKinds, kind)
		t.templates[kind] = path
	}
	for _, kind := range k.ClusterScoped {
		t.clusterScoped[kind] = true
	}
	return t, nil
}

// TemplatePath is the path of kind's pod template, and whether kind carries
// a pod. The slice is the caller's own.
func (t *KindTable) TemplatePath(kind string) ([]string, bool) {
	p, ok := t.templates[kind]
	return slices.Clone(p), ok
}

// IsPodKind reports whether kind carries a pod.
func (t *KindTable) IsPodKind(kind string) bool {
	_, ok := t.templates[kind]
	return ok
}

// PodKinds are the kinds that carry a pod, in the table's order.
func (t *KindTable) PodKinds() []string { return slices.Clone(t.podKinds) }

// IsClusterScoped reports whether kind lives outside namespaces.
func (t *KindTable) IsClusterScoped(kind string) bool { return t.clusterScoped[kind] }
