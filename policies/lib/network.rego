# METADATA
# title: Network helpers
# description: |
#   NetworkPolicy and Service semantics as the API server defaults them
#   (catalogue section 1): effective policyTypes, the podSelector of a policy,
#   empty selectors, the effective Service type and port protocol, and the
#   named container ports a Service targetPort can resolve to.
#   Stable API for user policies: data.kubeward.lib.network.
package kubeward.lib.network

import data.kubeward.lib.pods
import data.kubeward.lib.pss
import data.kubeward.lib.selectors

# any_address holds the ipBlock CIDRs that cover every address.
any_address := {"0.0.0.0/0", "::/0"}

# policy_types(np) is the set of effective spec.policyTypes of a NetworkPolicy:
# the list as written when it is non-empty, else Ingress, plus Egress when
# spec.egress is non-empty (SetDefaults_NetworkPolicySpec).
policy_types(np) := {t | some t in np.spec.policyTypes} if {
	is_array(np.spec.policyTypes)
	count(np.spec.policyTypes) > 0
} else := {"Ingress", "Egress"} if {
	is_array(np.spec.egress)
	count(np.spec.egress) > 0
} else := {"Ingress"}

# pod_selector(np) is the spec.podSelector of a NetworkPolicy; absent or null
# is the empty selector {} (every pod of the namespace), as the API decodes it.
# Undefined when it is not an object.
pod_selector(np) := s if {
	s := np.spec.podSelector
	is_object(s)
} else := {} if {
	object.get(np, ["spec", "podSelector"], null) == null
}

# selects(np, labels) holds when the NetworkPolicy applies to pods with these labels.
selects(np, labels) if selectors.matches(pod_selector(np), labels)

# empty_selector(sel) holds when sel is a LabelSelector with no requirement
# ({}, or matchLabels/matchExpressions absent, null or empty): it matches everything.
empty_selector(sel) if {
	is_object(sel)
	object.get(sel, "matchLabels", null) in {null, {}}
	object.get(sel, "matchExpressions", null) in {null, []}
}

# open_rules(np, direction) is the set of rules of spec.<direction>
# ("ingress" or "egress") that admit every peer, as {"path", "cidr"}: a rule
# whose from/to is absent or empty (path of that field, cidr ""), or a peer
# whose ipBlock.cidr covers every address (path of the cidr). Empty when the
# direction is not among the policy's effective policyTypes (its rules are
# then ignored).
open_rules(np, direction) := {x |
	_types[direction] in policy_types(np)
	some i, rule in np.spec[direction]
	some x in _open(direction, i, _rule_object(rule))
}

_types := {"ingress": "Ingress", "egress": "Egress"}

# peers_field is the field of a rule that lists its peers.
peers_field := {"ingress": "from", "egress": "to"}

# A null rule decodes to the zero rule (no peers), like {}.
_rule_object(rule) := rule if is_object(rule)

else := {} if rule == null

_open(direction, i, rule) := {{"path": ["spec", direction, i, field], "cidr": ""}} if {
	field := peers_field[direction]
	object.get(rule, field, null) in {null, []}
} else := {x |
	field := peers_field[direction]
	some j, peer in rule[field]
	cidr := peer.ipBlock.cidr
	cidr in any_address
	x := {"path": ["spec", direction, i, field, j, "ipBlock", "cidr"], "cidr": cidr}
}

# service_type(svc) is the effective spec.type of a Service (unset = ClusterIP).
service_type(svc) := t if {
	t := svc.spec.type
	is_string(t)
	t != ""
} else := "ClusterIP"

# protocol(port) is the effective protocol of a Service or container port (unset = TCP).
protocol(port) := p if {
	p := port.protocol
	is_string(p)
	p != ""
} else := "TCP"

# service_selector(svc) is the non-empty spec.selector of a Service that
# selects pods; undefined for ExternalName Services and for a selector that is
# absent, null or empty (such a Service selects nothing: manual endpoints).
service_selector(svc) := s if {
	service_type(svc) != "ExternalName"
	s := svc.spec.selector
	is_object(s)
	count(s) > 0
}

# named_ports(obj) is the set of {"name", "protocol"} of the named container
# ports of obj's pods that a Service targetPort resolves to: those of
# containers and of sidecars (initContainers with restartPolicy Always), as the
# endpoints controller's FindPort looks them up.
named_ports(obj) := {p |
	spec := pods.spec_of(obj)
	some field in ["containers", "initContainers"]
	some c in spec[field]
	_serves(field, c)
	some port in c.ports
	is_string(port.name)
	port.name != ""
	p := {"name": port.name, "protocol": protocol(port)}
}

_serves("containers", c) if is_object(c)

_serves("initContainers", c) if c.restartPolicy == "Always"

# host_port_set(port) holds when a container port sets a non-zero hostPort:
# KW-PSS-005 reports it, so other rules about the port stay silent.
host_port_set(port) if {
	pss.is_set(port, "hostPort")
	port.hostPort != 0
}
