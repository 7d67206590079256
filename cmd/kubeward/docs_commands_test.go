package main

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every `kubeward …` command line in the code blocks of README.md and docs/
// must be one the CLI accepts: an existing command, flags it knows, and the
// number of arguments it takes. The commands are parsed, not run.

// kubewardCall finds a kubeward command in a line: at the start (after an
// optional "$ " prompt) or after a pipe, ;, &&, ( or a YAML "entry:"/"run:".
var kubewardCall = regexp.MustCompile(`(?:^\s*(?:\$\s+)?|[|;&(]\s*|(?:entry|run):\s*)kubeward\s+(.*)$`)

// shellWords splits a command line as a shell would (quotes and backslashes),
// stopping at the end of the command: a pipe, redirection, ;, &, ) or comment.
func shellWords(s string) []string {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				j = len(s) - i - 1
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				j = len(s) - i - 1
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '\\' && i+1 < len(s):
			cur.WriteByte(s[i+1])
			i++
			inWord = true
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case strings.IndexByte("|;&)<>", c) >= 0 || (c == '#' && !inWord):
			if inWord {
				words = append(words, cur.String())
			}
			return words
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

type docCommand struct {
	where string
	args  []string
}

// docCommands returns the kubeward command lines of the fenced code blocks of
// a markdown file.
func docCommands(t *testing.T, path string) []docCommand {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []docCommand
	inBlock := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			inBlock = !inBlock
			continue
		}
		if !inBlock {
			continue
		}
		// A synopsis ("kubeward lint [PATH|-]... [flags]") is not a command line.
		if m := kubewardCall.FindStringSubmatch(line); m != nil && !strings.HasSuffix(line, "[flags]") {
			out = append(out, docCommand{where: path + ":" + strconv.Itoa(n), args: shellWords(m[1])})
		}
	}
	require.NoError(t, sc.Err())
	return out
}

// parseCommandLine checks args against the command tree without running it.
func parseCommandLine(args []string) error {
	root := newRootCommand(strings.NewReader(""), &strings.Builder{}, &strings.Builder{})
	helpExample(root)
	cmd, rest, err := root.Find(args)
	if err != nil {
		return err
	}
	if cmd == root && len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		return usageError("unknown command %q", rest[0])
	}
	if err := cmd.ParseFlags(rest); err != nil {
		return err
	}
	if help, _ := cmd.Flags().GetBool("help"); help {
		return nil
	}
	return cmd.ValidateArgs(cmd.Flags().Args())
}

func TestDocCommandsParse(t *testing.T) {
	t.Parallel()
	files := []string{filepath.Join("..", "..", "README.md")}
	err := filepath.WalkDir(filepath.Join("..", "..", "docs"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	require.NoError(t, err)
	checked := 0
	for _, f := range files {
		for _, c := range docCommands(t, f) {
			checked++
			assert.NoError(t, parseCommandLine(c.args), "%s: kubeward %s", c.where, strings.Join(c.args, " "))
		}
	}
	t.Logf("%d command lines in %d files", checked, len(files))
	assert.Greater(t, checked, 20, "the docs have command lines to check")
}

// The check itself: it must refuse what the CLI refuses.
func TestDocCommandCheckRefusesBadLines(t *testing.T) {
	t.Parallel()
	for _, line := range []string{
		"kubeward lnt x.yaml",
		"kubeward lint --no-such-flag x.yaml",
		"kubeward explain",
		"kubeward version extra",
		"helm template ./chart | kubeward lint --fial-on high -",
	} {
		m := kubewardCall.FindStringSubmatch(line)
		require.NotNil(t, m, line)
		assert.Error(t, parseCommandLine(shellWords(m[1])), line)
	}
	for _, line := range []string{
		"$ kubeward lint deploy/ --format sarif -o out.sarif # a comment",
		"helm template ./chart | kubeward lint - --profile pss-baseline > report.txt",
		`source <(kubeward completion bash)`,
		`kubeward explain "KW-PSS-007"`,
	} {
		m := kubewardCall.FindStringSubmatch(line)
		require.NotNil(t, m, line)
		assert.NoError(t, parseCommandLine(shellWords(m[1])), line)
	}
}
