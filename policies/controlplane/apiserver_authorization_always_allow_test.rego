package kubeward.rules.controlplane.apiserver_authorization_always_allow_test

import data.kubeward.rules.controlplane.apiserver_authorization_always_allow

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_always_allow_in_the_list_fires if {
	apiserver_authorization_always_allow.deny == {{
		"msg": "container \"kube-apiserver\" lists AlwaysAllow in --authorization-mode (every request is allowed, whatever Node and RBAC say); remove it and use Node,RBAC.",
		"path": ["spec", "containers", 0, "command", 2],
	}} with input as api(["--authorization-mode=Node", "--authorization-mode=RBAC,AlwaysAllow"])
	count(apiserver_authorization_always_allow.deny) == 1 with input as api(["--authorization-mode", "AlwaysAllow"])
}

test_absent_mode_fires if {
	apiserver_authorization_always_allow.deny == {{
		"msg": "container \"kube-apiserver\" does not set --authorization-mode and no --authorization-config (default: AlwaysAllow, every request is allowed); set --authorization-mode=Node,RBAC.",
		"path": ["spec", "containers", 0, "command"],
	}} with input as api([])
	{f.path | some f in apiserver_authorization_always_allow.deny} == {["spec", "containers", 0, "command", 1]} with input as api(["--authorization-mode="])
}

test_node_rbac_passes if {
	count(apiserver_authorization_always_allow.deny) == 0 with input as api(["--authorization-mode=Node,RBAC"])
	count(apiserver_authorization_always_allow.deny) == 0 with input as api(["--authorization-mode=Webhook"])
}

test_authorization_config_alone_passes if {
	count(apiserver_authorization_always_allow.deny) == 0 with input as api(["--authorization-config=/etc/kubernetes/authz.yaml"])
}

azc(authorizers) := {"apiVersion": "apiserver.config.k8s.io/v1", "kind": "AuthorizationConfiguration", "authorizers": authorizers}

test_authorization_config_always_allow_fires if {
	apiserver_authorization_always_allow.deny == {{
		"msg": "AuthorizationConfiguration authorizers[1] has type AlwaysAllow (every request is allowed); remove it.",
		"path": ["authorizers", 1, "type"],
	}} with input as azc([{"type": "Node", "name": "node"}, {"type": "AlwaysAllow", "name": "all"}])
}

test_authorization_config_without_always_allow_passes if {
	count(apiserver_authorization_always_allow.deny) == 0 with input as azc([{"type": "Node", "name": "node"}, {"type": "RBAC", "name": "rbac"}])
	count(apiserver_authorization_always_allow.deny) == 0 with input as azc({"a": {"type": "AlwaysAllow"}})
	count(apiserver_authorization_always_allow.deny) == 0 with input as {"apiVersion": "example.com/v1", "kind": "AuthorizationConfiguration", "authorizers": [{"type": "AlwaysAllow"}]}
}
