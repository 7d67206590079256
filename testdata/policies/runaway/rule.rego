# METADATA
# title: Never finishes
# custom:
#   id: BAD-004
#   severity: low
#   kinds: [ConfigMap]
package kubeward.rules.bad.runaway

deny contains "too many" if {
	count([x | some x in numbers.range(1, 100000000); x % 7 == 0]) > 0
}
