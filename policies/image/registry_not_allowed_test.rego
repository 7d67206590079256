package kubeward.rules.image.registry_not_allowed_test

import data.kubeward.rules.image.registry_not_allowed

pod := {"kind": "Pod", "spec": {
	"initContainers": [{"name": "i", "image": "ghcr.io/acme/init:1"}],
	"containers": [
		{"name": "a", "image": "nginx:1.27"},
		{"name": "b", "image": "ghcr.io/acmex/app:1"},
		{"name": "c", "image": "registry.example.com:5000/team/app"},
	],
	"ephemeralContainers": [{"name": "e", "image": "localhost/debug"}],
}}

test_not_allowed_in_deployment if {
	got := registry_not_allowed.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [
		{"name": "ok", "image": "ghcr.io/acme/app:1"},
		{"name": "app", "image": "nginx:1.27"},
	]}}}}
		with data.kubeward.config.allowedRegistries as ["ghcr.io/acme", "registry.example.com:5000"]
	got == {{
		"msg": "container \"app\" sets image=\"nginx:1.27\" from docker.io/library/nginx, which matches no allowedRegistries entry (ghcr.io/acme, registry.example.com:5000); use an image from an allowed registry.",
		"path": ["spec", "template", "spec", "containers", 1, "image"],
	}}
}

test_prefix_ends_at_a_slash if {
	got := registry_not_allowed.deny with input as pod
		with data.kubeward.config.allowedRegistries as ["ghcr.io/acme", "registry.example.com:5000"]
	{f.path | some f in got} == {
		["spec", "containers", 0, "image"],
		["spec", "containers", 1, "image"],
		["spec", "ephemeralContainers", 0, "image"],
	}
}

test_every_container_list_matches if {
	count(registry_not_allowed.deny) == 0 with input as pod
		with data.kubeward.config.allowedRegistries as ["ghcr.io/", "docker.io/library", "registry.example.com:5000/team/app", "localhost"]
}

test_unset_or_empty_list_is_silent if {
	count(registry_not_allowed.deny) == 0 with input as pod
	count(registry_not_allowed.deny) == 0 with input as pod with data.kubeward.config as {}
	count(registry_not_allowed.deny) == 0 with input as pod with data.kubeward.config.allowedRegistries as []
	count(registry_not_allowed.deny) == 0 with input as pod with data.kubeward.config.allowedRegistries as [1, null]
}

test_single_string_is_one_prefix if {
	got := registry_not_allowed.deny with input as pod with data.kubeward.config.allowedRegistries as "ghcr.io"
	{f.path | some f in got} == {
		["spec", "containers", 0, "image"],
		["spec", "containers", 2, "image"],
		["spec", "ephemeralContainers", 0, "image"],
	}
}

test_invalid_images_pass if {
	count(registry_not_allowed.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{"name": "a"}, {"name": "b", "image": ""}, {"name": "c", "image": false}]}}
		with data.kubeward.config.allowedRegistries as ["ghcr.io"]
}
