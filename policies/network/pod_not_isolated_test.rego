package kubeward.rules.network.pod_not_isolated_test

import data.kubeward.rules.network.pod_not_isolated as rule

np(name, selector) := {"kind": "NetworkPolicy", "metadata": {"name": name, "namespace": "shop"}, "spec": {"podSelector": selector}}

inv := {
	"namespaced": {"shop": {"NetworkPolicy": {
		"api": np("api", {"matchLabels": {"app": "api"}}),
		"broken": np("broken", "app=web"),
	}}},
	"cluster": {"Namespace": {"blog": {"kind": "Namespace", "metadata": {"name": "blog"}}}},
}

deny(obj) := got if {
	got := rule.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

deployment(ns, labels) := {
	"kind": "Deployment",
	"metadata": {"name": "web", "namespace": ns},
	"spec": {"template": {"metadata": {"labels": labels}, "spec": {"containers": [{"name": "web"}]}}},
}

test_deployment_selected_by_no_policy if {
	deny(deployment("shop", {"app": "web"})) == {{
		"msg": "Deployment \"web\": no NetworkPolicy in namespace \"shop\" selects its pods; add one whose podSelector matches their labels.",
		"path": ["metadata", "name"],
	}}
}

test_cronjob_and_pod if {
	cj := {"kind": "CronJob", "metadata": {"name": "report", "namespace": "shop"}, "spec": {"jobTemplate": {"spec": {"template": {"metadata": {"labels": {"app": "report"}}}}}}}
	{f.msg | some f in deny(cj)} == {"CronJob \"report\": no NetworkPolicy in namespace \"shop\" selects its pods; add one whose podSelector matches their labels."}
	pod := {"kind": "Pod", "metadata": {"name": "p", "namespace": "shop"}}
	count(deny(pod)) == 1
}

test_matching_policy_passes if {
	count(deny(deployment("shop", {"app": "api", "tier": "back"}))) == 0
}

test_empty_pod_selector_matches_every_pod if {
	deny_all := {"namespaced": {"shop": {"NetworkPolicy": {"deny-all": np("deny-all", {})}}}}
	count(rule.deny) == 0 with input as deployment("shop", {"app": "web"})
		with data.kubeward.inventory as deny_all
		with data.kubeward.run.assumeComplete as true
	absent := {"namespaced": {"shop": {"NetworkPolicy": {"deny-all": {"kind": "NetworkPolicy", "spec": {}}}}}}
	count(rule.deny) == 0 with input as deployment("shop", {})
		with data.kubeward.inventory as absent
		with data.kubeward.run.assumeComplete as true
}

test_namespace_without_policy_reported_by_net_001 if {
	count(deny(deployment("blog", {"app": "web"}))) == 0
}

test_namespace_without_policy_and_without_namespace_object if {
	{f.msg | some f in deny(deployment("other", {"app": "web"}))} == {"Deployment \"web\": no NetworkPolicy in namespace \"other\" selects its pods; add one whose podSelector matches their labels."}
}

test_default_namespace if {
	{f.msg | some f in deny({"kind": "Pod", "metadata": {"name": "p"}})} == {"Pod \"p\": no NetworkPolicy in namespace \"default\" selects its pods; add one whose podSelector matches their labels."}
}

test_silent_unless_complete if {
	count(rule.deny) == 0 with input as deployment("shop", {"app": "web"}) with data.kubeward.inventory as inv
}

test_other_kinds_pass if {
	count(deny({"kind": "PodTemplate", "metadata": {"name": "t", "namespace": "shop"}, "template": {"metadata": {"labels": {"app": "web"}}}})) == 0
	count(deny({"kind": "Service", "metadata": {"name": "s", "namespace": "shop"}})) == 0
}

static_pod(host_network) := {
	"kind": "Pod",
	"metadata": {"name": "kube-apiserver", "namespace": "shop", "annotations": {"kubernetes.io/config.mirror": "9d2c"}},
	"spec": {"hostNetwork": host_network, "containers": [{"name": "kube-apiserver"}]},
}

test_static_pod_on_host_network_passes if {
	count(deny(static_pod(true))) == 0
}

test_static_pod_on_pod_network_still_fires if {
	deny(static_pod(false)) == {{
		"msg": "Pod \"kube-apiserver\": no NetworkPolicy in namespace \"shop\" selects its pods; add one whose podSelector matches their labels.",
		"path": ["metadata", "name"],
	}}
}
