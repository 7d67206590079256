package kubeward.rules.network.ingress_backend_missing_test

import data.kubeward.rules.network.ingress_backend_missing as rule

inv := {"namespaced": {"shop": {"Service": {"web": {"kind": "Service", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"ports": [
	{"name": "http", "port": 80, "targetPort": 8080},
	{"name": "https", "port": 443},
]}}}}}}

ingress(spec) := {"kind": "Ingress", "metadata": {"name": "shop", "namespace": "shop"}, "spec": spec}

backend(name, port) := {"service": {"name": name, "port": port}}

paths(backends) := {"rules": [{"host": "shop.example.com", "http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": b} | some b in backends]}}]}

deny(obj) := got if {
	got := rule.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_missing_service_and_ports if {
	got := deny(ingress(object.union(
		paths([
			backend("web", {"number": 80}),
			backend("api", {"number": 80}),
			backend("web", {"number": 8080}),
			backend("web", {"name": "grpc"}),
		]),
		{"defaultBackend": backend("fallback", {"name": "http"})},
	)))
	got == {
		{
			"msg": "Ingress \"shop\" spec.rules[0].http.paths[1].backend.service names Service \"api\", which is not in namespace \"shop\"; create it or fix the name.",
			"path": ["spec", "rules", 0, "http", "paths", 1, "backend", "service", "name"],
		},
		{
			"msg": "Ingress \"shop\" spec.rules[0].http.paths[2].backend.service.port.number 8080 is no spec.ports[].port of Service \"web\"; use one the Service declares.",
			"path": ["spec", "rules", 0, "http", "paths", 2, "backend", "service", "port", "number"],
		},
		{
			"msg": "Ingress \"shop\" spec.rules[0].http.paths[3].backend.service.port.name \"grpc\" is no spec.ports[].name of Service \"web\"; use one the Service declares.",
			"path": ["spec", "rules", 0, "http", "paths", 3, "backend", "service", "port", "name"],
		},
		{
			"msg": "Ingress \"shop\" spec.defaultBackend.service names Service \"fallback\", which is not in namespace \"shop\"; create it or fix the name.",
			"path": ["spec", "defaultBackend", "service", "name"],
		},
	}
}

test_present_backends_pass if {
	count(deny(ingress(object.union(
		paths([backend("web", {"number": 80}), backend("web", {"name": "https"}), backend("web", {})]),
		{"defaultBackend": backend("web", {"number": 443})},
	)))) == 0
}

test_resource_backends_pass if {
	count(deny(ingress({
		"defaultBackend": {"resource": {"apiGroup": "k8s.example.com", "kind": "StorageBucket", "name": "static"}},
		"rules": [{"http": {"paths": [{"path": "/", "backend": {"resource": {"kind": "StorageBucket", "name": "x"}}}]}}],
	}))) == 0
}

test_other_namespace_does_not_count if {
	got := deny({"kind": "Ingress", "metadata": {"name": "shop"}, "spec": {"defaultBackend": backend("web", {"number": 80})}})
	{f.path | some f in got} == {["spec", "defaultBackend", "service", "name"]}
}

test_bad_input_passes if {
	count(deny(ingress({"defaultBackend": {"service": {"name": ""}}, "rules": [{"http": {"paths": "x"}}, "y", {"http": {"paths": [{"backend": {"service": {"name": 3}}}]}}]}))) == 0
	count(deny(ingress(paths([backend("web", {"number": "80", "name": ""}), backend("web", "80")])))) == 0
	count(deny({"kind": "Service", "metadata": {"namespace": "shop"}, "spec": {"defaultBackend": backend("nope", {})}})) == 0
}

test_service_without_ports if {
	empty := {"namespaced": {"shop": {"Service": {"web": {"kind": "Service", "spec": {}}}}}}
	got := rule.deny with input as ingress(paths([backend("web", {"number": 80})]))
		with data.kubeward.inventory as empty
		with data.kubeward.run.assumeComplete as true
	count(got) == 1
}

test_silent_unless_complete if {
	count(rule.deny) == 0 with input as ingress(paths([backend("api", {"number": 80})])) with data.kubeward.inventory as inv
}
