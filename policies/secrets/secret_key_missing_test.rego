package kubeward.rules.secrets.secret_key_missing_test

import data.kubeward.rules.secrets.secret_key_missing as rule

inv := {"namespaced": {"shop": {"Secret": {
	"db": {"kind": "Secret", "metadata": {"name": "db", "namespace": "shop"}, "data": {"password": "czNjcjN0"}, "stringData": {"user": "shop"}},
	"sa-token": {"kind": "Secret", "type": "kubernetes.io/service-account-token", "metadata": {"annotations": {"kubernetes.io/service-account.name": "build"}}},
	"empty": {"kind": "Secret"},
}}}}

deny(obj) := got if {
	got := rule.deny with input as obj with data.kubeward.inventory as inv
}

deployment(pod_spec) := {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"spec": pod_spec}}}

test_missing_keys_in_a_deployment if {
	got := deny(deployment({
		"volumes": [
			{"name": "db", "secret": {"secretName": "db", "items": [{"key": "password", "path": "p"}, {"key": "passwd", "path": "q"}]}},
			{"name": "all", "projected": {"sources": [{"secret": {"name": "db", "items": [{"key": "user", "path": "u"}, {"key": "host", "path": "h"}]}}]}},
		],
		"containers": [{"name": "app", "env": [
			{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
			{"name": "DB_USER", "valueFrom": {"secretKeyRef": {"name": "db", "key": "username"}}},
		]}],
	}))
	got == {
		{
			"msg": "volume \"db\" reads key \"passwd\" of Secret \"db\", which has no such key in data or stringData; fix the key, add it to the Secret or mark the reference optional.",
			"path": ["spec", "template", "spec", "volumes", 0, "secret", "items", 1, "key"],
		},
		{
			"msg": "volume \"all\" (projected.sources[0]) reads key \"host\" of Secret \"db\", which has no such key in data or stringData; fix the key, add it to the Secret or mark the reference optional.",
			"path": ["spec", "template", "spec", "volumes", 1, "projected", "sources", 0, "secret", "items", 1, "key"],
		},
		{
			"msg": "container \"app\" env \"DB_USER\" reads key \"username\" of Secret \"db\", which has no such key in data or stringData; fix the key, add it to the Secret or mark the reference optional.",
			"path": ["spec", "template", "spec", "containers", 0, "env", 1, "valueFrom", "secretKeyRef", "key"],
		},
	}
}

test_pod_init_container_and_empty_secret if {
	got := deny({"kind": "Pod", "metadata": {"namespace": "shop"}, "spec": {"initContainers": [{"name": "i", "env": [{"name": "A", "valueFrom": {"secretKeyRef": {"name": "empty", "key": "a"}}}]}]}})
	{f.path | some f in got} == {["spec", "initContainers", 0, "env", 0, "valueFrom", "secretKeyRef", "key"]}
}

test_absent_secret_is_sec_006 if {
	count(deny(deployment({
		"volumes": [{"name": "x", "secret": {"secretName": "nope", "items": [{"key": "a", "path": "a"}]}}],
		"containers": [{"name": "app", "env": [{"name": "A", "valueFrom": {"secretKeyRef": {"name": "nope", "key": "a"}}}]}],
	}))) == 0
	count(deny({"kind": "Pod", "spec": {"containers": [{"name": "app", "env": [{"name": "A", "valueFrom": {"secretKeyRef": {"name": "db", "key": "a"}}}]}]}})) == 0
}

test_optional_references_pass if {
	count(deny(deployment({
		"volumes": [
			{"name": "db", "secret": {"secretName": "db", "optional": true, "items": [{"key": "passwd", "path": "q"}]}},
			{"name": "all", "projected": {"sources": [{"secret": {"name": "db", "optional": true, "items": [{"key": "host", "path": "h"}]}}]}},
		],
		"containers": [{"name": "app", "env": [{"name": "U", "valueFrom": {"secretKeyRef": {"name": "db", "key": "username", "optional": true}}}]}],
	}))) == 0
}

test_service_account_token_keys_are_filled_by_the_controller if {
	got := deny(deployment({"containers": [{"name": "app", "env": [
		{"name": "T", "valueFrom": {"secretKeyRef": {"name": "sa-token", "key": "token"}}},
		{"name": "C", "valueFrom": {"secretKeyRef": {"name": "sa-token", "key": "ca.crt"}}},
		{"name": "N", "valueFrom": {"secretKeyRef": {"name": "sa-token", "key": "namespace"}}},
		{"name": "X", "valueFrom": {"secretKeyRef": {"name": "sa-token", "key": "other"}}},
	]}]}))
	{f.path[6] | some f in got} == {3}
}

test_bad_input_passes if {
	count(deny(deployment({
		"volumes": [{"name": "db", "secret": {"secretName": "db", "items": "password"}}, {"name": "e", "secret": {"secretName": "db", "items": [{"key": ""}, {"key": 1}, "k"]}}],
		"containers": [{"name": "app", "env": [{"name": "A", "valueFrom": {"secretKeyRef": {"name": 1, "key": "a"}}}, {"name": "B", "valueFrom": {"secretKeyRef": {"name": "db"}}}]}],
	}))) == 0
	count(deny({"kind": "Secret", "metadata": {"namespace": "shop"}, "data": {}})) == 0
}
