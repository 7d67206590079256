package kubeward.rules.image.pull_policy_not_always_test

import data.kubeward.rules.image.pull_policy_not_always

digest := "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

test_default_if_not_present_in_replicaset if {
	got := pull_policy_not_always.deny with input as {"kind": "ReplicaSet", "spec": {"template": {"spec": {"containers": [
		{"name": "ok", "image": "nginx:1.27", "imagePullPolicy": "Always"},
		{"name": "app", "image": "nginx:1.27"},
	]}}}}
	got == {{
		"msg": "container \"app\" does not set imagePullPolicy (default: IfNotPresent for image \"nginx:1.27\"); set it to Always or pin the image by digest.",
		"path": ["spec", "template", "spec", "containers", 1, "imagePullPolicy"],
	}}
}

test_explicit_policy_in_pod_template if {
	got := pull_policy_not_always.deny with input as {"kind": "PodTemplate", "template": {"spec": {
		"initContainers": [{"name": "i", "image": "ghcr.io/a/b:v1", "imagePullPolicy": "Never"}],
		"containers": [{"name": "c", "image": "nginx:latest", "imagePullPolicy": "always"}],
		"ephemeralContainers": [{"name": "e", "image": "busybox:1.36", "imagePullPolicy": "IfNotPresent"}],
	}}}
	got == {
		{
			"msg": "container \"i\" sets imagePullPolicy=\"Never\" for image \"ghcr.io/a/b:v1\", which has no digest; set it to Always or pin the image by digest.",
			"path": ["template", "spec", "initContainers", 0, "imagePullPolicy"],
		},
		{
			"msg": "container \"c\" sets imagePullPolicy=\"always\" for image \"nginx:latest\", which has no digest; set it to Always or pin the image by digest.",
			"path": ["template", "spec", "containers", 0, "imagePullPolicy"],
		},
		{
			"msg": "container \"e\" sets imagePullPolicy=\"IfNotPresent\" for image \"busybox:1.36\", which has no digest; set it to Always or pin the image by digest.",
			"path": ["template", "spec", "ephemeralContainers", 0, "imagePullPolicy"],
		},
	}
}

test_always_passes if {
	count(pull_policy_not_always.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "image": "nginx:1.27", "imagePullPolicy": "Always"},
		{"name": "b", "image": "nginx:latest"}, # default Always
		{"name": "c", "image": "nginx"}, # default Always
	]}}
}

test_digest_passes if {
	count(pull_policy_not_always.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "image": concat("@", ["nginx", digest])},
		{"name": "b", "image": concat("@", ["nginx:1.27", digest]), "imagePullPolicy": "Never"},
	]}}
}

test_img_004_reports_mutable_images if {
	count(pull_policy_not_always.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "image": "nginx:latest", "imagePullPolicy": "IfNotPresent"},
		{"name": "b", "image": "nginx", "imagePullPolicy": "Never"},
	]}}
}

test_invalid_images_pass if {
	count(pull_policy_not_always.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "imagePullPolicy": "Never"},
		{"name": "b", "image": ""},
		{"name": "c", "image": 3},
	]}}
}
