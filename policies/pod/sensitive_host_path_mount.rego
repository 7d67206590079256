# METADATA
# title: Sensitive host path mounted
# description: |
#   The node's root, system and configuration directories (/etc, /proc, /sys,
#   /dev, the kubelet's and runtimes' state under /var/lib) hold credentials,
#   kernel interfaces and other pods' data. A container that mounts them can read
#   secrets of the node and often take it over, even through a read-only mount.
# custom:
#   id: KW-POD-012
#   severity: high
#   kinds: [pod-kinds]
#   profiles: [nsa]
#   remediation: Remove the hostPath volume; deliver configuration through ConfigMaps, Secrets or projected volumes, or mount a narrow, non-sensitive host directory.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - KL sensitive-host-mounts
#     - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#   example: |
#     apiVersion: apps/v1
#     kind: DaemonSet
#     metadata:
#       name: node-exporter
#     spec:
#       selector:
#         matchLabels: {app: node-exporter}
#       template:
#         metadata:
#           labels: {app: node-exporter}
#         spec:
#           containers:
#             - name: node-exporter
#               image: registry.example.com/monitoring/node-exporter:1.8.1
#               volumeMounts:
#                 - name: proc
#                   mountPath: /host/proc
#                   readOnly: true
#           volumes:
#             - name: proc
#               hostPath:
#                 path: /proc
package kubeward.rules.pod.sensitive_host_path_mount

import data.kubeward.lib.hostpaths

# Reported on the mount; mounts POD-011 reports (runtime sockets) are skipped.
deny contains {
	"msg": sprintf(
		"container %q mounts sensitive host path %q (volume %q); remove the hostPath volume or mount a narrow, non-sensitive directory instead.",
		[m.container.name, m.host_path, m.volume],
	),
	"path": m.path,
} if {
	some m in hostpaths.mounts
	hostpaths.sensitive_mount(m)
}
