package kubeward.rules.pss.selinux_options_test

import data.kubeward.rules.pss.selinux_options

test_pod_and_container_fields_in_deployment if {
	got := selinux_options.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {
		"securityContext": {"seLinuxOptions": {"type": "spc_t"}},
		"containers": [{"name": "app", "securityContext": {"seLinuxOptions": {"user": "system_u", "role": "system_r", "level": "s0"}}}],
	}}}}
	got == {
		{
			"msg": "the pod sets securityContext.seLinuxOptions.type=\"spc_t\"; remove it or use container_t, container_init_t, container_kvm_t or container_engine_t.",
			"path": ["spec", "template", "spec", "securityContext", "seLinuxOptions", "type"],
		},
		{
			"msg": "container \"app\" sets securityContext.seLinuxOptions.user=\"system_u\"; remove it.",
			"path": ["spec", "template", "spec", "containers", 0, "securityContext", "seLinuxOptions", "user"],
		},
		{
			"msg": "container \"app\" sets securityContext.seLinuxOptions.role=\"system_r\"; remove it.",
			"path": ["spec", "template", "spec", "containers", 0, "securityContext", "seLinuxOptions", "role"],
		},
	}
}

test_type_is_case_sensitive_every_list if {
	got := selinux_options.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "securityContext": {"seLinuxOptions": {"type": "Container_t"}}}],
		"ephemeralContainers": [{"name": "e", "securityContext": {"seLinuxOptions": {"type": "unconfined_t"}}}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "securityContext", "seLinuxOptions", "type"],
		["spec", "ephemeralContainers", 0, "securityContext", "seLinuxOptions", "type"],
	}
}

test_allowed_options_pass if {
	count(selinux_options.deny) == 0 with input as {"kind": "Pod", "spec": {
		"securityContext": {"seLinuxOptions": {"level": "s0:c123,c456"}},
		"containers": [
			{"name": "a", "securityContext": {"seLinuxOptions": {"type": "container_t"}}},
			{"name": "b", "securityContext": {"seLinuxOptions": {"type": "container_init_t", "user": "", "role": null}}},
			{"name": "c", "securityContext": {"seLinuxOptions": {"type": "container_kvm_t"}}},
			{"name": "d", "securityContext": {"seLinuxOptions": {"type": "container_engine_t"}}},
			{"name": "e", "securityContext": {"seLinuxOptions": {"type": ""}}},
			{"name": "f", "securityContext": {"seLinuxOptions": {}}},
			{"name": "g", "securityContext": {"seLinuxOptions": null}},
			{"name": "h"},
		],
	}}
}
