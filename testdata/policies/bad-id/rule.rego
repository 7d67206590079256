# METADATA
# title: A rule without an id
# custom:
#   severity: high
package kubeward.rules.bad.no_id

deny contains "x"
