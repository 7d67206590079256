# METADATA
# title: Naked Pod
# description: |
#   A Pod that no controller owns is not recreated when it fails, is evicted or
#   its node goes away, and cannot be rolled out or scaled. Static pods (mirror
#   pods, kubeadm's control-plane manifests) and Helm hook pods are run by other means and are not reported.
# custom:
#   id: KW-WRK-017
#   severity: low
#   kinds: [Pod]
#   profiles: []
#   remediation: Run the pod from a Deployment, StatefulSet, DaemonSet or Job instead of creating it directly.
#   references:
#     - KS C-0073
#     - https://kubernetes.io/docs/concepts/configuration/overview/#naked-pods-vs-replicasets-deployments-and-jobs
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: debug-shell
#     spec:
#       containers:
#         - name: shell
#           image: registry.example.com/tools/netshoot:0.13
#           command: [sleep, infinity]
package kubeward.rules.workload.naked_pod

import data.kubeward.lib.staticpods
import data.kubeward.lib.workloads

deny contains {
	"msg": sprintf("Pod %q does not set metadata.ownerReferences (default: no controller recreates it when it fails or its node goes away); run it from a Deployment, StatefulSet, DaemonSet or Job.", [workloads.name(input)]),
	"path": ["metadata", "ownerReferences"],
} if {
	input.kind == "Pod"
	not _owned
	not _exempt
}

_owned if {
	refs := input.metadata.ownerReferences
	is_array(refs)
	count(refs) > 0
}

# Mirror pods are the API copies of the kubelet's static pods; Helm creates hook
# pods itself around an install or upgrade.
_exempt if staticpods.static(input)

_exempt if _ = input.metadata.annotations["helm.sh/hook"]
