# METADATA
# title: CIS admission recommendations not met
# description: |
#   CIS recommends EventRateLimit (the API server cannot be flooded with
#   events), AlwaysPullImages (a pod cannot use a private image cached on the
#   node without pull credentials) and DenyServiceExternalIPs (Services cannot
#   claim arbitrary external IPs, CVE-2020-8554), and forbids AlwaysAdmit, a
#   deprecated plugin that admits everything. All three are off by default.
# custom:
#   id: KW-CP-008
#   severity: low
#   kinds: [Pod]
#   profiles: [cis]
#   remediation: Add EventRateLimit (with --admission-control-config-file), AlwaysPullImages and DenyServiceExternalIPs to --enable-admission-plugins, and remove AlwaysAdmit.
#   references:
#     - CIS 1.2.9
#     - CIS 1.2.11
#     - CIS 1.2.3
#     - CIS 1.2.10
#     - https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/
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
#             - --enable-admission-plugins=NodeRestriction,AlwaysPullImages
package kubeward.rules.controlplane.admission_cis_plugins

import data.kubeward.lib.controlplane as cp

deny contains {
	"msg": sprintf("container %q %s.", [c.name, x.text]),
	"path": x.path,
} if {
	some c in cp.apiservers
	some p in ["EventRateLimit", "AlwaysPullImages", "DenyServiceExternalIPs"]
	x := cp.admission_off(c, p)
}

deny contains {
	"msg": sprintf("container %q enables AlwaysAdmit (deprecated; it admits every request and CIS forbids it); remove it.", [c.name]),
	"path": x.path,
} if {
	some c in cp.apiservers
	x := cp.admission_on(c, "AlwaysAdmit")
}
