package kubeward.rules.network.node_port_service_test

import data.kubeward.rules.network.node_port_service as rule

service(spec) := {"kind": "Service", "metadata": {"name": "web"}, "spec": spec}

test_node_port if {
	rule.deny == {{
		"msg": "Service \"web\" sets spec.type=NodePort, which opens its ports on every node; use ClusterIP behind an Ingress or Gateway instead.",
		"path": ["spec", "type"],
	}} with input as service({"type": "NodePort", "ports": [{"port": 80, "nodePort": 30080}]})
}

test_other_types_pass if {
	every t in ["ClusterIP", "LoadBalancer", "ExternalName", "nodeport", null] {
		count(rule.deny) == 0 with input as service({"type": t})
	}
	count(rule.deny) == 0 with input as service({})
	count(rule.deny) == 0 with input as {"kind": "Ingress", "spec": {"type": "NodePort"}}
}
