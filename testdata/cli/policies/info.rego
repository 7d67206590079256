# METADATA
# title: Test info
# description: Fires on objects labelled kwtest/info; used by the CLI tests.
# custom:
#   id: TEST-INFO
#   severity: info
#   profiles: [kwtest]
package kubeward.rules.kwtest.info

deny contains {
	"msg": sprintf("%s %q is labelled kwtest/info", [input.kind, input.metadata.name]),
	"path": ["metadata", "labels", "kwtest/info"],
} if {
	input.metadata.labels["kwtest/info"]
}
