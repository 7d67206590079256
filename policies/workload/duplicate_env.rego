# METADATA
# title: Duplicate env var
# description: |
#   When a container's env lists the same name twice, the later entry silently
#   replaces the earlier one. The value the application sees is then not the
#   one a reader of the manifest expects, often after a merge or an overlay
#   added a second entry.
# custom:
#   id: KW-WRK-016
#   severity: low
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Keep one env entry per name.
#   references:
#     - KL duplicate-env-var
#     - https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: payments
#     spec:
#       selector:
#         matchLabels: {app: payments}
#       template:
#         metadata:
#           labels: {app: payments}
#         spec:
#           containers:
#             - name: payments
#               image: registry.example.com/finance/payments:6.0.1
#               env:
#                 - {name: LOG_LEVEL, value: info}
#                 - {name: DB_HOST, value: payments-db}
#                 - {name: LOG_LEVEL, value: debug}
package kubeward.rules.workload.duplicate_env

import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("container %q sets env %q again at env[%d] (first at env[%d]); remove one of them (the last one wins).", [c.name, name, j, first]),
	"path": array.concat(c.path, ["env", j, "name"]),
} if {
	some c in pods.containers
	env := c.container.env
	is_array(env)
	_repeats(env)
	some j, entry in env
	name := entry.name
	is_string(name)
	earlier := [i | some i, e in env; i < j; e.name == name]
	count(earlier) > 0
	first := min(earlier)
}

# _repeats(env) holds when fewer distinct names than entries: a linear test
# that spares most containers the pairwise search above. (An entry without a
# name also makes it hold; the search then decides.)
_repeats(env) if count({e.name | some e in env}) < count(env)
