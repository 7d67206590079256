package kubeward.rules.image.mutable_image_not_always_pulled_test

import data.kubeward.rules.image.mutable_image_not_always_pulled

digest := "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

test_latest_if_not_present_in_job if {
	got := mutable_image_not_always_pulled.deny with input as {"kind": "Job", "spec": {"template": {"spec": {"containers": [
		{"name": "ok", "image": "nginx:latest", "imagePullPolicy": "Always"},
		{"name": "app", "image": "nginx:latest", "imagePullPolicy": "IfNotPresent"},
	]}}}}
	got == {{
		"msg": "container \"app\" sets imagePullPolicy=\"IfNotPresent\" for the mutable image \"nginx:latest\"; set it to Always, or use a specific version tag or a digest.",
		"path": ["spec", "template", "spec", "containers", 1, "imagePullPolicy"],
	}}
}

test_untagged_never_every_container_list if {
	got := mutable_image_not_always_pulled.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "image": "busybox", "imagePullPolicy": "Never"}],
		"containers": [{"name": "c", "image": "host:5000/a", "imagePullPolicy": "IfNotPresent"}],
		"ephemeralContainers": [{"name": "e", "image": "debug:latest", "imagePullPolicy": "Never"}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "imagePullPolicy"],
		["spec", "containers", 0, "imagePullPolicy"],
		["spec", "ephemeralContainers", 0, "imagePullPolicy"],
	}
}

test_unset_or_always_passes if {
	count(mutable_image_not_always_pulled.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "image": "nginx:latest"},
		{"name": "b", "image": "nginx", "imagePullPolicy": "Always"},
		{"name": "c", "image": "nginx", "imagePullPolicy": null},
	]}}
}

test_pinned_images_pass if {
	count(mutable_image_not_always_pulled.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "image": "nginx:1.27", "imagePullPolicy": "IfNotPresent"},
		{"name": "b", "image": concat("@", ["nginx:latest", digest]), "imagePullPolicy": "Never"},
		{"name": "c", "image": "", "imagePullPolicy": "Never"},
	]}}
}
