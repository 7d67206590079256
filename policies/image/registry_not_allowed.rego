# METADATA
# title: Registry not allowed
# description: |
#   Images from registries the organisation does not control or vet can carry
#   anything, and can change under an existing tag. When allowedRegistries is
#   configured, every image must come from one of its prefixes (registry, or
#   registry/path).
# custom:
#   id: KW-IMG-006
#   severity: high
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Use an image from one of the allowedRegistries prefixes (mirror it there if needed), or extend the list.
#   references:
#     - KSV-0125
#     - KSV-0034
#     - KS C-0078
#     - https://kubernetes.io/docs/concepts/containers/images/
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: session-cache
#     spec:
#       selector:
#         matchLabels: {app: session-cache}
#       template:
#         metadata:
#           labels: {app: session-cache}
#         spec:
#           containers:
#             - name: redis
#               image: docker.io/library/redis:7.2.4
#   exampleData: |
#     kubeward:
#       config:
#         allowedRegistries: [registry.example.com]
package kubeward.rules.image.registry_not_allowed

import data.kubeward.lib.images
import data.kubeward.lib.pods

# _allowed: the configured prefixes ([] when unset).
_allowed := images.prefixes(x) if {
	x := data.kubeward.config.allowedRegistries
} else := []

deny contains {
	"msg": sprintf("container %q sets image=%q from %s, which matches no allowedRegistries entry (%s); use an image from an allowed registry.", [c.name, c.container.image, p.normalized, concat(", ", _allowed)]),
	"path": array.concat(c.path, ["image"]),
} if {
	count(_allowed) > 0
	some c in pods.containers
	p := images.parse(c.container.image)
	not images.first_match(_allowed, p)
}
