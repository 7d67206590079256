package kubeward.rules.pss.seccomp_restricted_test

import data.kubeward.rules.pss.seccomp_restricted

test_every_way_it_fires_in_podtemplate if {
	got := seccomp_restricted.deny with input as {"kind": "PodTemplate", "template": {"spec": {
		"securityContext": {"seccompProfile": {"type": "Unconfined"}},
		"containers": [
			{"name": "ok", "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}},
			{"name": "bad", "securityContext": {"seccompProfile": {"type": "Unconfined"}}},
			{"name": "unset"},
		],
	}}}
	got == {
		{
			"msg": "the pod sets securityContext.seccompProfile.type=\"Unconfined\"; set it to RuntimeDefault or Localhost.",
			"path": ["template", "spec", "securityContext", "seccompProfile", "type"],
		},
		{
			"msg": "container \"bad\" sets securityContext.seccompProfile.type=\"Unconfined\"; set it to RuntimeDefault or Localhost.",
			"path": ["template", "spec", "containers", 1, "securityContext", "seccompProfile", "type"],
		},
		{
			"msg": "container \"unset\" does not set securityContext.seccompProfile and the pod sets no allowed one (default: Unconfined on most nodes); set its type to RuntimeDefault or Localhost.",
			"path": ["template", "spec", "containers", 2, "securityContext", "seccompProfile"],
		},
	}
}

test_unset_everywhere_fires_per_container if {
	got := seccomp_restricted.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {
		"initContainers": [{"name": "i"}],
		"containers": [{"name": "c", "securityContext": {"seccompProfile": null}}],
		"ephemeralContainers": [{"name": "e", "securityContext": {}}],
	}}}}
	{f.path | some f in got} == {
		["spec", "template", "spec", "initContainers", 0, "securityContext", "seccompProfile"],
		["spec", "template", "spec", "containers", 0, "securityContext", "seccompProfile"],
		["spec", "template", "spec", "ephemeralContainers", 0, "securityContext", "seccompProfile"],
	}
}

test_container_overrides_pod_badly if {
	got := seccomp_restricted.deny with input as {"kind": "Pod", "spec": {
		"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}},
		"containers": [{"name": "a"}, {"name": "b", "securityContext": {"seccompProfile": {}}}],
	}}
	{f.path | some f in got} == {["spec", "containers", 1, "securityContext", "seccompProfile", "type"]}
}

test_pod_level_allowed_passes if {
	count(seccomp_restricted.deny) == 0 with input as {"kind": "Pod", "spec": {
		"securityContext": {"seccompProfile": {"type": "Localhost", "localhostProfile": "p.json"}},
		"containers": [{"name": "a"}, {"name": "b", "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}}],
	}}
}

test_every_container_allowed_passes if {
	count(seccomp_restricted.deny) == 0 with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "securityContext": {"seccompProfile": {"type": "Localhost"}}}],
		"containers": [{"name": "a", "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}}],
	}}
}

test_windows_pod_exempt if {
	count(seccomp_restricted.deny) == 0 with input as {"kind": "Pod", "spec": {
		"os": {"name": "windows"},
		"securityContext": {"seccompProfile": {"type": "Unconfined"}},
		"containers": [{"name": "a"}],
	}}
}
