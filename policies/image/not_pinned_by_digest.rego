# METADATA
# title: Not pinned by digest
# description: |
#   A tag is a name the registry can point at other content at any time; only
#   a digest identifies the exact image bytes. Pinning by digest makes every
#   node run the image that was scanned and approved, even if the tag is
#   re-pushed or the registry is compromised.
# custom:
#   id: KW-IMG-003
#   severity: info
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Append the image's digest to the reference (image:tag@sha256:<64 hex digits>), e.g. with a tool that resolves tags at build time.
#   references:
#     - cf. CIS 5.5.1
#     - https://kubernetes.io/docs/concepts/containers/images/#image-names
#   example: |
#     apiVersion: apps/v1
#     kind: StatefulSet
#     metadata:
#       name: postgres
#     spec:
#       serviceName: postgres
#       selector:
#         matchLabels: {app: postgres}
#       template:
#         metadata:
#           labels: {app: postgres}
#         spec:
#           containers:
#             - name: postgres
#               image: registry.example.com/db/postgres:16.3
package kubeward.rules.image.not_pinned_by_digest

import data.kubeward.lib.images
import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("container %q sets image=%q without a sha256 digest; pin it with @sha256:<digest>.", [c.name, c.container.image]),
	"path": array.concat(c.path, ["image"]),
} if {
	some c in pods.containers
	p := images.parse(c.container.image)
	not images.pinned(p)
	not images.mutable(p) # IMG-001 or IMG-002 reports it
}
