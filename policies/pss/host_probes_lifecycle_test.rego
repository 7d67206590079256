package kubeward.rules.pss.host_probes_lifecycle_test

import data.kubeward.rules.pss.host_probes_lifecycle

test_probe_host_in_job if {
	got := host_probes_lifecycle.deny with input as {"kind": "Job", "spec": {"template": {"spec": {"containers": [{
		"name": "app",
		"livenessProbe": {"httpGet": {"port": 80, "host": "localhost"}},
		"readinessProbe": {"httpGet": {"port": 80}},
	}]}}}}
	got == {{
		"msg": "container \"app\" sets livenessProbe.httpGet.host=\"localhost\"; remove it so the kubelet connects to the pod.",
		"path": ["spec", "template", "spec", "containers", 0, "livenessProbe", "httpGet", "host"],
	}}
}

test_every_probe_and_handler if {
	got := host_probes_lifecycle.deny with input as {"kind": "Pod", "spec": {
		"initContainers": [{
			"name": "i",
			"readinessProbe": {"tcpSocket": {"port": 1, "host": "127.0.0.1"}},
			"startupProbe": {"httpGet": {"port": 1, "host": "::1"}},
		}],
		"containers": [{"name": "c", "lifecycle": {
			"postStart": {"httpGet": {"port": 1, "host": "10.0.0.1"}},
			"preStop": {"tcpSocket": {"port": 1, "host": "example.com"}},
		}}],
		"ephemeralContainers": [{"name": "e", "startupProbe": {"tcpSocket": {"port": 1, "host": "x"}}}],
	}}
	{f.path | some f in got} == {
		["spec", "initContainers", 0, "readinessProbe", "tcpSocket", "host"],
		["spec", "initContainers", 0, "startupProbe", "httpGet", "host"],
		["spec", "containers", 0, "lifecycle", "postStart", "httpGet", "host"],
		["spec", "containers", 0, "lifecycle", "preStop", "tcpSocket", "host"],
		["spec", "ephemeralContainers", 0, "startupProbe", "tcpSocket", "host"],
	}
}

test_unset_empty_and_other_handlers_pass if {
	count(host_probes_lifecycle.deny) == 0 with input as {"kind": "Pod", "spec": {"containers": [{
		"name": "a",
		"livenessProbe": {"httpGet": {"port": 80, "host": ""}},
		"readinessProbe": {"tcpSocket": {"port": 80, "host": null}},
		"startupProbe": {"exec": {"command": ["true"]}, "grpc": {"port": 1}},
		"lifecycle": {"postStart": {"sleep": {"seconds": 1}}, "preStop": "x"},
	}]}}
}
