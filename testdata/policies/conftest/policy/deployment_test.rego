package main

import rego.v1

test_root_container_denied if {
	deny["Containers must not run as root in Deployment web: container app"] with input as {
		"kind": "Deployment",
		"metadata": {"name": "web"},
		"spec": {"template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.27"}]}}},
	}
}

test_non_root_allowed if {
	count(deny) == 0 with input as {
		"kind": "Deployment",
		"metadata": {"name": "web"},
		"spec": {"template": {"spec": {"containers": [{"name": "app", "image": "nginx:1.27", "securityContext": {"runAsNonRoot": true}}]}}},
	}
}

test_untagged_image_is_latest if {
	deny_latest_tag["Container app uses the latest tag (nginx); pin a version"] with input as {
		"kind": "Deployment",
		"metadata": {"name": "web"},
		"spec": {"template": {"spec": {"containers": [{"name": "app", "image": "nginx"}]}}},
	}
}
