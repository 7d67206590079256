package kubeward.rules.pod.no_apparmor_profile_test

import data.kubeward.rules.pod.no_apparmor_profile as rule

test_no_profile_in_deployment if {
	got := rule.deny with input as {"kind": "Deployment", "spec": {"template": {
		"metadata": {"annotations": {"container.apparmor.security.beta.kubernetes.io/annotated": "runtime/default"}},
		"spec": {"containers": [
			{"name": "app"},
			{"name": "annotated"},
			{"name": "own", "securityContext": {"appArmorProfile": {"type": "RuntimeDefault"}}},
		]},
	}}}
	got == {{
		"msg": "container \"app\" does not set securityContext.appArmorProfile (nor does the pod or an annotation \"container.apparmor.security.beta.kubernetes.io/app\"; default: the runtime's default profile); set its type to RuntimeDefault or Localhost.",
		"path": ["spec", "template", "spec", "containers", 0, "securityContext", "appArmorProfile"],
	}}
}

test_init_containers_fire_ephemeral_skipped if {
	got := rule.deny with input as {"kind": "Pod", "spec": {"initContainers": [{"name": "i"}], "ephemeralContainers": [{"name": "e"}]}}
	{f.path | some f in got} == {["spec", "initContainers", 0, "securityContext", "appArmorProfile"]}
}

test_pod_profile_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"securityContext": {"appArmorProfile": {"type": "Unconfined"}}, "containers": [{"name": "a"}]}}
}

test_any_value_passes if {
	# The value is PSS-001's business.
	count(rule.deny) == 0 with input as {"kind": "Pod", "metadata": {"annotations": {"container.apparmor.security.beta.kubernetes.io/a": ""}}, "spec": {"containers": [
		{"name": "a"},
		{"name": "b", "securityContext": {"appArmorProfile": {}}},
	]}}
}

test_windows_pod_passes if {
	count(rule.deny) == 0 with input as {"kind": "Pod", "spec": {"os": {"name": "windows"}, "containers": [{"name": "a"}]}}
}

test_null_and_wrong_types_count_as_unset if {
	got := rule.deny with input as {"kind": "Pod", "metadata": {"annotations": "bad"}, "spec": {
		"securityContext": {"appArmorProfile": null},
		"containers": [{"name": "a", "securityContext": {"appArmorProfile": null}}],
	}}
	count(got) == 1
}
