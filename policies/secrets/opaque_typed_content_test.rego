package kubeward.rules.secrets.opaque_typed_content_test

import data.kubeward.rules.secrets.opaque_typed_content as rule

secret(type, entries, string_data) := {"kind": "Secret", "metadata": {"name": "s"}, "type": type, "data": entries, "stringData": string_data}

test_every_typed_content if {
	got := rule.deny with input as secret("Opaque", {".dockerconfigjson": "e30=", "tls.crt": "x", "ssh-privatekey": "x", "token": "x"}, {".dockercfg": "{}", "tls.key": "x", "ca.crt": "x"})
	got == {
		{"msg": "Secret \"s\" has type Opaque but holds key .dockerconfigjson; set type: kubernetes.io/dockerconfigjson.", "path": ["type"]},
		{"msg": "Secret \"s\" has type Opaque but holds key .dockercfg; set type: kubernetes.io/dockercfg, or convert it to .dockerconfigjson with type kubernetes.io/dockerconfigjson.", "path": ["type"]},
		{"msg": "Secret \"s\" has type Opaque but holds keys tls.crt and tls.key; set type: kubernetes.io/tls.", "path": ["type"]},
		{"msg": "Secret \"s\" has type Opaque but holds key ssh-privatekey; set type: kubernetes.io/ssh-auth.", "path": ["type"]},
		{"msg": "Secret \"s\" has type Opaque but holds keys token and ca.crt, like a copied ServiceAccount token; remove it and give the pods a projected ServiceAccount token instead.", "path": ["type"]},
	}
}

test_unset_type if {
	rule.deny == {{"msg": "Secret \"s\" does not set type (default: Opaque) but holds keys tls.crt and tls.key; set type: kubernetes.io/tls.", "path": ["type"]}} with input as {"kind": "Secret", "metadata": {"name": "s"}, "data": {"tls.crt": "x", "tls.key": "y"}}
	count(rule.deny) == 1 with input as secret(null, {"ssh-privatekey": "x"}, null)
	count(rule.deny) == 1 with input as secret("", {"ssh-privatekey": "x"}, null)
}

test_partial_pairs_pass if {
	count(rule.deny) == 0 with input as secret("Opaque", {"tls.crt": "x", "token": "y", "password": "z"}, {})
	count(rule.deny) == 0 with input as secret("Opaque", {"tls.key": "x"}, {"ca.crt": "y"})
}

test_typed_secrets_pass if {
	count(rule.deny) == 0 with input as secret("kubernetes.io/tls", {"tls.crt": "x", "tls.key": "y"}, null)
	count(rule.deny) == 0 with input as secret("kubernetes.io/dockerconfigjson", {".dockerconfigjson": "e30="}, null)
	count(rule.deny) == 0 with input as secret("kubernetes.io/service-account-token", {"token": "x", "ca.crt": "y"}, null)
	count(rule.deny) == 0 with input as secret("example.com/custom", {"ssh-privatekey": "x"}, null)
}

test_bad_input_and_other_kinds_pass if {
	count(rule.deny) == 0 with input as secret("Opaque", "tls.crt", ["tls.key"])
	count(rule.deny) == 0 with input as {"kind": "ConfigMap", "data": {"tls.crt": "x", "tls.key": "y"}}
}
