# METADATA
# title: Image from an approved registry
# description: |
#   Images are pulled only from the registries the platform team mirrors and
#   scans; anything else may change under us or carry unreviewed code.
# custom:
#   id: ACME-001
#   severity: high
#   kinds: [Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob]
#   profiles: [acme]
#   remediation: Push the image to an approved registry (data.acme.registries) and use that reference.
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: app
#           image: docker.io/nginx:1.27
package kubeward.rules.acme.registry

import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("container %q uses image %q from a registry that is not approved (%s).", [c.name, image, concat(", ", data.acme.registries)]),
	"path": array.concat(c.path, ["image"]),
} if {
	some c in pods.containers
	image := c.container.image
	not approved(image)
}

approved(image) if {
	some registry in data.acme.registries
	startswith(image, concat("", [registry, "/"]))
}
