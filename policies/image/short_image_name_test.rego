package kubeward.rules.image.short_image_name_test

import data.kubeward.rules.image.short_image_name

test_short_name_in_replication_controller if {
	got := short_image_name.deny with input as {"kind": "ReplicationController", "spec": {"template": {"spec": {"containers": [
		{"name": "ok", "image": "docker.io/library/nginx:1.27"},
		{"name": "app", "image": "nginx:1.27"},
	]}}}}
	got == {{
		"msg": "container \"app\" sets image=\"nginx:1.27\" without a registry, which the runtime resolves (usually to docker.io/library/nginx); name the registry explicitly.",
		"path": ["spec", "template", "spec", "containers", 1, "image"],
	}}
}

test_short_names_every_container_list if {
	got := short_image_name.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "image": "library/busybox"}],
		"containers": [{"name": "c", "image": "bitnami/redis:7"}, {"name": "d", "image": "localhost"}],
		"ephemeralContainers": [{"name": "e", "image": "registry.example.com"}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "image"],
		["spec", "containers", 0, "image"],
		["spec", "containers", 1, "image"],
		["spec", "ephemeralContainers", 0, "image"],
	}
}

test_qualified_names_pass if {
	count(short_image_name.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "image": "docker.io/nginx"},
		{"name": "b", "image": "ghcr.io/a/b"},
		{"name": "c", "image": "host:5000/a"},
		{"name": "d", "image": "localhost/x"},
		{"name": "e", "image": ""},
		{"name": "f", "image": null},
	]}}
}
