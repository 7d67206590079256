# METADATA
# title: Unsafe sysctls
# description: |
#   Sysctls change kernel parameters. Only a small set is namespaced and known
#   to be isolated from other pods on the node; any other can affect the whole
#   node or its neighbours. Pod Security Standards allow only that safe set at
#   the baseline level.
# custom:
#   id: KW-PSS-011
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [pss-baseline, pss-restricted, nsa]
#   remediation: Remove the sysctl from securityContext.sysctls; only the safe sysctls are allowed.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA sysctls
#     - KSV-0026
#     - KL unsafe-sysctls
#     - https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: router
#     spec:
#       securityContext:
#         sysctls:
#           - name: net.ipv4.ip_forward
#             value: "1"
#       containers:
#         - name: app
#           image: registry.example.com/router:1.0.0
package kubeward.rules.pss.sysctls

import data.kubeward.lib.pods
import data.kubeward.lib.pss

# PSA sysctlsAllowedV1Dot37.
_allowed := {
	"kernel.shm_rmid_forced",
	"net.ipv4.ip_local_port_range",
	"net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range",
	"net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout",
	"net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
	"net.ipv4.tcp_rmem",
	"net.ipv4.tcp_wmem",
	"net.ipv4.tcp_slow_start_after_idle",
	"net.ipv4.tcp_notsent_lowat",
}

deny contains {
	"msg": sprintf(
		"the pod sets the unsafe sysctl %s in securityContext.sysctls; remove it (only the safe sysctls are allowed).",
		[pss.quote(name)],
	),
	"path": array.concat(pods.pod_sc_path, ["sysctls", k, "name"]),
} if {
	sysctls := pods.pod_sc.sysctls
	is_array(sysctls)
	some k, sysctl in sysctls
	name := pss.string_field(sysctl, "name")
	not name in _allowed
}
