# METADATA
# title: Pull policy not Always
# description: |
#   Unless imagePullPolicy is Always, a node reuses any image it already has
#   under that name without asking the registry, which also skips the
#   registry's check that the pod may use the image. A digest makes the
#   reused image the right one; otherwise Always keeps nodes honest.
# custom:
#   id: KW-IMG-005
#   severity: info
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Set imagePullPolicy to Always, or pin the image by digest (@sha256:...).
#   references:
#     - PO pullPolicyNotAlways
#     - https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy
#   example: |
#     apiVersion: batch/v1
#     kind: Job
#     metadata:
#       name: seed-catalog
#     spec:
#       template:
#         spec:
#           restartPolicy: Never
#           containers:
#             - name: seed
#               image: registry.example.com/shop/catalog-seed:1.4.0
#               imagePullPolicy: IfNotPresent
package kubeward.rules.image.pull_policy_not_always

import data.kubeward.lib.images
import data.kubeward.lib.pods

deny contains {
	"msg": _msg(c.name, c.container, policy),
	"path": array.concat(c.path, ["imagePullPolicy"]),
} if {
	some c in pods.containers
	p := images.parse(c.container.image)
	policy := images.pull_policy(c.container)
	policy != "Always"
	not images.has_digest(p)
	not images.mutable_not_always_pulled(c.container) # IMG-004 reports it
}

_msg(name, container, policy) := sprintf("container %q sets imagePullPolicy=%q for image %q, which has no digest; set it to Always or pin the image by digest.", [name, policy, container.image]) if {
	images.explicit_pull_policy(container)
} else := sprintf("container %q does not set imagePullPolicy (default: %s for image %q); set it to Always or pin the image by digest.", [name, policy, container.image])
