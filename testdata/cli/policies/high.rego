# METADATA
# title: Test high
# description: Fires on objects labelled kwtest/high; used by the CLI tests.
# custom:
#   id: TEST-HIGH
#   severity: high
#   profiles: [kwtest]
#   remediation: Remove the kwtest/high label.
#   references: [https://example.com/kwtest/high]
package kubeward.rules.kwtest.high

deny contains {
	"msg": sprintf("%s %q is labelled kwtest/high", [input.kind, input.metadata.name]),
	"path": ["metadata", "labels", "kwtest/high"],
} if {
	input.metadata.labels["kwtest/high"]
}
