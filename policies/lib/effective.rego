# METADATA
# title: Effective securityContext helpers
# description: |
#   Where a container's effective securityContext value comes from: the
#   container's securityContext when it sets the field, else the pod's
#   (the same choice as data.kubeward.lib.pods.effective). Rules use it to point
#   a finding at the field that actually holds the value.
#   Stable API for user policies: data.kubeward.lib.effective.
package kubeward.lib.effective

import data.kubeward.lib.pods

# from_pod(c, field) holds when c's effective value of field is inherited from the pod.
from_pod(c, field) if {
	not _container_sets(c, field)
	pods.pod_sc[field] != null
}

_container_sets(c, field) if pods.sc(c)[field] != null

# path(c, field) is the path of the field that holds c's effective value
# (the container's securityContext.<field> when the pod does not set it either).
path(c, field) := array.concat(pods.pod_sc_path, [field]) if from_pod(c, field)

else := pods.sc_path(c, field)
