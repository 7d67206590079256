# METADATA
# title: Create PersistentVolumes
# description: |
#   A PersistentVolume can point at any path on a node (hostPath) or any
#   network share; whoever can create one and claim it mounts that storage into
#   a pod, escaping the restrictions on hostPath volumes.
# custom:
#   id: KW-RBAC-018
#   severity: medium
#   kinds: [Role, ClusterRole]
#   profiles: [cis]
#   remediation: Remove create on persistentvolumes; let StorageClasses provision volumes for PersistentVolumeClaims.
#   references:
#     - CIS 5.1.9
#     - https://kubernetes.io/docs/concepts/storage/persistent-volumes/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: ClusterRole
#     metadata:
#       name: volume-maker
#     rules:
#       - apiGroups: [""]
#         resources: ["persistentvolumes"]
#         verbs: ["create"]
package kubeward.rules.rbac.create_persistent_volumes

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-018", r, "lets its holders create PersistentVolumes", "remove create on persistentvolumes"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-018"]
}
