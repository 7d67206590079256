# A second namespace, read only when asked for (--policy-namespace kubernetes.security).
package kubernetes.security

import data.lib.kubernetes

deny contains msg if {
	some container in kubernetes.containers
	container.securityContext.privileged
	msg := sprintf("Container %s is privileged", [container.name])
}
