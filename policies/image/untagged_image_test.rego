package kubeward.rules.image.untagged_image_test

import data.kubeward.rules.image.untagged_image

digest := "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

test_untagged_in_statefulset if {
	got := untagged_image.deny with input as {"kind": "StatefulSet", "spec": {"template": {"spec": {"containers": [
		{"name": "ok", "image": "nginx:1.27"},
		{"name": "app", "image": "nginx"},
	]}}}}
	got == {{
		"msg": "container \"app\" sets image=\"nginx\" with neither tag nor digest (default: latest); add a specific version tag or a digest.",
		"path": ["spec", "template", "spec", "containers", 1, "image"],
	}}
}

test_untagged_forms if {
	got := untagged_image.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "image": "ghcr.io/a/b"}],
		"containers": [{"name": "c", "image": "host:5000/a"}, {"name": "d", "image": "library/nginx"}],
		"ephemeralContainers": [{"name": "e", "image": "localhost/x"}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "image"],
		["spec", "containers", 0, "image"],
		["spec", "containers", 1, "image"],
		["spec", "ephemeralContainers", 0, "image"],
	}
}

test_tag_or_digest_passes if {
	count(untagged_image.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "image": "nginx:1.27"},
		{"name": "b", "image": concat("@", ["nginx", digest])},
		{"name": "c", "image": "nginx:latest"}, # IMG-001
		{"name": "d", "image": "host:5000/a:1"},
		{"name": "e", "image": ""},
		{"name": "f", "image": 5},
	]}}
}
