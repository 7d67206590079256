package kubernetes.security

import data.lib.k8s

deny[msg] {
	c := k8s.containers(input)[_]
	c.securityContext.privileged
	msg := sprintf("container %s is privileged", [c.name])
}

warn_host_network[msg] {
	k8s.pod_spec(input).hostNetwork
	msg := sprintf("%s %s uses the host network", [input.kind, input.metadata.name])
}
