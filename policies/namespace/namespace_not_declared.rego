# METADATA
# title: Namespace not declared
# description: |
#   An object whose namespace is not among the manifests depends on someone
#   having created that namespace by hand, with whatever labels (Pod Security
#   level), quotas and policies they chose. Declaring the Namespace keeps
#   those settings reviewed with the application. This needs the whole
#   configuration in the run, so it only reports with --complete.
# custom:
#   id: KW-NS-009
#   severity: info
#   profiles: []
#   remediation: Add the Namespace object to the manifests, with its Pod Security labels.
#   references:
#     - https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
#   example: |
#     apiVersion: v1
#     kind: ConfigMap
#     metadata:
#       name: web-settings
#       namespace: shop
#     data:
#       LOG_LEVEL: info
package kubeward.rules.namespace.namespace_not_declared

import data.kubeward.lib.inventory
import data.kubeward.lib.namespaces

deny contains {
	"msg": sprintf("metadata.namespace is %q, which has no Namespace object in the run; declare the Namespace with its labels.", [ns]),
	"path": ["metadata", "namespace"],
} if {
	inventory.complete
	ns := input.metadata.namespace
	is_string(ns)
	ns != ""
	ns != "default"
	not namespaces.is_system(ns)
	not inventory.cluster_get("Namespace", ns)
}
