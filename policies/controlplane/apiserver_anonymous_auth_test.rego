package kubeward.rules.controlplane.apiserver_anonymous_auth_test

import data.kubeward.rules.controlplane.apiserver_anonymous_auth

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_absent_fires if {
	apiserver_anonymous_auth.deny == {{
		"msg": "container \"kube-apiserver\" does not set --anonymous-auth (default: true, requests without credentials are served as system:anonymous); set --anonymous-auth=false.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as api(["--authorization-mode=Node,RBAC"])
}

test_true_fires if {
	apiserver_anonymous_auth.deny == {{
		"msg": "container \"kube-apiserver\" sets --anonymous-auth=true (requests without credentials are served as system:anonymous); set it to false.",
		"path": ["spec", "containers", 0, "command", 2],
	}} with input as api(["--anonymous-auth=false", "--anonymous-auth"])
	{f.path | some f in apiserver_anonymous_auth.deny} == {["spec", "containers", 0, "command", 1]} with input as api(["--anonymous-auth=1"])
}

test_empty_fires_on_the_item if {
	{f.path | some f in apiserver_anonymous_auth.deny} == {["spec", "containers", 0, "command", 1]} with input as api(["--anonymous-auth="])
}

test_args_without_command if {
	p := {"kind": "Pod", "spec": {"containers": [{"name": "api", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "args": ["--secure-port=6443"]}]}}
	{f.path | some f in apiserver_anonymous_auth.deny} == {["spec", "containers", 0, "args"]} with input as p
}

test_false_passes if {
	count(apiserver_anonymous_auth.deny) == 0 with input as api(["--anonymous-auth=false"])
	count(apiserver_anonymous_auth.deny) == 0 with input as api(["--anonymous-auth", "--anonymous-auth=False"])
}

test_authentication_config_silences_the_flag if {
	count(apiserver_anonymous_auth.deny) == 0 with input as api(["--authentication-config=/etc/kubernetes/authn.yaml"])
	count(apiserver_anonymous_auth.deny) == 0 with input as api(["--authentication-config=/etc/kubernetes/authn.yaml", "--anonymous-auth=true"])
}

test_invalid_value_passes if {
	# The API server refuses to start on it.
	count(apiserver_anonymous_auth.deny) == 0 with input as api(["--anonymous-auth=yes"])
}

test_other_containers_pass if {
	count(apiserver_anonymous_auth.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "app", "command": ["nginx"]}]}}
}

auc(anonymous) := {"apiVersion": "apiserver.config.k8s.io/v1", "kind": "AuthenticationConfiguration", "anonymous": anonymous}

test_authentication_config_anonymous_enabled_fires if {
	apiserver_anonymous_auth.deny == {{
		"msg": "AuthenticationConfiguration sets anonymous.enabled=true without anonymous.conditions; limit it to health endpoints with conditions (e.g. path /livez, /readyz) or set it to false.",
		"path": ["anonymous", "enabled"],
	}} with input as auc({"enabled": true})
	count(apiserver_anonymous_auth.deny) == 1 with input as auc({"enabled": true, "conditions": []})
}

test_authentication_config_with_conditions_passes if {
	count(apiserver_anonymous_auth.deny) == 0 with input as auc({"enabled": true, "conditions": [{"path": "/livez"}, {"path": "/readyz"}]})
	count(apiserver_anonymous_auth.deny) == 0 with input as auc({"enabled": false})
	count(apiserver_anonymous_auth.deny) == 0 with input as {"apiVersion": "apiserver.config.k8s.io/v1", "kind": "AuthenticationConfiguration"}
	count(apiserver_anonymous_auth.deny) == 0 with input as {"apiVersion": "example.com/v1", "kind": "AuthenticationConfiguration", "anonymous": {"enabled": true}}
}
