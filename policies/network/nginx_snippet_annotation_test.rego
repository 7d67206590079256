package kubeward.rules.network.nginx_snippet_annotation_test

import data.kubeward.rules.network.nginx_snippet_annotation as rule

ingress(annotations) := {"kind": "Ingress", "metadata": {"name": "web", "annotations": annotations}, "spec": {}}

test_snippet_annotations if {
	got := rule.deny with input as ingress({
		"nginx.ingress.kubernetes.io/configuration-snippet": "more_set_headers \"X: y\";",
		"nginx.ingress.kubernetes.io/server-snippet": "location /x {}",
		"nginx.ingress.kubernetes.io/auth-snippet": "x",
		"nginx.ingress.kubernetes.io/stream-snippet": "x",
		"nginx.ingress.kubernetes.io/rewrite-target": "/",
	})
	count(got) == 4
	{
		"msg": "Ingress \"web\" sets annotation nginx.ingress.kubernetes.io/server-snippet, which injects raw NGINX configuration into the controller (CVE-2021-25742); remove it.",
		"path": ["metadata", "annotations", "nginx.ingress.kubernetes.io/server-snippet"],
	} in got
}

test_other_annotations_pass if {
	count(rule.deny) == 0 with input as ingress({
		"nginx.ingress.kubernetes.io/rewrite-target": "/",
		"example.com/configuration-snippet": "x",
		"nginx.ingress.kubernetes.io/configuration-snippets": "x",
	})
	count(rule.deny) == 0 with input as ingress(null)
	count(rule.deny) == 0 with input as {"kind": "Service", "metadata": {"annotations": {"nginx.ingress.kubernetes.io/server-snippet": "x"}}}
}

test_one_snippet_exactly if {
	rule.deny == {{
		"msg": "Ingress \"web\" sets annotation nginx.ingress.kubernetes.io/auth-snippet, which injects raw NGINX configuration into the controller (CVE-2021-25742); remove it.",
		"path": ["metadata", "annotations", "nginx.ingress.kubernetes.io/auth-snippet"],
	}} with input as ingress({"nginx.ingress.kubernetes.io/auth-snippet": "proxy_set_header X-Secret s3cr3t;"})
}
