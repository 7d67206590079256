package kubeward.rules.image.latest_tag_test

import data.kubeward.rules.image.latest_tag

digest := "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

test_latest_tag_in_deployment if {
	got := latest_tag.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [
		{"name": "ok", "image": "nginx:1.27"},
		{"name": "app", "image": "ghcr.io/acme/app:latest"},
	]}}}}
	got == {{
		"msg": "container \"app\" sets image=\"ghcr.io/acme/app:latest\" with the mutable tag latest; use a specific version tag or a digest.",
		"path": ["spec", "template", "spec", "containers", 1, "image"],
	}}
}

test_latest_tag_every_container_list if {
	got := latest_tag.deny with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {
		"initContainers": [{"name": "i", "image": "busybox:latest"}],
		"containers": [{"name": "c", "image": "host:5000/a:latest"}],
		"ephemeralContainers": [{"name": "e", "image": "localhost/debug:latest"}],
	}}}}}}
	{f.path | some f in got} == {
		["spec", "jobTemplate", "spec", "template", "spec", "initContainers", 0, "image"],
		["spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "image"],
		["spec", "jobTemplate", "spec", "template", "spec", "ephemeralContainers", 0, "image"],
	}
}

test_other_tags_and_digests_pass if {
	count(latest_tag.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "image": "nginx:1.27"},
		{"name": "b", "image": concat("@", ["nginx:latest", digest])},
		{"name": "c", "image": "nginx"}, # IMG-002
		{"name": "d", "image": "nginx:Latest"},
		{"name": "e", "image": "latest/app:v1"},
		{"name": "f", "image": "registry:latest/app"}, # a port-like registry, not a tag
	]}}
}

test_invalid_images_pass if {
	count(latest_tag.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a"},
		{"name": "b", "image": ""},
		{"name": "c", "image": null},
		{"name": "d", "image": ["nginx:latest"]},
		{"name": "e", "image": 1},
	]}}
}
