# METADATA
# title: Writable hostPath mount
# description: |
#   A writable hostPath mount lets the container change files on the node:
#   plant binaries or configuration other pods or the kubelet will use, fill the
#   node's disk, or tamper with logs. Mount host directories read-only whenever
#   the container only needs to read them.
# custom:
#   id: KW-POD-013
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Set readOnly to true on the volumeMount, or replace the hostPath volume with an emptyDir or a PersistentVolumeClaim.
#   references:
#     - KL writable-host-mount
#     - KS C-0045
#     - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#   example: |
#     apiVersion: apps/v1
#     kind: DaemonSet
#     metadata:
#       name: log-collector
#     spec:
#       selector:
#         matchLabels: {app: log-collector}
#       template:
#         metadata:
#           labels: {app: log-collector}
#         spec:
#           containers:
#             - name: collector
#               image: registry.example.com/logging/collector:3.0.7
#               volumeMounts:
#                 - name: varlog
#                   mountPath: /var/log
#           volumes:
#             - name: varlog
#               hostPath:
#                 path: /var/log
package kubeward.rules.pod.writable_host_path_mount

import data.kubeward.lib.hostpaths

# Mounts POD-011 or POD-012 report are skipped (hostpaths.writable_mount).
deny contains {
	"msg": sprintf(
		"container %q %s on its mount of hostPath %q (volume %q); set readOnly to true or use a non-hostPath volume.",
		[m.container.name, _found(m.mount), m.host_path, m.volume],
	),
	"path": array.concat(m.path, ["readOnly"]),
} if {
	some m in hostpaths.mounts
	hostpaths.writable_mount(m)
}

_found(mount) := sprintf("sets readOnly=%s", [json.marshal(mount.readOnly)]) if {
	mount.readOnly != null
} else := "does not set readOnly (default: false, writable)"
