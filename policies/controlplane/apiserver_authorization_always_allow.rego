# METADATA
# title: Authorization allows everything
# description: |
#   The AlwaysAllow authorizer allows every request that reaches it, and
#   authorizers are asked in order until one allows: Node and RBAC never deny,
#   so AlwaysAllow anywhere in the list makes every authenticated user cluster-
#   admin. Without --authorization-mode (and without --authorization-config) the
#   API server uses AlwaysAllow.
# custom:
#   id: KW-CP-004
#   severity: critical
#   kinds: [Pod, AuthorizationConfiguration]
#   profiles: [cis]
#   remediation: Set --authorization-mode=Node,RBAC (or an AuthorizationConfiguration with Node and RBAC authorizers) and never list AlwaysAllow.
#   references:
#     - CIS 1.2.6
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
#             - --authorization-mode=AlwaysAllow
package kubeward.rules.controlplane.apiserver_authorization_always_allow

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q lists AlwaysAllow in --authorization-mode (every request is allowed, whatever Node and RBAC say); remove it and use Node,RBAC.", [c.name]),
	"path": item.path,
} if {
	some c in cp.apiservers
	some item in cp.list_items(c, "authorization-mode")
	item.value == "AlwaysAllow"
}

deny contains {
	"msg": sprintf("container %q %s and no --authorization-config (default: AlwaysAllow, every request is allowed); set --authorization-mode=Node,RBAC.", [c.name, cp.unset_text(c, "authorization-mode")]),
	"path": cp.unset_path(c, "authorization-mode"),
} if {
	some c in cp.apiservers
	not cp.is_set(c, "authorization-mode")
	not cp.is_set(c, "authorization-config")
}

deny contains {
	"msg": sprintf("AuthorizationConfiguration authorizers[%d] has type AlwaysAllow (every request is allowed); remove it.", [i]),
	"path": ["authorizers", i, "type"],
} if {
	cp.is_authorization_config(input)
	is_array(input.authorizers)
	some i, a in input.authorizers
	a.type == "AlwaysAllow"
}
