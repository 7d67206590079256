# METADATA
# title: sudo in entrypoint
# description: |
#   A container that calls sudo needs a root-capable image and privilege
#   escalation at run time: it cannot run with allowPrivilegeEscalation false or
#   as a locked-down non-root user. Run the process as the user it needs instead.
# custom:
#   id: KW-POD-015
#   severity: low
#   kinds: [pod-kinds]
#   profiles: []
#   remediation: Remove sudo from the container's command and args; set securityContext.runAsUser to the user the process needs.
#   references:
#     - KS C-0062
#     - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#   example: |
#     apiVersion: batch/v1
#     kind: CronJob
#     metadata:
#       name: db-backup
#     spec:
#       schedule: "30 1 * * *"
#       jobTemplate:
#         spec:
#           template:
#             spec:
#               restartPolicy: OnFailure
#               containers:
#                 - name: backup
#                   image: registry.example.com/db/backup-tools:2.1.0
#                   command: [sh, -c]
#                   args: ["sudo -u postgres pg_dumpall > /backup/all.sql"]
package kubeward.rules.pod.sudo_in_entrypoint

import data.kubeward.lib.pods

deny contains {
	"msg": sprintf(
		"container %q calls sudo in %s[%d] (%q); remove sudo and run the process as the user it needs.",
		[c.name, field, k, _excerpt(arg)],
	),
	"path": array.concat(c.path, [field, k]),
} if {
	some c in pods.containers
	some field in ["command", "args"]
	list := c.container[field]
	is_array(list)
	some k, arg in list
	is_string(arg)
	_sudo(arg)
}

_sudo(arg) if arg == "sudo"

# "sudo " at the start or after whitespace, ;, &, | or (.
_sudo(arg) if regex.match(`(^|[\s;&|(])sudo `, arg)

_excerpt(s) := concat("", [substring(s, 0, 60), "..."]) if count(s) > 63

else := s
