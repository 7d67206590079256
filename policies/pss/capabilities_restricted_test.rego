package kubeward.rules.pss.capabilities_restricted_test

import data.kubeward.rules.pss.capabilities_restricted

test_missing_drop_and_forbidden_add_in_cronjob if {
	got := capabilities_restricted.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [
		{"name": "ok", "securityContext": {"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}}},
		{"name": "bare"},
		{"name": "app", "securityContext": {"capabilities": {"drop": ["NET_RAW"], "add": ["CHOWN"]}}},
	]}}}}}}
	got == {
		{
			"msg": "container \"bare\" does not set securityContext.capabilities.drop (default: the runtime's capabilities are kept); set it to [\"ALL\"].",
			"path": ["spec", "jobTemplate", "spec", "template", "spec", "containers", 1, "securityContext", "capabilities", "drop"],
		},
		{
			"msg": "container \"app\" sets securityContext.capabilities.drop=[\"NET_RAW\"] without \"ALL\"; add \"ALL\" to it.",
			"path": ["spec", "jobTemplate", "spec", "template", "spec", "containers", 2, "securityContext", "capabilities", "drop"],
		},
		{
			"msg": "container \"app\" adds capability \"CHOWN\" in securityContext.capabilities.add; remove it (only NET_BIND_SERVICE is allowed).",
			"path": ["spec", "jobTemplate", "spec", "template", "spec", "containers", 2, "securityContext", "capabilities", "add", 0],
		},
	}
}

test_drop_must_contain_exact_all if {
	got := capabilities_restricted.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "securityContext": {"capabilities": {"drop": ["all"]}}}],
		"containers": [
			{"name": "a", "securityContext": {"capabilities": {}}},
			{"name": "b", "securityContext": {"capabilities": "ALL"}},
			{"name": "c", "securityContext": {"capabilities": {"drop": "ALL"}}},
		],
		"ephemeralContainers": [{"name": "e", "securityContext": {}}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "securityContext", "capabilities", "drop"],
		["spec", "containers", 0, "securityContext", "capabilities", "drop"],
		["spec", "containers", 1, "securityContext", "capabilities", "drop"],
		["spec", "containers", 2, "securityContext", "capabilities", "drop"],
		["spec", "ephemeralContainers", 0, "securityContext", "capabilities", "drop"],
	}
}

test_drop_all_and_net_bind_service_pass if {
	count(capabilities_restricted.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "securityContext": {"capabilities": {"drop": ["ALL"]}}},
		{"name": "b", "securityContext": {"capabilities": {"drop": ["NET_RAW", "ALL"], "add": ["NET_BIND_SERVICE"]}}},
	]}}
}

test_windows_pod_exempt if {
	count(capabilities_restricted.deny) == 0 with input as {"kind": "Pod", "spec": {
		"os": {"name": "windows"},
		"containers": [{"name": "a", "securityContext": {"capabilities": {"add": ["SYS_ADMIN"]}}}],
	}}
}
