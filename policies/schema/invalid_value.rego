# METADATA
# title: Invalid field value
# description: |
#   A value of the right type that the API server refuses: not one of the
#   values an enum field takes (imagePullPolicy: Sometimes), a malformed
#   quantity, a port number outside 1-65535, a name that is not a DNS-1123
#   label or subdomain, Secret data that is not base64.
#
#   The engine produces these findings in Go (engine/schema), from the
#   OpenAPI schema of the target Kubernetes release (--kube-version) or the
#   object's CustomResourceDefinition: this package only declares the rule, so
#   that it is selected, disabled, excepted and baselined like any other.
# custom:
#   id: KW-SCH-004
#   severity: high
#   profiles: []
#   schemaCheck: invalid_value
#   remediation: Use one of the values the finding lists, or a value in the range or format it names.
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
#           imagePullPolicy: Sometimes
package kubeward.rules.schema.invalid_value

# Empty: the engine adds a finding for each problem the schema validator reports.
deny := set()
