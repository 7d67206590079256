# METADATA
# title: "Escape, test: 100%"
# description: Reports the kwtest/message annotation as its message; used to test escaping.
# custom:
#   id: TEST-ESCAPE
#   severity: critical
#   profiles: [kwtest]
package kubeward.rules.kwtest.escape

deny contains {
	"msg": input.metadata.annotations["kwtest/message"],
	"path": ["metadata", "annotations", "kwtest/message"],
}
