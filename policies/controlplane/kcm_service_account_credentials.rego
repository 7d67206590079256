# METADATA
# title: Controllers share one credential
# description: |
#   Without --use-service-account-credentials every controller of the controller
#   manager calls the API server with the controller manager's own, very broad,
#   credential. With it, each controller uses its own ServiceAccount and the
#   RBAC roles made for it, so a flaw in one controller cannot use the rights of
#   all.
# custom:
#   id: KW-CP-020
#   severity: medium
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Set --use-service-account-credentials=true.
#   references:
#     - CIS 1.3.3
#     - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#controller-roles
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: kube-controller-manager
#       namespace: kube-system
#       labels: {component: kube-controller-manager, tier: control-plane}
#     spec:
#       hostNetwork: true
#       priorityClassName: system-node-critical
#       containers:
#         - name: kube-controller-manager
#           image: registry.k8s.io/kube-controller-manager:v1.34.1
#           command:
#             - kube-controller-manager
#             - --bind-address=127.0.0.1
#             - --use-service-account-credentials=false
package kubeward.rules.controlplane.kcm_service_account_credentials

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s (default: false, every controller uses the controller manager's credential); set --use-service-account-credentials=true.", [c.name, cp.unset_text(c, "use-service-account-credentials")]),
	"path": cp.unset_path(c, "use-service-account-credentials"),
} if {
	some c in cp.controller_managers
	not cp.is_set(c, "use-service-account-credentials")
}

deny contains {
	"msg": sprintf("container %q sets %s (every controller uses the controller manager's credential); set it to true.", [c.name, f.display]),
	"path": f.path,
} if {
	some c in cp.controller_managers
	cp.bool_value(c, "use-service-account-credentials") == false
	f := cp.flag(c, "use-service-account-credentials")
}
