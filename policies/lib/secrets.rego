# METADATA
# title: Secret detection helpers
# description: |
#   What looks like a credential (catalogue section 7): SECRET_NAME for env
#   var names and ConfigMap keys, PEM private keys, the credential patterns of
#   KW-SEC-005 (kept in lib/credentials.rego with the judgement of values)
#   and credentials passed as command-line flags, plus the shared
#   "does not fire when X fires" predicates of the SEC rules. Rules using these
#   helpers name the key or variable in their messages, never its value.
#   Stable API for user policies: data.kubeward.lib.secrets.
package kubeward.lib.secrets

import data.kubeward.lib.credentials

# SECRET_NAME: a credential word anywhere in the name, or a short word as a
# whole segment (delimited by start/end or _ . -), or a cloud CLI key variable.
# One expression, alternatives in that order: one match per name instead of
# one per pattern (names are checked for every env var of every container).
_secret_name_pattern := concat("|", [
	`(?i)(password|passwd|secret|token|bearer|apikey|api_key|api-key|privatekey|private_key|credential)`,
	`(^|[_.-])(pass|pwd|auth|access_key)([_.-]|$)`,
	`^AZURE_.+KEY$`,
	`^OCI_CLI_KEY_CONTENT$`,
])

# Names that point at a credential instead of holding one (DB_PASSWORD_FILE, TOKEN_TTL).
_secret_name_exclusion := `(?i)[_.-](file|path|dir|url|uri|endpoint|name|ref|ttl|timeout|length)$`

# secret_name(name) holds when an env var name or ConfigMap key looks like it
# holds a credential (SECRET_NAME).
secret_name(name) if {
	is_string(name)
	regex.match(_secret_name_pattern, name)
	not regex.match(_secret_name_exclusion, name)
}

# pem_private_key is the PEM header of a private key.
pem_private_key := `-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----`

# has_private_key(value) holds when a string contains a PEM private key header.
has_private_key(value) if {
	is_string(value)
	regex.match(pem_private_key, value)
}

# credentials_in(value) is the sorted list of the descriptions of the
# credentials found in a string (empty when none, or when it is no string):
# the known formats of data.kubeward.lib.credentials.
credentials_in(value) := credentials.known_formats_in(value)

# env_entry_has_private_key(entry) holds when a container env entry's literal
# value contains a PEM private key: KW-SEC-002 reports it, KW-SEC-001 does not.
env_entry_has_private_key(entry) if has_private_key(entry.value)

# configmap_entry_has_credential(field, value) holds when a ConfigMap entry of
# field ("data" or "binaryData") holds a credential KW-SEC-005 reports
# (only data values are text); KW-SEC-004 then stays silent on the key.
configmap_entry_has_credential(field, value) if {
	field == "data"
	credentials.has_known_format(value)
}

# only_var_refs(value) holds when a string is nothing but $(VAR) references
# (expanded by the kubelet from the container's environment), possibly quoted.
only_var_refs(value) if {
	is_string(value)
	regex.match(`^(\$\([^()\s]+\))+$`, trim(value, `"'`))
}

# literal_value(value) holds when an env value is a literal that can hold a
# credential: non-empty, not only $(VAR) references, not a file path.
literal_value(value) if {
	is_string(value)
	value != ""
	not only_var_refs(value)
	not startswith(value, "/")
}

_credential_flag := `(?i)--?(password|passwd|token|secret|api[-_]?key|client[-_]secret)[=\s](\S+)`

# command_line_credentials(arg) is the set of credential flags (lower case, as
# "--password") that a command or args element passes a credential to, as
# data.kubeward.lib.credentials judges the value under the flag's name: not
# $(VAR) references, booleans (--enable-token=false) or identifiers.
command_line_credentials(arg) := {flag |
	is_string(arg)
	some m in regex.find_all_string_submatch_n(_credential_flag, arg, -1)
	credentials.value_is_credential(m[1], m[2])
	flag := concat("", ["--", lower(m[1])])
}

# keys_of(secret) is the set of keys of a Secret: those of data and stringData.
keys_of(secret) := {k | some k, _ in _map(secret.data)} | {k | some k, _ in _map(secret.stringData)}

_map(x) := x if is_object(x)

else := {}

# controller_keys(secret) is the set of keys that a controller fills in a
# Secret of this type: the token controller writes token, ca.crt and namespace
# into a kubernetes.io/service-account-token Secret.
controller_keys(secret) := {"token", "ca.crt", "namespace"} if {
	secret.type == "kubernetes.io/service-account-token"
} else := set()
