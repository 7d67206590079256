package kubeward.rules.secrets.sa_automount_token_test

import data.kubeward.rules.pod.sa_token_automount
import data.kubeward.rules.secrets.sa_automount_token as rule

sa(extra) := object.union({"kind": "ServiceAccount", "metadata": {"name": "web", "namespace": "shop"}}, extra)

test_unset if {
	rule.deny == {{
		"msg": "ServiceAccount \"web\" does not set automountServiceAccountToken (default: true); set it to false and opt in only in the pods that call the Kubernetes API.",
		"path": ["automountServiceAccountToken"],
	}} with input as sa({})
	count(rule.deny) == 1 with input as sa({"automountServiceAccountToken": null})
}

test_true if {
	{f.msg | some f in rule.deny} == {"ServiceAccount \"web\" sets automountServiceAccountToken=true; set it to false and opt in only in the pods that call the Kubernetes API."} with input as sa({"automountServiceAccountToken": true})
}

test_not_a_boolean if {
	{f.msg | some f in rule.deny} == {"ServiceAccount \"web\" sets automountServiceAccountToken to \"false\", which is not a boolean (treated as unset, default: true); set it to false and opt in only in the pods that call the Kubernetes API."} with input as sa({"automountServiceAccountToken": "false"})
}

test_false_passes if {
	count(rule.deny) == 0 with input as sa({"automountServiceAccountToken": false})
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {}}
}

# A pod that leaves the field unset and whose ServiceAccount is in the run is
# reported once, on the ServiceAccount (KW-POD-001 stays silent).
test_reported_once_with_pod_001 if {
	inv := {"namespaced": {"shop": {"ServiceAccount": {"web": sa({})}}}}
	deployment := {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"spec": {"serviceAccountName": "web", "containers": [{"name": "app"}]}}}}
	count(sa_token_automount.deny) == 0 with input as deployment with data.kubeward.inventory as inv
	count(rule.deny) == 1 with input as sa({}) with data.kubeward.inventory as inv
}
