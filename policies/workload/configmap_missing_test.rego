package kubeward.rules.workload.configmap_missing_test

import data.kubeward.rules.workload.configmap_missing

inv := {"namespaced": {"shop": {"ConfigMap": {"present": {"kind": "ConfigMap", "metadata": {"name": "present", "namespace": "shop"}}}}}}

complete(obj) := got if {
	got := configmap_missing.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

deployment(pod_spec) := {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"spec": pod_spec}}}

test_every_reference_kind_in_a_deployment if {
	got := complete(deployment({
		"volumes": [
			{"name": "cfg", "configMap": {"name": "app"}},
			{"name": "all", "projected": {"sources": [{"configMap": {"name": "present"}}, {"configMap": {"name": "extra"}}]}},
		],
		"containers": [{
			"name": "app",
			"env": [{"name": "MODE", "valueFrom": {"configMapKeyRef": {"name": "settings", "key": "mode"}}}],
			"envFrom": [{"configMapRef": {"name": "present"}}, {"configMapRef": {"name": "bulk"}}],
		}],
	}))
	got == {
		{
			"msg": "volume \"cfg\" refers to ConfigMap \"app\", which is not in namespace \"shop\"; create it or set configMap.optional=true.",
			"path": ["spec", "template", "spec", "volumes", 0, "configMap", "name"],
		},
		{
			"msg": "volume \"all\" (projected.sources[1]) refers to ConfigMap \"extra\", which is not in namespace \"shop\"; create it or set configMap.optional=true.",
			"path": ["spec", "template", "spec", "volumes", 1, "projected", "sources", 1, "configMap", "name"],
		},
		{
			"msg": "container \"app\" env \"MODE\" refers to ConfigMap \"settings\", which is not in namespace \"shop\"; create it or set valueFrom.configMapKeyRef.optional=true.",
			"path": ["spec", "template", "spec", "containers", 0, "env", 0, "valueFrom", "configMapKeyRef", "name"],
		},
		{
			"msg": "container \"app\" envFrom[1] refers to ConfigMap \"bulk\", which is not in namespace \"shop\"; create it or set configMapRef.optional=true.",
			"path": ["spec", "template", "spec", "containers", 0, "envFrom", 1, "configMapRef", "name"],
		},
	}
}

test_init_and_ephemeral_containers_of_a_pod if {
	got := complete({"kind": "Pod", "metadata": {"namespace": "shop"}, "spec": {
		"initContainers": [{"name": "i", "envFrom": [{"configMapRef": {"name": "x"}}]}],
		"ephemeralContainers": [{"name": "e", "env": [{"name": "A", "valueFrom": {"configMapKeyRef": {"name": "y"}}}]}],
	}})
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "envFrom", 0, "configMapRef", "name"],
		["spec", "ephemeralContainers", 0, "env", 0, "valueFrom", "configMapKeyRef", "name"],
	}
}

test_other_namespace_does_not_count if {
	got := complete({"kind": "Pod", "spec": {"volumes": [{"name": "v", "configMap": {"name": "present"}}]}})
	{f.msg | some f in got} == {"volume \"v\" refers to ConfigMap \"present\", which is not in namespace \"default\"; create it or set configMap.optional=true."}
}

test_optional_references_pass if {
	count(complete(deployment({
		"volumes": [
			{"name": "cfg", "configMap": {"name": "app", "optional": true}},
			{"name": "all", "projected": {"sources": [{"configMap": {"name": "extra", "optional": true}}, {"secret": {"name": "s"}}]}},
		],
		"containers": [{
			"name": "app",
			"env": [{"name": "MODE", "valueFrom": {"configMapKeyRef": {"name": "settings", "key": "mode", "optional": true}}}, {"name": "B", "value": "1"}],
			"envFrom": [{"configMapRef": {"name": "bulk", "optional": true}}, {"secretRef": {"name": "s"}}],
		}],
	}))) == 0
}

test_present_and_root_ca_pass if {
	count(complete(deployment({
		"volumes": [{"name": "ca", "configMap": {"name": "kube-root-ca.crt"}}, {"name": "p", "configMap": {"name": "present"}}, {"name": "e", "emptyDir": {}}],
		"containers": [{"name": "a", "env": "bad", "envFrom": [{"configMapRef": {"name": ""}}]}],
	}))) == 0
}

test_silent_without_complete if {
	count(configmap_missing.deny) == 0 with input as deployment({"volumes": [{"name": "cfg", "configMap": {"name": "app"}}]})
}
