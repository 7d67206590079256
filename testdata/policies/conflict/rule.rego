# METADATA
# title: Fails at run time
# custom:
#   id: BAD-005
#   severity: low
#   kinds: [Deployment]
package kubeward.rules.bad.conflict

# Two values for one complete rule: an eval_conflict_error on every object.
value = input.kind if true

value = "other" if true

deny contains "never" if value == 3
