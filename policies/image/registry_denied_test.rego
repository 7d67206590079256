package kubeward.rules.image.registry_denied_test

import data.kubeward.rules.image.registry_denied

test_denied_in_cronjob if {
	got := registry_denied.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [
		{"name": "ok", "image": "ghcr.io/acme/app:1"},
		{"name": "app", "image": "nginx:1.27"},
	]}}}}}}
		with data.kubeward.config.deniedRegistries as ["quay.io", "docker.io", "docker.io/library"]
	got == {{
		"msg": "container \"app\" sets image=\"nginx:1.27\" from docker.io/library/nginx, which matches the deniedRegistries entry \"docker.io\"; use an image from another registry.",
		"path": ["spec", "jobTemplate", "spec", "template", "spec", "containers", 1, "image"],
	}}
}

test_denied_every_container_list if {
	got := registry_denied.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "image": "host:5000/a"}],
		"containers": [{"name": "c", "image": "ghcr.io/evil/x:1"}, {"name": "d", "image": "ghcr.io/evilcorp/x:1"}],
		"ephemeralContainers": [{"name": "e", "image": "docker.io/library/busybox"}],
	}}
		with data.kubeward.config.deniedRegistries as ["host:5000", "ghcr.io/evil", "docker.io/library/busybox/"]
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "image"],
		["spec", "containers", 0, "image"],
		["spec", "ephemeralContainers", 0, "image"],
	}
}

test_unset_or_empty_list_is_silent if {
	obj := {"kind": "Pod", "spec": {"containers": [{"name": "a", "image": "nginx"}]}}
	count(registry_denied.deny) == 0 with input as obj
	count(registry_denied.deny) == 0 with input as obj with data.kubeward.config as {}
	count(registry_denied.deny) == 0 with input as obj with data.kubeward.config.deniedRegistries as []
	count(registry_denied.deny) == 0 with input as obj with data.kubeward.config.deniedRegistries as {"docker.io": true}
}

test_no_match_or_invalid_image_passes if {
	count(registry_denied.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "image": "ghcr.io/acme/app"},
		{"name": "b", "image": ""},
		{"name": "c"},
	]}}
		with data.kubeward.config.deniedRegistries as ["ghcr.io/acm", ""]
}
