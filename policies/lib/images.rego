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
	"repository": repository,
	"tag": m[3],
	"digest": m[4],
	"normalized": concat("/", [registry, repository]),
	"qualified": m[1] != "",
} if {
	is_string(ref)
	m := regex.find_all_string_submatch_n(_reference, ref, 1)[0]
	concat("", [m[1], m[2]]) != ""
	registry := _registry(m[1])
	repository := _repository(registry, m[2])
}

# _reference splits a reference in one match (every string matches): [1] the
# registry as written ("" when there is none), [2] the rest of the path, [3] the
# tag, [4] the digest. The registry is the first component when another follows
# and it holds "." or ":" or is "localhost"; the digest follows the first "@";
# the tag follows the last ":" after the last "/" before it. One builtin call
# where splitting and joining the components took some eighty steps per image,
# and each container's image is parsed on every object.
_reference := `(?s)^(?:([^/@]*[.:][^/@]*|localhost)/)?([^@]*?)(?::([^:/@]*))?(?:@(.*))?$`

_registry("") := "docker.io"

_registry("index.docker.io") := "docker.io"

_registry(written) := written if not written in {"", "index.docker.io"}

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
