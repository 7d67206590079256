package lib.k8s

workload_kinds := {"Deployment", "StatefulSet", "DaemonSet", "Job", "Pod"}

is_workload(obj) {
	workload_kinds[obj.kind]
}

pod_spec(obj) = obj.spec {
	obj.kind == "Pod"
}

pod_spec(obj) = obj.spec.template.spec {
	obj.kind != "Pod"
}

containers(obj) = cs {
	is_workload(obj)
	cs := object.get(pod_spec(obj), "containers", [])
}
