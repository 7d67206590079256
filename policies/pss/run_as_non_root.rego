# METADATA
# title: runAsNonRoot not true
# description: |
#   Without runAsNonRoot true, a container runs as whatever user its image
#   names, often root; a root process in a container is one kernel bug or
#   misconfiguration away from root on the node. Pod Security Standards at the
#   restricted level require it, unless the pod runs in a user namespace
#   (hostUsers false), where root in the container is not root on the node.
# custom:
#   id: KW-PSS-017
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [pss-restricted, cis, nsa]
#   remediation: Set securityContext.runAsNonRoot to true on the pod (or on every container) and set no container to false.
#   references:
#     - NSA Pod security / non-root containers
#     - PSA runAsNonRoot
#     - CIS 5.2.7
#     - KSV-0012
#     - KL run-as-non-root
#     - PO runAsRootAllowed
#     - KS C-0013
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#   example: |
#     apiVersion: batch/v1
#     kind: CronJob
#     metadata:
#       name: nightly
#     spec:
#       schedule: "0 2 * * *"
#       jobTemplate:
#         spec:
#           template:
#             spec:
#               restartPolicy: OnFailure
#               containers:
#                 - name: job
#                   image: registry.example.com/nightly:1.0.0
package kubeward.rules.pss.run_as_non_root

import data.kubeward.lib.pods
import data.kubeward.lib.pss

# (a) the pod sets it to anything but true.
deny contains {
	"msg": sprintf(
		"the pod sets securityContext.runAsNonRoot=%s; set it to true.",
		[pss.quote(pods.pod_sc.runAsNonRoot)],
	),
	"path": array.concat(pods.pod_sc_path, ["runAsNonRoot"]),
} if {
	not pods.user_namespaced
	pss.is_set(pods.pod_sc, "runAsNonRoot")
	pods.pod_sc.runAsNonRoot != true
}

# (b) a container sets it to anything but true.
deny contains {
	"msg": sprintf(
		"container %q sets securityContext.runAsNonRoot=%s; set it to true.",
		[c.name, pss.quote(sc.runAsNonRoot)],
	),
	"path": pods.sc_path(c, "runAsNonRoot"),
} if {
	not pods.user_namespaced
	some c in pods.containers
	sc := pods.sc(c)
	pss.is_set(sc, "runAsNonRoot")
	sc.runAsNonRoot != true
}

# (c) a container leaves it unset and the pod does not set it to true.
deny contains {
	"msg": sprintf(
		"container %q does not set securityContext.runAsNonRoot and the pod does not set it to true (default: not enforced); set it to true.",
		[c.name],
	),
	"path": pods.sc_path(c, "runAsNonRoot"),
} if {
	not pods.user_namespaced
	not pods.pod_sc.runAsNonRoot == true
	some c in pods.containers
	not pss.is_set(pods.sc(c), "runAsNonRoot")
}
