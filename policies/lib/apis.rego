# METADATA
# title: Removed API versions
# description: |
#   The API versions that Kubernetes has stopped serving (catalogue section 4,
#   WRK-015 table), kept as data so that the table can grow: add a row, no rule
#   changes. Source: the Kubernetes deprecated API migration guide.
#   Stable API for user policies: data.kubeward.lib.apis.
package kubeward.lib.apis

# removed[apiVersion][kind] = {"removedIn": <release>, "replacement": <apiVersion, or "" when there is none>}.
# Kind "*" stands for every kind of that apiVersion. Keying by apiVersion and
# kind keeps each entry unique.
removed := {
	"extensions/v1beta1": {
		"DaemonSet": _r("1.16", "apps/v1"),
		"Deployment": _r("1.16", "apps/v1"),
		"ReplicaSet": _r("1.16", "apps/v1"),
		"NetworkPolicy": _r("1.16", "networking.k8s.io/v1"),
		# Its successor policy/v1beta1 was itself removed in 1.25, without a replacement.
		"PodSecurityPolicy": _r("1.16", ""),
		"Ingress": _r("1.22", "networking.k8s.io/v1"),
	},
	"apps/v1beta1": {"*": _r("1.16", "apps/v1")},
	"apps/v1beta2": {"*": _r("1.16", "apps/v1")},
	"networking.k8s.io/v1beta1": {
		"Ingress": _r("1.22", "networking.k8s.io/v1"),
		"IngressClass": _r("1.22", "networking.k8s.io/v1"),
	},
	"rbac.authorization.k8s.io/v1alpha1": {"*": _r("1.22", "rbac.authorization.k8s.io/v1")},
	"rbac.authorization.k8s.io/v1beta1": {"*": _r("1.22", "rbac.authorization.k8s.io/v1")},
	"admissionregistration.k8s.io/v1beta1": {
		"MutatingWebhookConfiguration": _r("1.22", "admissionregistration.k8s.io/v1"),
		"ValidatingWebhookConfiguration": _r("1.22", "admissionregistration.k8s.io/v1"),
	},
	"apiextensions.k8s.io/v1beta1": {"CustomResourceDefinition": _r("1.22", "apiextensions.k8s.io/v1")},
	"apiregistration.k8s.io/v1beta1": {"APIService": _r("1.22", "apiregistration.k8s.io/v1")},
	"certificates.k8s.io/v1beta1": {"CertificateSigningRequest": _r("1.22", "certificates.k8s.io/v1")},
	"coordination.k8s.io/v1beta1": {"Lease": _r("1.22", "coordination.k8s.io/v1")},
	"scheduling.k8s.io/v1alpha1": {"PriorityClass": _r("1.22", "scheduling.k8s.io/v1")},
	"scheduling.k8s.io/v1beta1": {"PriorityClass": _r("1.22", "scheduling.k8s.io/v1")},
	"storage.k8s.io/v1beta1": {
		"CSIDriver": _r("1.22", "storage.k8s.io/v1"),
		"CSINode": _r("1.22", "storage.k8s.io/v1"),
		"StorageClass": _r("1.22", "storage.k8s.io/v1"),
		"VolumeAttachment": _r("1.22", "storage.k8s.io/v1"),
		"CSIStorageCapacity": _r("1.27", "storage.k8s.io/v1"),
	},
	"batch/v1beta1": {"CronJob": _r("1.25", "batch/v1")},
	"policy/v1beta1": {
		"PodDisruptionBudget": _r("1.25", "policy/v1"),
		"PodSecurityPolicy": _r("1.25", ""),
	},
	"autoscaling/v2beta1": {"HorizontalPodAutoscaler": _r("1.25", "autoscaling/v2")},
	"autoscaling/v2beta2": {"HorizontalPodAutoscaler": _r("1.26", "autoscaling/v2")},
	"discovery.k8s.io/v1beta1": {"EndpointSlice": _r("1.25", "discovery.k8s.io/v1")},
	"events.k8s.io/v1beta1": {"Event": _r("1.25", "events.k8s.io/v1")},
	"node.k8s.io/v1beta1": {"RuntimeClass": _r("1.25", "node.k8s.io/v1")},
	"flowcontrol.apiserver.k8s.io/v1beta1": _flowcontrol("1.26"),
	"flowcontrol.apiserver.k8s.io/v1beta2": _flowcontrol("1.29"),
	"flowcontrol.apiserver.k8s.io/v1beta3": _flowcontrol("1.32"),
}

_r(release, replacement) := {"removedIn": release, "replacement": replacement}

_flowcontrol(release) := {
	"FlowSchema": _r(release, "flowcontrol.apiserver.k8s.io/v1"),
	"PriorityLevelConfiguration": _r(release, "flowcontrol.apiserver.k8s.io/v1"),
}

# removal(api_version, kind) is the table entry for that apiVersion and kind
# (an entry for the exact kind wins over a "*" entry); undefined when the
# version is still served.
removal(api_version, kind) := r if {
	r := removed[api_version][kind]
} else := r if {
	r := removed[api_version]["*"]
}
