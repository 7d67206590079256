package kubeward.lib.secrets_test

import data.kubeward.lib.secrets

test_secret_name_catalogue_examples if {
	secrets.secret_name("dbPassword")
	secrets.secret_name("db.pass")
	secrets.secret_name("OAUTH_TOKEN")
	not secrets.secret_name("AUTHOR")
	not secrets.secret_name("PASSIVE")
}

test_secret_name_substrings if {
	every name in [
		"PASSWORD", "mysql_passwd", "client-secret", "GITHUB_TOKEN", "bearer", "APIKEY", "stripe_api_key",
		"api-key", "privateKey", "ssh_private_key", "AWS_CREDENTIALS", "Credential",
	] {
		secrets.secret_name(name)
	}
}

test_secret_name_whole_segments if {
	every name in [
		"pass", "PASS", "db_pass", "pass.db", "redis-pass-value", "PWD", "smtp_pwd", "auth", "BASIC_AUTH",
		"auth.header", "x-auth-y", "access_key", "AWS_ACCESS_KEY_ID", "s3.access_key",
	] {
		secrets.secret_name(name)
	}
	every name in ["PASSIVE", "bypass", "compass_dir_x", "AUTHOR", "oauth", "authority", "pwdx", "xpwd", "ACCESS_KEYS", "accesskey"] {
		not secrets.secret_name(name)
	}
}

test_secret_name_cloud_cli_keys if {
	secrets.secret_name("AZURE_STORAGE_KEY")
	secrets.secret_name("azure_client_key")
	secrets.secret_name("OCI_CLI_KEY_CONTENT")
	not secrets.secret_name("AZURE_KEY")
	not secrets.secret_name("AZURE_KEYS")
	not secrets.secret_name("OCI_CLI_KEY_CONTENT_X")
}

test_secret_name_exclusion_suffixes if {
	every suffix in ["file", "path", "dir", "url", "uri", "endpoint", "name", "ref", "ttl", "timeout", "length"] {
		every sep in ["_", ".", "-"] {
			not secrets.secret_name(concat("", ["DB_PASSWORD", sep, suffix]))
		}
	}
	not secrets.secret_name("TOKEN_TTL")
	not secrets.secret_name("auth.url")
	not secrets.secret_name("SECRET_NAME")

	# the suffix must be a whole segment at the end
	secrets.secret_name("PASSWORD_FILES")
	secrets.secret_name("PASSWORDFILE")
	secrets.secret_name("PASSWORD_FILE_CONTENT")
}

test_secret_name_wrong_types if {
	not secrets.secret_name(1)
	not secrets.secret_name(null)
	not secrets.secret_name(["PASSWORD"])
}

test_private_key if {
	secrets.has_private_key("-----BEGIN PRIVATE KEY-----\nMIIE...")
	secrets.has_private_key("x -----BEGIN RSA PRIVATE KEY----- y")
	secrets.has_private_key("-----BEGIN OPENSSH PRIVATE KEY-----")
	secrets.has_private_key("-----BEGIN ENCRYPTED PRIVATE KEY-----")
	secrets.has_private_key("-----BEGIN EC2 SOME PRIVATE KEY-----")
	not secrets.has_private_key("-----BEGIN CERTIFICATE-----")
	not secrets.has_private_key("-----BEGIN PUBLIC KEY-----")
	not secrets.has_private_key("-----BEGIN rsa PRIVATE KEY-----")
	not secrets.has_private_key(42)
}

test_credentials_in_each_kind if {
	secrets.credentials_in("-----BEGIN RSA PRIVATE KEY-----") == ["a PEM private key"]
	secrets.credentials_in("aws_access_key_id = AKIAIOSFODNN7EXAMPLE") == ["an AWS access key id"]
	secrets.credentials_in("ASIAIOSFODNN7EXAMPLE") == ["an AWS access key id"]
	secrets.credentials_in("token: ghp_abcdefghijklmnopqrstuvwxyz0123456789") == ["a GitHub token"]
	secrets.credentials_in("gho_abcdefghijklmnopqrstuvwxyz0123456789AB") == ["a GitHub token"]
	secrets.credentials_in("hook: xoxb-1234567890-abcdef") == ["a Slack token"]
	secrets.credentials_in("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N") == ["a JSON Web Token"]
	secrets.credentials_in("url=postgres://app:s3cr3t@db:5432/app") == ["a URL with a password"]
}

test_credentials_in_several_kinds_sorted if {
	secrets.credentials_in("AKIAIOSFODNN7EXAMPLE https://u:p@h/") == ["a URL with a password", "an AWS access key id"]
}

test_credentials_in_near_misses if {
	every value in [
		"", "plain text", "AKIAIOSFODNN7EXAMPL", "XAKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLEX",
		"ghp_short", "ghx_abcdefghijklmnopqrstuvwxyz0123456789", "xoxq-1234567890", "xoxb-123",
		"eyJhbGciOiJIUzI1NiJ9.payload.sig", "https://user@host/", "https://host:8443/path",
		"-----BEGIN PUBLIC KEY-----",
	] {
		secrets.credentials_in(value) == []
	}
	secrets.credentials_in(7) == []
	secrets.credentials_in(null) == []
}

test_shared_exclusions if {
	secrets.env_entry_has_private_key({"name": "K", "value": "-----BEGIN PRIVATE KEY-----"})
	not secrets.env_entry_has_private_key({"name": "K", "value": "x"})
	not secrets.env_entry_has_private_key({"name": "K"})
	not secrets.env_entry_has_private_key("K")
	secrets.configmap_entry_has_credential("data", "AKIAIOSFODNN7EXAMPLE")
	not secrets.configmap_entry_has_credential("binaryData", "AKIAIOSFODNN7EXAMPLE")
	not secrets.configmap_entry_has_credential("data", "x")
}

test_only_var_refs if {
	secrets.only_var_refs("$(DB_PASSWORD)")
	secrets.only_var_refs("$(A)$(B)")
	secrets.only_var_refs("\"$(A)\"")
	not secrets.only_var_refs("$(A) $(B)")
	not secrets.only_var_refs("pre$(A)")
	not secrets.only_var_refs("$A")
	not secrets.only_var_refs("")
	not secrets.only_var_refs(1)
}

test_literal_value if {
	secrets.literal_value("hunter2")
	secrets.literal_value("user:$(PASS)")
	not secrets.literal_value("")
	not secrets.literal_value("$(PASS)")
	not secrets.literal_value("/run/secrets/db")
	not secrets.literal_value(12)
}

test_command_line_credentials if {
	secrets.command_line_credentials("--password=hunter2") == {"--password"}
	secrets.command_line_credentials("-token 9fQ2xLm7Kp3Zt8Wq") == {"--token"}
	secrets.command_line_credentials("mysql --Passwd=x --api-key=Qk83hZp0aLw7Rt2V --apikey Qk83hZp0aLw7Rt2V --api_key=changeme") == {"--passwd", "--api-key", "--apikey", "--api_key"}
	secrets.command_line_credentials("--client_secret=s --secret=t") == {"--client_secret", "--secret"}
	secrets.command_line_credentials("--password=$(DB_PASSWORD)") == set()
	secrets.command_line_credentials("--password='$(DB_PASSWORD)' --token=changeme") == {"--token"}
	secrets.command_line_credentials("--password") == set()
	secrets.command_line_credentials("--token-file=/var/run/token") == set()
	secrets.command_line_credentials("--secret-name=db") == set()
	secrets.command_line_credentials(["--password=x"]) == set()
}

test_command_line_values_that_are_no_credentials if {
	every arg in [
		"--enable-token=false", "--password=${DB_PASSWORD}", "--token=abc", "--api-key=etcd-cluster-k8s",
		"--secret=/run/secrets/db", "--token 3600", "--password=<password>",
	] {
		secrets.command_line_credentials(arg) == set()
	}
}

test_keys_of if {
	secrets.keys_of({"data": {"a": "x"}, "stringData": {"b": "y", "a": "z"}}) == {"a", "b"}
	secrets.keys_of({"data": "oops", "stringData": null}) == set()
	secrets.keys_of({}) == set()
}

test_controller_keys if {
	secrets.controller_keys({"type": "kubernetes.io/service-account-token"}) == {"token", "ca.crt", "namespace"}
	secrets.controller_keys({"type": "Opaque"}) == set()
	secrets.controller_keys({}) == set()
}
