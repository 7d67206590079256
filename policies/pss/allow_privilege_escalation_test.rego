package kubeward.rules.pss.allow_privilege_escalation_test

import data.kubeward.rules.pss.allow_privilege_escalation

test_unset_and_true_in_deployment if {
	got := allow_privilege_escalation.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [
		{"name": "ok", "securityContext": {"allowPrivilegeEscalation": false}},
		{"name": "bare"},
		{"name": "on", "securityContext": {"allowPrivilegeEscalation": true}},
	]}}}}
	got == {
		{
			"msg": "container \"bare\" does not set securityContext.allowPrivilegeEscalation (default: allowed); set it to false.",
			"path": ["spec", "template", "spec", "containers", 1, "securityContext", "allowPrivilegeEscalation"],
		},
		{
			"msg": "container \"on\" sets securityContext.allowPrivilegeEscalation=true; set it to false.",
			"path": ["spec", "template", "spec", "containers", 2, "securityContext", "allowPrivilegeEscalation"],
		},
	}
}

test_empty_or_null_security_context_and_every_list if {
	got := allow_privilege_escalation.deny with input as {"kind": "Pod", "spec": {
		"os": {"name": "linux"},
		"securityContext": {"allowPrivilegeEscalation": false},
		"initContainers": [{"name": "i", "securityContext": {}}],
		"containers": [{"name": "c", "securityContext": {"allowPrivilegeEscalation": null}}],
		"ephemeralContainers": [{"name": "e", "securityContext": null}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "securityContext", "allowPrivilegeEscalation"],
		["spec", "containers", 0, "securityContext", "allowPrivilegeEscalation"],
		["spec", "ephemeralContainers", 0, "securityContext", "allowPrivilegeEscalation"],
	}
}

test_every_container_false_passes if {
	count(allow_privilege_escalation.deny) == 0 with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "securityContext": {"allowPrivilegeEscalation": false}}],
		"containers": [{"name": "c", "securityContext": {"allowPrivilegeEscalation": false}}],
	}}
}

test_windows_pod_exempt if {
	count(allow_privilege_escalation.deny) == 0 with input as {"kind": "Pod", "spec": {
		"os": {"name": "windows"},
		"containers": [{"name": "c", "securityContext": {"allowPrivilegeEscalation": true}}],
	}}
}
