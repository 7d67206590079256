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
# A literal, so that it costs nothing per object.
removed := {
	"extensions/v1beta1": {
		"DaemonSet": {"removedIn": "1.16", "replacement": "apps/v1"},
		"Deployment": {"removedIn": "1.16", "replacement": "apps/v1"},
		"ReplicaSet": {"removedIn": "1.16", "replacement": "apps/v1"},
		"NetworkPolicy": {"removedIn": "1.16", "replacement": "networking.k8s.io/v1"},
		# Its successor policy/v1beta1 was itself removed in 1.25, without a replacement.
		"PodSecurityPolicy": {"removedIn": "1.16", "replacement": ""},
		"Ingress": {"removedIn": "1.22", "replacement": "networking.k8s.io/v1"},
	},
	"apps/v1beta1": {"*": {"removedIn": "1.16", "replacement": "apps/v1"}},
	"apps/v1beta2": {"*": {"removedIn": "1.16", "replacement": "apps/v1"}},
	"networking.k8s.io/v1beta1": {
		"Ingress": {"removedIn": "1.22", "replacement": "networking.k8s.io/v1"},
		"IngressClass": {"removedIn": "1.22", "replacement": "networking.k8s.io/v1"},
	},
	"rbac.authorization.k8s.io/v1alpha1": {"*": {"removedIn": "1.22", "replacement": "rbac.authorization.k8s.io/v1"}},
	"rbac.authorization.k8s.io/v1beta1": {"*": {"removedIn": "1.22", "replacement": "rbac.authorization.k8s.io/v1"}},
	"admissionregistration.k8s.io/v1beta1": {
		"MutatingWebhookConfiguration": {"removedIn": "1.22", "replacement": "admissionregistration.k8s.io/v1"},
		"ValidatingWebhookConfiguration": {"removedIn": "1.22", "replacement": "admissionregistration.k8s.io/v1"},
	},
	"apiextensions.k8s.io/v1beta1": {"CustomResourceDefinition": {"removedIn": "1.22", "replacement": "apiextensions.k8s.io/v1"}},
	"apiregistration.k8s.io/v1beta1": {"APIService": {"removedIn": "1.22", "replacement": "apiregistration.k8s.io/v1"}},
	"certificates.k8s.io/v1beta1": {"CertificateSigningRequest": {"removedIn": "1.22", "replacement": "certificates.k8s.io/v1"}},
	"coordination.k8s.io/v1beta1": {"Lease": {"removedIn": "1.22", "replacement": "coordination.k8s.io/v1"}},
	"scheduling.k8s.io/v1alpha1": {"PriorityClass": {"removedIn": "1.22", "replacement": "scheduling.k8s.io/v1"}},
	"scheduling.k8s.io/v1beta1": {"PriorityClass": {"removedIn": "1.22", "replacement": "scheduling.k8s.io/v1"}},
	"storage.k8s.io/v1beta1": {
		"CSIDriver": {"removedIn": "1.22", "replacement": "storage.k8s.io/v1"},
		"CSINode": {"removedIn": "1.22", "replacement": "storage.k8s.io/v1"},
		"StorageClass": {"removedIn": "1.22", "replacement": "storage.k8s.io/v1"},
		"VolumeAttachment": {"removedIn": "1.22", "replacement": "storage.k8s.io/v1"},
		"CSIStorageCapacity": {"removedIn": "1.27", "replacement": "storage.k8s.io/v1"},
	},
	"batch/v1beta1": {"CronJob": {"removedIn": "1.25", "replacement": "batch/v1"}},
	"policy/v1beta1": {
		"PodDisruptionBudget": {"removedIn": "1.25", "replacement": "policy/v1"},
		"PodSecurityPolicy": {"removedIn": "1.25", "replacement": ""},
	},
	"autoscaling/v2beta1": {"HorizontalPodAutoscaler": {"removedIn": "1.25", "replacement": "autoscaling/v2"}},
	"autoscaling/v2beta2": {"HorizontalPodAutoscaler": {"removedIn": "1.26", "replacement": "autoscaling/v2"}},
	"discovery.k8s.io/v1beta1": {"EndpointSlice": {"removedIn": "1.25", "replacement": "discovery.k8s.io/v1"}},
	"events.k8s.io/v1beta1": {"Event": {"removedIn": "1.25", "replacement": "events.k8s.io/v1"}},
	"node.k8s.io/v1beta1": {"RuntimeClass": {"removedIn": "1.25", "replacement": "node.k8s.io/v1"}},
	"flowcontrol.apiserver.k8s.io/v1beta1": {
		"FlowSchema": {"removedIn": "1.26", "replacement": "flowcontrol.apiserver.k8s.io/v1"},
		"PriorityLevelConfiguration": {"removedIn": "1.26", "replacement": "flowcontrol.apiserver.k8s.io/v1"},
	},
	"flowcontrol.apiserver.k8s.io/v1beta2": {
		"FlowSchema": {"removedIn": "1.29", "replacement": "flowcontrol.apiserver.k8s.io/v1"},
		"PriorityLevelConfiguration": {"removedIn": "1.29", "replacement": "flowcontrol.apiserver.k8s.io/v1"},
	},
	"flowcontrol.apiserver.k8s.io/v1beta3": {
		"FlowSchema": {"removedIn": "1.32", "replacement": "flowcontrol.apiserver.k8s.io/v1"},
		"PriorityLevelConfiguration": {"removedIn": "1.32", "replacement": "flowcontrol.apiserver.k8s.io/v1"},
	},
}

# removal(api_version, kind) is the table entry for that apiVersion and kind
# (an entry for the exact kind wins over a "*" entry); undefined when the
# version is still served.
removal(api_version, kind) := r if {
	r := removed[api_version][kind]
} else := r if {
	r := removed[api_version]["*"]
}

# removed_by(release, target) holds when a removal in release applies to the
# target release ("MAJOR.MINOR"; "" stands for the newest, where all do).
removed_by(_, "")

removed_by(release, target) if {
	r := [to_number(x) | some x in split(release, ".")]
	t := [to_number(x) | some x in array.slice(split(target, "."), 0, 2)]
	r <= t
}
