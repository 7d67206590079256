# METADATA
# title: ":latest tag"
# description: |
#   The latest tag moves whenever a new image is pushed, so the same manifest
#   runs different code on different nodes and after every restart, and a
#   rollback cannot return to what ran before. Name a specific version (or a
#   digest) so that what is deployed is what was reviewed.
# custom:
#   id: KW-IMG-001
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Replace the latest tag with a specific version tag, or pin the image by digest (@sha256:...).
#   references:
#     - KSV-0013
#     - KL latest-tag
#     - https://kubernetes.io/docs/concepts/containers/images/#image-names
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: web
#     spec:
#       selector:
#         matchLabels: {app: web}
#       template:
#         metadata:
#           labels: {app: web}
#         spec:
#           containers:
#             - name: web
#               image: registry.example.com/shop/web:latest
package kubeward.rules.image.latest_tag

import data.kubeward.lib.images
import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("container %q sets image=%q with the mutable tag latest; use a specific version tag or a digest.", [c.name, c.container.image]),
	"path": array.concat(c.path, ["image"]),
} if {
	some c in pods.containers
	images.latest_tag(images.parse(c.container.image))
}
