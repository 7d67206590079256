# METADATA
# title: Unknown field
# description: |
#   A field the schema of the object's kind does not have. The API server drops
#   it, or refuses the object under strict field validation (kubectl's default
#   since 1.27), so a typo silently disables what it was meant to set:
#   securityContex, runAsNonRot. The finding suggests the field meant when one
#   is a few letters away.
#
#   The engine produces these findings in Go (engine/schema), from the
#   OpenAPI schema of the target Kubernetes release (--kube-version) or the
#   object's CustomResourceDefinition: this package only declares the rule, so
#   that it is selected, disabled, excepted and baselined like any other.
# custom:
#   id: KW-SCH-001
#   severity: medium
#   profiles: []
#   schemaCheck: unknown_field
#   remediation: Fix the spelling to the field the finding suggests, or remove the field; check the object's apiVersion matches the fields used.
#   references:
#     - https://kubernetes.io/docs/reference/kubernetes-api/
#     - https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
#   example: |
#     apiVersion: v1
#     kind: Pod
#     metadata:
#       name: web
#     spec:
#       containers:
#         - name: web
#           image: registry.example.com/web:1.4.2
#           securityContex:
#             runAsNonRoot: true
package kubeward.rules.schema.unknown_field

# Empty: the engine adds a finding for each problem the schema validator reports.
deny := set()
