package main

import data.lib.kubernetes

deny contains msg if {
	kubernetes.is_deployment
	some container in kubernetes.containers
	not container.securityContext.runAsNonRoot
	msg := sprintf("Containers must not run as root in Deployment %s: container %s", [kubernetes.name, container.name])
}

deny_latest_tag contains msg if {
	some container in kubernetes.containers
	kubernetes.image_tag(container.image) == "latest"
	msg := sprintf("Container %s uses the latest tag (%s); pin a version", [container.name, container.image])
}

# Required labels come from data.yaml, next to the policies.
violation contains {"msg": msg, "details": {"missing_labels": missing}} if {
	kubernetes.is_deployment
	provided := {label | some label, _ in input.metadata.labels}
	required := {label | some label in data.labels.required}
	missing := required - provided
	count(missing) > 0
	msg := sprintf("Deployment %s is missing required labels: %v", [kubernetes.name, sort(missing)])
}

warn contains msg if {
	kubernetes.is_deployment
	input.spec.replicas < 2
	msg := sprintf("Deployment %s runs a single replica", [kubernetes.name])
}
