package kubeward.rules.pss.capabilities_baseline_test

import data.kubeward.rules.pss.capabilities_baseline

test_non_default_capabilities_in_statefulset if {
	got := capabilities_baseline.deny with input as {"kind": "StatefulSet", "spec": {"template": {"spec": {"containers": [
		{"name": "ok", "securityContext": {"capabilities": {"add": ["CHOWN", "NET_BIND_SERVICE"]}}},
		{"name": "app", "securityContext": {"capabilities": {"add": ["KILL", "SYS_ADMIN"], "drop": ["ALL"]}}},
	]}}}}
	got == {{
		"msg": "container \"app\" adds capability \"SYS_ADMIN\" in securityContext.capabilities.add; remove it (only the runtime's default capabilities are allowed).",
		"path": ["spec", "template", "spec", "containers", 1, "securityContext", "capabilities", "add", 1],
	}}
}

test_values_are_case_sensitive_and_exact if {
	got := capabilities_baseline.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "securityContext": {"capabilities": {"add": ["net_raw", "CAP_SYS_ADMIN"]}}}],
		"ephemeralContainers": [{"name": "e", "securityContext": {"capabilities": {"add": ["ALL"]}}}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "securityContext", "capabilities", "add", 0],
		["spec", "initContainers", 0, "securityContext", "capabilities", "add", 1],
		["spec", "ephemeralContainers", 0, "securityContext", "capabilities", "add", 0],
	}
}

test_every_default_capability_passes if {
	count(capabilities_baseline.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"capabilities": {"add": [
		"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
		"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
	]}}}]}}
}

test_absent_or_empty_add_and_drop_ignored if {
	count(capabilities_baseline.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a"},
		{"name": "b", "securityContext": {"capabilities": {}}},
		{"name": "c", "securityContext": {"capabilities": {"add": []}}},
		{"name": "d", "securityContext": {"capabilities": {"drop": ["SYS_ADMIN"], "add": null}}},
	]}}
}
