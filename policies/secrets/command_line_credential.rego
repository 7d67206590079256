# METADATA
# title: Credential on command line
# description: |
#   A password, token or key passed as a command-line flag is written in the
#   manifest and visible to anyone who can read the workload, and at run time
#   in the process list of the node and in monitoring tools. Flags that take the
#   value from a $(VAR) reference to a Secret-backed env var are fine. The
#   value is judged as KW-SEC-001 judges env values under the flag's name:
#   --password and --secret take any typed literal, --token and --api-key a
#   generated-looking string or a default password; booleans
#   (--enable-token=false), numbers, paths and placeholders never count.
# custom:
#   id: KW-SEC-012
#   severity: high
#   kinds: [pod-kinds]
#   profiles: [nsa]
#   remediation: Put the credential in a Secret and pass it as $(VAR) from an env var with valueFrom.secretKeyRef, or have the program read a mounted file; rotate the exposed credential.
#   references:
#     - NSA Network separation / secrets
#     - https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/
#   example: |
#     apiVersion: batch/v1
#     kind: Job
#     metadata:
#       name: db-migrate
#       namespace: shop
#     spec:
#       template:
#         spec:
#           restartPolicy: Never
#           containers:
#             - name: migrate
#               image: registry.example.com/shop/migrate:3.1.0
#               args: ["--host=db.shop.svc", "--password=s3cr3t-passw0rd"]
package kubeward.rules.secrets.command_line_credential

import data.kubeward.lib.pods
import data.kubeward.lib.secrets

deny contains {
	"msg": sprintf("container %q passes a literal value to %s in %s[%d]; pass it as $(VAR) from an env var with valueFrom.secretKeyRef, or read it from a mounted Secret file.", [c.name, concat(", ", sort(flags)), field, k]),
	"path": array.concat(c.path, [field, k]),
} if {
	some c in pods.containers
	some field in ["command", "args"]
	some k, arg in c.container[field]
	flags := secrets.command_line_credentials(arg)
	count(flags) > 0
}
