package kubeward.lib.credentials_test

import data.kubeward.lib.credentials

test_log2_of_integers if {
	credentials.log2(1) == 0
	credentials.log2(2) == 1
	credentials.log2(1024) == 10
	abs(credentials.log2(3) - 1.584962500721156) < 0.000001
	abs(credentials.log2(1000) - 9.965784284662087) < 0.000001
}

test_entropy if {
	credentials.entropy("aaaa") == 0
	credentials.entropy("abab") == 1
	credentials.entropy("abcdefghijklmnop") == 4
	abs(credentials.entropy("etcd-cluster-k8s") - 3.375) < 0.000001
}

test_identifier if {
	every s in ["etcd-cluster-k8s", "harbor_registry_user", "kubernetes.default.svc", "SCRAM-SHA-512", "node01", "v1.2.3", "org.apache.SASLAuthenticationProvider"] {
		credentials.identifier(s)
	}
	every s in ["635fdec1-136c-44b1-8440-03a07aeb28cb", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "113a04b2566da7db79e4bc91fcb656ad", "a b"] {
		not credentials.identifier(s)
	}
}

test_generated if {
	credentials.generated("113a04b2566da7db79e4bc91fcb656ad")
	credentials.generated("aB3xK9pQ2mZ7")
	not credentials.generated("aB3xK9pQ2mZ") # 11 characters
	not credentials.generated("prometheus-operator-webhook")
	not credentials.generated("****************")
	not credentials.generated("aB3xK9pQ 2mZ7Lq")
}

test_strip_references if {
	credentials.strip_references("u:$(A)@${B}/{{ .Values.c }}") == "u:@/"
}

test_known_formats_in if {
	credentials.known_formats_in("k=AKIAIOSFODNN7EXAMPLE u=https://a:b@h") == ["a URL with a password", "an AWS access key id"]
	credentials.known_formats_in("https://$(U):$(P)@h") == []
	credentials.known_formats_in(3) == []
}

test_value_is_credential_by_tier if {
	# a name that ends in the secret: what people type
	credentials.value_is_credential("MYSQL_PASSWORD", "mysql")
	credentials.value_is_credential("db.pass", "1234")
	not credentials.value_is_credential("MYSQL_PASSWORD", "123")
	not credentials.value_is_credential("ALLOW_EMPTY_PASSWORD", "Yes")

	# other credential-like names: generated-looking or a default password
	credentials.value_is_credential("API_TOKEN", "9fQ2xLm7Kp3Zt8Wq")
	credentials.value_is_credential("API_TOKEN", "ChangeMe")
	not credentials.value_is_credential("API_TOKEN", "abc123")
	not credentials.value_is_credential("MAX_TOKENS", "123456789012")

	# a name that is no credential name needs a known format
	not credentials.value_is_credential("LOG_LEVEL", "9fQ2xLm7Kp3Zt8Wq")
	credentials.value_is_credential("LOG_SINK", "https://hooks.slack.com/services/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")
}

test_never_credentials if {
	every v in ["", "  ", "true", "OFF", "Disabled", "null", "256Mi", "30s", "80%", "/run/secrets/db", "./token", "file:///etc/token", "https://example.com/a", "<password>", "$(A)", "'${A}'"] {
		not credentials.value_is_credential("DB_PASSWORD", v)
	}
}

# Every known format has markers, and every example of one holds a marker.
test_markers_cover_the_known_formats if {
	object.keys(credentials._markers) == object.keys(credentials.known_formats)
	every v in [
		"-----BEGIN EC PRIVATE KEY-----", "AKIAIOSFODNN7EXAMPLE", "ghs_abcdefghijklmnopqrstuvwxyz0123456789",
		"github_pat_abcdefghijklmnopqrstuvwxyz", "glpat-abcdefghijklmnopqrstu", "xoxp-1234567890-abc",
		"https://hooks.slack.com/services/T0000/B0000/abcdefghijklmnopqrst", "AIzaSyA1234567890abcdefghijklmnopqrstuv",
		"sk_live_abcdefghijklmnop1234", "hf_abcdefghijklmnopqrstuvwxyz012345", "npm_abcdefghijklmnopqrstuvwxyz0123456789",
		"SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789abcdefg", "AccountKey=abcdefghijklmnopqrstuvwxyz0123456789ABCD==",
		"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N", "postgres://app:s3cr3t@db/app",
	] {
		some what in credentials.known_formats_in(v)
		some m in credentials._markers[what]
		contains(v, m)
	}
}

# The pattern that spares values the walk over the markers finds each of them
# inside any text; past its length limit every value is walked.
test_any_marker_finds_every_marker if {
	every ms in credentials._markers {
		every m in ms {
			credentials._may_hold_marker(concat("", ["value ", m, " value"]))
		}
	}
	not credentials._may_hold_marker("plain value")
	credentials._may_hold_marker(concat("", ["a" | some _ in numbers.range(0, credentials._marker_pattern_limit)]))
}

# A reference removed can join a format: markers are looked for after.
test_reference_joining_a_format if {
	credentials.has_known_format("AK$(X)IAIOSFODNN7EXAMPLE")
	credentials.strip_references("plain") == "plain"
}
