package kubeward.rules.namespace.psa_privileged_test

import data.kubeward.rules.namespace.psa_privileged

ns(name, labels) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

test_privileged if {
	got := psa_privileged.deny with input as ns("shop", {"pod-security.kubernetes.io/enforce": "privileged"})
	got == {{
		"msg": "label pod-security.kubernetes.io/enforce is \"privileged\", which enforces nothing; set it to restricted or baseline.",
		"path": ["metadata", "labels", "pod-security.kubernetes.io/enforce"],
	}}
}

test_other_levels_pass if {
	every level in ["baseline", "restricted", "Privileged"] {
		count(psa_privileged.deny) == 0 with input as ns("shop", {"pod-security.kubernetes.io/enforce": level})
	}
	count(psa_privileged.deny) == 0 with input as ns("shop", {"pod-security.kubernetes.io/warn": "privileged"})
	count(psa_privileged.deny) == 0 with input as ns("shop", {})
}

test_system_namespaces_pass if {
	count(psa_privileged.deny) == 0 with input as ns("kube-system", {"pod-security.kubernetes.io/enforce": "privileged"})
}

test_other_kinds_pass if {
	count(psa_privileged.deny) == 0 with input as {"kind": "Pod", "metadata": {"labels": {"pod-security.kubernetes.io/enforce": "privileged"}}}
}
