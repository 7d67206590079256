package kubeward.rules.pss.apparmor_profile_test

import data.kubeward.rules.pss.apparmor_profile

test_pod_container_and_annotation_findings_in_deployment if {
	got := apparmor_profile.deny with input as {"kind": "Deployment", "spec": {"template": {
		"metadata": {"annotations": {"container.apparmor.security.beta.kubernetes.io/app": "unconfined"}},
		"spec": {
			"securityContext": {"appArmorProfile": {"type": "Unconfined"}},
			"containers": [
				{"name": "ok", "securityContext": {"appArmorProfile": {"type": "RuntimeDefault"}}},
				{"name": "app", "securityContext": {"appArmorProfile": {}}},
			],
		},
	}}}
	got == {
		{
			"msg": "the pod sets securityContext.appArmorProfile.type=\"Unconfined\"; set it to RuntimeDefault or Localhost.",
			"path": ["spec", "template", "spec", "securityContext", "appArmorProfile", "type"],
		},
		{
			"msg": "container \"app\" sets securityContext.appArmorProfile.type=\"\"; set it to RuntimeDefault or Localhost.",
			"path": ["spec", "template", "spec", "containers", 1, "securityContext", "appArmorProfile", "type"],
		},
		{
			"msg": "the pod annotation \"container.apparmor.security.beta.kubernetes.io/app\" is \"unconfined\"; set it to runtime/default or localhost/<profile>.",
			"path": ["spec", "template", "metadata", "annotations", "container.apparmor.security.beta.kubernetes.io/app"],
		},
	}
}

test_init_and_ephemeral_containers if {
	got := apparmor_profile.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "securityContext": {"appArmorProfile": {"type": "Unconfined"}}}],
		"ephemeralContainers": [{"name": "e", "securityContext": {"appArmorProfile": {"type": "runtimedefault"}}}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "securityContext", "appArmorProfile", "type"],
		["spec", "ephemeralContainers", 0, "securityContext", "appArmorProfile", "type"],
	}
}

test_annotation_in_cronjob if {
	got := apparmor_profile.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {
		"metadata": {"annotations": {"container.apparmor.security.beta.kubernetes.io/x": "localhost"}},
		"spec": {"containers": [{"name": "c"}]},
	}}}}}
	{f.path | some f in got} == {["spec", "jobTemplate", "spec", "template", "metadata", "annotations", "container.apparmor.security.beta.kubernetes.io/x"]}
}

test_allowed_values_pass if {
	count(apparmor_profile.deny) == 0 with input as {
		"kind": "Pod", "metadata": {"annotations": {
			"container.apparmor.security.beta.kubernetes.io/a": "runtime/default",
			"container.apparmor.security.beta.kubernetes.io/b": "localhost/my-profile",
			"container.apparmor.security.beta.kubernetes.io/c": "",
			"container.apparmor.security.beta.kubernetes.io/d": null,
			"other.example.com/x": "unconfined",
		}},
		"spec": {
			"securityContext": {"appArmorProfile": {"type": "Localhost", "localhostProfile": "p"}},
			"containers": [
				{"name": "a", "securityContext": {"appArmorProfile": {"type": "RuntimeDefault"}}},
				{"name": "b", "securityContext": {"appArmorProfile": null}},
				{"name": "c", "securityContext": {}},
				{"name": "d"},
			],
		},
	}
}

test_absent_profiles_pass if {
	count(apparmor_profile.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "a"}]}}
}

test_non_string_annotation_value_fires if {
	got := apparmor_profile.deny with input as {"kind": "Pod", "metadata": {"annotations": {"container.apparmor.security.beta.kubernetes.io/a": ["localhost/x"]}}}
	{f.msg | some f in got} == {"the pod annotation \"container.apparmor.security.beta.kubernetes.io/a\" is [\"localhost/x\"]; set it to runtime/default or localhost/<profile>."}
}

test_wrong_types_do_not_error if {
	got := apparmor_profile.deny with input as {"kind": "Pod", "metadata": {"annotations": "x"}, "spec": {
		"securityContext": {"appArmorProfile": "Unconfined"},
		"containers": [{"name": "a", "securityContext": {"appArmorProfile": {"type": 3}}}],
	}}
	{f.msg | some f in got} == {
		"the pod sets securityContext.appArmorProfile.type=\"\"; set it to RuntimeDefault or Localhost.",
		"container \"a\" sets securityContext.appArmorProfile.type=3; set it to RuntimeDefault or Localhost.",
	}
}
