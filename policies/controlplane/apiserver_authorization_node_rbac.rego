# METADATA
# title: Authorization lacks Node or RBAC
# description: |
#   The Node authorizer limits each kubelet to the objects of its own node, and
#   RBAC enforces Roles and bindings. An authorization list without Node lets a
#   compromised node read every Secret its credentials can reach; without RBAC,
#   no Role or binding takes effect. When AlwaysAllow is listed, CP-004 reports
#   the configuration instead.
# custom:
#   id: KW-CP-005
#   severity: high
#   kinds: [Pod, AuthorizationConfiguration]
#   profiles: [cis]
#   remediation: Include both Node and RBAC in --authorization-mode (e.g. Node,RBAC) or in the AuthorizationConfiguration authorizers.
#   references:
#     - CIS 1.2.7
#     - CIS 1.2.8
#     - https://kubernetes.io/docs/reference/access-authn-authz/authorization/
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: kube-apiserver
#       namespace: kube-system
#       labels: {component: kube-apiserver, tier: control-plane}
#     spec:
#       hostNetwork: true
#       priorityClassName: system-node-critical
#       containers:
#         - name: kube-apiserver
#           image: registry.k8s.io/kube-apiserver:v1.34.1
#           command:
#             - kube-apiserver
#             - --anonymous-auth=false
#             - --authorization-mode=RBAC
package kubeward.rules.controlplane.apiserver_authorization_node_rbac

import data.kubeward.lib.controlplane as cp

_why := {
	"Node": "kubelets are not limited to their own node's objects",
	"RBAC": "Roles and bindings are not enforced",
}

deny contains {
	"msg": sprintf("container %q sets --authorization-mode=%s without %s (%s); add %s.", [c.name, concat(",", [i.value | some i in items]), mode, why, mode]),
	"path": cp.flag(c, "authorization-mode").path,
} if {
	some c in cp.apiservers
	cp.is_set(c, "authorization-mode")
	items := cp.list_items(c, "authorization-mode")
	modes := {i.value | some i in items}
	not "AlwaysAllow" in modes
	some mode, why in _why
	not mode in modes
}

deny contains {
	"msg": sprintf("AuthorizationConfiguration has no authorizer of type %s (%s); add one.", [mode, why]),
	"path": ["authorizers"],
} if {
	cp.is_authorization_config(input)
	types := {a.type | some a in _authorizers}
	not "AlwaysAllow" in types
	some mode, why in _why
	not mode in types
}

_authorizers := a if {
	a := input.authorizers
	is_array(a)
} else := []
