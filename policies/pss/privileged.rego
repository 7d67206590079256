# METADATA
# title: Privileged container
# description: |
#   A privileged container runs with every capability and the host's devices:
#   it can do almost everything a process on the node can do, including
#   escaping to the host. Pod Security Standards forbid it at the baseline level.
# custom:
#   id: KW-PSS-007
#   severity: critical
#   kinds: [pod-kinds]
#   profiles: [pss-baseline, pss-restricted, cis, nsa]
#   remediation: Remove securityContext.privileged from the container or set it to false.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA privileged
#     - CIS 5.2.2
#     - KSV-0017
#     - KL privileged-container
#     - PO runAsPrivileged
#     - KS C-0057
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
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
#             - name: app
#               image: registry.example.com/web:1.4.2
#               securityContext:
#                 privileged: true
package kubeward.rules.pss.privileged

import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("container %q sets securityContext.privileged=true; remove it or set it to false.", [c.name]),
	"path": pods.sc_path(c, "privileged"),
} if {
	some c in pods.containers
	pods.sc(c).privileged == true
}
