# METADATA
# title: Windows HostProcess
# description: |
#   A Windows HostProcess container runs directly on the node as a host
#   process, with access to the host's network, filesystem and processes: the
#   Windows counterpart of a privileged container. Pod Security Standards
#   forbid it at the baseline level.
# custom:
#   id: KW-PSS-012
#   severity: critical
#   kinds: [pod-kinds]
#   profiles: [pss-baseline, pss-restricted, cis, nsa]
#   remediation: Remove securityContext.windowsOptions.hostProcess from the pod and its containers or set it to false.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA windowsHostProcess
#     - CIS 5.2.10
#     - KSV-0103
#     - PO hostProcess
#     - https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: node-agent
#     spec:
#       os:
#         name: windows
#       hostNetwork: true
#       securityContext:
#         windowsOptions:
#           hostProcess: true
#           runAsUserName: "NT AUTHORITY\\SYSTEM"
#       containers:
#         - name: agent
#           image: registry.example.com/win-agent:1.0.0
package kubeward.rules.pss.windows_host_process

import data.kubeward.lib.pods

deny contains {
	"msg": "the pod sets securityContext.windowsOptions.hostProcess=true; remove it or set it to false.",
	"path": array.concat(pods.pod_sc_path, ["windowsOptions", "hostProcess"]),
} if {
	pods.pod_sc.windowsOptions.hostProcess == true
}

deny contains {
	"msg": sprintf(
		"container %q sets securityContext.windowsOptions.hostProcess=true; remove it or set it to false.",
		[c.name],
	),
	"path": array.concat(pods.sc_path(c, "windowsOptions"), ["hostProcess"]),
} if {
	some c in pods.containers
	pods.sc(c).windowsOptions.hostProcess == true
}
