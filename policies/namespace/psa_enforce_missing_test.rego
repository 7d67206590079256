package kubeward.rules.namespace.psa_enforce_missing_test

import data.kubeward.rules.namespace.psa_enforce_missing

ns(name, labels) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

test_no_enforce_label if {
	got := psa_enforce_missing.deny with input as ns("shop", {"pod-security.kubernetes.io/warn": "restricted"})
	got == {{
		"msg": "the Namespace has no pod-security.kubernetes.io/enforce label (default: the admission configuration's default, privileged unless set); set it to restricted or baseline.",
		"path": ["metadata", "labels", "pod-security.kubernetes.io/enforce"],
	}}
}

test_no_labels_at_all if {
	count(psa_enforce_missing.deny) == 1 with input as {"kind": "Namespace", "metadata": {"name": "shop"}}
	count(psa_enforce_missing.deny) == 1 with input as ns("shop", "x")
}

test_enforce_label_set_passes if {
	every level in ["privileged", "baseline", "restricted", "bogus"] {
		count(psa_enforce_missing.deny) == 0 with input as ns("shop", {"pod-security.kubernetes.io/enforce": level})
	}
}

test_system_namespaces_pass if {
	every name in ["kube-system", "kube-public", "kube-node-lease"] {
		count(psa_enforce_missing.deny) == 0 with input as ns(name, {})
	}
}

test_other_kinds_pass if {
	count(psa_enforce_missing.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "shop"}}
}
