package kubeward.rules.schema.unknown_field_test

import data.kubeward.rules.schema.unknown_field

# Rego finds nothing: the findings come from the engine (engine/schema).
test_rego_finds_nothing if {
	count(unknown_field.deny) == 0 with input as {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}
}
