# METADATA
# title: Secret exposed as env var
# description: |
#   Secrets read into environment variables are easier to leak than mounted
#   files: applications log their environment in crash reports and debug pages,
#   child processes inherit it, and it cannot be updated without a restart.
#   Mounted Secret volumes avoid these and are refreshed in place.
# custom:
#   id: KW-SEC-003
#   severity: info
#   kinds: [pod-kinds]
#   profiles: [cis]
#   remediation: Mount the Secret as a volume and have the application read the file instead of an environment variable.
#   references:
#     - CIS 5.4.1
#     - KL read-secret-from-env-var
#     - https://kubernetes.io/docs/concepts/security/secrets-good-practices/
#   example: |
#     apiVersion: apps/v1
#     kind: Deployment
#     metadata:
#       name: web
#       namespace: shop
#     spec:
#       selector:
#         matchLabels: {app: web}
#       template:
#         metadata:
#           labels: {app: web}
#         spec:
#           containers:
#             - name: web
#               image: registry.example.com/shop/web:1.4.2
#               env:
#                 - name: DB_PASSWORD
#                   valueFrom:
#                     secretKeyRef: {name: db, key: password}
#     ---
#     apiVersion: v1
#     kind: Secret
#     metadata:
#       name: db
#       namespace: shop
#     data:
#       password: czNjcjN0
package kubeward.rules.secrets.secret_env_var

import data.kubeward.lib.pods

deny contains {
	"msg": sprintf("container %q reads key %s of Secret %s into env %s; mount the Secret as a volume and read the file instead.", [c.name, _show(object.get(ref, "key", null)), _show(object.get(ref, "name", null)), _show(object.get(entry, "name", null))]),
	"path": array.concat(c.path, ["env", k, "valueFrom", "secretKeyRef"]),
} if {
	some c in pods.containers
	some k, entry in c.container.env
	ref := entry.valueFrom.secretKeyRef
	is_object(ref)
}

deny contains {
	"msg": sprintf("container %q loads every key of Secret %s as env vars (envFrom[%d].secretRef); mount the Secret as a volume and read the files instead.", [c.name, _show(object.get(ref, "name", null)), k]),
	"path": array.concat(c.path, ["envFrom", k, "secretRef"]),
} if {
	some c in pods.containers
	some k, entry in c.container.envFrom
	ref := entry.secretRef
	is_object(ref)
}

# _show(v) renders a name for a message: quoted, or <unset>.
_show(v) := sprintf("%q", [v]) if is_string(v)

else := "<unset>"
