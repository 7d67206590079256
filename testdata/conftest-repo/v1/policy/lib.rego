package lib.k8s

workload_kinds := {"Deployment", "StatefulSet", "DaemonSet", "Job", "Pod"}

is_workload(obj) if workload_kinds[obj.kind]

pod_spec(obj) := obj.spec if obj.kind == "Pod"

pod_spec(obj) := obj.spec.template.spec if obj.kind != "Pod"

containers(obj) := cs if {
	is_workload(obj)
	cs := object.get(pod_spec(obj), "containers", [])
}
