package kubeward.lib.selectors_test

import data.kubeward.lib.selectors

test_match_labels if {
	selectors.matches({"matchLabels": {"app": "a"}}, {"app": "a", "x": "y"})
	not selectors.matches({"matchLabels": {"app": "a"}}, {"app": "b"})
	not selectors.matches({"matchLabels": {"app": "a"}}, {})
}

test_empty_selector_matches_all if {
	selectors.matches({}, {"app": "a"})
	selectors.matches({}, {})
	not selectors.matches(null, {})
}

test_expressions if {
	labels := {"tier": "web", "env": "prod"}
	selectors.matches({"matchExpressions": [{"key": "tier", "operator": "In", "values": ["web", "api"]}]}, labels)
	not selectors.matches({"matchExpressions": [{"key": "tier", "operator": "In", "values": ["db"]}]}, labels)
	selectors.matches({"matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["db"]}]}, labels)
	selectors.matches({"matchExpressions": [{"key": "missing", "operator": "NotIn", "values": ["db"]}]}, labels)
	not selectors.matches({"matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["web"]}]}, labels)
	selectors.matches({"matchExpressions": [{"key": "env", "operator": "Exists"}]}, labels)
	not selectors.matches({"matchExpressions": [{"key": "zone", "operator": "Exists"}]}, labels)
	selectors.matches({"matchExpressions": [{"key": "zone", "operator": "DoesNotExist"}]}, labels)
	not selectors.matches({"matchExpressions": [{"key": "env", "operator": "DoesNotExist"}]}, labels)
	not selectors.matches({"matchExpressions": [{"key": "env", "operator": "Bogus"}]}, labels)
}

test_labels_and_expressions_combined if {
	sel := {"matchLabels": {"app": "a"}, "matchExpressions": [{"key": "env", "operator": "In", "values": ["prod"]}]}
	selectors.matches(sel, {"app": "a", "env": "prod"})
	not selectors.matches(sel, {"app": "a", "env": "dev"})
}

test_map_matches if {
	selectors.map_matches({"app": "a"}, {"app": "a", "b": "c"})
	not selectors.map_matches({"app": "a"}, {"app": "x"})
	selectors.map_matches({}, {"app": "a"})
	not selectors.map_matches("nope", {})
}

test_null_parts_are_absent if {
	selectors.matches({"matchLabels": null}, {"app": "a"})
	selectors.matches({"matchExpressions": null, "matchLabels": {"app": "a"}}, {"app": "a"})
}
