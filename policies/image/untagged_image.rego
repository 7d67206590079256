# METADATA
# title: No tag or digest
# description: |
#   An image named without a tag or digest means the latest tag, which moves
#   whenever a new image is pushed: the same manifest runs different code on
#   different nodes and after every restart, and a rollback cannot return to
#   what ran before.
# custom:
#   id: KW-IMG-002
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Add a specific version tag to the image, or pin it by digest (@sha256:...).
#   references:
#     - KL latest-tag
#     - PO tagNotSpecified
#     - https://kubernetes.io/docs/concepts/containers/images/#image-names
#   example: |
#     apiVersion: batch/v1
#     kind: CronJob
#     metadata:
#       name: cache-cleanup
#     spec:
#       schedule: "0 * * * *"
#       jobTemplate:
#         spec:
#           template:
#             spec:
#               restartPolicy: OnFailure
#               containers:
#                 - name: cleanup
#                   image: registry.example.com/tools/cache-cleanup
package kubeward.rules.image.untagged_image

import data.kubeward.lib.images
import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("container %q sets image=%q with neither tag nor digest (default: latest); add a specific version tag or a digest.", [c.name, c.container.image]),
	"path": array.concat(c.path, ["image"]),
} if {
	some c in pods.containers
	images.untagged(images.parse(c.container.image))
}
