# METADATA
# title: SELinux options
# description: |
#   SELinux labels decide what a container's processes may touch on the node.
#   A custom user or role, or a type other than the container types, can lift
#   that confinement and give the container access to host files and
#   processes. Pod Security Standards restrict them at the baseline level.
# custom:
#   id: KW-PSS-009
#   severity: medium
#   kinds: [pod-kinds]
#   profiles: [pss-baseline, pss-restricted, nsa]
#   remediation: Remove seLinuxOptions.user and seLinuxOptions.role, and leave seLinuxOptions.type unset or set it to container_t, container_init_t, container_kvm_t or container_engine_t.
#   references:
#     - NSA Pod security / Pod security enforcement
#     - PSA seLinuxOptions
#     - KSV-0025
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: agent
#     spec:
#       securityContext:
#         seLinuxOptions:
#           type: spc_t
#       containers:
#         - name: app
#           image: registry.example.com/agent:5.1.0
package kubeward.rules.pss.selinux_options

import data.kubeward.lib.pods
import data.kubeward.lib.pss

# PSA selinuxAllowedTypes1_31 ("" = unset).
_allowed_types := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

# Every seLinuxOptions that is set: the pod's and each container's.
_settings contains {"who": "the pod", "opts": opts, "path": array.concat(pods.pod_sc_path, ["seLinuxOptions"])} if {
	pss.is_set(pods.pod_sc, "seLinuxOptions")
	opts := pods.pod_sc.seLinuxOptions
}

_settings contains {"who": sprintf("container %q", [c.name]), "opts": opts, "path": pods.sc_path(c, "seLinuxOptions")} if {
	some c in pods.containers
	sc := pods.sc(c)
	pss.is_set(sc, "seLinuxOptions")
	opts := sc.seLinuxOptions
}

deny contains {
	"msg": sprintf(
		"%s sets securityContext.seLinuxOptions.type=%s; remove it or use container_t, container_init_t, container_kvm_t or container_engine_t.",
		[s.who, pss.quote(value)],
	),
	"path": array.concat(s.path, ["type"]),
} if {
	some s in _settings
	value := pss.string_field(s.opts, "type")
	not value in _allowed_types
}

deny contains {
	"msg": sprintf(
		"%s sets securityContext.seLinuxOptions.%s=%s; remove it.",
		[s.who, field, pss.quote(value)],
	),
	"path": array.concat(s.path, [field]),
} if {
	some s in _settings
	some field in ["user", "role"]
	value := pss.string_field(s.opts, field)
	value != ""
}
