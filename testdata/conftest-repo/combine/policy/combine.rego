package main

# Every Deployment's pods are selected by some Service of the input.
deny contains msg if {
	some i
	input[i].contents.kind == "Deployment"
	deployment := input[i].contents
	not selected(deployment.spec.selector.matchLabels.app)
	msg := sprintf("Deployment %s is selected by no Service", [deployment.metadata.name])
}

selected(app) if {
	some j
	input[j].contents.kind == "Service"
	input[j].contents.spec.selector.app == app
}
