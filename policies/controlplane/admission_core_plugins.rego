# METADATA
# title: Core admission plugin disabled
# description: |
#   ServiceAccount admission gives every pod a ServiceAccount and stops pods
#   from using another namespace's; NamespaceLifecycle stops objects being
#   created in namespaces that are terminating or do not exist. Both are on by
#   default, so this fires only when they are disabled or left out of a legacy
#   --admission-control list.
# custom:
#   id: KW-CP-007
#   severity: high
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Remove ServiceAccount and NamespaceLifecycle from --disable-admission-plugins, and replace a legacy --admission-control list with --enable-admission-plugins.
#   references:
#     - CIS 1.2.12
#     - CIS 1.2.13
#     - https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/
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
#             - --enable-admission-plugins=NodeRestriction
#             - --disable-admission-plugins=ServiceAccount
package kubeward.rules.controlplane.admission_core_plugins

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s.", [c.name, x.text]),
	"path": x.path,
} if {
	some c in cp.apiservers
	some p in ["ServiceAccount", "NamespaceLifecycle"]
	x := cp.admission_off(c, p)
}
