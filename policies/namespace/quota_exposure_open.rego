# METADATA
# title: Quota leaves external exposure open
# description: |
#   A ResourceQuota can cap the number of LoadBalancer and NodePort Services
#   of a namespace (services.loadbalancers, services.nodeports; "0" forbids
#   them). A namespace that has quotas but caps neither lets any of its users
#   expose workloads outside the cluster. This needs every object of the
#   namespace in the run, so it only reports with --complete.
# custom:
#   id: KW-NS-011
#   severity: low
#   kinds: [Namespace]
#   profiles: []
#   remediation: Add services.loadbalancers and services.nodeports to a ResourceQuota's spec.hard ("0" where the namespace must not expose Services).
#   references:
#     - https://kubernetes.io/docs/concepts/policy/resource-quotas/#object-count-quota
#   example: |
#     apiVersion: v1
#     kind: Namespace
#     metadata:
#       name: shop
#       labels:
#         pod-security.kubernetes.io/enforce: restricted
#     ---
#     apiVersion: v1
#     kind: ResourceQuota
#     metadata:
#       name: compute
#       namespace: shop
#     spec:
#       hard:
#         requests.cpu: "8"
#         requests.memory: 16Gi
package kubeward.rules.namespace.quota_exposure_open

import data.kubeward.lib.inventory
import data.kubeward.lib.namespaces

_keys := ["services.loadbalancers", "services.nodeports"]

deny contains {
	"msg": sprintf("namespace %q has ResourceQuota %s but none sets %s (default: unlimited); set them in spec.hard, \"0\" to forbid such Services.", [namespaces.name, concat(", ", [sprintf("%q", [n]) | some n in sort(object.keys(_quotas))]), concat(" or ", [sprintf("spec.hard[%q]", [k]) | some k in _missing])]),
	"path": ["metadata", "name"],
} if {
	inventory.complete
	input.kind == "Namespace"
	namespaces.name != ""
	not namespaces.is_system(namespaces.name)
	count(_quotas) > 0
	count(_missing) > 0
}

_quotas := inventory.objects(namespaces.name, "ResourceQuota")

# The keys no quota of the namespace sets, in _keys order.
_missing := [k |
	some k in _keys
	not _set(k)
]

_set(k) if {
	some q in _quotas
	is_object(q.spec.hard)
	_ = q.spec.hard[k]
}
