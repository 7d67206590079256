# METADATA
# title: Mutable image not always pulled
# description: |
#   With a latest or missing tag and imagePullPolicy IfNotPresent or Never,
#   each node keeps running whichever image it pulled first: nodes drift apart,
#   fixes pushed under the tag never arrive, and anyone who can place an image
#   of that name on a node decides what runs there.
# custom:
#   id: KW-IMG-004
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Set imagePullPolicy to Always (or remove it), or better, use a specific version tag or a digest.
#   references:
#     - KS C-0075
#     - https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy
#   example: |
#     apiVersion: apps/v1
#     kind: DaemonSet
#     metadata:
#       name: node-agent
#     spec:
#       selector:
#         matchLabels: {app: node-agent}
#       template:
#         metadata:
#           labels: {app: node-agent}
#         spec:
#           containers:
#             - name: agent
#               image: registry.example.com/platform/node-agent:latest
#               imagePullPolicy: IfNotPresent
package kubeward.rules.image.mutable_image_not_always_pulled

import data.kubeward.lib.images
import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("container %q sets imagePullPolicy=%q for the mutable image %q; set it to Always, or use a specific version tag or a digest.", [c.name, c.container.imagePullPolicy, c.container.image]),
	"path": array.concat(c.path, ["imagePullPolicy"]),
} if {
	some c in pods.containers
	images.mutable_not_always_pulled(c.container)
}
