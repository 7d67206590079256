package main

import rego.v1

# Containers must not run as root; a Deployment labelled
# allow-root: "true" is excepted (conftest's exception rule).
deny_run_as_root contains msg if {
	input.kind == "Deployment"
	some c in input.spec.template.spec.containers
	not c.securityContext.runAsNonRoot
	msg := sprintf("Container %s may run as root", [c.name])
}

deny_latest_tag contains msg if {
	input.kind == "Deployment"
	some c in input.spec.template.spec.containers
	endswith(c.image, ":latest")
	msg := sprintf("Container %s uses the latest tag", [c.name])
}

exception contains rules if {
	input.metadata.labels["allow-root"] == "true"
	rules := ["run_as_root"]
}
