# METADATA
# title: Field of the wrong type
# description: |
#   A value of a JSON type the field does not take: a port written as a string,
#   a boolean as "yes", a list written as a mapping. The API server refuses the
#   object; rules that read the field see something the cluster never would.
#
#   The engine produces these findings in Go (engine/schema), from the
#   OpenAPI schema of the target Kubernetes release (--kube-version) or the
#   object's CustomResourceDefinition: this package only declares the rule, so
#   that it is selected, disabled, excepted and baselined like any other.
# custom:
#   id: KW-SCH-002
#   severity: high
#   profiles: []
#   schemaCheck: wrong_type
#   remediation: Write the value with the type the finding names (unquote numbers and booleans, make lists lists).
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
#           ports:
#             - containerPort: "80"
package kubeward.rules.schema.wrong_type

# Empty: the engine adds a finding for each problem the schema validator reports.
deny := set()
