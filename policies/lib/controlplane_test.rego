package kubeward.lib.controlplane_test

import data.kubeward.lib.controlplane as cp

pod(containers) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "kube-system"}, "spec": {"containers": containers}}

# the one component of a one-container pod
only(container) := c if {
	cs := cp.components_of(pod([container]))
	count(cs) == 1
	some c in cs
}

api(args) := only({"name": "kube-apiserver", "command": array.concat(["kube-apiserver"], args)})

etcd_with(container) := only(object.union({"name": "etcd", "command": ["etcd"]}, container))

# --- Recognising components (C1) ---

test_component_by_argv0_basename if {
	only({"name": "x", "command": ["/usr/local/bin/kube-apiserver", "--a=b"]}).component == "kube-apiserver"
	only({"name": "x", "command": ["kube-controller-manager"]}).component == "kube-controller-manager"
	only({"name": "x", "command": ["kube-scheduler"]}).component == "kube-scheduler"
	only({"name": "x", "command": ["etcd"]}).component == "etcd"
}

test_component_command_plus_args if {
	c := only({"name": "x", "command": ["kube-apiserver"], "args": ["--profiling=false"]})
	c.flags == [{
		"name": "profiling", "value": "false", "known": true, "display": "--profiling=false",
		"path": ["spec", "containers", 0, "args", 0],
	}]
	c.missing_path == ["spec", "containers", 0, "command"]
}

test_component_binary_in_args_without_command if {
	c := only({"name": "x", "args": ["kube-scheduler", "--profiling=false"]})
	c.component == "kube-scheduler"
	[o.path | some o in c.flags] == [["spec", "containers", 0, "args", 1]]
	c.missing_path == ["spec", "containers", 0, "args"]
}

test_component_sh_c_is_split if {
	c := only({"name": "x", "command": ["/bin/sh", "-c", "  kube-apiserver   --profiling=false\t--anonymous-auth=false "]})
	c.component == "kube-apiserver"
	[[o.name, o.value, o.path] | some o in c.flags] == [
		["profiling", "false", ["spec", "containers", 0, "command", 2]],
		["anonymous-auth", "false", ["spec", "containers", 0, "command", 2]],
	]
}

test_component_sh_c_across_command_and_args if {
	c := only({"name": "x", "command": ["bash", "-c"], "args": ["etcd --client-cert-auth=true"]})
	c.component == "etcd"
	[o.path | some o in c.flags] == [["spec", "containers", 0, "args", 0]]
}

test_sh_c_with_more_items_is_not_split if {
	count(cp.components_of(pod([{"name": "kube-apiserver", "command": ["sh", "-c", "kube-apiserver", "x"]}]))) == 0
}

test_entrypoint_by_container_name if {
	c := only({"name": "kube-apiserver", "image": "example.com/custom:1", "args": ["--profiling=false"]})
	c.component == "kube-apiserver"
	[o.path | some o in c.flags] == [["spec", "containers", 0, "args", 0]]
}

test_entrypoint_by_image_repository if {
	only({"name": "ctl", "image": "registry.k8s.io/kube-controller-manager:v1.34.1", "args": ["--profiling=false"]}).component == "kube-controller-manager"
	only({"name": "store", "image": "quay.io/coreos/etcd@sha256:abc", "args": ["-name=a"]}).component == "etcd"
}

test_entrypoint_needs_a_flag_first if {
	count(cp.components_of(pod([{"name": "kube-apiserver", "args": ["serve", "--x"]}]))) == 0
	count(cp.components_of(pod([{"name": "kube-apiserver"}]))) == 0
	count(cp.components_of(pod([{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1"}]))) == 0
}

test_name_never_overrides_a_command if {
	count(cp.components_of(pod([{"name": "kube-apiserver", "image": "registry.k8s.io/kube-apiserver:v1", "command": ["/app/proxy"], "args": ["--x"]}]))) == 0
}

test_name_wins_over_image if {
	only({"name": "etcd", "image": "registry.k8s.io/kube-apiserver:v1", "args": ["--x"]}).component == "etcd"
}

test_other_containers_and_kinds_are_not_components if {
	count(cp.components_of(pod([{"name": "app", "image": "nginx", "command": ["nginx"]}]))) == 0
	count(cp.components_of({"kind": "Deployment", "spec": {"template": {"spec": {"containers": [{"name": "a", "command": ["kube-apiserver"]}]}}}})) == 0
}

test_every_container_list if {
	cs := cp.components_of({"kind": "Pod", "spec": {
		"initContainers": [{"name": "i", "command": ["kube-scheduler"]}],
		"containers": [{"name": "c", "command": ["kube-apiserver"]}],
	}})
	{[c.name, c.path] | some c in cs} == {
		["i", ["spec", "initContainers", 0]],
		["c", ["spec", "containers", 0]],
	}
}

test_wrong_types_are_ignored if {
	count(cp.components_of({"kind": "Pod", "spec": {"containers": {"a": {"command": ["kube-apiserver"]}}}})) == 0
	count(cp.components_of(pod(["kube-apiserver", {"name": 1, "command": "kube-apiserver"}]))) == 0
	c := only({"name": 7, "command": ["kube-apiserver", 3, "--profiling=false", null]})
	c.name == "<unnamed>"
	[o.name | some o in c.flags] == ["profiling"]
}

app_etcd(meta) := {"kind": "Pod", "metadata": meta, "spec": {"containers": [{"name": "etcd", "command": ["etcd"]}]}}

test_etcd_must_be_the_cluster_store if {
	count(cp.components_of(app_etcd({"namespace": "kube-system"}))) == 1
	count(cp.components_of(app_etcd({}))) == 1
	count(cp.components_of(app_etcd({"namespace": ""}))) == 1
	count(cp.components_of(app_etcd({"namespace": "db", "labels": {"component": "etcd"}}))) == 1
	count(cp.components_of(app_etcd({"namespace": "db", "labels": {"tier": "control-plane"}}))) == 1
	count(cp.components_of(app_etcd({"namespace": "db", "labels": {"app": "etcd"}}))) == 0
}

test_api_server_in_any_namespace if {
	count(cp.components_of({"kind": "Pod", "metadata": {"namespace": "tenant"}, "spec": {"containers": [{"name": "a", "command": ["kube-apiserver"]}]}})) == 1
}

test_components_of_input if {
	cp.components == cp.components_of(pod([{"name": "k", "command": ["kube-apiserver"]}])) with input as pod([{"name": "k", "command": ["kube-apiserver"]}])
	count(cp.apiservers) == 1 with input as pod([{"name": "k", "command": ["kube-apiserver"]}])
	count(cp.controller_managers) == 1 with input as pod([{"name": "k", "command": ["kube-controller-manager"]}])
	count(cp.schedulers) == 1 with input as pod([{"name": "k", "command": ["kube-scheduler"]}])
	count(cp.etcd_members) == 1 with input as pod([{"name": "k", "command": ["etcd"]}])
}

# --- Reading flags (C2) ---

test_flag_equals_value if {
	cp.value(api(["--etcd-servers=https://a:2379?x=y"]), "etcd-servers") == "https://a:2379?x=y"
	cp.value(api(["--feature-gates=A=true"]), "feature-gates") == "A=true"
}

test_flag_space_value if {
	c := api(["--token-auth-file", "/etc/tokens.csv", "--profiling=false"])
	f := cp.flag(c, "token-auth-file")
	f.value == "/etc/tokens.csv"
	f.path == ["spec", "containers", 0, "command", 1]
	f.display == "--token-auth-file=/etc/tokens.csv"
	cp.bool_value(c, "profiling") == false
}

test_flag_does_not_take_a_flag_as_value if {
	c := api(["--token-auth-file", "--profiling=false"])
	cp.value(c, "token-auth-file") == ""
	not cp.is_set(c, "token-auth-file")
	cp.bool_value(c, "profiling") == false
}

test_flag_at_the_end_is_empty if {
	c := api(["--token-auth-file"])
	cp.flag(c, "token-auth-file").value == ""
	cp.unset_text(c, "token-auth-file") == "sets --token-auth-file to an empty value"
	cp.unset_path(c, "token-auth-file") == ["spec", "containers", 0, "command", 1]
}

test_lone_dash_is_a_value if {
	cp.value(api(["--audit-log-path", "-"]), "audit-log-path") == "-"
}

test_bare_boolean_never_takes_the_next_token if {
	c := api(["--profiling", "false"])
	cp.bool_value(c, "profiling") == true
	cp.value(c, "profiling") == "true"
}

test_parse_bool_like_go if {
	every s in ["1", "t", "T", "TRUE", "true", "True"] {
		cp.parse_bool(s) == true
	}
	every s in ["0", "f", "F", "FALSE", "false", "False"] {
		cp.parse_bool(s) == false
	}
	every s in ["yes", "", "tRUE", "no"] {
		not cp.parse_bool(s)
	}
	not cp.bool_value(api(["--profiling=yes"]), "profiling")
	not cp.bool_value(api([]), "profiling")
}

test_single_dash_only_for_etcd if {
	not cp.flag(api(["-profiling=false"]), "profiling")
	cp.value(etcd_with({"command": ["etcd", "-cert-file", "/a", "--key-file=/b"]}), "cert-file") == "/a"
	cp.value(etcd_with({"command": ["etcd", "-cert-file", "/a", "--key-file=/b"]}), "key-file") == "/b"
}

test_malformed_flags_are_ignored if {
	c := api(["---profiling=false", "--=x", "--", "--anonymous-auth=false"])
	count(c.flags) == 0
	cp.value(api(["-", "--profiling=false"]), "profiling") == "false"
}

test_double_dash_ends_the_flags if {
	c := api(["--profiling=false", "--", "--anonymous-auth=false"])
	[o.name | some o in c.flags] == ["profiling"]
}

test_underscores_normalised_for_kubernetes_binaries if {
	cp.value(api(["--anonymous_auth=false"]), "anonymous-auth") == "false"
	cp.value(etcd_with({"command": ["etcd", "--cert_file=/a"]}), "cert_file") == "/a"
	not cp.flag(etcd_with({"command": ["etcd", "--cert_file=/a"]}), "cert-file")
}

test_scalar_last_wins if {
	c := api(["--profiling=false", "--profiling=true"])
	cp.bool_value(c, "profiling") == true
	cp.flag(c, "profiling").path == ["spec", "containers", 0, "command", 2]
	count(cp.occurrences(c, "profiling")) == 2
}

test_lists_accumulate if {
	"enable-admission-plugins" in cp.list_flags
	c := api(["--enable-admission-plugins=A, B,,", "--enable-admission-plugins", "C"])
	cp.list_items(c, "enable-admission-plugins") == [
		{"value": "A", "path": ["spec", "containers", 0, "command", 1]},
		{"value": "B", "path": ["spec", "containers", 0, "command", 1]},
		{"value": "C", "path": ["spec", "containers", 0, "command", 2]},
	]
	cp.list_values(c, "enable-admission-plugins") == {"A", "B", "C"}
	cp.list_items(c, "disable-admission-plugins") == []
}

test_feature_gates_merge_later_key_wins if {
	c := api(["--feature-gates=A=true, B=false,C=maybe,=true", "--feature-gates", "A=false"])
	cp.feature_gate(c, "A") == {"key": "A", "value": false, "path": ["spec", "containers", 0, "command", 2]}
	cp.feature_gate(c, "B").value == false
	not cp.feature_gate(c, "C")
	not cp.feature_gate(c, "D")
}

test_unset_text if {
	cp.unset_text(api([]), "tls-cert-file") == "does not set --tls-cert-file"
	cp.unset_path(api([]), "tls-cert-file") == ["spec", "containers", 0, "command"]
	cp.unset_text(api(["--tls-cert-file="]), "tls-cert-file") == "sets --tls-cert-file to an empty value"
}

# --- etcd environment fallback ---

test_etcd_env_fallback if {
	c := etcd_with({"env": [
		{"name": "ETCD_CLIENT_CERT_AUTH", "value": "false"},
		{"name": "ETCD_CLIENT_CERT_AUTH", "value": "true"},
	]})
	cp.bool_value(c, "client-cert-auth") == true
	f := cp.flag(c, "client-cert-auth")
	f.path == ["spec", "containers", 0, "env", 1, "value"]
	f.display == "ETCD_CLIENT_CERT_AUTH=true"
	cp.env_name("peer-auto-tls") == "ETCD_PEER_AUTO_TLS"
}

test_etcd_flag_beats_env if {
	c := etcd_with({"command": ["etcd", "--client-cert-auth=true"], "env": [{"name": "ETCD_CLIENT_CERT_AUTH", "value": "false"}]})
	cp.bool_value(c, "client-cert-auth") == true
}

test_etcd_env_value_from_is_set_unknown if {
	c := etcd_with({"env": [{"name": "ETCD_CERT_FILE", "valueFrom": {"configMapKeyRef": {"name": "x", "key": "y"}}}]})
	cp.is_set(c, "cert-file")
	not cp.value(c, "cert-file")
	f := cp.flag(c, "cert-file")
	f.known == false
	f.path == ["spec", "containers", 0, "env", 0, "valueFrom"]
	cp.list_items(etcd_with({"env": [{"name": "ETCD_LISTEN_CLIENT_URLS", "valueFrom": {}}]}), "listen-client-urls") == []
}

test_etcd_env_empty_or_missing_value_is_unset if {
	c := etcd_with({"env": [{"name": "ETCD_CERT_FILE", "value": ""}, {"name": "ETCD_KEY_FILE"}]})
	not cp.is_set(c, "cert-file")
	not cp.is_set(c, "key-file")
	cp.unset_text(c, "key-file") == "sets ETCD_KEY_FILE to an empty value"
	cp.unset_path(c, "key-file") == ["spec", "containers", 0, "env", 1]
}

test_etcd_env_list if {
	c := etcd_with({"env": [{"name": "ETCD_LISTEN_CLIENT_URLS", "value": "http://10.0.0.1:2379, https://127.0.0.1:2379"}]})
	cp.list_values(c, "listen-client-urls") == {"http://10.0.0.1:2379", "https://127.0.0.1:2379"}
}

test_no_env_fallback_for_kubernetes_binaries if {
	not cp.flag(only({"name": "a", "command": ["kube-apiserver"], "env": [{"name": "ETCD_PROFILING", "value": "false"}]}), "profiling")
}

test_etcd_config_file_silences if {
	p := pod([{"name": "etcd", "command": ["etcd", "--config-file=/etc/etcd.yaml"]}])
	count(cp.etcd_members) == 0 with input as p
	q := pod([{"name": "etcd", "command": ["etcd"], "env": [{"name": "ETCD_CONFIG_FILE", "valueFrom": {}}]}])
	count(cp.etcd_members) == 0 with input as q
	r := pod([{"name": "etcd", "command": ["etcd", "--config-file="]}])
	count(cp.etcd_members) == 1 with input as r
}

# --- Admission (C3) ---

test_admission_defaults if {
	c := api([])
	"ServiceAccount" in cp.admission_plugins(c)
	"NamespaceLifecycle" in cp.admission_plugins(c)
	not "NodeRestriction" in cp.admission_plugins(c)
	cp.admission_off(c, "NodeRestriction") == {
		"path": ["spec", "containers", 0, "command"],
		"text": "does not set --enable-admission-plugins, so NodeRestriction is off (default); add --enable-admission-plugins=NodeRestriction",
	}
	not cp.admission_off(c, "ServiceAccount")
	not cp.admission_on(c, "ServiceAccount")
}

test_admission_enable_and_disable if {
	c := api(["--enable-admission-plugins=NodeRestriction,AlwaysAdmit", "--disable-admission-plugins=ServiceAccount,AlwaysAdmit"])
	"NodeRestriction" in cp.admission_plugins(c)
	not "ServiceAccount" in cp.admission_plugins(c)
	not "AlwaysAdmit" in cp.admission_plugins(c)
	cp.admission_off(c, "ServiceAccount").text == "lists ServiceAccount in --disable-admission-plugins; remove it from that list"
	cp.admission_off(c, "ServiceAccount").path == ["spec", "containers", 0, "command", 2]
	cp.admission_off(c, "AlwaysAdmit").text == "lists AlwaysAdmit in both --enable-admission-plugins and --disable-admission-plugins (the API server refuses to start; it counts as disabled); remove it from --disable-admission-plugins"
	cp.admission_off(c, "EventRateLimit") == {
		"path": ["spec", "containers", 0, "command", 1],
		"text": "does not list EventRateLimit in --enable-admission-plugins (off by default); add it",
	}
	cp.admission_on(c, "NodeRestriction") == {"value": "NodeRestriction", "path": ["spec", "containers", 0, "command", 1]}
	not cp.admission_on(c, "AlwaysAdmit")
}

test_admission_legacy_list_is_exact if {
	c := api(["--admission-control=NodeRestriction,AlwaysAdmit", "--enable-admission-plugins=ServiceAccount"])
	cp.admission_plugins(c) == {"NodeRestriction", "AlwaysAdmit"}
	cp.admission_off(c, "ServiceAccount") == {
		"path": ["spec", "containers", 0, "command", 1],
		"text": "sets --admission-control without ServiceAccount (that legacy list replaces the defaults); add ServiceAccount to it, or move to --enable-admission-plugins",
	}
	cp.admission_on(c, "AlwaysAdmit").path == ["spec", "containers", 0, "command", 1]

	# An empty legacy list is the same as none.
	"ServiceAccount" in cp.admission_plugins(api(["--admission-control="]))
}

# --- Values ---

test_loopback_hosts if {
	every h in ["127.0.0.1", "127.1.2.3", "::1", "localhost", "LOCALHOST", "0:0:0:0:0:0:0:1"] {
		cp.loopback_host(h)
	}
	every h in ["0::0:1", "::0001"] {
		cp.loopback_host(h)
	}
	every h in ["0.0.0.0", "", "10.0.0.1", "::", "128.0.0.1", "127.0.0.1.nip.io", "localhost.example.com", "300.0.0.1", "127.0.0.256", "127.0.0.01", "1::1", "::2", "0:0:0:0:0:0:1", "0:0:0:0:0:0:0:0:1", 3] {
		not cp.loopback_host(h)
	}
}

test_durations_like_go if {
	cp.duration_ns("0") == 0
	cp.duration_ns("1m0s") == 60000000000
	cp.duration_ns("+5m") == 300000000000
	cp.duration_ns("-1.5h") == -5400000000000
	cp.duration_ns("1h2m3.5s4ms5us6µs7ns") == 3723504011007
	cp.duration_ns(".5s") == 500000000
	cp.duration_ns("007.50ms") == 7500000
	cp.duration_ns("4h0m1s") > 14400000000000
	every s in ["", "60", "1d", "5 m", ".s", "1.5", "m", "-", 60] {
		not cp.duration_ns(s)
	}
}

test_urls if {
	cp.url_scheme("HTTP://a:1") == "http"
	cp.url_scheme("a:1") == ""
	cp.url_host("https://user:pw@[::1]:2379/x") == "::1"
	cp.url_host("http://10.0.0.1:2379") == "10.0.0.1"
	cp.url_host("http://localhost") == "localhost"
	cp.url_host("10.0.0.1:2379") == "10.0.0.1"
	cp.host_of(":10249") == ""
	cp.host_of("::1") == "::1"
	cp.redact_url("https://user:secret@etcd:2379") == "https://***@etcd:2379"
	cp.redact_url("https://etcd:2379/a@b") == "https://etcd:2379/a@b"
}

# --- Configuration kinds ---

test_config_kinds if {
	cp.is_kubelet_config({"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration"})
	not cp.is_kubelet_config({"apiVersion": "kubelet.config.k8s.io/v1", "kind": "KubeletConfiguration"})
	cp.is_kube_proxy_config({"apiVersion": "kubeproxy.config.k8s.io/v1alpha1", "kind": "KubeProxyConfiguration"})
	cp.is_audit_policy({"apiVersion": "audit.k8s.io/v1", "kind": "Policy"})
	not cp.is_audit_policy({"apiVersion": "kyverno.io/v1", "kind": "Policy"})
	not cp.is_audit_policy({"kind": "Policy"})
	cp.is_encryption_config({"apiVersion": "apiserver.config.k8s.io/v1", "kind": "EncryptionConfiguration"})
	cp.is_authorization_config({"apiVersion": "apiserver.config.k8s.io/v1beta1", "kind": "AuthorizationConfiguration"})
	cp.is_authentication_config({"apiVersion": "apiserver.config.k8s.io/v1", "kind": "AuthenticationConfiguration"})
	not cp.is_authentication_config({"apiVersion": 1, "kind": "AuthenticationConfiguration"})
}

test_kubeadm_run if {
	cp.kubeadm_run with data.kubeward.inventory as {"namespaced": {"default": {"ClusterConfiguration": {"": {"apiVersion": "kubeadm.k8s.io/v1beta4", "kind": "ClusterConfiguration"}}}}}
	not cp.kubeadm_run with data.kubeward.inventory as {"namespaced": {"default": {"ClusterConfiguration": {"": {"apiVersion": "example.com/v1", "kind": "ClusterConfiguration"}}}}}
	not cp.kubeadm_run with data.kubeward.inventory as {}
}

test_run_apiservers if {
	inv := {"namespaced": {"kube-system": {"Pod": {
		"kube-apiserver": pod([{"name": "kube-apiserver", "command": ["kube-apiserver", "--client-ca-file=/ca"]}]),
		"etcd": pod([{"name": "etcd", "command": ["etcd"]}]),
	}}}}
	{cp.value(c, "client-ca-file") | some c in cp.run_apiservers} == {"/ca"} with data.kubeward.inventory as inv
}

# --- Audit matching ---

test_audit_match_everything if {
	cp.audit_match({"level": "Metadata"}, "", "secrets") == "unconditional"
	cp.audit_match({"level": "Metadata", "users": []}, "", "pods/exec") == "unconditional"
	cp.audit_match({"level": "Metadata", "verbs": ["get"]}, "", "secrets") == "conditional"
	not cp.audit_match({"level": "Metadata", "nonResourceURLs": ["/healthz"]}, "", "secrets")
	cp.audit_selector_free({"level": "Metadata", "users": []})
	not cp.audit_selector_free({"level": "Metadata", "nonResourceURLs": ["/*"]})
}

test_audit_match_resources if {
	r := {"level": "Request", "resources": [{"group": "", "resources": ["secrets", "pods/*", "*/proxy"]}]}
	cp.audit_match(r, "", "secrets") == "unconditional"
	not cp.audit_match(r, "authentication.k8s.io", "secrets")
	cp.audit_match(r, "", "pods/exec") == "unconditional"
	cp.audit_match(r, "", "services/proxy") == "unconditional"
	not cp.audit_match(r, "", "configmaps")
	not cp.audit_match({"resources": [{"resources": ["pods"]}]}, "", "pods/exec")
	cp.audit_match({"resources": [{"resources": ["secrets/*"]}]}, "", "secrets") == "unconditional"
	cp.audit_match({"resources": [{}]}, "", "configmaps") == "unconditional"
	cp.audit_match({"resources": [{"group": "authentication.k8s.io", "resources": ["*"]}]}, "authentication.k8s.io", "tokenreviews") == "unconditional"
	cp.audit_match({"resources": [{"group": "", "resources": ["secrets"], "resourceNames": ["a"]}]}, "", "secrets") == "conditional"
	cp.audit_match({"namespaces": ["kube-system"], "resources": [{"resources": ["secrets"]}]}, "", "secrets") == "conditional"
	not cp.audit_match({"resources": ["secrets", {"group": 1, "resources": ["secrets"]}]}, "", "secrets")
}

test_audit_reached_stops_at_first_unconditional_match if {
	policy := {"rules": [
		{"level": "RequestResponse", "users": ["admin"]},
		"not a rule",
		{"level": "None", "resources": [{"resources": ["configmaps"]}]},
		{"level": "Metadata"},
		{"level": "Request"},
	]}
	[[m.index, m.match] | some m in cp.audit_reached(policy, "", "secrets")] == [[0, "conditional"], [3, "unconditional"]]
	[m.index | some m in cp.audit_reached(policy, "", "configmaps")] == [0, 2]
	[m.index | some m in cp.audit_reached({"rules": [{"level": "Request", "verbs": ["get"]}]}, "", "secrets")] == [0]
	cp.audit_reached({}, "", "secrets") == []
	cp.audit_level({"level": "None"}) == "None"
	cp.audit_level({"level": 3}) == ""
}
