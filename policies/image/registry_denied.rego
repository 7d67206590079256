# METADATA
# title: Registry denied
# description: |
#   Some registries or repositories are known to be untrusted, deprecated or
#   off-limits (public mirrors, personal namespaces, retired internal
#   registries). Images matching a deniedRegistries prefix must not be deployed.
# custom:
#   id: KW-IMG-007
#   severity: high
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Use an image from another registry (mirror it to an approved one if needed), or remove the entry from deniedRegistries.
#   references:
#     - KS C-0001
#     - https://kubernetes.io/docs/concepts/containers/images/
#   example: |
#     apiVersion: apps/v1
#     kind: StatefulSet
#     metadata:
#       name: payments
#     spec:
#       serviceName: payments
#       selector:
#         matchLabels: {app: payments}
#       template:
#         metadata:
#           labels: {app: payments}
#         spec:
#           containers:
#             - name: payments
#               image: registry.example.com/sandbox/payments:0.3.1
#   exampleData: |
#     kubeward:
#       config:
#         deniedRegistries: [registry.example.com/sandbox]
package kubeward.rules.image.registry_denied

import data.kubeward.lib.images
import data.kubeward.lib.pods

# _denied: the configured prefixes ([] when unset).
_denied := images.prefixes(x) if {
	x := data.kubeward.config.deniedRegistries
} else := []

deny contains {
	"msg": sprintf("container %q sets image=%q from %s, which matches the deniedRegistries entry %q; use an image from another registry.", [c.name, c.container.image, p.normalized, entry]),
	"path": array.concat(c.path, ["image"]),
} if {
	# Nothing to match when none is configured (the default): parse no image.
	count(_denied) > 0
	some c in pods.containers
	p := images.parse(c.container.image)
	entry := images.first_match(_denied, p)
}
