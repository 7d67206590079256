package kubeward.lib.images_test

import data.kubeward.lib.images

digest := "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

test_parse_single_component_name if {
	images.parse("nginx") == {
		"registry": "docker.io", "repository": "library/nginx", "tag": "", "digest": "",
		"normalized": "docker.io/library/nginx", "qualified": false,
	}
}

test_parse_library_path_is_not_a_registry if {
	images.parse("library/nginx:1.27") == {
		"registry": "docker.io", "repository": "library/nginx", "tag": "1.27", "digest": "",
		"normalized": "docker.io/library/nginx", "qualified": false,
	}
	images.parse("bitnami/redis").normalized == "docker.io/bitnami/redis"
}

test_parse_registry_with_port_has_no_tag if {
	images.parse("host:5000/a") == {
		"registry": "host:5000", "repository": "a", "tag": "", "digest": "",
		"normalized": "host:5000/a", "qualified": true,
	}
	p := images.parse("registry.example.com:5000/team/app:v2")
	p.registry == "registry.example.com:5000"
	p.repository == "team/app"
	p.tag == "v2"
}

test_parse_localhost if {
	images.parse("localhost/x") == {
		"registry": "localhost", "repository": "x", "tag": "", "digest": "",
		"normalized": "localhost/x", "qualified": true,
	}
	images.parse("localhost:5000/x:1").registry == "localhost:5000"

	# A lone component is always the image name, even "localhost" or a host name.
	images.parse("localhost").normalized == "docker.io/library/localhost"
	images.parse("registry.example.com").normalized == "docker.io/library/registry.example.com"
}

test_parse_dotted_registry if {
	p := images.parse("ghcr.io/acme/app:1.0")
	p.registry == "ghcr.io"
	p.repository == "acme/app"
	p.qualified == true
}

test_parse_docker_hub_spellings if {
	# As upstream (distribution/reference) normalises them.
	images.parse("docker.io/nginx").normalized == "docker.io/library/nginx"
	images.parse("docker.io/nginx").qualified == true
	images.parse("index.docker.io/library/nginx").normalized == "docker.io/library/nginx"
	images.parse("docker.io/bitnami/redis").normalized == "docker.io/bitnami/redis"
}

test_parse_digest_without_tag if {
	images.parse(concat("@", ["nginx", digest])) == {
		"registry": "docker.io", "repository": "library/nginx", "tag": "", "digest": digest,
		"normalized": "docker.io/library/nginx", "qualified": false,
	}
}

test_parse_digest_with_tag if {
	images.parse(concat("", ["a/b/c:tag@", digest])) == {
		"registry": "docker.io", "repository": "a/b/c", "tag": "tag", "digest": digest,
		"normalized": "docker.io/a/b/c", "qualified": false,
	}
	p := images.parse(concat("", ["host:5000/a/b:1.2@", digest]))
	p.registry == "host:5000"
	p.repository == "a/b"
	p.tag == "1.2"
	p.digest == digest
}

test_parse_tag_is_after_last_colon_of_last_component if {
	# Without a "/", a ":" is a tag separator, never a port.
	images.parse("host:5000").tag == "5000"
	images.parse("host:5000").repository == "library/host"
	images.parse("a:b:c").tag == "c"
	images.parse("nginx:").tag == ""
}

test_parse_invalid_input_is_undefined if {
	not images.parse("")
	not images.parse(null)
	not images.parse(5)
	not images.parse(["nginx"])
	not images.parse({"name": "nginx"})
	not images.parse(":latest")
	not images.parse(concat("@", ["", digest]))
}

test_latest_and_untagged if {
	images.latest_tag(images.parse("nginx:latest"))
	not images.latest_tag(images.parse(concat("@", ["nginx:latest", digest])))
	not images.latest_tag(images.parse("nginx:1.27"))
	not images.latest_tag(images.parse("nginx:Latest"))
	images.untagged(images.parse("nginx"))
	images.untagged(images.parse("ghcr.io/a/b"))
	images.untagged(images.parse("host:5000/a"))
	not images.untagged(images.parse("nginx:1"))
	not images.untagged(images.parse(concat("@", ["nginx", digest])))
}

test_mutable if {
	images.mutable(images.parse("nginx"))
	images.mutable(images.parse("nginx:latest"))
	not images.mutable(images.parse("nginx:1.27"))
	not images.mutable(images.parse(concat("@", ["nginx", digest])))
}

test_pinned if {
	images.pinned(images.parse(concat("@", ["nginx", digest])))
	images.has_digest(images.parse("nginx@sha256:abc"))
	not images.pinned(images.parse("nginx@sha256:abc"))
	not images.pinned(images.parse("nginx@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef"))
	not images.pinned(images.parse("nginx:1.27"))
	not images.has_digest(images.parse("nginx:1.27"))
}

test_pull_policy_explicit if {
	images.pull_policy({"image": "nginx", "imagePullPolicy": "Never"}) == "Never"
	images.explicit_pull_policy({"image": "nginx", "imagePullPolicy": "IfNotPresent"}) == "IfNotPresent"
	not images.explicit_pull_policy({"image": "nginx"})
	not images.explicit_pull_policy({"image": "nginx", "imagePullPolicy": ""})
	not images.explicit_pull_policy({"image": "nginx", "imagePullPolicy": null})
	not images.explicit_pull_policy({"image": "nginx", "imagePullPolicy": 1})
}

test_pull_policy_defaults if {
	images.pull_policy({"image": "nginx"}) == "Always"
	images.pull_policy({"image": "nginx:latest"}) == "Always"
	images.pull_policy({"image": concat("@", ["nginx:latest", digest])}) == "Always"
	images.pull_policy({"image": "nginx:1.27"}) == "IfNotPresent"
	images.pull_policy({"image": concat("@", ["nginx", digest])}) == "IfNotPresent"
	images.pull_policy({"image": "host:5000/a"}) == "Always"
	images.pull_policy({"image": "nginx", "imagePullPolicy": ""}) == "Always"
	not images.pull_policy({"image": ""})
	not images.pull_policy({})
	not images.pull_policy("nginx")
}

test_mutable_not_always_pulled if {
	images.mutable_not_always_pulled({"image": "nginx", "imagePullPolicy": "IfNotPresent"})
	images.mutable_not_always_pulled({"image": "nginx:latest", "imagePullPolicy": "Never"})
	not images.mutable_not_always_pulled({"image": "nginx:latest", "imagePullPolicy": "Always"})
	not images.mutable_not_always_pulled({"image": "nginx:latest"})
	not images.mutable_not_always_pulled({"image": "nginx:1.27", "imagePullPolicy": "Never"})
}

test_prefixes if {
	images.prefixes(["ghcr.io/acme/", "quay.io", 5, null]) == ["ghcr.io/acme", "quay.io"]
	images.prefixes("ghcr.io") == ["ghcr.io"]
	images.prefixes(null) == []
	images.prefixes({"a": "b"}) == []
}

test_prefix_matches if {
	p := images.parse("ghcr.io/acme/app:1")
	images.prefix_matches("ghcr.io", p)
	images.prefix_matches("ghcr.io/acme", p)
	images.prefix_matches("ghcr.io/acme/app", p)
	not images.prefix_matches("ghcr.io/acm", p)
	not images.prefix_matches("ghcr.io/acme/app:1", p)
	not images.prefix_matches("ghcr", p)
	not images.prefix_matches("", p)
	images.prefix_matches("docker.io/library", images.parse("nginx"))
	images.prefix_matches("registry.example.com:5000", images.parse("registry.example.com:5000/x"))
	not images.prefix_matches("registry.example.com", images.parse("registry.example.com:5000/x"))
}

test_first_match if {
	p := images.parse("ghcr.io/acme/app")
	images.first_match(["quay.io", "ghcr.io/acme", "ghcr.io"], p) == "ghcr.io/acme"
	not images.first_match(["quay.io"], p)
	not images.first_match([], p)
}
