# METADATA
# title: SSH port exposed
# description: |
#   Port 22 in a container or Service usually means an SSH server runs in the
#   pod: one more service to patch and brute-force, with credentials that live
#   outside Kubernetes access control and audit. kubectl exec and ephemeral
#   debug containers give the same access under RBAC.
# custom:
#   id: KW-NET-016
#   severity: low
#   kinds: [pod-kinds, Service]
#   profiles: []
#   remediation: Remove the SSH server and port 22; use kubectl exec or kubectl debug to get a shell.
#   references:
#     - KL ssh-port
#     - KS C-0042
#     - https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/#ephemeral-container
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: bastion
#       namespace: ops
#     spec:
#       selector:
#         matchLabels: {app: bastion}
#       template:
#         metadata:
#           labels: {app: bastion}
#         spec:
#           containers:
#             - name: sshd
#               image: registry.example.com/ops/sshd:9.6
#               ports:
#                 - containerPort: 22
package kubeward.rules.network.ssh_port

import data.kubeward.lib.network
import data.kubeward.lib.pods
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("container %q declares ports[%d].containerPort=22 (SSH); remove the SSH server and use kubectl exec or kubectl debug instead.", [c.name, k]),
	"path": array.concat(c.path, ["ports", k, "containerPort"]),
} if {
	some c in pods.containers
	some k, port in c.container.ports
	port.containerPort == 22

	# KW-PSS-005 reports a port with a hostPort.
	not network.host_port_set(port)
}

deny contains {
	"msg": sprintf("Service %q sets spec.ports[%d].%s=22 (SSH); remove the SSH port and use kubectl exec or kubectl debug instead.", [workloads.name(input), k, field]),
	"path": ["spec", "ports", k, field],
} if {
	input.kind == "Service"
	some k, port in input.spec.ports
	field := _ssh_field(port)
}

# A named targetPort is resolved in the pods; only numbers are checked here.
_ssh_field(port) := "port" if port.port == 22

else := "targetPort" if port.targetPort == 22
