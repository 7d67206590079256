# METADATA
# title: ServiceAccount helpers
# description: |
#   Which ServiceAccount a pod runs as and whether its token is mounted,
#   with the API server's defaulting (catalogue section 1): serviceAccountName,
#   else the deprecated alias serviceAccount, else "default"; an empty string
#   counts as unset. automountServiceAccountToken: the pod's value if set, else
#   the ServiceAccount's (when it is in the inventory), else true.
#   Stable API for user policies: data.kubeward.lib.serviceaccounts.
package kubeward.lib.serviceaccounts

import data.kubeward.lib.inventory
import data.kubeward.lib.pods

# name_field_of(spec) is the pod spec field that names the ServiceAccount:
# "serviceAccountName" if set, else "serviceAccount" if set, else
# "serviceAccountName" (unset; the path of an absent field points at it).
name_field_of(spec) := "serviceAccountName" if _set(spec.serviceAccountName)

else := "serviceAccount" if _set(spec.serviceAccount)

else := "serviceAccountName"

# name_of(spec) is the effective ServiceAccount name of a pod spec.
name_of(spec) := spec[name_field_of(spec)] if _set(spec[name_field_of(spec)])

else := "default"

_set(v) if {
	is_string(v)
	v != ""
}

# automount_of(spec, ns) is the effective automountServiceAccountToken of a
# pod spec whose pods live in namespace ns.
automount_of(spec, ns) := v if {
	v := spec.automountServiceAccountToken
	is_boolean(v)
} else := v if {
	v := inventory.get(ns, "ServiceAccount", name_of(spec)).automountServiceAccountToken
	is_boolean(v)
} else := true

# Shorthands for the object under review (its namespace is the pods' namespace).
namespace := inventory.namespace_of(input)

name_field := name_field_of(pods.spec)

name := name_of(pods.spec)

# name_is_set holds when the pod spec names its ServiceAccount (else it is "default" by default).
name_is_set if _set(pods.spec[name_field])

# name_path is the path of the field that names the ServiceAccount.
name_path := array.concat(pods.spec_path, [name_field])

# in_inventory holds when the effective ServiceAccount is in the inventory, in the same namespace.
in_inventory if inventory.has(namespace, "ServiceAccount", name)

# pod_sets_automount holds when the pod spec sets automountServiceAccountToken (a boolean).
pod_sets_automount if is_boolean(pods.spec.automountServiceAccountToken)

automount := automount_of(pods.spec, namespace)

automount_path := array.concat(pods.spec_path, ["automountServiceAccountToken"])
