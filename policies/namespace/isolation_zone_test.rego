package kubeward.rules.namespace.isolation_zone_test

import data.kubeward.rules.namespace.isolation_zone

zones := [
	{"name": "pci", "workloads": {"matchLabels": {"pci": "true"}}, "nodeSelector": {"pool": "pci"}},
	{
		"name": "gpu",
		"workloads": {"matchLabels": {"gpu": "true"}},
		"namespaces": {"matchLabels": {"team": "ml"}},
		"nodeSelector": {"pool": "gpu", "accel": "a100"},
	},
]

inv := {"cluster": {"Namespace": {
	"ml": {"kind": "Namespace", "metadata": {"name": "ml", "labels": {"team": "ml"}}},
	"web": {"kind": "Namespace", "metadata": {"name": "web", "labels": {"team": "web"}}},
}}}

deployment(ns, labels, pod_spec) := {
	"kind": "Deployment",
	"metadata": {"name": "app", "namespace": ns},
	"spec": {"template": {"metadata": {"labels": labels}, "spec": pod_spec}},
}

lint(obj) := got if {
	got := isolation_zone.deny with input as obj
		with data.kubeward.config.isolationZones as zones
		with data.kubeward.inventory as inv
}

required(terms) := {"affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": terms}}}}

term(key, values) := {"matchExpressions": [{"key": key, "operator": "In", "values": values}]}

# --- zone workloads must be pinned ---------------------------------------------

test_zone_workload_not_pinned if {
	lint(deployment("shop", {"pci": "true"}, {"containers": []})) == {{
		"msg": "the pod matches isolation zone \"pci\" but its nodeSelector and required nodeAffinity do not pin it to the zone's nodes (missing pool=pci); add the zone's nodeSelector.",
		"path": ["spec", "template", "spec", "nodeSelector"],
	}}
}

test_zone_workload_with_other_value if {
	got := lint(deployment("shop", {"pci": "true"}, {"nodeSelector": {"pool": "general"}}))
	{f.path | some f in got} == {["spec", "template", "spec", "nodeSelector"]}
}

test_pinned_by_node_selector_passes if {
	count(lint(deployment("shop", {"pci": "true"}, {"nodeSelector": {"pool": "pci", "disk": "ssd"}}))) == 0
}

test_pinned_by_required_node_affinity_passes if {
	count(lint(deployment("shop", {"pci": "true"}, required([term("pool", ["pci"])])))) == 0
	count(lint(deployment("shop", {"pci": "true"}, required([term("pool", ["pci"]), term("pool", ["pci"])])))) == 0
}

test_node_affinity_that_does_not_pin if {
	# Terms are ORed: one term without the pair lets the pod elsewhere.
	count(lint(deployment("shop", {"pci": "true"}, required([term("pool", ["pci"]), term("disk", ["ssd"])])))) == 1

	# In with another value too.
	count(lint(deployment("shop", {"pci": "true"}, required([term("pool", ["pci", "general"])])))) == 1
	count(lint(deployment("shop", {"pci": "true"}, required([term("pool", [])])))) == 1
	count(lint(deployment("shop", {"pci": "true"}, required([{"matchExpressions": [{"key": "pool", "operator": "NotIn", "values": ["pci"]}]}])))) == 1
	count(lint(deployment("shop", {"pci": "true"}, required([])))) == 1
}

test_namespace_selector if {
	got := lint(deployment("ml", {"gpu": "true"}, {"nodeSelector": {"pool": "gpu"}}))
	[f.msg | some f in got] == ["the pod matches isolation zone \"gpu\" but its nodeSelector and required nodeAffinity do not pin it to the zone's nodes (missing accel=a100); add the zone's nodeSelector."]

	# nodeSelector and nodeAffinity together pin it.
	count(lint(deployment("ml", {"gpu": "true"}, object.union({"nodeSelector": {"pool": "gpu"}}, required([term("accel", ["a100"])]))))) == 0
}

test_namespace_outside_the_zone if {
	count(lint(deployment("web", {"gpu": "true"}, {}))) == 0
}

test_namespace_not_in_the_run_is_unknown if {
	# Neither in the zone (for sure) nor outside it: silent both ways.
	count(lint(deployment("elsewhere", {"gpu": "true"}, {}))) == 0
	count(lint(deployment("elsewhere", {"gpu": "true"}, {"nodeSelector": {"pool": "gpu"}}))) == 0
}

test_namespace_name_label if {
	named := [{"name": "ml", "workloads": {}, "namespaces": {"matchLabels": {"kubernetes.io/metadata.name": "ml"}}, "nodeSelector": {"pool": "ml"}}]
	got := isolation_zone.deny with input as deployment("ml", {}, {}) with data.kubeward.config.isolationZones as named with data.kubeward.inventory as inv
	count(got) == 1
	got2 := isolation_zone.deny with input as deployment("web", {}, {}) with data.kubeward.config.isolationZones as named with data.kubeward.inventory as inv
	count(got2) == 0
}

test_zone_workload_is_not_checked_for_co_location if {
	# A pci workload that also selects gpu nodes: only its own zone's pinning is checked.
	count(lint(deployment("shop", {"pci": "true"}, {"nodeSelector": {"pool": "pci", "accel": "a100"}}))) == 0
}

# --- other workloads must stay off zone nodes -----------------------------------

test_co_location_by_node_selector if {
	lint(deployment("shop", {"app": "web"}, {"nodeSelector": {"pool": "pci"}})) == {{
		"msg": "the pod matches no isolation zone but its nodeSelector selects pool=pci, which puts it on the nodes of zone \"pci\"; remove it.",
		"path": ["spec", "template", "spec", "nodeSelector", "pool"],
	}}
}

test_co_location_in_cron_job if {
	cj := {"kind": "CronJob", "metadata": {"namespace": "shop"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"nodeSelector": {"accel": "a100"}}}}}}}
	got := lint(cj)
	got == {{
		"msg": "the pod matches no isolation zone but its nodeSelector selects accel=a100, which puts it on the nodes of zone \"gpu\"; remove it.",
		"path": ["spec", "jobTemplate", "spec", "template", "spec", "nodeSelector", "accel"],
	}}
}

test_co_location_by_node_affinity if {
	got := lint(deployment("shop", {}, required([term("disk", ["ssd"]), term("pool", ["general", "pci"])])))
	got == {{
		"msg": "the pod matches no isolation zone but its required nodeAffinity requires pool In [\"general\", \"pci\"], which puts it on the nodes of zone \"pci\"; remove it.",
		"path": ["spec", "template", "spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms", 1, "matchExpressions", 0],
	}}
}

test_co_location_by_toleration if {
	got := lint({"kind": "Pod", "metadata": {"name": "p", "namespace": "shop"}, "spec": {"tolerations": [
		{"key": "other", "operator": "Exists"},
		{"key": "pool", "operator": "Equal", "value": "pci", "effect": "NoSchedule"},
		{"key": "accel", "operator": "Exists"},
		{"operator": "Exists"},
	]}})
	got == {
		{
			"msg": "the pod matches no isolation zone but it tolerates taints with key pool, which puts it on the nodes of zone \"gpu\", \"pci\"; remove it.",
			"path": ["spec", "tolerations", 1],
		},
		{
			"msg": "the pod matches no isolation zone but it tolerates taints with key accel, which puts it on the nodes of zone \"gpu\"; remove it.",
			"path": ["spec", "tolerations", 2],
		},
		{
			"msg": "the pod matches no isolation zone but it tolerates every taint, which puts it on the nodes of zone \"gpu\", \"pci\"; remove it.",
			"path": ["spec", "tolerations", 3],
		},
	}
}

test_unrelated_workload_passes if {
	count(lint(deployment("shop", {"app": "web"}, {"nodeSelector": {"pool": "general"}, "tolerations": [{"key": "dedicated", "operator": "Exists"}, {"key": "", "operator": "Equal"}]}))) == 0
	count(lint(deployment("shop", {"app": "web"}, required([term("pool", ["general"]), {"matchExpressions": "x"}, {"matchExpressions": [{"key": "pool", "operator": "In", "values": "pci"}]}])))) == 0
	count(lint(deployment("shop", {"app": "web"}, {}))) == 0
}

# --- configuration and robustness ------------------------------------------------

test_no_zones_is_silent if {
	count(isolation_zone.deny) == 0 with input as deployment("shop", {"app": "web"}, {"nodeSelector": {"pool": "pci"}})
	count(isolation_zone.deny) == 0 with input as deployment("shop", {"pci": "true"}, {}) with data.kubeward.config.isolationZones as []
}

test_wrong_config_types if {
	count(isolation_zone.deny) == 0 with input as deployment("shop", {"pci": "true"}, {}) with data.kubeward.config.isolationZones as {"pci": {}}
	count(isolation_zone.deny) == 0 with input as deployment("shop", {"pci": "true"}, {}) with data.kubeward.config.isolationZones as ["pci"]
	count(isolation_zone.deny) == 0 with input as deployment("shop", {"pci": "true"}, {}) with data.kubeward.config.isolationZones as [{"workloads": {"matchLabels": {"pci": "true"}}, "nodeSelector": "pool=pci"}]
	got := isolation_zone.deny with input as deployment("shop", {"pci": "true"}, {}) with data.kubeward.config.isolationZones as [{"workloads": {"matchLabels": {"pci": "true"}}, "namespaces": null, "nodeSelector": {"pool": "pci"}}]
	[f.msg | some f in got] == ["the pod matches isolation zone \"<unnamed>\" but its nodeSelector and required nodeAffinity do not pin it to the zone's nodes (missing pool=pci); add the zone's nodeSelector."]
}

test_wrong_pod_types if {
	count(lint(deployment("shop", "x", {"nodeSelector": "pool=pci", "tolerations": {"key": "pool"}}))) == 0
	count(lint(deployment("shop", {}, {"tolerations": ["pool", null]}))) == 0
}

test_other_kinds_pass if {
	count(lint({"kind": "PodTemplate", "metadata": {"namespace": "shop"}, "template": {"spec": {"nodeSelector": {"pool": "pci"}}}})) == 0
	count(lint({"kind": "Service", "metadata": {"namespace": "shop"}, "spec": {"nodeSelector": {"pool": "pci"}}})) == 0
}
