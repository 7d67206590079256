# METADATA
# title: Test low
# description: Fires on objects labelled kwtest/low; used by the CLI tests.
# custom:
#   id: TEST-LOW
#   severity: low
#   profiles: [kwtest]
#   remediation: Remove the kwtest/low label.
package kubeward.rules.kwtest.low

deny contains {
	"msg": sprintf("%s %q is labelled kwtest/low", [input.kind, input.metadata.name]),
	"path": ["metadata", "labels", "kwtest/low"],
} if {
	input.metadata.labels["kwtest/low"]
}
