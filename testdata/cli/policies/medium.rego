# METADATA
# title: Test medium
# description: Fires on objects labelled kwtest/medium; used by the CLI tests.
# custom:
#   id: TEST-MEDIUM
#   severity: medium
#   profiles: [kwtest]
package kubeward.rules.kwtest.medium

deny contains {
	"msg": sprintf("%s %q is labelled kwtest/medium", [input.kind, input.metadata.name]),
	"path": ["metadata", "labels", "kwtest/medium"],
} if {
	input.metadata.labels["kwtest/medium"]
}
