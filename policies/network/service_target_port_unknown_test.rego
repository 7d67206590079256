package kubeward.rules.network.service_target_port_unknown_test

import data.kubeward.rules.network.service_target_port_unknown as rule

deployment(labels, pod_spec) := {"kind": "Deployment", "spec": {"template": {"metadata": {"labels": labels}, "spec": pod_spec}}}

inv := {"namespaced": {"shop": {
	"Deployment": {
		"web": deployment({"app": "web"}, {
			"initContainers": [
				{"name": "proxy", "restartPolicy": "Always", "ports": [{"name": "proxy", "containerPort": 15001}]},
				{"name": "migrate", "ports": [{"name": "migrate", "containerPort": 9000}]},
			],
			"containers": [{"name": "web", "ports": [{"name": "http", "containerPort": 8080}, {"name": "dns", "containerPort": 53, "protocol": "UDP"}]}],
		}),
		"web-canary": deployment({"app": "web", "track": "canary"}, {"containers": [{"name": "web", "ports": [{"name": "metrics", "containerPort": 9090}]}]}),
	},
	"Pod": {"debug": {"kind": "Pod", "metadata": {"labels": {"app": "debug"}}, "spec": {"containers": [{"name": "sh"}]}}},
}}}

service(selector, ports) := {"kind": "Service", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"selector": selector, "ports": ports}}

deny(obj) := got if {
	got := rule.deny with input as obj
		with data.kubeward.inventory as inv
		with data.kubeward.run.assumeComplete as true
}

test_unknown_target_port_name if {
	deny(service({"app": "web"}, [
		{"name": "http", "port": 80, "targetPort": "http"},
		{"name": "admin", "port": 81, "targetPort": "admin"},
	])) == {{
		"msg": "Service \"web\" spec.ports[1].targetPort \"admin\" names no TCP container port of the pods it selects (Deployment \"web\", Deployment \"web-canary\"); name the container port \"admin\" or use its number.",
		"path": ["spec", "ports", 1, "targetPort"],
	}}
}

test_declared_by_any_matched_pod_passes if {
	count(deny(service({"app": "web"}, [
		{"port": 80, "targetPort": "http"},
		{"port": 9090, "targetPort": "metrics"},
		{"port": 53, "protocol": "UDP", "targetPort": "dns"},
		{"port": 15001, "targetPort": "proxy"},
	]))) == 0
}

test_protocol_must_match if {
	got := deny(service({"app": "web"}, [{"port": 53, "targetPort": "dns"}, {"port": 8080, "protocol": "UDP", "targetPort": "http"}]))
	{f.path | some f in got} == {["spec", "ports", 0, "targetPort"], ["spec", "ports", 1, "targetPort"]}
}

test_plain_init_container_port_does_not_count if {
	{f.path | some f in deny(service({"app": "web"}, [{"port": 9000, "targetPort": "migrate"}]))} == {["spec", "ports", 0, "targetPort"]}
}

test_pod_without_ports if {
	{f.msg | some f in deny(service({"app": "debug"}, [{"port": 80, "targetPort": "http"}]))} == {"Service \"web\" spec.ports[0].targetPort \"http\" names no TCP container port of the pods it selects (Pod \"debug\"); name the container port \"http\" or use its number."}
}

test_integer_and_empty_target_ports_pass if {
	count(deny(service({"app": "web"}, [{"port": 80, "targetPort": 8080}, {"port": 81}, {"port": 82, "targetPort": ""}, "bad"]))) == 0
}

test_no_matched_pod_passes if {
	count(deny(service({"app": "none"}, [{"port": 80, "targetPort": "http"}]))) == 0
	count(deny(service({}, [{"port": 80, "targetPort": "http"}]))) == 0
	count(deny(service(null, [{"port": 80, "targetPort": "http"}]))) == 0
	count(deny({"kind": "Service", "metadata": {"namespace": "shop"}, "spec": {"type": "ExternalName", "selector": {"app": "web"}, "ports": [{"port": 80, "targetPort": "x"}]}})) == 0
}

test_silent_unless_complete if {
	count(rule.deny) == 0 with input as service({"app": "web"}, [{"port": 80, "targetPort": "admin"}]) with data.kubeward.inventory as inv
}

test_other_kinds_pass if {
	count(deny({"kind": "Ingress", "metadata": {"namespace": "shop"}, "spec": {"selector": {"app": "web"}, "ports": [{"targetPort": "x"}]}})) == 0
}
