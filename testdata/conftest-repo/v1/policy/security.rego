package kubernetes.security

import data.lib.k8s

deny contains msg if {
	some c in k8s.containers(input)
	c.securityContext.privileged
	msg := sprintf("container %s is privileged", [c.name])
}

warn_host_network contains msg if {
	k8s.pod_spec(input).hostNetwork
	msg := sprintf("%s %s uses the host network", [input.kind, input.metadata.name])
}
