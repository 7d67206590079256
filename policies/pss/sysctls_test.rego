package kubeward.rules.pss.sysctls_test

import data.kubeward.rules.pss.sysctls

test_unsafe_sysctl_in_statefulset if {
	got := sysctls.deny with input as {"kind": "StatefulSet", "spec": {"template": {"spec": {"securityContext": {"sysctls": [
		{"name": "net.ipv4.tcp_syncookies", "value": "1"},
		{"name": "kernel.msgmax", "value": "65536"},
	]}}}}}
	got == {{
		"msg": "the pod sets the unsafe sysctl \"kernel.msgmax\" in securityContext.sysctls; remove it (only the safe sysctls are allowed).",
		"path": ["spec", "template", "spec", "securityContext", "sysctls", 1, "name"],
	}}
}

test_slash_form_and_missing_name_fail if {
	got := sysctls.deny with input as {"kind": "Pod", "spec": {"securityContext": {"sysctls": [
		{"name": "net/ipv4/tcp_rmem", "value": "1"},
		{"value": "1"},
	]}}}
	{f.path | some f in got} == {
		["spec", "securityContext", "sysctls", 0, "name"],
		["spec", "securityContext", "sysctls", 1, "name"],
	}
}

test_every_safe_sysctl_passes if {
	count(sysctls.deny) == 0 with input as {"kind": "Pod", "spec": {"securityContext": {"sysctls": [{"name": n, "value": "1"} |
		some n in [
			"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_local_reserved_ports",
			"net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
			"net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
			"net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
			"net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat",
		]
	]}}}
}

test_no_sysctls_passes if {
	count(sysctls.deny) == 0 with input as {"kind": "Pod", "spec": {"securityContext": {"sysctls": null}, "containers": [{"name": "a"}]}}
}
