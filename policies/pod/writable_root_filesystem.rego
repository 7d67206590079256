# METADATA
# title: Writable root filesystem
# description: |
#   A writable root filesystem lets an attacker who gets code execution drop
#   tools, modify binaries and persist inside the container. A read-only root
#   with emptyDir volumes for the few paths that must be written keeps the
#   image immutable.
# custom:
#   id: KW-POD-006
#   severity: low
#   kinds: [pod-kinds]
#   profiles: [nsa]
#   remediation: Set securityContext.readOnlyRootFilesystem to true and mount emptyDir volumes where the container must write.
#   references:
#     - NSA Pod security / immutable container file systems
#     - KSV-0014
#     - KL no-read-only-root-fs
#     - PO notReadOnlyRootFilesystem
#     - KS C-0017
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#   example: |
#     apiVersion: batch/v1
#     kind: Job
#     metadata:
#       name: db-migrate
#     spec:
#       template:
#         spec:
#           restartPolicy: Never
#           containers:
#             - name: migrate
#               image: registry.example.com/shop/migrations:2024.06.1
#               securityContext:
#                 allowPrivilegeEscalation: false
package kubeward.rules.pod.writable_root_filesystem

import data.kubeward.lib.pods

deny contains {
	"msg": sprintf(
		"container %q %s; set it to true and mount an emptyDir volume where the container must write.",
		[c.name, _found(c)],
	),
	"path": pods.sc_path(c, "readOnlyRootFilesystem"),
} if {
	not pods.is_windows
	some c in pods.app_containers
	not pods.sc(c).readOnlyRootFilesystem == true
}

_found(c) := sprintf("sets securityContext.readOnlyRootFilesystem=%s", [json.marshal(v)]) if {
	v := pods.sc(c).readOnlyRootFilesystem
	v != null
} else := "does not set securityContext.readOnlyRootFilesystem (default: false)"
