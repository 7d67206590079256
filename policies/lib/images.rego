# METADATA
# title: Image reference helpers
# description: |
#   Container image references and the effective imagePullPolicy, as the
#   catalogue (section 1) and the API server's defaulting read them, plus the
#   predicates the IMG rules share so that one row can stand aside when
#   another reports the same container. Stable API for user policies:
#   data.kubeward.lib.images.
package kubeward.lib.images

# parse(ref) splits an image reference [registry/]path[:tag][@digest] into
#   {"registry", "repository", "tag", "digest", "normalized", "qualified"}:
# the digest is everything after the first "@", the tag what follows the last
# ":" of the last path component ("" when absent), and the first component is
# the registry only when there is another one after it and it contains "." or
# ":" or is "localhost". Otherwise the registry is docker.io, where a
# single-component repository lives under library/ (as the runtimes resolve
# it; upstream also maps index.docker.io to docker.io). normalized is
# registry/repository; qualified says whether the reference names its registry.
# Undefined unless ref is a string with a non-empty name (a missing image is
# invalid input, or a template value a controller fills in).
parse(ref) := {
	"registry": registry,
	"repository": _repository(registry, remainder),
	"tag": tag,
	"digest": digest,
	"normalized": concat("/", [registry, _repository(registry, remainder)]),
	"qualified": qualified,
} if {
	is_string(ref)
	ref != ""
	[name, digest] := _split_digest(ref)
	[path, tag] := _split_tag(name)
	path != ""
	[written, remainder, qualified] := _split_registry(path)
	registry := _registry(written)
}

_split_digest(ref) := [parts[0], concat("@", array.slice(parts, 1, count(parts)))] if {
	parts := split(ref, "@")
	count(parts) > 1
} else := [ref, ""]

# The tag can only be in the last component: a ":" before a "/" is a port.
_split_tag(name) := [concat("/", array.concat(dirs, [concat(":", array.slice(pieces, 0, count(pieces) - 1))])), pieces[count(pieces) - 1]] if {
	components := split(name, "/")
	dirs := array.slice(components, 0, count(components) - 1)
	pieces := split(components[count(components) - 1], ":")
	count(pieces) > 1
} else := [name, ""]

_split_registry(path) := [components[0], concat("/", array.slice(components, 1, count(components))), true] if {
	components := split(path, "/")
	count(components) > 1
	_is_registry(components[0])
} else := ["docker.io", path, false]

_is_registry(component) if contains(component, ".")

_is_registry(component) if contains(component, ":")

_is_registry("localhost")

_registry("index.docker.io") := "docker.io"

_registry(written) := written if written != "index.docker.io"

_repository(registry, remainder) := concat("/", ["library", remainder]) if {
	registry == "docker.io"
	not contains(remainder, "/")
}

else := remainder

# latest_tag(p): the parsed reference p uses the tag latest and no digest (IMG-001).
latest_tag(p) if {
	p.tag == "latest"
	p.digest == ""
}

# untagged(p): p has neither tag nor digest, so the runtime pulls latest (IMG-002).
untagged(p) if {
	p.tag == ""
	p.digest == ""
}

# mutable(p): IMG-001 or IMG-002 applies, i.e. p names a tag that moves.
mutable(p) if latest_tag(p)

mutable(p) if untagged(p)

# has_digest(p): p carries a digest (whatever its form).
has_digest(p) if p.digest != ""

# pinned(p): p carries a well-formed sha256 digest (IMG-003).
pinned(p) if regex.match(`^sha256:[a-f0-9]{64}$`, p.digest)

# explicit_pull_policy(container) is the imagePullPolicy the container sets
# (undefined when unset, null or not a non-empty string).
explicit_pull_policy(container) := v if {
	v := container.imagePullPolicy
	is_string(v)
	v != ""
}

# pull_policy(container) is the effective imagePullPolicy: the one set, else
# Always when the tag is latest or there is neither tag nor digest, else
# IfNotPresent (the API server's defaulting). Undefined when unset and the
# image is not a non-empty string.
pull_policy(container) := v if {
	v := explicit_pull_policy(container)
} else := "Always" if {
	parse(container.image).tag == "latest"
} else := "Always" if {
	untagged(parse(container.image))
} else := "IfNotPresent" if {
	parse(container.image)
}

# mutable_not_always_pulled(container): the image is mutable (IMG-001/002) and
# the container explicitly sets imagePullPolicy IfNotPresent or Never (IMG-004).
mutable_not_always_pulled(container) if {
	mutable(parse(container.image))
	explicit_pull_policy(container) in {"IfNotPresent", "Never"}
}

# prefixes(x) is the list of registry prefixes of a config value: a list of
# strings (other entries ignored; trailing "/" removed) or a single string.
prefixes(x) := [trim_right(prefix, "/") | some prefix in x; is_string(prefix)] if is_array(x)

else := [trim_right(x, "/")] if is_string(x)

else := []

# prefix_matches(prefix, p): prefix is p.normalized or a leading part of it
# that ends at a "/" (ghcr.io/acme matches ghcr.io/acme/app, not ghcr.io/acmex).
prefix_matches(prefix, p) if prefix == p.normalized

prefix_matches(prefix, p) if startswith(p.normalized, concat("", [prefix, "/"]))

# first_match(list, p) is the first entry of list that matches p.
first_match(list, p) := list[min({i | some i, prefix in list; prefix_matches(prefix, p)})]
