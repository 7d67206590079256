# METADATA
# title: Missing required field
# description: |
#   A field the schema requires is absent: a Deployment without selector, a
#   container without name. The API server refuses the object. The finding is
#   at the mapping that lacks the field.
#
#   The engine produces these findings in Go (engine/schema), from the
#   OpenAPI schema of the target Kubernetes release (--kube-version) or the
#   object's CustomResourceDefinition: this package only declares the rule, so
#   that it is selected, disabled, excepted and baselined like any other.
# custom:
#   id: KW-SCH-003
#   severity: high
#   profiles: []
#   schemaCheck: missing_required
#   remediation: Add the field the finding names.
#   references:
#     - https://kubernetes.io/docs/reference/kubernetes-api/
#     - https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: web
#     spec:
#       template:
#         metadata:
#           labels:
#             app: web
#         spec:
#           containers:
#             - name: web
#               image: registry.example.com/web:1.4.2
package kubeward.rules.schema.missing_required

# Empty: the engine adds a finding for each problem the schema validator reports.
deny := set()
