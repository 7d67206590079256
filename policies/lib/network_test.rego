package kubeward.lib.network_test

import data.kubeward.lib.network

test_policy_types_defaulting if {
	network.policy_types({"spec": {}}) == {"Ingress"}
	network.policy_types({}) == {"Ingress"}
	network.policy_types({"spec": {"policyTypes": []}}) == {"Ingress"}
	network.policy_types({"spec": {"policyTypes": null, "egress": [{}]}}) == {"Ingress", "Egress"}
	network.policy_types({"spec": {"egress": []}}) == {"Ingress"}
	network.policy_types({"spec": {"policyTypes": ["Egress"]}}) == {"Egress"}
	network.policy_types({"spec": {"policyTypes": ["Ingress"], "egress": [{}]}}) == {"Ingress"}
	network.policy_types({"spec": {"policyTypes": "Egress"}}) == {"Ingress"}
	network.policy_types({"spec": "bad"}) == {"Ingress"}
}

test_pod_selector if {
	network.pod_selector({"spec": {"podSelector": {"matchLabels": {"a": "b"}}}}) == {"matchLabels": {"a": "b"}}
	network.pod_selector({"spec": {"podSelector": null}}) == {}
	network.pod_selector({"spec": {}}) == {}
	not network.pod_selector({"spec": {"podSelector": "app=web"}})
}

test_selects if {
	network.selects({"spec": {"podSelector": {}}}, {"app": "web"})
	network.selects({"spec": {}}, {})
	network.selects({"spec": {"podSelector": {"matchLabels": {"app": "web"}}}}, {"app": "web", "x": "y"})
	not network.selects({"spec": {"podSelector": {"matchLabels": {"app": "web"}}}}, {"app": "api"})
	not network.selects({"spec": {"podSelector": "all"}}, {"app": "web"})
}

test_empty_selector if {
	network.empty_selector({})
	network.empty_selector({"matchLabels": {}})
	network.empty_selector({"matchLabels": null, "matchExpressions": []})
	not network.empty_selector({"matchLabels": {"a": "b"}})
	not network.empty_selector({"matchExpressions": [{"key": "a", "operator": "Exists"}]})
	not network.empty_selector(null)
	not network.empty_selector("")
}

test_open_rules if {
	np := {"spec": {
		"policyTypes": ["Ingress", "Egress"],
		"ingress": [
			{},
			null,
			{"from": []},
			{"from": [{"podSelector": {}}]},
			{"from": [{"ipBlock": {"cidr": "10.0.0.0/8"}}, {"ipBlock": {"cidr": "0.0.0.0/0", "except": ["10.0.0.0/8"]}}]},
			"bad",
			{"from": "bad"},
		],
		"egress": [{"to": [{"ipBlock": {"cidr": "::/0"}}]}],
	}}
	network.open_rules(np, "ingress") == {
		{"path": ["spec", "ingress", 0, "from"], "cidr": ""},
		{"path": ["spec", "ingress", 1, "from"], "cidr": ""},
		{"path": ["spec", "ingress", 2, "from"], "cidr": ""},
		{"path": ["spec", "ingress", 4, "from", 1, "ipBlock", "cidr"], "cidr": "0.0.0.0/0"},
	}
	network.open_rules(np, "egress") == {{"path": ["spec", "egress", 0, "to", 0, "ipBlock", "cidr"], "cidr": "::/0"}}
}

test_open_rules_ignores_other_policy_types if {
	network.open_rules({"spec": {"policyTypes": ["Egress"], "ingress": [{}], "egress": [{"to": [{"podSelector": {}}]}]}}, "ingress") == set()
	network.open_rules({"spec": {"ingress": [{}]}}, "egress") == set()
	network.open_rules({"spec": {"egress": "bad"}}, "egress") == set()
}

test_service_type_and_protocol if {
	network.service_type({"spec": {}}) == "ClusterIP"
	network.service_type({"spec": {"type": ""}}) == "ClusterIP"
	network.service_type({"spec": {"type": "NodePort"}}) == "NodePort"
	network.service_type({"spec": {"type": 3}}) == "ClusterIP"
	network.protocol({}) == "TCP"
	network.protocol({"protocol": ""}) == "TCP"
	network.protocol({"protocol": "UDP"}) == "UDP"
}

test_service_selector if {
	network.service_selector({"spec": {"selector": {"app": "web"}}}) == {"app": "web"}
	not network.service_selector({"spec": {"selector": {}}})
	not network.service_selector({"spec": {"selector": null}})
	not network.service_selector({"spec": {}})
	not network.service_selector({"spec": {"selector": "app=web"}})
	not network.service_selector({"spec": {"type": "ExternalName", "selector": {"app": "web"}}})
}

test_named_ports if {
	deployment := {"kind": "Deployment", "spec": {"template": {"spec": {
		"initContainers": [
			{"name": "sidecar", "restartPolicy": "Always", "ports": [{"name": "metrics", "containerPort": 9090}]},
			{"name": "init", "ports": [{"name": "setup", "containerPort": 1}]},
		],
		"containers": [
			{"name": "app", "ports": [{"name": "http", "containerPort": 8080}, {"name": "dns", "containerPort": 53, "protocol": "UDP"}, {"containerPort": 1}, {"name": "", "containerPort": 2}]},
			"bad",
			{"name": "x", "ports": "bad"},
		],
	}}}}
	network.named_ports(deployment) == {
		{"name": "metrics", "protocol": "TCP"},
		{"name": "http", "protocol": "TCP"},
		{"name": "dns", "protocol": "UDP"},
	}
	network.named_ports({"kind": "Pod", "spec": {"containers": "bad"}}) == set()
	network.named_ports({"kind": "Service"}) == set()
}

test_host_port_set if {
	network.host_port_set({"containerPort": 22, "hostPort": 2222})
	not network.host_port_set({"containerPort": 22, "hostPort": 0})
	not network.host_port_set({"containerPort": 22, "hostPort": null})
	not network.host_port_set({"containerPort": 22})
}
