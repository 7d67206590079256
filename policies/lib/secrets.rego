# METADATA
# title: Secret detection helpers
# description: |
#   What looks like a credential (catalogue section 7): SECRET_NAME for env
#   var names and ConfigMap keys, PEM private keys, the credential patterns of
#   KW-SEC-005 and credentials passed as command-line flags, plus the shared
#   "does not fire when X fires" predicates of the SEC rules. Rules using these
#   helpers name the key or variable in their messages, never its value.
#   Stable API for user policies: data.kubeward.lib.secrets.
package kubeward.lib.secrets

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

# The credentials KW-SEC-005 looks for in a value, by description.
_credential_patterns := {
	"a PEM private key": pem_private_key,
	"an AWS access key id": `\b(AKIA|ASIA)[A-Z0-9]{16}\b`,
	"a GitHub token": `\bgh[pousr]_[A-Za-z0-9]{36,}`,
	"a Slack token": `\bxox[abprs]-[A-Za-z0-9-]{10,}`,
	"a JSON Web Token": `\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}`,
	"a URL with a password": `://[^/\s:@]+:[^/\s@]+@`,
}

# credentials_in(value) is the sorted list of the descriptions of the
# credentials found in a string (empty when none, or when it is no string).
credentials_in(value) := sort([what |
	is_string(value)
	some what, pattern in _credential_patterns
	regex.match(pattern, value)
])

# env_entry_has_private_key(entry) holds when a container env entry's literal
# value contains a PEM private key: KW-SEC-002 reports it, KW-SEC-001 does not.
env_entry_has_private_key(entry) if has_private_key(entry.value)

# configmap_entry_has_credential(field, value) holds when a ConfigMap entry of
# field ("data" or "binaryData") holds a credential KW-SEC-005 reports
# (only data values are text); KW-SEC-004 then stays silent on the key.
configmap_entry_has_credential(field, value) if {
	field == "data"
	is_string(value)
	regex.match(_any_credential, value)
}

# One pass over a value for all the patterns: ConfigMap values can be large
# (dashboards, scripts), and most hold no credential.
_any_credential := concat("|", [sprintf("(?:%s)", [pattern]) | some pattern in _credential_patterns])

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
# "--password") that a command or args element passes a literal value to;
# a value that is only $(VAR) references does not count.
command_line_credentials(arg) := {flag |
	is_string(arg)
	some m in regex.find_all_string_submatch_n(_credential_flag, arg, -1)
	not only_var_refs(m[2])
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
