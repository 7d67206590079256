package main

import data.lib.k8s

# Deployments must not run as root, unless an exception names them.
deny_run_as_root contains msg if {
	input.kind == "Deployment"
	not input.spec.template.spec.securityContext.runAsNonRoot
	msg := sprintf("Deployment %s must set runAsNonRoot", [input.metadata.name])
}

deny_latest_tag contains msg if {
	some c in k8s.containers(input)
	endswith(c.image, ":latest")
	msg := sprintf("container %s uses the latest tag (%s)", [c.name, c.image])
}

violation contains {"msg": msg, "details": {"missing": missing}} if {
	k8s.is_workload(input)
	required := {"app", "owner"}
	provided := {l | input.metadata.labels[l]}
	missing := required - provided
	count(missing) > 0
	msg := sprintf("%s %s is missing labels %v", [input.kind, input.metadata.name, sort(missing)])
}

warn_no_limits contains msg if {
	some c in k8s.containers(input)
	not c.resources.limits
	msg := sprintf("container %s sets no resource limits", [c.name])
}

warn contains msg if {
	input.kind == "Service"
	input.spec.type == "LoadBalancer"
	msg := sprintf("Service %s is exposed outside the cluster", [input.metadata.name])
}

# The legacy Deployment may run as root; batch jobs may run without limits.
exception contains rules if {
	input.kind == "Deployment"
	input.metadata.name == "legacy"
	rules := ["run_as_root"]
}

exception contains rules if {
	input.metadata.labels.tier == "batch"
	rules := ["no_limits"]
}
