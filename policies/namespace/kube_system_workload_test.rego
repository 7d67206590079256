package kubeward.rules.namespace.kube_system_workload_test

import data.kubeward.rules.namespace.kube_system_workload

obj(kind, name) := {"kind": kind, "metadata": {"name": name, "namespace": "kube-system"}, "spec": {}}

test_application_in_kube_system if {
	got := kube_system_workload.deny with input as obj("Deployment", "web")
	got == {{
		"msg": "metadata.namespace is \"kube-system\", which is for the cluster's own components, and \"web\" is not in systemWorkloads; deploy it to a namespace of its own, or list it in systemWorkloads if it is a cluster component.",
		"path": ["metadata", "namespace"],
	}}
}

test_other_pod_kinds if {
	count(kube_system_workload.deny) == 1 with input as obj("CronJob", "cleanup")
	count(kube_system_workload.deny) == 1 with input as obj("Pod", "debug")
}

test_default_system_workloads_pass if {
	every name in ["coredns", "kube-proxy", "etcd-control-plane", "kube-apiserver-node-1", "kube-scheduler-cp", "svclb-traefik-abc12"] {
		count(kube_system_workload.deny) == 0 with input as obj("Pod", name)
	}
}

test_exact_entries_are_not_prefixes if {
	count(kube_system_workload.deny) == 1 with input as obj("Deployment", "coredns-custom")
	count(kube_system_workload.deny) == 1 with input as obj("Pod", "etcd")
}

test_configured_list if {
	count(kube_system_workload.deny) == 0 with input as obj("Deployment", "web") with data.kubeward.config.systemWorkloads as ["web", 7]
	count(kube_system_workload.deny) == 0 with input as obj("Deployment", "vault-agent") with data.kubeward.config.systemWorkloads as ["vault-*"]
	count(kube_system_workload.deny) == 1 with input as obj("Deployment", "coredns") with data.kubeward.config.systemWorkloads as []
	count(kube_system_workload.deny) == 1 with input as obj("Deployment", "coredns") with data.kubeward.config.systemWorkloads as "coredns"
}

test_other_namespaces_and_kinds_pass if {
	count(kube_system_workload.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}}
	count(kube_system_workload.deny) == 0 with input as {"kind": "Deployment", "metadata": {"name": "web"}}
	count(kube_system_workload.deny) == 0 with input as obj("ConfigMap", "web")
}

test_unnamed_object if {
	got := kube_system_workload.deny with input as {"kind": "Pod", "metadata": {"name": 5, "namespace": "kube-system"}}
	{f.path | some f in got} == {["metadata", "namespace"]}
}

test_static_control_plane_pod_passes if {
	# kubeadm names the manifest kube-apiserver; only the mirror pod has the -<node> suffix
	count(kube_system_workload.deny) == 0 with input as object.union(obj("Pod", "kube-apiserver"), {"metadata": {"labels": {"tier": "control-plane"}}})
	count(kube_system_workload.deny) == 1 with input as obj("Pod", "kube-apiserver")
	count(kube_system_workload.deny) == 1 with input as object.union(obj("Deployment", "kube-apiserver"), {"metadata": {"labels": {"tier": "control-plane"}}})
}
