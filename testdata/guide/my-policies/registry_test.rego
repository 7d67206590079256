package kubeward.rules.acme.registry_test

import data.kubeward.rules.acme.registry

pod(image) := {
	"apiVersion": "v1",
	"kind": "Pod",
	"metadata": {"name": "web"},
	"spec": {"containers": [{"name": "app", "image": image}]},
}

test_image_from_docker_hub_is_denied if {
	some finding in registry.deny with input as pod("docker.io/nginx:1.27")
	finding.path == ["spec", "containers", 0, "image"]
}

test_image_from_an_approved_registry_is_allowed if {
	count(registry.deny) == 0 with input as pod("registry.acme.example/web:1.4.2")
}

test_registry_prefix_must_be_a_whole_host if {
	count(registry.deny) == 1 with input as pod("registry.acme.example.evil.io/web:1")
}
