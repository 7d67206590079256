package main

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// There is no Docker engine on the machines that run the tests (and `docker
// build --check` needs one), so the Dockerfile is checked by reading it: the
// properties the image promises are stated in it, and the stamps it sets are
// the variables version.go reads.

type instruction struct {
	cmd, args string
}

// readDockerfile returns the instructions of a Dockerfile, comments dropped
// and continued lines joined.
func readDockerfile(t *testing.T, path string) []instruction {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []instruction
	var cur strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") || (line == "" && cur.Len() == 0) {
			continue
		}
		if strings.HasSuffix(line, `\`) {
			cur.WriteString(strings.TrimSuffix(line, `\`) + " ")
			continue
		}
		cur.WriteString(line)
		cmd, args, _ := strings.Cut(cur.String(), " ")
		out = append(out, instruction{strings.ToUpper(cmd), strings.Join(strings.Fields(args), " ")})
		cur.Reset()
	}
	require.NoError(t, sc.Err())
	return out
}

func TestDockerfile(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	ins := readDockerfile(t, filepath.Join(root, "Dockerfile"))

	// Multi-stage: a Go builder, then a minimal final stage.
	var froms []string
	for _, in := range ins {
		if in.cmd == "FROM" {
			froms = append(froms, in.args)
		}
	}
	require.Len(t, froms, 2, "two stages")
	assert.Regexp(t, `^golang:1\.26(\.\d+)? AS build$`, froms[0])
	assert.Regexp(t, `^(scratch|gcr\.io/distroless/static\S*)$`, froms[1], "a minimal final image")

	var build string
	for _, in := range ins {
		if in.cmd == "RUN" && strings.Contains(in.args, "go build") {
			build = in.args
		}
	}
	require.NotEmpty(t, build, "a RUN go build")
	assert.Contains(t, build, "CGO_ENABLED=0", "a static binary")
	assert.Contains(t, build, "-trimpath")
	assert.Contains(t, build, "./cmd/kubeward")
	// The stamps set the variables version.go reads.
	for _, v := range []string{"version", "commit", "date"} {
		assert.Regexp(t, `-X main\.`+v+`=\$\{[A-Z]+\}`, build)
	}
	_ = []string{version, commit, date} // the variables exist: the linker sets them

	// The final stage runs as a user other than root, through the binary.
	final := ins[len(ins)-1:]
	for i := len(ins) - 1; i >= 0; i-- {
		if ins[i].cmd == "FROM" {
			final = ins[i:]
			break
		}
	}
	var user, entrypoint string
	copied := false
	for _, in := range final {
		switch in.cmd {
		case "USER":
			user = in.args
		case "ENTRYPOINT":
			entrypoint = in.args
		case "COPY":
			copied = copied || strings.HasPrefix(in.args, "--from=build ")
		}
	}
	assert.True(t, copied, "the final stage copies the binary from the builder")
	require.NotEmpty(t, user, "the final stage sets USER")
	assert.NotRegexp(t, `^(root|0)(:|$)`, user)
	assert.Equal(t, `["kubeward"]`, entrypoint)

	// The build context leaves out what the build does not need.
	ignore, err := os.ReadFile(filepath.Join(root, ".dockerignore"))
	require.NoError(t, err)
	for _, p := range []string{".git", "bin", "dist"} {
		assert.Regexp(t, regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(p)+`$`), string(ignore))
	}
	for _, p := range []string{"policies", "engine", "cmd", "go.mod", "go.sum"} {
		assert.NotRegexp(t, regexp.MustCompile(`(?m)^/?`+regexp.QuoteMeta(p)+`/?$`), string(ignore), "the build needs %s", p)
	}
}
