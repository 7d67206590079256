# METADATA
# title: API server allows anonymous requests
# description: |
#   With anonymous authentication on, a request without credentials is served as
#   system:anonymous, so every RBAC grant to that user or to
#   system:unauthenticated is open to anyone who reaches the API server.
#   --anonymous-auth defaults to true. An AuthenticationConfiguration can keep
#   anonymous access for health checks only, by conditions.
# custom:
#   id: KW-CP-001
#   severity: medium
#   kinds: [Pod, AuthenticationConfiguration]
#   profiles: [cis]
#   remediation: Set --anonymous-auth=false, or with --authentication-config limit anonymous access to /livez, /readyz and /healthz by anonymous.conditions.
#   references:
#     - CIS 1.2.1
#     - https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests
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
#             - --authorization-mode=Node,RBAC
#             - --client-ca-file=/etc/kubernetes/pki/ca.crt
#             - --anonymous-auth=true
package kubeward.rules.controlplane.apiserver_anonymous_auth

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s (default: true, requests without credentials are served as system:anonymous); set --anonymous-auth=false.", [c.name, cp.unset_text(c, "anonymous-auth")]),
	"path": cp.unset_path(c, "anonymous-auth"),
} if {
	some c in cp.apiservers
	not cp.is_set(c, "anonymous-auth")
	not cp.is_set(c, "authentication-config")
}

deny contains {
	"msg": sprintf("container %q sets %s (requests without credentials are served as system:anonymous); set it to false.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in cp.apiservers
	cp.bool_value(c, "anonymous-auth") == true
	not cp.is_set(c, "authentication-config")
	f := cp.flag(c, "anonymous-auth")
}

deny contains {
	"msg": "AuthenticationConfiguration sets anonymous.enabled=true without anonymous.conditions; limit it to health endpoints with conditions (e.g. path /livez, /readyz) or set it to false.",
	"path": ["anonymous", "enabled"],
} if {
	cp.is_authentication_config(input)
	input.anonymous.enabled == true
	not _conditions
}

_conditions if {
	cs := input.anonymous.conditions
	is_array(cs)
	count(cs) > 0
}
