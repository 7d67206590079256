package kubeward.rules.namespace.psa_no_restricted_audit_test

import data.kubeward.rules.namespace.psa_no_restricted_audit

ns(name, labels) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

test_baseline_without_restricted_signal if {
	got := psa_no_restricted_audit.deny with input as ns("shop", {"pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/warn": "baseline"})
	got == {{
		"msg": "the Namespace enforces baseline but neither pod-security.kubernetes.io/audit nor pod-security.kubernetes.io/warn is restricted (default: no restricted audit or warnings); set them to restricted.",
		"path": ["metadata", "labels"],
	}}
	count(psa_no_restricted_audit.deny) == 1 with input as ns("shop", {"pod-security.kubernetes.io/enforce": "baseline"})
}

test_audit_or_warn_restricted_passes if {
	count(psa_no_restricted_audit.deny) == 0 with input as ns("shop", {"pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/audit": "restricted"})
	count(psa_no_restricted_audit.deny) == 0 with input as ns("shop", {"pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/warn": "restricted"})
}

test_other_enforce_levels_pass if {
	count(psa_no_restricted_audit.deny) == 0 with input as ns("shop", {"pod-security.kubernetes.io/enforce": "restricted"})
	count(psa_no_restricted_audit.deny) == 0 with input as ns("shop", {"pod-security.kubernetes.io/enforce": "privileged"})
	count(psa_no_restricted_audit.deny) == 0 with input as ns("shop", {})
}

test_system_namespaces_pass if {
	count(psa_no_restricted_audit.deny) == 0 with input as ns("kube-public", {"pod-security.kubernetes.io/enforce": "baseline"})
}

test_other_kinds_pass if {
	count(psa_no_restricted_audit.deny) == 0 with input as {"kind": "Pod", "metadata": {"labels": {"pod-security.kubernetes.io/enforce": "baseline"}}}
}
