# METADATA
# title: Host namespaces
# description: |
#   Sharing the host's network, PID or IPC namespace lets a pod see and reach
#   the node's processes, interfaces and shared memory, and bypass network
#   policy. Pod Security Standards forbid all three at the baseline level.
# custom:
#   id: KW-PSS-003
#   severity: high
#   kinds: [pod-kinds]
#   profiles: [pss-baseline, pss-restricted, cis, nsa]
#   remediation: Remove hostNetwork, hostPID and hostIPC from the pod spec or set them to false.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA hostNamespaces
#     - CIS 5.2.3
#     - CIS 5.2.4
#     - CIS 5.2.5
#     - KSV-0008
#     - KSV-0009
#     - KSV-0010
#     - KL host-ipc
#     - KL host-network
#     - KL host-pid
#     - PO hostIPCSet
#     - PO hostPIDSet
#     - PO hostNetworkSet
#     - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: node-debugger
#     spec:
#       hostNetwork: true
#       hostPID: true
#       containers:
#         - name: shell
#           image: registry.example.com/toolbox:2.1.0
package kubeward.rules.pss.host_namespaces

import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("the pod sets %s=true; remove it or set it to false.", [field]),
	"path": array.concat(pods.spec_path, [field]),
} if {
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	pods.spec[field] == true
}
