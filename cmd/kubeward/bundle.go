package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kubeward/kubeward/bundles"
	"github.com/kubeward/kubeward/engine/atomicfile"
	"github.com/kubeward/kubeward/engine/confine"
)

func newBundleCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bundle",
		Short: "Build, sign, verify, push and pull policy bundles (OPA bundle format)",
		Long: `A bundle is an OPA-format .tar.gz of Rego policies and data, signed with a
private key and verified with the public key before any policy in it is
compiled. Lint loads one with --bundle FILE|oci://REF --verification-key PUB.

Exit status: 0 on success, 2 on any error, including a bundle that fails
verification (the reason and the file are named).`,
		Example: `  kubeward bundle keygen -o acme
  kubeward bundle build ./policies -o acme.tar.gz --revision v1 --signing-key acme.key
  kubeward bundle verify acme.tar.gz --verification-key acme.pub
  kubeward bundle push acme.tar.gz oci://registry.example.com/policies/acme:v1
  kubeward lint --bundle oci://registry.example.com/policies/acme:v1 --verification-key acme.pub deploy/`,
	}
	cmd.AddCommand(newBundleBuildCommand(), newBundleSignCommand(), newBundleVerifyCommand(),
		newBundleKeygenCommand(), newBundlePushCommand(), newBundlePullCommand())
	return cmd
}

func bundleError(err error) error { return &exitCode{code: exitError, err: err} }

// addRegistryTimeout is --registry-timeout, for every command that may reach
// a registry.
func addRegistryTimeout(cmd *cobra.Command, timeout *time.Duration) {
	cmd.Flags().DurationVar(timeout, "registry-timeout", bundles.DefaultRegistryTimeout, "time limit for a whole push or pull from a registry, the download included")
}

func readArchive(file string) (*bundles.Archive, error) {
	data, err := confine.ReadFile(file, bundles.MaxBundleSize)
	if err != nil {
		return nil, fmt.Errorf("cannot read bundle: %w", err)
	}
	a, err := bundles.ReadArchive(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return a, nil
}

func writeArchive(file string, a *bundles.Archive) error {
	b, err := a.Bytes()
	if err != nil {
		return err
	}
	if err := atomicfile.Write(file, b, 0o644); err != nil {
		return fmt.Errorf("writing the bundle: %w", err)
	}
	return nil
}

type signFlags struct {
	key, alg, claims string
}

func (s *signFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&s.key, "signing-key", "", "PEM private key (EC P-256/P-384/P-521 or RSA) to sign with")
	cmd.Flags().StringVar(&s.alg, "signing-alg", "", "signing algorithm: "+strings.Join(bundles.SigningAlgs, ", ")+" (default: ES256/ES384 by the EC key's curve, RS256 for RSA)")
	cmd.Flags().StringVar(&s.claims, "claims-file", "", "JSON file of extra claims for the signature")
}

func (s *signFlags) options() (*bundles.SignOptions, error) {
	if s.key == "" {
		if s.alg != "" || s.claims != "" {
			return nil, usageError("--signing-alg and --claims-file need --signing-key")
		}
		return nil, nil
	}
	if s.alg != "" && !contains(bundles.SigningAlgs, strings.ToUpper(s.alg)) {
		return nil, usageError("unknown --signing-alg %q (one of %s)", s.alg, strings.Join(bundles.SigningAlgs, ", "))
	}
	key, err := bundles.ReadPrivateKey(s.key)
	if err != nil {
		return nil, bundleError(err)
	}
	if _, err := bundles.SigningAlg(key, s.alg); err != nil {
		return nil, usageError("%v", err)
	}
	if s.claims != "" {
		if _, err := os.Stat(s.claims); err != nil {
			return nil, usageError("--claims-file: %v", err)
		}
	}
	return &bundles.SignOptions{Key: key, Alg: s.alg, ClaimsFile: s.claims}, nil
}

func newBundleBuildCommand() *cobra.Command {
	var opts bundles.BuildOptions
	var output, regoVersion string
	var sf signFlags
	cmd := &cobra.Command{
		Use:   "build DIR... -o FILE",
		Short: "Build a bundle from policy folders, after running their Rego tests",
		Long: `Build checks the folders' policies against the policy contract, compiles them
beside the built-in library (as lint will load them), runs their Rego tests
(test_ rules in _test.rego files) unless --skip-tests, and writes an OPA
bundle: .manifest (revision, roots), the Rego files (tests left out), and one
data.json with the folders' data files merged. With --signing-key it also
writes .signatures.json, which opa itself verifies.

--no-builtin makes the bundle a whole library: its tests run without the
built-in library, and lint loads it instead of the built-in library.`,
		Example: `  kubeward bundle build ./policies -o acme.tar.gz --revision "$(git rev-parse HEAD)"
  kubeward bundle build ./policies -o acme.tar.gz --signing-key acme.key --signing-alg PS256`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if output == "" {
				return usageError("--output (-o) is required")
			}
			so, err := sf.options()
			if err != nil {
				return err
			}
			if opts.RegoVersion, err = regoVersionOf(cmd, regoVersion, nil); err != nil {
				return err
			}
			opts.Dirs, opts.Sign = args, so
			res, err := bundles.Build(cmd.Context(), opts)
			if err != nil {
				return bundleError(err)
			}
			if err := writeArchive(output, res.Archive); err != nil {
				return bundleError(err)
			}
			signed := "unsigned"
			if so != nil {
				signed = "signed"
			}
			tests := fmt.Sprintf("%d tests passed", res.Tests)
			if opts.SkipTests {
				tests = "tests skipped"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %d rules, %d files, %s, %s\n", output, res.Rules, len(res.Archive.Files), tests, signed)
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "bundle file to write (.tar.gz)")
	cmd.Flags().StringVar(&opts.Revision, "revision", "", "revision written into the manifest")
	cmd.Flags().BoolVar(&opts.SkipTests, "skip-tests", false, "do not run the Rego tests")
	cmd.Flags().BoolVar(&opts.NoBuiltin, "no-builtin", false, "the bundle is a whole library: lint uses it instead of the built-in library")
	addRegoVersionFlag(cmd.Flags(), &regoVersion)
	sf.add(cmd)
	return cmd
}

func newBundleSignCommand() *cobra.Command {
	var output string
	var sf signFlags
	cmd := &cobra.Command{
		Use:   "sign FILE --signing-key PEM [-o OUT]",
		Short: "Sign an existing bundle (replacing any signature)",
		Example: `  kubeward bundle sign acme.tar.gz --signing-key acme.key
  kubeward bundle sign acme.tar.gz --signing-key rsa.key --signing-alg PS256 -o acme-signed.tar.gz`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if sf.key == "" {
				return usageError("--signing-key is required")
			}
			so, err := sf.options()
			if err != nil {
				return err
			}
			a, err := readArchive(args[0])
			if err != nil {
				return bundleError(err)
			}
			signed, err := bundles.Sign(a, *so)
			if err != nil {
				return bundleError(err)
			}
			if output == "" {
				output = args[0]
			}
			if err := writeArchive(output, signed); err != nil {
				return bundleError(err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "signed %s: %d files\n", output, len(signed.Files)-1)
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the signed bundle here (default: in place)")
	sf.add(cmd)
	return cmd
}

func newBundleVerifyCommand() *cobra.Command {
	var key string
	cmd := &cobra.Command{
		Use:   "verify FILE --verification-key PEM",
		Short: "Verify a bundle's signature and every file's hash",
		Long: `Verify checks the bundle's signature with the public key, then that no file
was added, removed or changed since it was signed. No Rego is parsed.

Exit status: 0 valid; 2 with the reason (missing signature, wrong key, file
added, file removed, file changed) and the file concerned.`,
		Example: `  kubeward bundle verify acme.tar.gz --verification-key acme.pub`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if key == "" {
				return usageError("--verification-key is required")
			}
			pub, pubPEM, err := bundles.ReadPublicKey(key)
			if err != nil {
				return bundleError(err)
			}
			a, err := readArchive(args[0])
			if err != nil {
				return bundleError(err)
			}
			if err := bundles.Verify(a, pub, pubPEM); err != nil {
				return bundleError(fmt.Errorf("%s: %w", args[0], err))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: valid signature, %d files verified\n", args[0], len(a.Files)-1)
			return nil
		},
	}
	cmd.Flags().StringVar(&key, "verification-key", "", "PEM public key the bundle must be signed with")
	return cmd
}

func newBundleKeygenCommand() *cobra.Command {
	var alg, prefix string
	cmd := &cobra.Command{
		Use:   "keygen [--alg ALG] -o PREFIX",
		Short: "Write a key pair: PREFIX.key (private, mode 0600) and PREFIX.pub",
		Long: `Keygen writes a new key pair for signing bundles: PREFIX.key (PKCS#8 PEM,
readable only by you) and PREFIX.pub (PKIX PEM, to give to whoever verifies).
ES256 and ES384 make EC keys; RS256 and PS256 make 3072-bit RSA keys (sign
with --signing-alg PS256 for PSS). Existing files are never overwritten.`,
		Example: `  kubeward bundle keygen -o acme
  kubeward bundle keygen --alg RS256 -o acme-rsa`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if prefix == "" {
				return usageError("--output (-o) PREFIX is required")
			}
			priv, pub, err := bundles.Keygen(alg)
			if err != nil {
				return usageError("%v", err)
			}
			// Neither file may exist. This check only gives the common case
			// its message before anything is written; the one that counts is
			// the creation itself (WriteNew), so nothing planted between a
			// check and a write is written through.
			for _, f := range []string{prefix + ".key", prefix + ".pub"} {
				if _, err := os.Lstat(f); err == nil {
					return bundleError(fmt.Errorf("%s already exists: not overwriting a key", f))
				}
			}
			if err := atomicfile.WriteNew(prefix+".key", priv, 0o600); err != nil {
				if errors.Is(err, atomicfile.ErrExist) {
					return bundleError(fmt.Errorf("%s.key already exists: not overwriting a key", prefix))
				}
				return bundleError(fmt.Errorf("writing the private key: %w", err))
			}
			if err := atomicfile.WriteNew(prefix+".pub", pub, 0o644); err != nil {
				// The private key alone is of no use: do not leave it behind.
				_ = os.Remove(prefix + ".key")
				if errors.Is(err, atomicfile.ErrExist) {
					return bundleError(fmt.Errorf("%s.pub already exists: not overwriting a key", prefix))
				}
				return bundleError(fmt.Errorf("writing the public key: %w", err))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s.key (private: keep it secret) and %s.pub (%s)\n", prefix, prefix, strings.ToUpper(alg))
			return nil
		},
	}
	cmd.Flags().StringVar(&alg, "alg", "ES256", "key type: "+strings.Join(bundles.KeygenAlgs, ", "))
	cmd.Flags().StringVarP(&prefix, "output", "o", "", "path prefix of the two files")
	return cmd
}

func newBundlePushCommand() *cobra.Command {
	var plain bool
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "push FILE oci://REGISTRY/REPOSITORY:TAG",
		Short: "Push a bundle to an OCI registry (as OPA's OCI downloader reads it)",
		Long: `Push uploads the bundle as a one-layer OCI artifact: layer media type
application/vnd.oci.image.layer.v1.tar+gzip (what OPA's OCI downloader takes as
the bundle), config application/vnd.oci.image.config.v1+json. Credentials come
from the docker config file (~/.docker/config.json, or $DOCKER_CONFIG). Plain
http is used only for localhost and 127.0.0.1, or with --plain-http.`,
		Example: `  kubeward bundle push acme.tar.gz oci://registry.example.com/policies/acme:v1`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !bundles.IsOCI(args[1]) {
				return usageError("%q is not a registry reference (want oci://registry/repository:tag)", args[1])
			}
			data, err := confine.ReadFile(args[0], bundles.MaxBundleSize)
			if err != nil {
				return bundleError(fmt.Errorf("cannot read bundle: %w", err))
			}
			digest, err := bundles.Push(cmd.Context(), data, args[1], bundles.RemoteOptions{PlainHTTP: plain, Timeout: timeout})
			if err != nil {
				return bundleError(err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "pushed %s to %s@%s\n", args[0], args[1], digest)
			return nil
		},
	}
	cmd.Flags().BoolVar(&plain, "plain-http", false, "allow plain http to this registry")
	addRegistryTimeout(cmd, &timeout)
	return cmd
}

func newBundlePullCommand() *cobra.Command {
	var plain bool
	var timeout time.Duration
	var output string
	cmd := &cobra.Command{
		Use:   "pull oci://REGISTRY/REPOSITORY:TAG -o FILE",
		Short: "Pull a bundle from an OCI registry, checking its digest",
		Long: `Pull downloads the bundle layer of an OCI artifact and checks it against its
digest. It does not verify the signature: run 'kubeward bundle verify', or
give --verification-key to lint.`,
		Example: `  kubeward bundle pull oci://registry.example.com/policies/acme:v1 -o acme.tar.gz`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if output == "" {
				return usageError("--output (-o) is required")
			}
			if !bundles.IsOCI(args[0]) {
				return usageError("%q is not a registry reference (want oci://registry/repository:tag)", args[0])
			}
			p, err := bundles.Pull(cmd.Context(), args[0], bundles.RemoteOptions{PlainHTTP: plain, Timeout: timeout})
			if err != nil {
				return bundleError(err)
			}
			if err := atomicfile.Write(output, p.Data, 0o644); err != nil {
				return bundleError(fmt.Errorf("writing the bundle: %w", err))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "pulled %s (%s) to %s\n", args[0], p.Digest, output)
			return nil
		},
	}
	cmd.Flags().BoolVar(&plain, "plain-http", false, "allow plain http to this registry")
	addRegistryTimeout(cmd, &timeout)
	cmd.Flags().StringVarP(&output, "output", "o", "", "bundle file to write")
	return cmd
}
