package kubeward.rules.secrets.secret_missing_test

import data.kubeward.rules.secrets.secret_missing as rule

inv := {"namespaced": {"shop": {"Secret": {"present": {"kind": "Secret", "metadata": {"name": "present", "namespace": "shop"}}}}}}

complete(obj) := got if {
	got := rule.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

deployment(pod_spec) := {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"spec": pod_spec}}}

test_every_reference_kind_in_a_deployment if {
	got := complete(deployment({
		"imagePullSecrets": [{"name": "present"}, {"name": "regcred"}],
		"volumes": [
			{"name": "db", "secret": {"secretName": "db"}},
			{"name": "all", "projected": {"sources": [{"secret": {"name": "present"}}, {"secret": {"name": "extra"}}]}},
		],
		"containers": [{
			"name": "app",
			"env": [{"name": "TOKEN", "valueFrom": {"secretKeyRef": {"name": "api", "key": "token"}}}],
			"envFrom": [{"secretRef": {"name": "present"}}, {"secretRef": {"name": "bulk"}}],
		}],
	}))
	got == {
		{
			"msg": "imagePullSecrets[1] refers to Secret \"regcred\", which is not in namespace \"shop\"; create it or remove the reference.",
			"path": ["spec", "template", "spec", "imagePullSecrets", 1, "name"],
		},
		{
			"msg": "volume \"db\" refers to Secret \"db\", which is not in namespace \"shop\"; create it or set secret.optional=true.",
			"path": ["spec", "template", "spec", "volumes", 0, "secret", "secretName"],
		},
		{
			"msg": "volume \"all\" (projected.sources[1]) refers to Secret \"extra\", which is not in namespace \"shop\"; create it or set secret.optional=true.",
			"path": ["spec", "template", "spec", "volumes", 1, "projected", "sources", 1, "secret", "name"],
		},
		{
			"msg": "container \"app\" env \"TOKEN\" refers to Secret \"api\", which is not in namespace \"shop\"; create it or set valueFrom.secretKeyRef.optional=true.",
			"path": ["spec", "template", "spec", "containers", 0, "env", 0, "valueFrom", "secretKeyRef", "name"],
		},
		{
			"msg": "container \"app\" envFrom[1] refers to Secret \"bulk\", which is not in namespace \"shop\"; create it or set secretRef.optional=true.",
			"path": ["spec", "template", "spec", "containers", 0, "envFrom", 1, "secretRef", "name"],
		},
	}
}

test_init_and_ephemeral_containers_of_a_cronjob if {
	got := complete({"kind": "CronJob", "metadata": {"namespace": "shop"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {
		"initContainers": [{"name": "i", "envFrom": [{"secretRef": {"name": "x"}}]}],
		"ephemeralContainers": [{"name": "e", "env": [{"name": "A", "valueFrom": {"secretKeyRef": {"name": "y", "key": "k"}}}]}],
	}}}}}})
	{f.path | some f in got} == {
		["spec", "jobTemplate", "spec", "template", "spec", "initContainers", 0, "envFrom", 0, "secretRef", "name"],
		["spec", "jobTemplate", "spec", "template", "spec", "ephemeralContainers", 0, "env", 0, "valueFrom", "secretKeyRef", "name"],
	}
}

test_other_namespace_does_not_count if {
	got := complete({"kind": "Pod", "spec": {"volumes": [{"name": "v", "secret": {"secretName": "present"}}]}})
	{f.msg | some f in got} == {"volume \"v\" refers to Secret \"present\", which is not in namespace \"default\"; create it or set secret.optional=true."}
}

test_optional_references_pass if {
	count(complete(deployment({
		"volumes": [
			{"name": "db", "secret": {"secretName": "db", "optional": true}},
			{"name": "all", "projected": {"sources": [{"secret": {"name": "extra", "optional": true}}, {"configMap": {"name": "c"}}]}},
		],
		"containers": [{
			"name": "app",
			"env": [{"name": "T", "valueFrom": {"secretKeyRef": {"name": "api", "key": "t", "optional": true}}}, {"name": "B", "value": "1"}],
			"envFrom": [{"secretRef": {"name": "bulk", "optional": true}}, {"configMapRef": {"name": "c"}}],
		}],
	}))) == 0
}

test_present_secrets_and_bad_input_pass if {
	count(complete(deployment({
		"imagePullSecrets": [{"name": "present"}, {}, "regcred", {"name": ""}],
		"volumes": [{"name": "p", "secret": {"secretName": "present"}}, {"name": "e", "emptyDir": {}}, {"name": "s", "secret": {}}],
		"containers": [{"name": "a", "env": "bad", "envFrom": [{"secretRef": {"name": 3}}]}],
	}))) == 0
	count(complete({"kind": "Secret", "metadata": {"name": "x"}})) == 0
}

test_silent_unless_complete if {
	count(rule.deny) == 0 with input as deployment({"volumes": [{"name": "db", "secret": {"secretName": "db"}}]})
		with data.kubeward.inventory as inv
}
