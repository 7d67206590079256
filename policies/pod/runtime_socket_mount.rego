# METADATA
# title: Container runtime socket mounted
# description: |
#   The container runtime's socket (Docker, containerd, CRI-O) accepts commands
#   to start privileged containers with the host's filesystem: whoever can reach
#   it is root on the node, read-only mount or not. Mounting the directory that
#   holds the socket (/var/run, /run, ...) exposes it too.
# custom:
#   id: KW-POD-011
#   severity: critical
#   kinds: [pod-kinds]
#   profiles: [nsa]
#   remediation: Remove the hostPath volume and its mounts; build images and inspect containers through an API that does not hand out the runtime.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - KSV-0006
#     - KL docker-sock
#     - KS C-0074
#     - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
#   example: |
#     apiVersion: batch/v1
#     kind: Job
#     metadata:
#       name: image-build
#     spec:
#       template:
#         spec:
#           restartPolicy: Never
#           containers:
#             - name: docker
#               image: registry.example.com/ci/docker-cli:27.1.1
#               volumeMounts:
#                 - name: docker-sock
#                   mountPath: /var/run/docker.sock
#           volumes:
#             - name: docker-sock
#               hostPath:
#                 path: /var/run/docker.sock
#                 type: Socket
package kubeward.rules.pod.runtime_socket_mount

import data.kubeward.lib.hostpaths

# Reported on the mount: PSS-004/PSS-016 report the hostPath volume itself.
deny contains {
	"msg": sprintf(
		"container %q mounts hostPath %q (volume %q), a container runtime socket or its directory that gives root on the node; remove the volume and its mounts.",
		[m.container.name, m.host_path, m.volume],
	),
	"path": m.path,
} if {
	some m in hostpaths.mounts
	hostpaths.socket_mount(m)
}
