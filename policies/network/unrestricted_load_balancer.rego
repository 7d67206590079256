# METADATA
# title: Unrestricted LoadBalancer
# description: |
#   A LoadBalancer Service without source ranges gets an external address that
#   accepts connections from the whole internet. Unless the Service is meant to
#   be public, restrict it to the client ranges or make the load balancer
#   internal.
# custom:
#   id: KW-NET-007
#   severity: medium
#   kinds: [Service]
#   profiles: []
#   remediation: Set spec.loadBalancerSourceRanges to the client address ranges, or annotate the Service for an internal load balancer of your cloud.
#   references:
#     - KL exposed-services
#     - https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip
#   example: |
#     apiVersion: v1
#     kind: Service
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       type: LoadBalancer
#       selector: {app: web}
#       ports:
#         - port: 443
#           targetPort: 8443
package kubeward.rules.network.unrestricted_load_balancer

import data.kubeward.lib.network
import data.kubeward.lib.workloads

_ranges_annotation := "service.beta.kubernetes.io/load-balancer-source-ranges"

# Annotations that make the cloud provider create an internal load balancer.
_internal := {
	"service.beta.kubernetes.io/aws-load-balancer-internal": "true",
	"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
	"service.beta.kubernetes.io/azure-load-balancer-internal": "true",
	"networking.gke.io/load-balancer-type": "Internal",
	"cloud.google.com/load-balancer-type": "Internal",
}

deny contains {"msg": sprintf("Service %q %s", [workloads.name(input), f.what]), "path": f.path} if {
	input.kind == "Service"
	network.service_type(input) == "LoadBalancer"
	not _internal_load_balancer
	some f in _findings
}

_internal_load_balancer if {
	some key, value in _internal
	input.metadata.annotations[key] == value
}

# spec.loadBalancerSourceRanges wins when it is non-empty; the annotation is
# read only otherwise (GetLoadBalancerSourceRanges).
_spec_ranges := r if {
	r := input.spec.loadBalancerSourceRanges
	is_array(r)
	count(r) > 0
}

_annotation_ranges := [r |
	not _spec_ranges
	value := input.metadata.annotations[_ranges_annotation]
	is_string(value)
	some part in split(value, ",")
	r := trim_space(part)
	r != ""
]

_findings contains {
	"what": sprintf("allows spec.loadBalancerSourceRanges[%d]=%s, which admits every address; list only the client ranges.", [k, r]),
	"path": ["spec", "loadBalancerSourceRanges", k],
} if {
	some k, r in _spec_ranges
	is_string(r)
	trim_space(r) in network.any_address
}

_findings contains {
	"what": sprintf("allows %s in annotation %s, which admits every address; list only the client ranges.", [r, _ranges_annotation]),
	"path": ["metadata", "annotations", _ranges_annotation],
} if {
	some r in _annotation_ranges
	r in network.any_address
}

_findings contains {
	"what": "is a LoadBalancer that does not set spec.loadBalancerSourceRanges (default: every address); set it to the client ranges or make the load balancer internal.",
	"path": ["spec", "loadBalancerSourceRanges"],
} if {
	not _spec_ranges
	count(_annotation_ranges) == 0
}
