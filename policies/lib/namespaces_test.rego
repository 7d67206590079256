package kubeward.lib.namespaces_test

import data.kubeward.lib.namespaces

test_system if {
	namespaces.is_system("kube-system")
	namespaces.is_system("kube-public")
	namespaces.is_system("kube-node-lease")
	not namespaces.is_system("default")
	not namespaces.is_system("kube-systems")
}

test_name if {
	namespaces.name == "shop" with input as {"metadata": {"name": "shop"}}
	namespaces.name == "" with input as {"metadata": {"name": 7}}
	namespaces.name == "" with input as {}
}

test_labels_of if {
	namespaces.labels_of({"metadata": {"labels": {"a": "b"}}}) == {"a": "b"}
	namespaces.labels_of({"metadata": {"labels": ["a"]}}) == {}
	namespaces.labels_of({}) == {}
}

test_psa_labels if {
	namespaces.psa_label("enforce") == "pod-security.kubernetes.io/enforce"
	namespaces.psa_version_label("warn") == "pod-security.kubernetes.io/warn-version"
	ns := {"metadata": {"labels": {"pod-security.kubernetes.io/enforce": "baseline"}}}
	namespaces.psa_level(ns, "enforce") == "baseline"
	not namespaces.psa_level(ns, "audit")
}

test_valid_values if {
	every v in ["privileged", "baseline", "restricted"] {
		namespaces.valid_level(v)
	}
	not namespaces.valid_level("Restricted")
	not namespaces.valid_level("")
	every v in ["latest", "v1.0", "v1.9", "v1.25", "v1.100"] {
		namespaces.valid_version(v)
	}
	every v in ["Latest", "1.25", "v1.025", "v2.1", "v1.", "v1.25.0", "", 1.25] {
		not namespaces.valid_version(v)
	}
}

test_label_path if {
	namespaces.label_path("x") == ["metadata", "labels", "x"]
}

test_namespace_labels if {
	inv := {"cluster": {"Namespace": {
		"pci": {"kind": "Namespace", "metadata": {"name": "pci", "labels": {"zone": "pci"}}},
		"bare": {"kind": "Namespace", "metadata": {"name": "bare"}},
	}}}
	namespaces.namespace_labels("pci") == {"zone": "pci", "kubernetes.io/metadata.name": "pci"} with data.kubeward.inventory as inv
	namespaces.namespace_labels("bare") == {"kubernetes.io/metadata.name": "bare"} with data.kubeward.inventory as inv
	not namespaces.namespace_labels("missing") with data.kubeward.inventory as inv
}
