package fastyaml

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// plainTag must agree with yaml.v3 on every plain scalar, the words its
// shortcut decides and the values it hands back alike.
func TestPlainTagAgreesWithYAMLv3(t *testing.T) {
	values := []string{
		"", "nginx", "app", "Always", "IfNotPresent", "ClusterIP", "v1", "apps/v1",
		"true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "yes", "no", "on", "off",
		"y", "n", "Yes", "NO", "On", "OFF", "~", "~x", "null", "Null", "NULL", "nil", "none",
		"<<", "<", "<<x", "0", "1", "-1", "+1", "0x1F", "0o17", "017", "1_000", "1.5", ".5",
		"-.5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "1e3", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
		"10Gi", "500m", "0.0.0.0/0", "-", "--", "+", ".", "..", "0b101", "-0b101", "9223372036854775808",
		"18446744073709551616", "t", "f", "o", "O", "*", "/bin/sh", "é", "日本",
	}
	for _, v := range values {
		want := resolvedByYAMLv3(t, v)
		got := plainTag(&yaml.Node{Kind: yaml.ScalarNode, Value: v})
		if got != want {
			t.Errorf("plainTag(%q) = %s, yaml.v3 resolves %s", v, got, want)
		}
	}
}

func resolvedByYAMLv3(t *testing.T, v string) string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("k: "+v+"\n"), &doc); err != nil {
		// Not a plain scalar on its own ("*", "{{ ... }}"): ask the resolver.
		n := yaml.Node{Kind: yaml.ScalarNode, Value: v}
		return n.ShortTag()
	}
	return doc.Content[0].Content[1].Tag
}
