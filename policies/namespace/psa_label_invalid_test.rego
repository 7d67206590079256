package kubeward.rules.namespace.psa_label_invalid_test

import data.kubeward.rules.namespace.psa_label_invalid

ns(name, labels) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

test_invalid_levels if {
	got := psa_label_invalid.deny with input as ns("shop", {
		"pod-security.kubernetes.io/enforce": "strict",
		"pod-security.kubernetes.io/audit": "Restricted",
		"pod-security.kubernetes.io/warn": "",
	})
	got == {
		{
			"msg": "label pod-security.kubernetes.io/enforce is \"strict\", not privileged, baseline or restricted (PSA then enforces restricted); set a valid level.",
			"path": ["metadata", "labels", "pod-security.kubernetes.io/enforce"],
		},
		{
			"msg": "label pod-security.kubernetes.io/audit is \"Restricted\", not privileged, baseline or restricted (PSA then audits at privileged, that is nothing); set a valid level.",
			"path": ["metadata", "labels", "pod-security.kubernetes.io/audit"],
		},
		{
			"msg": "label pod-security.kubernetes.io/warn is \"\", not privileged, baseline or restricted (PSA then warns at privileged, that is never); set a valid level.",
			"path": ["metadata", "labels", "pod-security.kubernetes.io/warn"],
		},
	}
}

test_invalid_versions if {
	got := psa_label_invalid.deny with input as ns("kube-system", {
		"pod-security.kubernetes.io/enforce": "baseline",
		"pod-security.kubernetes.io/enforce-version": "1.29",
		"pod-security.kubernetes.io/audit-version": "v1.029",
		"pod-security.kubernetes.io/warn-version": 1.3,
	})
	got == {
		{
			"msg": "label pod-security.kubernetes.io/enforce-version is \"1.29\", not latest or v1.<minor> (PSA then uses latest); set a valid version.",
			"path": ["metadata", "labels", "pod-security.kubernetes.io/enforce-version"],
		},
		{
			"msg": "label pod-security.kubernetes.io/audit-version is \"v1.029\", not latest or v1.<minor> (PSA then uses latest); set a valid version.",
			"path": ["metadata", "labels", "pod-security.kubernetes.io/audit-version"],
		},
		{
			"msg": "label pod-security.kubernetes.io/warn-version is 1.3, not latest or v1.<minor> (PSA then uses latest); set a valid version.",
			"path": ["metadata", "labels", "pod-security.kubernetes.io/warn-version"],
		},
	}
}

test_valid_labels_pass if {
	count(psa_label_invalid.deny) == 0 with input as ns("shop", {
		"pod-security.kubernetes.io/enforce": "restricted",
		"pod-security.kubernetes.io/enforce-version": "v1.33",
		"pod-security.kubernetes.io/audit": "baseline",
		"pod-security.kubernetes.io/audit-version": "latest",
		"pod-security.kubernetes.io/warn": "privileged",
		"pod-security.kubernetes.io/warn-version": "v1.0",
		"pod-security.kubernetes.io/exempt": "whatever",
	})
	count(psa_label_invalid.deny) == 0 with input as ns("shop", {})
	count(psa_label_invalid.deny) == 0 with input as ns("shop", null)
}

test_other_kinds_pass if {
	count(psa_label_invalid.deny) == 0 with input as {"kind": "Pod", "metadata": {"labels": {"pod-security.kubernetes.io/enforce": "strict"}}}
}
