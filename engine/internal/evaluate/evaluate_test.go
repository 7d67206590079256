package evaluate

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kubeward/kubeward/engine/result"
)

func TestQuotePackageQuotesWhatIsNoIdentifier(t *testing.T) {
	assert.Equal(t, "kubeward.rules.pod", QuotePackage("kubeward.rules.pod"))
	assert.Equal(t, `kubeward.rules["my-team"]`, QuotePackage("kubeward.rules.my-team"))
	assert.Equal(t, `main["default"]`, QuotePackage("main.default"), "a keyword is no identifier")
}

// A rule that breaks the contract on every object is one error, saying on
// how many more objects; other errors are kept as they are, in order.
func TestOncePerRuleCountsTheRest(t *testing.T) {
	contract := func(object, problem string) result.Error {
		return result.Error{Message: "rule KW-X-001 (x.rego:3)" + contractOn + object + ": " + problem}
	}
	errs := []result.Error{
		contract("Deployment a", "a deny member has no msg"),
		{Message: "other"},
		contract("Deployment b: odd: name", "a deny member has no msg"),
		contract("Deployment c", "a deny member has no msg"),
		contract("Deployment d", "a deny member's path is not an array"),
	}
	got := OncePerRule(errs)
	msgs := make([]string, len(got))
	for i, e := range got {
		msgs[i] = e.Message
	}
	assert.Equal(t, []string{
		"rule KW-X-001 (x.rego:3)" + contractOn + "Deployment a: a deny member has no msg (and on 2 more objects)",
		"other",
		"rule KW-X-001 (x.rego:3)" + contractOn + "Deployment d: a deny member's path is not an array",
	}, msgs)
}
