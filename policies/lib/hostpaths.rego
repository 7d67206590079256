# METADATA
# title: hostPath helpers
# description: |
#   hostPath volumes and the container mounts that use them, with the host path
#   normalised, and the predicates that tell which pod row reports a mount
#   (catalogue section 3: POD-011 runtime socket, then POD-012 sensitive path,
#   then POD-013 writable mount), so that one mount gets one finding.
#   Stable API for user policies: data.kubeward.lib.hostpaths.
package kubeward.lib.hostpaths

import data.kubeward.lib.pods

# normalize(p) is an absolute host path with runs of "/" collapsed, "."
# components dropped and the trailing "/" removed ("/" stays "/"). The OS
# resolves these spellings to the same file; ".." is rejected by the API
# server. Relative paths are returned unchanged.
normalize(p) := concat("", ["/", concat("/", [s | some s in split(p, "/"); s != ""; s != "."])]) if {
	is_string(p)
	startswith(p, "/")
} else := p

# Host paths of the container runtimes' sockets and the directories that hold them (POD-011).
runtime_sockets := {
	"/var/run/docker.sock", "/run/docker.sock",
	"/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock",
	"/var/run/crio/crio.sock", "/run/crio/crio.sock",
	"/var/run/cri-dockerd.sock",
	"/var/run", "/run", "/var/run/docker", "/var/run/containerd", "/run/containerd",
}

# Host directories that are sensitive together with everything under them (POD-012); "/" too.
sensitive_dirs := {
	"/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/root", "/sys", "/usr",
	"/var/lib/kubelet", "/var/lib/etcd", "/var/lib/docker", "/var/lib/containerd",
}

# is_runtime_socket(p) holds when host path p is a container runtime socket or its directory.
is_runtime_socket(p) if normalize(p) in runtime_sockets

# is_sensitive(p) holds when host path p is "/" or equals or lies under a sensitive directory.
is_sensitive(p) if normalize(p) == "/"

is_sensitive(p) if {
	n := normalize(p)
	some d in sensitive_dirs
	_under(n, d)
}

_under(n, d) if n == d

_under(n, d) if startswith(n, concat("", [d, "/"]))

# mounts holds every volumeMounts[k] of every container (ALL_CONTAINERS) whose
# volume is a hostPath volume, as
#   {"container": <pods.containers element>, "mount": <object>, "path": <path to the mount>,
#    "volume": <volume name>, "host_path": <hostPath.path as written, "" when not a string>}.
mounts contains x if {
	some c in pods.containers
	vms := c.container.volumeMounts
	is_array(vms)
	some k, m in vms
	is_object(m)
	some v in pods.volumes
	v.name == m.name
	is_object(v.volume.hostPath)
	x := {
		"container": c,
		"mount": m,
		"path": array.concat(c.path, ["volumeMounts", k]),
		"volume": v.name,
		"host_path": _host_path(v.volume.hostPath),
	}
}

_host_path(hp) := hp.path if is_string(hp.path)

else := ""

# socket_mount(x) holds when POD-011 reports the mount x (an element of mounts).
socket_mount(x) if is_runtime_socket(x.host_path)

# sensitive_mount(x) holds when POD-012 reports the mount x.
sensitive_mount(x) if {
	is_sensitive(x.host_path)
	not socket_mount(x)
}

# writable_mount(x) holds when POD-013 reports the mount x: not readOnly and
# not already reported by POD-011 or POD-012.
writable_mount(x) if {
	not x.mount.readOnly == true
	not socket_mount(x)
	not sensitive_mount(x)
}
