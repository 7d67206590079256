# METADATA
# title: Deployment without an owning team
# description: Every Deployment names its owning team in the label data.acme.teamLabel says.
# custom:
#   id: ACME-001
#   severity: high
#   kinds: [Deployment]
#   profiles: [acme]
#   remediation: Add the team label to metadata.labels.
package kubeward.rules.acme.team_label

deny contains {
	"msg": sprintf("Deployment %q has no %q label", [input.metadata.name, data.acme.teamLabel]),
	"path": ["metadata", "labels"],
} if {
	input.kind == "Deployment"
	not input.metadata.labels[data.acme.teamLabel]
}
