# METADATA
# title: hostPath volumes
# description: |
#   A hostPath volume mounts a file or directory of the node into the pod. It
#   can expose the node's credentials, the container runtime socket or system
#   files, and is a common step in escaping to the host. Pod Security Standards
#   forbid hostPath volumes at the baseline level.
# custom:
#   id: KW-PSS-004
#   severity: high
#   kinds: [pod-kinds]
#   profiles: [pss-baseline, cis, nsa]
#   remediation: Replace the hostPath volume with a persistentVolumeClaim, configMap, secret, emptyDir or another non-host volume type.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA hostPathVolumes
#     - CIS 5.2.11
#     - KSV-0023
#     - PO hostPathSet
#     - KS C-0048
#     - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#   example: |
#     apiVersion: apps/v1
#     kind: DaemonSet
#     metadata:
#       name: log-shipper
#     spec:
#       selector:
#         matchLabels: {app: log-shipper}
#       template:
#         metadata:
#           labels: {app: log-shipper}
#         spec:
#           containers:
#             - name: shipper
#               image: registry.example.com/shipper:2.0.1
#               volumeMounts:
#                 - {name: logs, mountPath: /var/log}
#           volumes:
#             - name: logs
#               hostPath:
#                 path: /var/log
package kubeward.rules.pss.host_path_volumes

import data.kubeward.lib.pods
import data.kubeward.lib.pss

deny contains {
	"msg": sprintf(
		"volume %s mounts the node's path %s with hostPath; use a non-host volume type instead.",
		[pss.quote(v.name), pss.quote(pss.string_field(v.volume.hostPath, "path"))],
	),
	"path": array.concat(v.path, ["hostPath"]),
} if {
	some v in pods.volumes
	pss.is_set(v.volume, "hostPath")
}
