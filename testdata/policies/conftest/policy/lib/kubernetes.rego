# Helpers shared by the policies, in the style conftest users copy around.
package lib.kubernetes

import rego.v1

is_deployment if input.kind == "Deployment"

is_service if input.kind == "Service"

name := input.metadata.name

containers contains c if {
	is_deployment
	some c in input.spec.template.spec.containers
}

# image_tag is the tag of an image reference; "latest" when it has none.
image_tag(image) := "latest" if {
	not contains(image, "@")
	parts := split(image, "/")
	not contains(parts[count(parts) - 1], ":")
}

image_tag(image) := tag if {
	not contains(image, "@")
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	tag := split(last, ":")[1]
}
