# METADATA
# title: Control-plane helpers
# description: |
#   Recognising the control-plane components in static Pods and reading their
#   command-line flags (catalogue-controlplane.md, C1 to C4), and recognising
#   the configuration kinds of the node and the API server. This is the only
#   place that parses flags: the CP rules call it.
#   Stable API for user policies: data.kubeward.lib.controlplane.
package kubeward.lib.controlplane

import data.kubeward.lib.images
import data.kubeward.lib.inventory
import data.kubeward.lib.pods

# The four components (C1).
apiserver := "kube-apiserver"

controller_manager := "kube-controller-manager"

scheduler := "kube-scheduler"

etcd := "etcd"

component_names := {apiserver, controller_manager, scheduler, etcd}

# Boolean flags: bare, they mean true and never take the next token (pflag).
boolean_flags := {
	"anonymous-auth", "profiling", "service-account-lookup",
	"service-account-extend-token-expiration", "use-service-account-credentials",
	"client-cert-auth", "peer-client-cert-auth", "auto-tls", "peer-auto-tls",
}

# Flags whose values accumulate across repeats, split on commas (C2). Any flag
# can be read as a list with list_items; these are the ones that are lists.
list_flags := {
	"enable-admission-plugins", "disable-admission-plugins", "admission-control",
	"authorization-mode", "tls-cipher-suites", "etcd-servers",
	"service-account-key-file", "listen-client-urls",
}

_shells := {"sh", "bash", "ash", "dash"}

# basename(s) is what follows the last "/" of s.
basename(s) := parts[count(parts) - 1] if {
	is_string(s)
	parts := split(s, "/")
}

_items(obj, field) := v if {
	v := obj[field]
	is_array(v)
} else := []

# argv(container) is command + args as a list of {"s": token, "rel": [field, index]}
# (rel locates the token's item in the container). [sh|bash|ash|dash, -c, S] is
# replaced by S split on whitespace, every word located at S's item.
argv(container) := words if {
	raw := _raw_argv(container)
	count(raw) == 3
	basename(raw[0].s) in _shells
	raw[1].s == "-c"
	is_string(raw[2].s)
	words := [{"s": w, "rel": raw[2].rel} | some w in regex.split(`\s+`, raw[2].s); w != ""]
} else := _raw_argv(container)

_raw_argv(container) := array.concat(
	[{"s": s, "rel": ["command", i]} | some i, s in _items(container, "command")],
	[{"s": s, "rel": ["args", i]} | some i, s in _items(container, "args")],
)

# identify(container) is {"component": B, "tokens": the flag tokens} when the
# container runs component B: basename(argv[0]) is B (the tokens are argv[1:]),
# or command is empty, args[0] is a flag and the container name or the image
# repository's last segment is B (the image ENTRYPOINT; the tokens are args).
identify(container) := {"component": b, "tokens": array.slice(av, 1, count(av))} if {
	av := argv(container)
	b := basename(av[0].s)
	b in component_names
} else := {"component": b, "tokens": _raw_argv(container)} if {
	count(_items(container, "command")) == 0
	first := _items(container, "args")[0]
	is_string(first)
	startswith(first, "-")
	b := _entrypoint_component(container)
}

_entrypoint_component(container) := container.name if {
	container.name in component_names
} else := b if {
	repository := images.parse(container.image).repository
	b := basename(repository)
	b in component_names
}

# cluster_store_pod(obj) holds when an etcd container of obj is the cluster's
# store: obj is in kube-system or has no namespace, or is labelled
# component: etcd or tier: control-plane.
cluster_store_pod(obj) if not _namespaced(obj)

cluster_store_pod(obj) if obj.metadata.namespace == "kube-system"

cluster_store_pod(obj) if obj.metadata.labels.component == "etcd"

cluster_store_pod(obj) if obj.metadata.labels.tier == "control-plane"

_namespaced(obj) if {
	ns := obj.metadata.namespace
	is_string(ns)
	ns != ""
}

_counts(_, b) if b != etcd

_counts(obj, b) if {
	b == etcd
	cluster_store_pod(obj)
}

# components_of(obj) is the set of component containers of a Pod, each
#   {"component": B, "name": container name, "container": the container,
#    "path": path of the container, "flags": [occurrence, ...] in order,
#    "missing_path": where a missing flag is reported (C6)}
# where an occurrence is {"name", "value", "path", "known": true, "display"}.
components_of(obj) := {c |
	obj.kind == "Pod"
	spec := pods.spec_of(obj)
	some field in pods.container_fields
	some i, container in _items(spec, field)
	is_object(container)
	id := identify(container)
	_counts(obj, id.component)
	path := array.concat(pods.spec_path_of(obj), [field, i])
	c := {
		"component": id.component,
		"name": _name(container),
		"container": container,
		"path": path,
		"flags": _parse(id.tokens, id.component, path),
		"missing_path": array.concat(path, [_missing_field(container)]),
	}
}

_name(container) := container.name if is_string(container.name)

else := "<unnamed>"

_missing_field(container) := "command" if count(_items(container, "command")) > 0

else := "args"

# The components of the object under review.
components := components_of(input)

apiservers := {c | some c in components; c.component == apiserver}

controller_managers := {c | some c in components; c.component == controller_manager}

schedulers := {c | some c in components; c.component == scheduler}

# etcd_members are the etcd components whose flags count: with --config-file
# (or ETCD_CONFIG_FILE), etcd ignores flags and environment, so they do not.
etcd_members := {c |
	some c in components
	c.component == etcd
	not is_set(c, "config-file")
}

# run_apiservers are the API server components of every Pod in the run.
run_apiservers contains c if {
	some ns in inventory.namespaces
	some obj in inventory.objects(ns, "Pod")
	some c in components_of(obj)
	c.component == apiserver
}

# --- Flag parsing (C2) ---

_parse(tokens, b, path) := [o |
	some j, t in tokens
	j < _end(tokens)
	f := _flag_at(tokens, j, b)
	o := {
		"name": f.name,
		"value": f.value,
		"path": array.concat(path, t.rel),
		"known": true,
		"display": sprintf("--%s=%s", [f.name, f.value]),
	}
]

# A bare "--" ends the flags.
_end(tokens) := ends[0] if {
	ends := [j | some j, t in tokens; t.s == "--"]
	count(ends) > 0
} else := count(tokens)

_flag_at(tokens, j, b) := {"name": _norm(substring(body, 0, i), b), "value": substring(body, i + 1, -1)} if {
	body := _flag_body(tokens[j].s, b)
	i := indexof(body, "=")
	i > 0
} else := {"name": n, "value": "true"} if {
	body := _flag_body(tokens[j].s, b)
	not contains(body, "=")
	n := _norm(body, b)
	n in boolean_flags
} else := {"name": _norm(body, b), "value": v} if {
	body := _flag_body(tokens[j].s, b)
	not contains(body, "=")
	v := tokens[j + 1].s
	_takes(v)
} else := {"name": _norm(body, b), "value": ""} if {
	body := _flag_body(tokens[j].s, b)
	not contains(body, "=")
}

# The flag name (and "=value") of a token: "--name" for every component, also
# "-name" for etcd.
_flag_body(s, b) := body if {
	is_string(s)
	startswith(s, "--")
	body := substring(s, 2, -1)
	_valid_body(body)
} else := body if {
	b == etcd
	is_string(s)
	startswith(s, "-")
	body := substring(s, 1, -1)
	_valid_body(body)
}

_valid_body(body) if {
	body != ""
	not startswith(body, "-")
	not startswith(body, "=")
}

# A following token is a value unless it looks like a flag; a lone "-" is
# never a flag (stdout for --audit-log-path), so it is a value.
_takes(v) if {
	is_string(v)
	not startswith(v, "-")
}

_takes("-")

# Kubernetes binaries normalise "_" in flag names to "-" (WordSepNormalizeFunc).
_norm(n, b) := n if b == etcd

else := replace(n, "_", "-")

# occurrences(c, name) are the flag's occurrences, in order.
occurrences(c, name) := [o | some o in c.flags; o.name == name]

# flag(c, name) is the flag's effective setting: its last occurrence, or for
# etcd the ETCD_<NAME> environment variable of the container. Undefined when
# absent. Fields: "value", "path", "known" (false for an env valueFrom, whose
# value is unknown), "display" (how it is written, for messages).
flag(c, name) := o if {
	occ := occurrences(c, name)
	count(occ) > 0
	o := occ[count(occ) - 1]
} else := e if {
	c.component == etcd
	e := _env_flag(c, name)
}

# env_name(name) is the etcd environment variable of a flag.
env_name(name) := concat("", ["ETCD_", upper(replace(name, "-", "_"))])

_env_flag(c, name) := x if {
	key := env_name(name)
	entries := [[k, e] | some k, e in _items(c.container, "env"); is_object(e); e.name == key]
	count(entries) > 0
	[k, e] := entries[count(entries) - 1]
	x := _env_value(c.path, key, k, e)
}

_env_value(path, key, k, e) := {
	"name": key, "value": "", "known": false,
	"path": array.concat(path, ["env", k, "valueFrom"]),
	"display": sprintf("%s (from valueFrom)", [key]),
} if {
	e.valueFrom != null
} else := {
	"name": key, "value": e.value, "known": true,
	"path": array.concat(path, ["env", k, "value"]),
	"display": sprintf("%s=%s", [key, e.value]),
} if {
	is_string(e.value)
} else := {
	"name": key, "value": "", "known": true,
	"path": array.concat(path, ["env", k]),
	"display": sprintf("%s=", [key]),
}

# value(c, name) is the flag's value when it is set and known.
value(c, name) := f.value if {
	f := flag(c, name)
	f.known
}

# is_set(c, name) holds when the flag is set to a non-empty (or unknown)
# value. An empty value means the same as unset for every flag used here.
is_set(c, name) if {
	f := flag(c, name)
	not _known_empty(f)
}

_known_empty(f) if {
	f.known
	f.value == ""
}

# unset_text(c, name) says how an unset flag is (not) written, for messages:
# "does not set --x", or "sets --x to an empty value".
unset_text(c, name) := sprintf("sets %s to an empty value", [_label(f)]) if {
	f := flag(c, name)
} else := sprintf("does not set --%s", [name])

# unset_path(c, name) is where an unset flag is reported: the empty item, or
# command (args when command is empty) when it is absent (C6).
unset_path(c, name) := f.path if {
	f := flag(c, name)
} else := c.missing_path

_label(f) := f.name if startswith(f.name, "ETCD_")

else := sprintf("--%s", [f.name])

# parse_bool(s) reads s like Go's strconv.ParseBool; undefined when invalid.
parse_bool(s) if s in {"1", "t", "T", "TRUE", "true", "True"}

else := false if s in {"0", "F", "FALSE", "False", "f", "false"}

# bool_value(c, name) is a boolean flag's value; undefined when absent,
# unknown or invalid (the component would refuse to start).
bool_value(c, name) := parse_bool(value(c, name))

# list_items(c, name) accumulates every occurrence of a list flag, split on
# commas, trimmed, empty items dropped: [{"value", "path"}, ...]. For etcd an
# absent flag falls back to its environment variable; [] when absent or unknown.
list_items(c, name) := items if {
	occ := occurrences(c, name)
	count(occ) > 0
	items := [{"value": v, "path": o.path} |
		some o in occ
		some s in split(o.value, ",")
		v := trim_space(s)
		v != ""
	]
} else := items if {
	c.component == etcd
	e := _env_flag(c, name)
	e.known
	items := [{"value": v, "path": e.path} |
		some s in split(e.value, ",")
		v := trim_space(s)
		v != ""
	]
} else := []

# list_values(c, name) is the set of a list flag's items.
list_values(c, name) := {i.value | some i in list_items(c, name)}

# feature_gate(c, key) is {"value": bool, "path"} for a key of --feature-gates
# (K=bool pairs; repeats merge, the later key wins); undefined when unset.
feature_gate(c, key) := gs[count(gs) - 1] if {
	gs := [g | some g in _gates(c); g.key == key]
	count(gs) > 0
}

_gates(c) := [{"key": k, "value": v, "path": o.path} |
	some o in occurrences(c, "feature-gates")
	some s in split(o.value, ",")
	kv := trim_space(s)
	i := indexof(kv, "=")
	i > 0
	k := trim_space(substring(kv, 0, i))
	v := parse_bool(trim_space(substring(kv, i + 1, -1)))
]

# --- Admission (C3) ---

# The plugins the API server enables by default (1.32 to 1.34).
default_admission_plugins := {
	"NamespaceLifecycle", "LimitRanger", "ServiceAccount", "TaintNodesByCondition",
	"PodSecurity", "Priority", "DefaultTolerationSeconds", "DefaultStorageClass",
	"StorageObjectInUseProtection", "PersistentVolumeClaimResize", "RuntimeClass",
	"CertificateApproval", "CertificateSigning", "ClusterTrustBundleAttest",
	"CertificateSubjectRestriction", "DefaultIngressClass", "PodTopologyLabels",
	"MutatingAdmissionPolicy", "MutatingAdmissionWebhook",
	"ValidatingAdmissionPolicy", "ValidatingAdmissionWebhook", "ResourceQuota",
}

_legacy_admission(c) if count(list_items(c, "admission-control")) > 0

# admission_plugins(c) is the effective admission set: exactly the legacy
# --admission-control list when given, else (default-on + enabled) - disabled.
# A plugin both enabled and disabled stops the API server; it counts as disabled.
admission_plugins(c) := list_values(c, "admission-control") if {
	_legacy_admission(c)
} else := (default_admission_plugins | list_values(c, "enable-admission-plugins")) - list_values(c, "disable-admission-plugins")

# admission_off(c, p) explains why plugin p is not in the effective set:
# {"path", "text"}; text follows the container name in a message and says what
# to do. Undefined when p is on.
admission_off(c, p) := x if {
	not p in admission_plugins(c)
	x := _admission_off(c, p)
}

_admission_off(c, p) := {
	"path": f.path,
	"text": sprintf("sets --admission-control without %s (that legacy list replaces the defaults); add %s to it, or move to --enable-admission-plugins", [p, p]),
} if {
	_legacy_admission(c)
	f := flag(c, "admission-control")
} else := {
	"path": _first_item(c, "disable-admission-plugins", p).path,
	"text": sprintf("lists %s in both --enable-admission-plugins and --disable-admission-plugins (the API server refuses to start; it counts as disabled); remove it from --disable-admission-plugins", [p]),
} if {
	p in list_values(c, "enable-admission-plugins")
} else := {
	"path": _first_item(c, "disable-admission-plugins", p).path,
	"text": sprintf("lists %s in --disable-admission-plugins; remove it from that list", [p]),
} if {
	p in list_values(c, "disable-admission-plugins")
} else := {
	"path": f.path,
	"text": sprintf("does not list %s in --enable-admission-plugins (off by default); add it", [p]),
} if {
	f := flag(c, "enable-admission-plugins")
} else := {
	"path": c.missing_path,
	"text": sprintf("does not set --enable-admission-plugins, so %s is off (default); add --enable-admission-plugins=%s", [p, p]),
}

# admission_on(c, p) is the item that turns plugin p on ({"value", "path"}):
# in --enable-admission-plugins, or in the legacy list. Undefined otherwise.
admission_on(c, p) := _first_item(c, "admission-control", p) if {
	_legacy_admission(c)
	p in admission_plugins(c)
} else := _first_item(c, "enable-admission-plugins", p) if {
	p in admission_plugins(c)
}

_first_item(c, name, v) := items[0] if {
	items := [i | some i in list_items(c, name); i.value == v]
	count(items) > 0
}

# --- Values ---

# loopback_host(h) holds for localhost and loopback IP addresses (127.0.0.0/8,
# ::1 in any spelling).
loopback_host(h) if {
	is_string(h)
	lower(h) == "localhost"
}

loopback_host(h) if {
	is_string(h)
	regex.match(`^127\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){2}$`, h)
}

loopback_host(h) if {
	is_string(h)
	groups := split(h, ":")
	count(groups) >= 3
	count(groups) <= 8
	_full_or_compressed(h, groups)
	regex.match(`^0{0,3}1$`, groups[count(groups) - 1])
	every g in array.slice(groups, 0, count(groups) - 1) {
		regex.match(`^0{0,4}$`, g)
	}
}

_full_or_compressed(h, _) if contains(h, "::")

_full_or_compressed(_, groups) if count(groups) == 8

# duration_ns(s) is a Go duration string (time.ParseDuration) in nanoseconds;
# undefined when s is not one. Computed here: the built-in errors on bad input.
duration_ns(s) := _sign(s) * sum([n |
	some p in regex.find_all_string_submatch_n(`([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)`, s, -1)
	n := _decimal(p[1]) * _unit_ns[p[2]]
]) if {
	is_string(s)
	regex.match(`^[-+]?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$`, s)
}

_unit_ns := {
	"ns": 1, "us": 1000, "µs": 1000, "μs": 1000, "ms": 1000000,
	"s": 1000000000, "m": 60000000000, "h": 3600000000000,
}

_sign(s) := -1 if startswith(s, "-")

else := 1

_decimal(n) := to_number(_integer_digits(parts[0])) + _fraction(parts) if parts := split(n, ".")

_integer_digits(i) := d if {
	d := regex.replace(i, `^0+`, "")
	d != ""
} else := "0"

_fraction(parts) := to_number(concat("", ["0.", parts[1]])) if {
	count(parts) == 2
	parts[1] != ""
} else := 0

# url_scheme(u) is the lower-cased scheme of a URL ("" without one).
url_scheme(u) := lower(substring(u, 0, indexof(u, "://"))) if {
	indexof(u, "://") > 0
} else := ""

# url_host(u) is the host of a URL, without userinfo, port or brackets.
url_host(u) := host_of(authority) if {
	rest := _after_scheme(u)
	authority := _after_userinfo(split(rest, "/")[0])
}

_after_scheme(u) := substring(u, indexof(u, "://") + 3, -1) if indexof(u, "://") >= 0

else := u

_after_userinfo(a) := parts[count(parts) - 1] if parts := split(a, "@")

# host_of(hostport) is the host of "host:port", "[v6]:port", "host" or a bare
# IPv6 address.
host_of(hp) := substring(hp, 1, indexof(hp, "]") - 1) if {
	startswith(hp, "[")
	indexof(hp, "]") > 0
} else := substring(hp, 0, indexof(hp, ":")) if {
	count(indexof_n(hp, ":")) == 1
} else := hp

# redact_url(u) hides the userinfo of a URL, so that messages never print a password.
redact_url(u) := regex.replace(u, `^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@`, "${1}***@")

# Cipher suites CIS accepts for the API server (CP-017) and the kubelet (CP-038).
# Go spells the ECDHE CHACHA20 suites with and without _SHA256; both are listed.
kubelet_cipher_suites := {
	"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
	"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
	"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
	"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
}

apiserver_cipher_suites := kubelet_cipher_suites | {
	"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
}

weak_tls_versions := {"VersionTLS10", "VersionTLS11"}

# --- Configuration kinds (C1) ---

_group(obj) := split(obj.apiVersion, "/")[0] if is_string(obj.apiVersion)

is_kubelet_config(obj) if {
	obj.kind == "KubeletConfiguration"
	obj.apiVersion == "kubelet.config.k8s.io/v1beta1"
}

is_kube_proxy_config(obj) if {
	obj.kind == "KubeProxyConfiguration"
	obj.apiVersion == "kubeproxy.config.k8s.io/v1alpha1"
}

# is_audit_policy(obj): kind Policy is also the name of other groups' kinds.
is_audit_policy(obj) if {
	obj.kind == "Policy"
	obj.apiVersion == "audit.k8s.io/v1"
}

is_encryption_config(obj) if {
	obj.kind == "EncryptionConfiguration"
	obj.apiVersion == "apiserver.config.k8s.io/v1"
}

is_authorization_config(obj) if {
	obj.kind == "AuthorizationConfiguration"
	_group(obj) == "apiserver.config.k8s.io"
}

is_authentication_config(obj) if {
	obj.kind == "AuthenticationConfiguration"
	_group(obj) == "apiserver.config.k8s.io"
}

_kubeadm_kinds := {"InitConfiguration", "JoinConfiguration", "ClusterConfiguration"}

# kubeadm_run holds when the run holds a kubeadm Init-, Join- or
# ClusterConfiguration: kubeadm then writes the KubeletConfiguration with its
# own defaults (C4: clientCAFile = the cluster CA, rotateCertificates: true).
# The engine does not tell rules which file an object came from, so "the same
# file" of the catalogue is read as "the same run".
kubeadm_run if {
	some ns in inventory.namespaces
	some kind in _kubeadm_kinds
	some obj in inventory.objects(ns, kind)
	_group(obj) == "kubeadm.k8s.io"
}

# --- Audit policy matching (CP-045, CP-046) ---

audit_payload_levels := {"Request", "RequestResponse"}

_nonempty(x) if {
	is_array(x)
	count(x) > 0
}

# audit_rules(policy) is the policy's rules, {"index", "rule"} per object rule.
audit_rules(policy) := [{"index": i, "rule": r} | some i, r in _items(policy, "rules"); is_object(r)]

# audit_selector_free(r): the rule has none of users, userGroups, verbs,
# resources, namespaces and nonResourceURLs (an empty list selects everything).
audit_selector_free(r) if {
	every key in ["users", "userGroups", "verbs", "resources", "namespaces", "nonResourceURLs"] {
		not _nonempty(object.get(r, key, null))
	}
}

# audit_match(r, g, res) says whether rule r can match resource res (R or
# R/SUB) of group g (core ""): "unconditional" when r has no users,
# userGroups, verbs or namespaces and matches through an entry without
# resourceNames (or has no resources at all), else "conditional". Undefined
# when r cannot match. Matching follows the API server (resource "R/*" also
# matches R itself, as upstream does).
audit_match(r, g, res) := "unconditional" if {
	_audit_matches(r, g, res, false)
	_no_request_selectors(r)
} else := "conditional" if {
	_audit_matches(r, g, res, true)
}

_no_request_selectors(r) if {
	every key in ["users", "userGroups", "verbs", "namespaces"] {
		not _nonempty(object.get(r, key, null))
	}
}

_audit_matches(r, _, _, _) if {
	not _nonempty(object.get(r, "resources", null))
	not _nonempty(object.get(r, "nonResourceURLs", null))
}

_audit_matches(r, g, res, names_ok) if {
	some entry in r.resources
	is_object(entry)
	_entry_group(entry) == g
	_names_allowed(entry, names_ok)
	_entry_matches(entry, res)
}

_names_allowed(_, true)

_names_allowed(entry, false) if not _nonempty(object.get(entry, "resourceNames", null))

_entry_group(entry) := g if {
	g := entry.group
	is_string(g)
} else := "" if {
	object.get(entry, "group", null) == null
}

_entry_matches(entry, _) if not _nonempty(object.get(entry, "resources", null))

_entry_matches(entry, res) if {
	some pattern in entry.resources
	_pattern_matches(pattern, res)
}

_pattern_matches("*", _)

_pattern_matches(res, res)

_pattern_matches(pattern, res) if {
	[_, sub] := split(res, "/")
	pattern == concat("", ["*/", sub])
}

_pattern_matches(pattern, res) if {
	is_string(pattern)
	endswith(pattern, "/*")
	split(res, "/")[0] == trim_suffix(pattern, "/*")
}

# audit_reached(policy, g, res) is the list of rules a request for res of
# group g can reach, in order, up to and including the first unconditional
# match: [{"index", "rule", "match"}].
audit_reached(policy, g, res) := [m |
	some m in _matches(policy, g, res)
	m.index <= _stop(policy, g, res)
]

_matches(policy, g, res) := [{"index": x.index, "rule": x.rule, "match": audit_match(x.rule, g, res)} |
	some x in audit_rules(policy)
	audit_match(x.rule, g, res)
]

_stop(policy, g, res) := stops[0] if {
	stops := [m.index | some m in _matches(policy, g, res); m.match == "unconditional"]
	count(stops) > 0
} else := count(_items(policy, "rules"))

# audit_level(r) is a rule's level ("" when unset).
audit_level(r) := r.level if is_string(r.level)

else := ""

# audit_records_nothing(policy) holds when the policy has no rules or every
# rule has level None (CP-043; CP-044 and CP-046 stand aside then).
audit_records_nothing(policy) if count(audit_rules(policy)) == 0

audit_records_nothing(policy) if {
	count(audit_rules(policy)) > 0
	every x in audit_rules(policy) {
		audit_level(x.rule) == "None"
	}
}

# --- EncryptionConfiguration (CP-048 to CP-050) ---

encryption_provider_types := {"aescbc", "aesgcm", "secretbox", "kms", "identity"}

# encryption_key_providers keep their keys in the file.
encryption_key_providers := {"aescbc", "aesgcm", "secretbox"}

_covers_secrets := {"secrets", "*.", "*.*"}

# encryption_secrets_entry(ec) is the index of the first resources[] entry
# that covers core secrets (by "secrets", "*." or "*.*").
encryption_secrets_entry(ec) := idx[0] if {
	idx := [i |
		some i, r in _items(ec, "resources")
		is_object(r)
		some x in _items(r, "resources")
		x in _covers_secrets
	]
	count(idx) > 0
}

# provider_type(p) is the type of a providers[] item (its known key).
provider_type(p) := ts[0] if {
	is_object(p)
	ts := [k | some k, _ in p; k in encryption_provider_types]
	count(ts) > 0
}

# encryption_secrets_provider(ec) is the provider that writes Secrets (the
# first provider of the first entry covering them):
#   {"entry": i, "type": t, "provider": p, "path": [..., providers, 0]}.
encryption_secrets_provider(ec) := {
	"entry": i,
	"type": provider_type(p),
	"provider": p,
	"path": ["resources", i, "providers", 0],
} if {
	i := encryption_secrets_entry(ec)
	p := _items(ec.resources[i], "providers")[0]
}
