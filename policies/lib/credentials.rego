# METADATA
# title: Credential value helpers
# description: |
#   Whether a literal value under a given name is a credential: the name alone
#   (SECRET_NAME) reported ALLOW_EMPTY_PASSWORD=no, MAX_TOTAL_TOKENS=2048 and
#   ETCD_INITIAL_CLUSTER_TOKEN=etcd-cluster-k8s as credentials. A value is a
#   credential when it holds a known token format (anywhere, whatever the
#   name), or when SECRET_NAME matches and the value passes the test of the
#   name's tier: a name that ends in the secret itself (PASSWORD, PASSWD, PWD,
#   PASS, PASSPHRASE, SECRET, SECRET_KEY) holds what people type, so any
#   literal counts except the non-credential shapes below; any other
#   credential-like name (TOKEN, AUTH, API_KEY, ACCESS_KEY, CREDENTIAL, or a
#   credential word followed by a qualifier) must hold a generated-looking
#   string or a well-known default password. Never credentials: booleans,
#   numbers (under a password name: fewer than 4 digits), quantities and
#   durations, $(VAR) / ${VAR} / {{ }} references, <placeholders>, file paths
#   and URLs without userinfo.
#   Stable API for user policies: data.kubeward.lib.credentials.
package kubeward.lib.credentials

import data.kubeward.lib.secrets

# known_formats maps a description to the pattern of a credential whose shape
# alone identifies it (token prefixes as their issuers document them).
known_formats := {
	"a PEM private key": secrets.pem_private_key,
	"an AWS access key id": `\b(AKIA|ASIA)[A-Z0-9]{16}\b`,
	"a GitHub token": `\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})`,
	"a GitLab token": `\bglpat-[A-Za-z0-9_-]{20,}`,
	"a Slack token": `\bxox[abprs]-[A-Za-z0-9-]{10,}`,
	"a Slack webhook URL": `hooks\.slack\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]{16,}`,
	"a Google API key": `\bAIza[0-9A-Za-z_-]{35}`,
	"a Stripe key": `\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}`,
	"a Hugging Face token": `\bhf_[A-Za-z0-9]{30,}`,
	"an npm token": `\bnpm_[A-Za-z0-9]{36}`,
	"a SendGrid key": `\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}`,
	"an Azure storage account key": `AccountKey=[A-Za-z0-9+/]{40,}={0,2}`,
	"a JSON Web Token": `\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}`,
	"a URL with a password": `://[^/\s:@]*:[^/\s@]+@`,
}

# _markers maps each known format to literal strings one of which every match
# of its pattern contains (a test keeps the keys those of known_formats). A
# format is matched only against values holding one of its markers: one
# substring search each instead of a pattern over the whole value (values can
# be whole files), and no joined pattern of all formats, a large automaton.
_markers := {
	"a PEM private key": ["PRIVATE KEY-----"],
	"an AWS access key id": ["AKIA", "ASIA"],
	"a GitHub token": ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
	"a GitLab token": ["glpat-"],
	"a Slack token": ["xox"],
	"a Slack webhook URL": ["hooks.slack.com/services/T"],
	"a Google API key": ["AIza"],
	"a Stripe key": ["_live_", "_test_"],
	"a Hugging Face token": ["hf_"],
	"an npm token": ["npm_"],
	"a SendGrid key": ["SG."],
	"an Azure storage account key": ["AccountKey="],
	"a JSON Web Token": ["eyJ"],
	"a URL with a password": ["://"],
}

# Each reference that strip_references removes starts with "$" or "{{".
_has_reference(value) if contains(value, "$")

_has_reference(value) if contains(value, "{{")

# strip_references(value) is value without the parts filled in later: $(VAR)
# (kubelet), ${VAR} (shells, envsubst) and {{ ... }} (templates); a URL whose
# user and password are references then has no userinfo left.
strip_references(value) := regex.replace(value, `\$\([^()]*\)|\$\{[^{}]*\}|\{\{.*?\}\}`, "") if _has_reference(value)

else := value if is_string(value)

# _any_marker matches a string that holds one of the markers (a test checks
# every marker). Most values checked (env values, short ConfigMap values) hold
# none, and one match of this pattern rejects them where walking _markers
# costs a step and a search per marker, about thirty per value.
_any_marker := `PRIVATE KEY-----|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox|hooks\.slack\.com/services/T|AIza|_live_|_test_|hf_|npm_|SG\.|AccountKey=|eyJ|://`

# A pattern matches in time proportional to the value times its size: past
# this length (values that are whole files) the markers' own substring
# searches are the cheaper test.
_marker_pattern_limit := 512

_may_hold_marker(s) if count(s) > _marker_pattern_limit

_may_hold_marker(s) if regex.match(_any_marker, s)

# known_formats_in(value) is the sorted list of descriptions of the known
# credential formats in a string (empty when none, or when it is no string).
known_formats_in(value) := sort({what |
	is_string(value)
	s := strip_references(value)
	_may_hold_marker(s)
	some what, ms in _markers
	some m in ms
	contains(s, m)
	regex.match(known_formats[what], s)
})

# has_known_format(value) holds when a string holds a known credential format.
# Markers are searched inline, not through a function: a call per format
# hashes the whole value for OPA's call cache.
has_known_format(value) if {
	is_string(value)
	s := strip_references(value)
	_may_hold_marker(s)
	some what, ms in _markers
	some m in ms
	contains(s, m)
	regex.match(known_formats[what], s)
}

# A name whose last word is the secret itself, so its value is what a person
# typed (dbPassword, MYSQL_ROOT_PASSWORD, MINIO_SECRET_KEY, db.pass, JWT_SECRET).
_typed_secret_name := `(?i)(password|passwd|passphrase|secret|secret[_.-]?key)$|(^|[_.-])(pass|pwd)$`

# value_is_credential(name, value) holds when a literal env value, ConfigMap
# value or flag value is a credential under that name (see the package
# description). value may contain references; what is left of it is judged.
value_is_credential(_, value) if has_known_format(value)

value_is_credential(name, value) if {
	secrets.secret_name(name)
	regex.match(_typed_secret_name, name)
	s := _judged(value)
	not _never_credential(s)
	not _short_number(s)
}

value_is_credential(name, value) if {
	secrets.secret_name(name)
	not regex.match(_typed_secret_name, name)
	s := _judged(value)
	not _never_credential(s)
	not _number(s)
	_generated_or_default(s)
}

_generated_or_default(s) if generated(s)

_generated_or_default(s) if default_password(s)

# What is judged: the value without references, surrounding space and quotes.
_judged(value) := trim(trim_space(strip_references(value)), `"'`) if is_string(value)

_never_credential("")

_never_credential(s) if regex.match(`(?i)^(true|false|yes|no|y|n|on|off|enabled?|disabled?|none|null|nil|n/a)$`, s)

# Quantities and durations: 256Mi, 30s, 1.5h, 80%.
_never_credential(s) if regex.match(`^[0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h|d|w|Ki|Mi|Gi|Ti|k|K|M|G|T|%)$`, s)

_never_credential(s) if regex.match(`^(/|\./|\.\./|~/|file://)`, s)

# A URL that has no userinfo (a URL with one is a known format, checked first).
_never_credential(s) if regex.match(`^[A-Za-z][A-Za-z0-9+.-]*://\S*$`, s)

# <password>, <your-token-here>: a placeholder the deployer must replace.
_never_credential(s) if regex.match(`^<[^<>]+>$`, s)

_number(s) if regex.match(`^[+-]?[0-9]+(\.[0-9]+)?$`, s)

# A password of four or more digits is a PIN-like password; fewer digits
# under a password name are flags (MYSQL_ALLOW_EMPTY_PASSWORD=1) or counts.
_short_number(s) if {
	_number(s)
	count(s) < 4
}

# default_password(s) holds for the well-known default and placeholder
# passwords that ship in charts and examples and work as typed (changeme is
# one: servers accept it, so whoever reads the manifest can log in).
default_password(s) if lower(s) in data.kubeward.config.defaultPasswords

# An identifier made of words: kebab, snake, dotted or path segments, each
# letters (any case, so Java class names such as SASLAuthenticationProvider
# pass; the price is that a random string of letters only is missed),
# letters with up to three trailing digits (redis7, node01), or at most four
# characters (k8s, v1, 2024). Hex, base64 and UUIDs mix digits into longer
# segments and are no identifiers.
_segment := `(?:[A-Za-z]+[0-9]{0,3}|[A-Za-z0-9]{1,4})`

_identifier := sprintf(`^%s(?:[-_./:@]%s)*$`, [_segment, _segment])

# identifier(s) holds for names such as etcd-cluster-k8s, harbor_registry_user
# or kubernetes.default.svc: configuration, not generated secrets.
identifier(s) if regex.match(_identifier, s)

# generated(s) holds when a string looks machine-generated: at least
# credentialMinLength characters of one word (no whitespace), not an
# identifier of words, and a Shannon entropy of at least
# credentialMinEntropy bits per character, which rules out redactions and
# fillers such as **************** that are neither words nor keys.
generated(s) if {
	count(s) >= data.kubeward.config.credentialMinLength
	count(s) <= 4096
	not regex.match(`\s`, s)
	not identifier(s)
	entropy(s) >= data.kubeward.config.credentialMinEntropy
}

# entropy(s) is the Shannon entropy of a string in bits per character,
# H = log2(n) - (1/n) * sum(c * log2(c)) over the count c of each character.
entropy(s) := h if {
	n := count(s)
	n > 0
	counts := [strings.count(s, ch) | some ch in {ch | some ch in split(s, "")}]

	# log2 per distinct count (a handful), not per character.
	h := log2(n) - (sum([x |
		some c in {c | some c in counts}
		x := (c * log2(c)) * count([1 | some d in counts; d == c])
	]) / n)
}

_ln2 := 0.6931471805599453

# log2(k) for an integer k >= 1 (OPA has no logarithm builtin): k = 2^m * r
# with r in [1, 2), and ln(r) = 2 * atanh(y), y = (r-1)/(r+1) <= 1/3, by its
# series to y^15 (error below 1e-9), in Horner form: a comprehension per
# term made entropy take milliseconds per string.
log2(k) := m + (_ln(k / p) / _ln2) if {
	powers := [p | some p in [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192]; p <= k]
	m := count(powers) - 1
	p := powers[m]
}

_ln(r) := (2 * y) * (1 + (y2 * ((1 / 3) + (y2 * ((1 / 5) + (y2 * ((1 / 7) + (y2 * ((1 / 9) + (y2 * ((1 / 11) + (y2 * ((1 / 13) + (y2 / 15)))))))))))))) if {
	y := (r - 1) / (r + 1)
	y2 := y * y
}
