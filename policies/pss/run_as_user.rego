# METADATA
# title: runAsUser 0
# description: |
#   runAsUser 0 runs the container's processes as root, whatever the image
#   says; a root process in a container is one kernel bug or misconfiguration
#   away from root on the node. Pod Security Standards at the restricted level
#   forbid it, unless the pod runs in a user namespace (hostUsers false).
# custom:
#   id: KW-PSS-018
#   severity: high
#   kinds: [pod-kinds]
#   profiles: [pss-restricted, nsa]
#   remediation: Set securityContext.runAsUser to a non-zero user ID, or remove it and set runAsNonRoot to true.
#   references:
#     - NSA Pod security / non-root containers
#     - PSA runAsUser
#     - KSV-0105
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       securityContext:
#         runAsUser: 0
#       containers:
#         - name: app
#           image: registry.example.com/web:1.4.2
package kubeward.rules.pss.run_as_user

import data.kubeward.lib.pods

deny contains {
	"msg": "the pod sets securityContext.runAsUser=0; set a non-zero user ID.",
	"path": array.concat(pods.pod_sc_path, ["runAsUser"]),
} if {
	not pods.user_namespaced
	pods.pod_sc.runAsUser == 0
}

deny contains {
	"msg": sprintf("container %q sets securityContext.runAsUser=0; set a non-zero user ID.", [c.name]),
	"path": pods.sc_path(c, "runAsUser"),
} if {
	not pods.user_namespaced
	some c in pods.containers
	pods.sc(c).runAsUser == 0
}
