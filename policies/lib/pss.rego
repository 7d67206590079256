# METADATA
# title: Pod Security Standards helpers
# description: |
#   Field semantics shared by the PSS rules (catalogue section 2), ported from
#   the upstream Pod Security Admission evaluator. PSA reads typed objects: a
#   pointer field that is absent or null is nil ("unset"), and an absent or
#   null string field is "". These helpers reproduce that on raw YAML/JSON.
#   Stable API for user policies: data.kubeward.lib.pss.
package kubeward.lib.pss

import data.kubeward.lib.pods

# is_set(obj, key) holds when obj is an object whose key is present and not
# null: a Go pointer field that decodes to non-nil.
is_set(obj, key) if {
	is_object(obj)
	obj[key] != null
}

# string_field(obj, key) is obj[key] when set, else "" (a Go string's zero value).
string_field(obj, key) := obj[key] if is_set(obj, key)

else := ""

# quote(v) renders a value found in the input for a message: %q for strings,
# JSON for anything else.
quote(v) := sprintf("%q", [v]) if is_string(v)

else := json.marshal(v)

# The profile types PSA allows for both securityContext.seccompProfile and
# securityContext.appArmorProfile.
allowed_profile_types := {"RuntimeDefault", "Localhost"}

# profile_settings(field) holds one entry for the pod and for each container
# that sets securityContext.<field> (seccompProfile or appArmorProfile):
#   {"name": <container name, "" for the pod>, "pod": <bool>,
#    "type": <its type, "" when unset>, "path": <path to its type>}
profile_settings(field) := {x |
	is_set(pods.pod_sc, field)
	x := {
		"name": "",
		"pod": true,
		"type": string_field(pods.pod_sc[field], "type"),
		"path": array.concat(pods.pod_sc_path, [field, "type"]),
	}
} | {x |
	some c in pods.containers
	sc := pods.sc(c)
	is_set(sc, field)
	x := {
		"name": c.name,
		"pod": false,
		"type": string_field(sc[field], "type"),
		"path": array.concat(pods.sc_path(c, field), ["type"]),
	}
}

# forbidden_profile_settings(field) is the subset of profile_settings(field)
# whose type is neither RuntimeDefault nor Localhost.
forbidden_profile_settings(field) := {x |
	some x in profile_settings(field)
	not x.type in allowed_profile_types
}

# setter(x) names the pod or container of a profile_settings entry in a message.
setter(x) := "the pod" if x.pod

else := sprintf("container %q", [x.name])

# unmasked_proc_mounts holds every container that sets securityContext.procMount
# to anything but Default (PSA procMount_1_0), as {"container": c, "value": v}.
unmasked_proc_mounts contains {"container": c, "value": v} if {
	some c in pods.containers
	sc := pods.sc(c)
	is_set(sc, "procMount")
	v := sc.procMount
	v != "Default"
}

# added_capabilities holds every entry of securityContext.capabilities.add of
# every container, as {"container": c, "value": v, "path": path to it}.
added_capabilities contains {"container": c, "value": v, "path": path} if {
	some c in pods.containers
	add := object.get(pods.sc(c), ["capabilities", "add"], [])
	is_array(add)
	some k, v in add
	path := array.concat(pods.sc_path(c, "capabilities"), ["add", k])
}
