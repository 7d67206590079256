package main

import data.lib.kubernetes

deny contains msg if {
	kubernetes.is_service
	input.spec.type == "NodePort"
	msg := sprintf("Service %s must not be of type NodePort", [kubernetes.name])
}

warn_external_lb contains msg if {
	kubernetes.is_service
	input.spec.type == "LoadBalancer"
	not input.metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-internal"]
	msg := sprintf("Service %s is an internet-facing load balancer", [kubernetes.name])
}
