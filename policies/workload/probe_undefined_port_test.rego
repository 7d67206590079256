package kubeward.rules.workload.probe_undefined_port_test

import data.kubeward.rules.workload.probe_undefined_port

test_undefined_name_in_deployment if {
	got := probe_undefined_port.deny with input as {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [{
		"name": "app",
		"ports": [{"name": "http", "containerPort": 8080}],
		"livenessProbe": {"httpGet": {"path": "/", "port": "http"}},
		"readinessProbe": {"httpGet": {"path": "/", "port": "web"}},
	}]}}}}
	got == {{
		"msg": "container \"app\" sets readinessProbe.httpGet.port=\"web\", which names none of its ports; name a port \"web\" in ports or use the port number.",
		"path": ["spec", "template", "spec", "containers", 0, "readinessProbe", "httpGet", "port"],
	}}
}

test_tcp_and_startup_probes if {
	got := probe_undefined_port.deny with input as {"kind": "Pod", "spec": {"initContainers": [{
		"name": "side",
		"ports": "bad",
		"startupProbe": {"tcpSocket": {"port": "grpc"}},
		"livenessProbe": {"tcpSocket": {"port": "8080"}},
	}]}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "startupProbe", "tcpSocket", "port"],
		["spec", "initContainers", 0, "livenessProbe", "tcpSocket", "port"],
	}
}

test_name_of_another_container_does_not_count if {
	got := probe_undefined_port.deny with input as {"kind": "Pod", "spec": {"containers": [
		{"name": "a", "ports": [{"name": "metrics", "containerPort": 9090}]},
		{"name": "b", "livenessProbe": {"httpGet": {"port": "metrics"}}},
	]}}
	{f.path | some f in got} == {["spec", "containers", 1, "livenessProbe", "httpGet", "port"]}
}

test_integer_and_defined_ports_pass if {
	count(probe_undefined_port.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{
		"name": "a",
		"ports": [{"containerPort": 80}, {"name": "http", "containerPort": 8080}],
		"livenessProbe": {"httpGet": {"port": 8080}},
		"readinessProbe": {"httpGet": {"port": "http"}},
		"startupProbe": {"grpc": {"port": 9000}},
	}]}}
}
