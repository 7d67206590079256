# METADATA
# title: Team label required
# description: Every Deployment names the team that owns it.
# custom:
#   id: ACME-001
#   severity: medium
#   kinds: [Deployment]
#   profiles: [acme]
#   remediation: Add a metadata.labels.team label.
package kubeward.rules.acme.team_label

import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("Deployment %q has no team label; add metadata.labels.team.", [input.metadata.name]),
	"path": ["metadata", "labels"],
} if {
	not input.metadata.labels.team
}

# A user rule reuses the library's helpers.
deny contains {
	"msg": sprintf("container %q runs as root (runAsUser 0); use a non-zero UID.", [c.name]),
	"path": pods.sc_path(c, "runAsUser"),
} if {
	some c in pods.containers
	pods.effective(c, "runAsUser") == 0
}
