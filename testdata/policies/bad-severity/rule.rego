# METADATA
# title: A rule with an unknown severity
# custom:
#   id: BAD-002
#   severity: urgent
package kubeward.rules.bad.severity

deny contains "x"
