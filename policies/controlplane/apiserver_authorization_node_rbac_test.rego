package kubeward.rules.controlplane.apiserver_authorization_node_rbac_test

import data.kubeward.rules.controlplane.apiserver_authorization_node_rbac

api(args) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "kube-apiserver", "namespace": "kube-system"}, "spec": {"containers": [{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1.34.1", "command": array.concat(["kube-apiserver"], args)}]}}

test_rbac_missing_fires if {
	apiserver_authorization_node_rbac.deny == {{
		"msg": "container \"kube-apiserver\" sets --authorization-mode=Node,Webhook without RBAC (Roles and bindings are not enforced); add RBAC.",
		"path": ["spec", "containers", 0, "command", 2],
	}} with input as api(["--authorization-mode=Node", "--authorization-mode", "Webhook"])
}

test_both_missing_fire if {
	{f.msg | some f in apiserver_authorization_node_rbac.deny} == {
		"container \"kube-apiserver\" sets --authorization-mode=Webhook without Node (kubelets are not limited to their own node's objects); add Node.",
		"container \"kube-apiserver\" sets --authorization-mode=Webhook without RBAC (Roles and bindings are not enforced); add RBAC.",
	} with input as api(["--authorization-mode=Webhook"])
	count(apiserver_authorization_node_rbac.deny) == 2 with input as api(["--authorization-mode=,"])
}

test_node_and_rbac_pass if {
	count(apiserver_authorization_node_rbac.deny) == 0 with input as api(["--authorization-mode=Node,RBAC"])
	count(apiserver_authorization_node_rbac.deny) == 0 with input as api(["--authorization-mode=RBAC", "--authorization-mode=Node"])
}

test_always_allow_is_cp004s if {
	count(apiserver_authorization_node_rbac.deny) == 0 with input as api(["--authorization-mode=AlwaysAllow"])
	count(apiserver_authorization_node_rbac.deny) == 0 with input as api([])
}

test_authorization_config_alone_passes if {
	count(apiserver_authorization_node_rbac.deny) == 0 with input as api(["--authorization-config=/etc/kubernetes/authz.yaml"])
}

azc(authorizers) := {"apiVersion": "apiserver.config.k8s.io/v1", "kind": "AuthorizationConfiguration", "authorizers": authorizers}

test_authorization_config_fires if {
	apiserver_authorization_node_rbac.deny == {{
		"msg": "AuthorizationConfiguration has no authorizer of type RBAC (Roles and bindings are not enforced); add one.",
		"path": ["authorizers"],
	}} with input as azc([{"type": "Node", "name": "node"}, {"type": "Webhook", "name": "w"}])
	count(apiserver_authorization_node_rbac.deny) == 2 with input as {"apiVersion": "apiserver.config.k8s.io/v1beta1", "kind": "AuthorizationConfiguration"}
}

test_authorization_config_passes if {
	count(apiserver_authorization_node_rbac.deny) == 0 with input as azc([{"type": "Node", "name": "node"}, {"type": "RBAC", "name": "rbac"}])
	count(apiserver_authorization_node_rbac.deny) == 0 with input as azc([{"type": "AlwaysAllow", "name": "all"}])
}
