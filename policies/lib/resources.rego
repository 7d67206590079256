# METADATA
# title: Container resource helpers
# description: |
#   Whether a container declares its CPU and memory requirements (catalogue
#   section 1, "Resources"): an unset request whose limit is set defaults to
#   the limit, so it is not missing. Rules that report a missing request and a
#   missing limit call the same predicates so that one problem gives one finding.
#   Stable API for user policies: data.kubeward.lib.resources.
package kubeward.lib.resources

# is_set(c, kind, res) holds when the element c of data.kubeward.lib.pods.containers
# sets resources.<kind>.<res> (kind "requests" or "limits", res "cpu" or "memory")
# to a value other than null.
is_set(c, kind, res) if {
	v := c.container.resources[kind][res]
	v != null
}

# requirement_missing(c, res) holds when c sets neither resources.requests.<res>
# nor resources.limits.<res>: Kubernetes then reserves nothing for it.
requirement_missing(c, res) if {
	not is_set(c, "requests", res)
	not is_set(c, "limits", res)
}

# limit_missing(c, res) holds when c does not set resources.limits.<res>.
limit_missing(c, res) if not is_set(c, "limits", res)

# path(c, kind, res) is the path of resources.<kind>.<res> of c.
path(c, kind, res) := array.concat(c.path, ["resources", kind, res])
