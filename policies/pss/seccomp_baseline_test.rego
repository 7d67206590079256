package kubeward.rules.pss.seccomp_baseline_test

import data.kubeward.rules.pss.seccomp_baseline

test_unconfined_pod_and_container_in_job if {
	got := seccomp_baseline.deny with input as {"kind": "Job", "spec": {"template": {"spec": {
		"securityContext": {"seccompProfile": {"type": "Unconfined"}},
		"containers": [
			{"name": "ok", "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}},
			{"name": "app", "securityContext": {"seccompProfile": {}}},
		],
	}}}}
	got == {
		{
			"msg": "the pod sets securityContext.seccompProfile.type=\"Unconfined\"; set it to RuntimeDefault or Localhost.",
			"path": ["spec", "template", "spec", "securityContext", "seccompProfile", "type"],
		},
		{
			"msg": "container \"app\" sets securityContext.seccompProfile.type=\"\"; set it to RuntimeDefault or Localhost.",
			"path": ["spec", "template", "spec", "containers", 1, "securityContext", "seccompProfile", "type"],
		},
	}
}

test_init_and_ephemeral if {
	got := seccomp_baseline.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "securityContext": {"seccompProfile": {"type": "localhost"}}}],
		"ephemeralContainers": [{"name": "e", "securityContext": {"seccompProfile": {"type": "Unconfined"}}}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "securityContext", "seccompProfile", "type"],
		["spec", "ephemeralContainers", 0, "securityContext", "seccompProfile", "type"],
	}
}

test_unset_or_allowed_passes if {
	count(seccomp_baseline.deny) == 0 with input as {"kind": "Pod", "spec": {
		"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}},
		"containers": [
			{"name": "a"},
			{"name": "b", "securityContext": {"seccompProfile": {"type": "Localhost", "localhostProfile": "p.json"}}},
			{"name": "c", "securityContext": {"seccompProfile": null}},
		],
	}}
}

test_legacy_annotations_not_checked if {
	count(seccomp_baseline.deny) == 0 with input as {
		"kind": "Pod", "metadata": {"annotations": {
			"seccomp.security.alpha.kubernetes.io/pod": "unconfined",
			"container.seccomp.security.alpha.kubernetes.io/a": "unconfined",
		}},
		"spec": {"containers": [{"name": "a"}]},
	}
}
