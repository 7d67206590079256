# METADATA
# title: NodeRestriction admission off
# description: |
#   The NodeRestriction admission plugin stops a kubelet from changing other
#   nodes, pods bound elsewhere, and the node labels that steer workloads.
#   Without it a single compromised node can relabel itself to attract sensitive
#   pods. It is off unless enabled.
# custom:
#   id: KW-CP-006
#   severity: high
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Add NodeRestriction to --enable-admission-plugins (and keep Node in --authorization-mode).
#   references:
#     - CIS 1.2.14
#     - https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#noderestriction
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: kube-apiserver
#       namespace: kube-system
#       labels: {component: kube-apiserver, tier: control-plane}
#     spec:
#       hostNetwork: true
#       priorityClassName: system-node-critical
#       containers:
#         - name: kube-apiserver
#           image: registry.k8s.io/kube-apiserver:v1.34.1
#           command:
#             - kube-apiserver
#             - --authorization-mode=Node,RBAC
#             - --enable-admission-plugins=AlwaysPullImages
package kubeward.rules.controlplane.admission_node_restriction

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s.", [c.name, x.text]),
	"path": x.path,
} if {
	some c in cp.apiservers
	x := cp.admission_off(c, "NodeRestriction")
}
