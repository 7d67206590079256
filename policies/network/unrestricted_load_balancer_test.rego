package kubeward.rules.network.unrestricted_load_balancer_test

import data.kubeward.rules.network.unrestricted_load_balancer as rule

lb(annotations, spec) := {
	"kind": "Service",
	"metadata": {"name": "web", "namespace": "shop", "annotations": annotations},
	"spec": object.union({"type": "LoadBalancer", "ports": [{"port": 443}]}, spec),
}

test_no_source_ranges if {
	rule.deny == {{
		"msg": "Service \"web\" is a LoadBalancer that does not set spec.loadBalancerSourceRanges (default: every address); set it to the client ranges or make the load balancer internal.",
		"path": ["spec", "loadBalancerSourceRanges"],
	}} with input as lb({}, {})
	count(rule.deny) == 1 with input as lb(null, {"loadBalancerSourceRanges": []})
	count(rule.deny) == 1 with input as lb({"service.beta.kubernetes.io/load-balancer-source-ranges": " , "}, {})
}

test_any_address_in_spec if {
	rule.deny == {
		{
			"msg": "Service \"web\" allows spec.loadBalancerSourceRanges[1]=0.0.0.0/0, which admits every address; list only the client ranges.",
			"path": ["spec", "loadBalancerSourceRanges", 1],
		},
		{
			"msg": "Service \"web\" allows spec.loadBalancerSourceRanges[2]=::/0, which admits every address; list only the client ranges.",
			"path": ["spec", "loadBalancerSourceRanges", 2],
		},
	} with input as lb({}, {"loadBalancerSourceRanges": ["203.0.113.0/24", "0.0.0.0/0", "::/0"]})
}

test_any_address_in_annotation if {
	rule.deny == {{
		"msg": "Service \"web\" allows 0.0.0.0/0 in annotation service.beta.kubernetes.io/load-balancer-source-ranges, which admits every address; list only the client ranges.",
		"path": ["metadata", "annotations", "service.beta.kubernetes.io/load-balancer-source-ranges"],
	}} with input as lb({"service.beta.kubernetes.io/load-balancer-source-ranges": "203.0.113.0/24, 0.0.0.0/0"}, {})
}

test_restricted_ranges_pass if {
	count(rule.deny) == 0 with input as lb({}, {"loadBalancerSourceRanges": ["203.0.113.0/24"]})
	count(rule.deny) == 0 with input as lb({"service.beta.kubernetes.io/load-balancer-source-ranges": "203.0.113.0/24,198.51.100.0/24"}, {})
}

test_spec_ranges_win_over_annotation if {
	count(rule.deny) == 0 with input as lb({"service.beta.kubernetes.io/load-balancer-source-ranges": "0.0.0.0/0"}, {"loadBalancerSourceRanges": ["203.0.113.0/24"]})
}

test_internal_load_balancers_pass if {
	every key, value in {
		"service.beta.kubernetes.io/aws-load-balancer-internal": "true",
		"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
		"service.beta.kubernetes.io/azure-load-balancer-internal": "true",
		"networking.gke.io/load-balancer-type": "Internal",
		"cloud.google.com/load-balancer-type": "Internal",
	} {
		count(rule.deny) == 0 with input as lb({key: value}, {})
	}
}

test_other_annotation_values_are_not_internal if {
	count(rule.deny) == 1 with input as lb({"service.beta.kubernetes.io/aws-load-balancer-internal": "false"}, {})
	count(rule.deny) == 1 with input as lb({"service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing"}, {})
}

test_other_types_pass if {
	count(rule.deny) == 0 with input as lb({}, {"type": "ClusterIP"})
	count(rule.deny) == 0 with input as {"kind": "Service", "spec": {}}
	count(rule.deny) == 0 with input as {"kind": "Ingress", "spec": {"type": "LoadBalancer"}}
}

test_bad_input if {
	count(rule.deny) == 1 with input as lb({"service.beta.kubernetes.io/load-balancer-source-ranges": 3}, {"loadBalancerSourceRanges": "0.0.0.0/0"})
	count(rule.deny) == 0 with input as lb({}, {"loadBalancerSourceRanges": [1, "10.0.0.0/8"]})
}
