# METADATA
# title: Short image name
# description: |
#   An image without a registry is resolved by the container runtime's
#   defaults: usually docker.io, but runtimes configured with search registries
#   may try others first, so the same name can pull different images on
#   different nodes. Naming the registry removes the guess.
# custom:
#   id: KW-IMG-008
#   severity: info
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Write the image fully qualified, with its registry (e.g. docker.io/library/nginx:1.27).
#   references:
#     - https://kubernetes.io/docs/concepts/containers/images/#image-names
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: static-site
#     spec:
#       selector:
#         matchLabels: {app: static-site}
#       template:
#         metadata:
#           labels: {app: static-site}
#         spec:
#           containers:
#             - name: nginx
#               image: nginx:1.27.0
package kubeward.rules.image.short_image_name

import data.kubeward.lib.images
import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("container %q sets image=%q without a registry, which the runtime resolves (usually to %s); name the registry explicitly.", [c.name, c.container.image, p.normalized]),
	"path": array.concat(c.path, ["image"]),
} if {
	some c in pods.containers
	p := images.parse(c.container.image)
	not p.qualified
}
