# METADATA
# title: Label selector helpers
# description: |
#   Label selector semantics as the API server applies them (catalogue
#   section 1). Stable API for user policies: data.kubeward.lib.selectors.
package kubeward.lib.selectors

# matches(selector, labels) applies a LabelSelector (matchLabels and
# matchExpressions): every matchLabels pair equal and every expression holds.
# An empty selector {} matches everything; callers that treat a null or absent
# selector differently check that first.
matches(selector, labels) if {
	is_object(selector)
	every k, v in _or_empty(object.get(selector, "matchLabels", null)) {
		labels[k] == v
	}
	every e in _or_empty(object.get(selector, "matchExpressions", null)) {
		_expression(e, labels)
	}
}

# null and absent are the same to the API server.
_or_empty(x) := x if x != null

else := []

_expression(e, labels) if {
	e.operator == "In"
	_value_in(labels, e.key, e.values)
}

_expression(e, labels) if {
	e.operator == "NotIn"
	not _value_in(labels, e.key, e.values)
}

_expression(e, labels) if {
	e.operator == "Exists"
	_ = labels[e.key]
}

_expression(e, labels) if {
	e.operator == "DoesNotExist"
	not _has(labels, e.key)
}

_has(labels, key) if _ = labels[key]

# A helper, not an inline `not labels[k] in vs`: the compiler would hoist the
# lookup out of the negation and an absent key would make NotIn undefined.
_value_in(labels, key, values) if labels[key] in values

# map_matches(selector, labels) applies a plain map selector (Service,
# ReplicationController): every pair equal. An empty map matches everything.
map_matches(selector, labels) if {
	is_object(selector)
	every k, v in selector {
		labels[k] == v
	}
}
