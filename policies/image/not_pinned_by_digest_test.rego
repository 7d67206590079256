package kubeward.rules.image.not_pinned_by_digest_test

import data.kubeward.rules.image.not_pinned_by_digest

digest := "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

test_not_pinned_in_daemonset if {
	got := not_pinned_by_digest.deny with input as {"kind": "DaemonSet", "spec": {"template": {"spec": {"containers": [
		{"name": "ok", "image": concat("@", ["nginx:1.27", digest])},
		{"name": "app", "image": "nginx:1.27"},
	]}}}}
	got == {{
		"msg": "container \"app\" sets image=\"nginx:1.27\" without a sha256 digest; pin it with @sha256:<digest>.",
		"path": ["spec", "template", "spec", "containers", 1, "image"],
	}}
}

test_malformed_digest_is_not_pinned if {
	got := not_pinned_by_digest.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "image": "nginx@sha256:abc"}],
		"containers": [{"name": "c", "image": "nginx:latest@md5:0123"}],
		"ephemeralContainers": [{"name": "e", "image": "ghcr.io/a/b:v1"}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "image"],
		["spec", "containers", 0, "image"],
		["spec", "ephemeralContainers", 0, "image"],
	}
}

test_digest_passes if {
	count(not_pinned_by_digest.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "image": concat("@", ["nginx", digest])},
		{"name": "b", "image": concat("@", ["host:5000/a/b:latest", digest])},
	]}}
}

test_latest_or_untagged_is_left_to_img_001_002 if {
	count(not_pinned_by_digest.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "image": "nginx:latest"},
		{"name": "b", "image": "nginx"},
		{"name": "c", "image": "host:5000/a"},
		{"name": "d", "image": ""},
		{"name": "e", "image": {"name": "nginx"}},
	]}}
}
