package main

import data.lib.k8s

# Deployments must not run as root, unless an exception names them.
deny_run_as_root[msg] {
	input.kind == "Deployment"
	not input.spec.template.spec.securityContext.runAsNonRoot
	msg := sprintf("Deployment %s must set runAsNonRoot", [input.metadata.name])
}

deny_latest_tag[msg] {
	c := k8s.containers(input)[_]
	endswith(c.image, ":latest")
	msg := sprintf("container %s uses the latest tag (%s)", [c.name, c.image])
}

violation[{"msg": msg, "details": {"missing": missing}}] {
	k8s.is_workload(input)
	required := {"app", "owner"}
	provided := {l | input.metadata.labels[l]}
	missing := required - provided
	count(missing) > 0
	msg := sprintf("%s %s is missing labels %v", [input.kind, input.metadata.name, sort(missing)])
}

warn_no_limits[msg] {
	c := k8s.containers(input)[_]
	not c.resources.limits
	msg := sprintf("container %s sets no resource limits", [c.name])
}

warn[msg] {
	input.kind == "Service"
	input.spec.type == "LoadBalancer"
	msg := sprintf("Service %s is exposed outside the cluster", [input.metadata.name])
}

# The legacy Deployment may run as root; batch jobs may run without limits.
exception[rules] {
	input.kind == "Deployment"
	input.metadata.name == "legacy"
	rules := ["run_as_root"]
}

exception[rules] {
	input.metadata.labels.tier == "batch"
	rules := ["no_limits"]
}
