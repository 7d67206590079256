package kubeward.lib.pss_test

import data.kubeward.lib.pss

test_is_set if {
	pss.is_set({"a": false}, "a")
	pss.is_set({"a": {}}, "a")
	not pss.is_set({"a": null}, "a")
	not pss.is_set({}, "a")
	not pss.is_set("a", "a")
	not pss.is_set(null, "a")
}

test_string_field_is_go_zero_value_when_unset if {
	pss.string_field({"type": "Unconfined"}, "type") == "Unconfined"
	pss.string_field({"type": null}, "type") == ""
	pss.string_field({}, "type") == ""
	pss.string_field("Unconfined", "type") == ""
	pss.string_field({"type": 5}, "type") == 5
}

test_quote if {
	pss.quote("a\"b") == `"a\"b"`
	pss.quote(true) == "true"
	pss.quote(["ALL"]) == `["ALL"]`
}

test_profile_settings_pod_and_containers if {
	got := pss.profile_settings("seccompProfile") with input as {"kind": "Deployment", "spec": {"template": {"spec": {
		"securityContext": {"seccompProfile": {}},
		"initContainers": [{"name": "i", "securityContext": {"seccompProfile": {"type": "Localhost"}}}],
		"containers": [
			{"name": "a", "securityContext": {"seccompProfile": {"type": "Unconfined"}}},
			{"name": "b", "securityContext": {"seccompProfile": null}},
			{"name": "c"},
		],
	}}}}
	got == {
		{"name": "", "pod": true, "type": "", "path": ["spec", "template", "spec", "securityContext", "seccompProfile", "type"]},
		{"name": "i", "pod": false, "type": "Localhost", "path": ["spec", "template", "spec", "initContainers", 0, "securityContext", "seccompProfile", "type"]},
		{"name": "a", "pod": false, "type": "Unconfined", "path": ["spec", "template", "spec", "containers", 0, "securityContext", "seccompProfile", "type"]},
	}
}

test_forbidden_profile_settings if {
	got := pss.forbidden_profile_settings("appArmorProfile") with input as {"kind": "Pod", "spec": {
		"securityContext": {"appArmorProfile": {"type": "RuntimeDefault"}},
		"containers": [
			{"name": "a", "securityContext": {"appArmorProfile": {"type": "Unconfined"}}},
			{"name": "b", "securityContext": {"appArmorProfile": {"type": "Localhost", "localhostProfile": "p"}}},
			{"name": "c", "securityContext": {"appArmorProfile": {"type": "runtimedefault"}}},
		],
	}}
	{x.name | some x in got} == {"a", "c"}
}

test_setter if {
	pss.setter({"pod": true, "name": ""}) == "the pod"
	pss.setter({"pod": false, "name": "app"}) == `container "app"`
}

test_unmasked_proc_mounts if {
	got := pss.unmasked_proc_mounts with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "securityContext": {"procMount": "Unmasked"}},
		{"name": "b", "securityContext": {"procMount": "Default"}},
		{"name": "c", "securityContext": {"procMount": null}},
		{"name": "d"},
	]}}
	{[x.container.name, x.value] | some x in got} == {["a", "Unmasked"]}
}

test_added_capabilities if {
	got := pss.added_capabilities with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "securityContext": {"capabilities": {"add": ["NET_ADMIN", "CHOWN"]}}},
		{"name": "b", "securityContext": {"capabilities": {"add": "NET_ADMIN"}}},
		{"name": "c", "securityContext": {"capabilities": {"add": null}}},
		{"name": "d", "securityContext": {"capabilities": "all"}},
	]}}
	{[x.container.name, x.value, x.path] | some x in got} == {
		["a", "NET_ADMIN", ["spec", "containers", 0, "securityContext", "capabilities", "add", 0]],
		["a", "CHOWN", ["spec", "containers", 0, "securityContext", "capabilities", "add", 1]],
	}
}
