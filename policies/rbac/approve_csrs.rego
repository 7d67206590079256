# METADATA
# title: Approve CSRs
# description: |
#   Approving certificate signing requests lets the holder obtain client
#   certificates the cluster trusts, for example as a node or as a member of a
#   privileged group; with approve on signers it can do so for those signers.
# custom:
#   id: KW-RBAC-015
#   severity: high
#   kinds: [Role, ClusterRole]
#   profiles: [cis]
#   remediation: Remove update and patch on certificatesigningrequests/approval and approve on signers except for the component that approves certificates.
#   references:
#     - CIS 5.1.11
#     - https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/
#   example: |
#     apiVersion: rbac.authorization.k8s.io/v1
#     kind: ClusterRole
#     metadata:
#       name: csr-approver
#     rules:
#       - apiGroups: ["certificates.k8s.io"]
#         resources: ["certificatesigningrequests/approval"]
#         verbs: ["update"]
package kubeward.rules.rbac.approve_csrs

import data.kubeward.lib.rbac

# Ranked with the other role rows in data.kubeward.lib.rbac: this row reports
# a rule only when it is the most severe row the rule matches.
deny contains {
	"msg": rbac.message("RBAC-015", r, "lets its holders approve certificate signing requests", "remove update and patch on certificatesigningrequests/approval and approve on signers"),
	"path": r.path,
} if {
	some r in rbac.reported["RBAC-015"]
}
