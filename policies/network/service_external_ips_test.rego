package kubeward.rules.network.service_external_ips_test

import data.kubeward.rules.network.service_external_ips as rule

service(spec) := {"kind": "Service", "metadata": {"name": "web"}, "spec": spec}

test_external_ips if {
	rule.deny == {{
		"msg": "Service \"web\" sets spec.externalIPs [\"198.51.100.10\",\"198.51.100.11\"] (CVE-2020-8554); remove it and expose the Service with a LoadBalancer or an Ingress.",
		"path": ["spec", "externalIPs"],
	}} with input as service({"type": "ClusterIP", "externalIPs": ["198.51.100.10", "198.51.100.11"]})
}

test_absent_or_empty_passes if {
	count(rule.deny) == 0 with input as service({})
	count(rule.deny) == 0 with input as service({"externalIPs": []})
	count(rule.deny) == 0 with input as service({"externalIPs": null})
	count(rule.deny) == 0 with input as service({"externalIPs": "198.51.100.10"})
	count(rule.deny) == 0 with input as {"kind": "Ingress", "spec": {"externalIPs": ["198.51.100.10"]}}
}
