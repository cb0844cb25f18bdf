package lang

import (
	"slices"
	"strings"
)

var actOnce = newOnce(func() map[string][]string {
	lines, err := readLines("data/en/act_senses.tsv")
	if err != nil {
		panic(err)
	}
	m := make(map[string][]string, len(lines))
	for _, line := range lines {
		k, v, _ := strings.Cut(line, "\t")
		m[k] = strings.Split(v, ",")
	}
	return m
})

// actSuffixes reduce an inflected English verb or a plural noun to the
// lemma WordNet lists, as WordNet's own morphy does ("arrested" →
// "arrest", "seized" → "seize", "stopped" → "stop", "raids" → "raid").
var actSuffixes = [][2]string{
	{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""},
	{"ied", "y"}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
}

// ActSenses returns the acts an English verb or noun names (word in any
// form, any case): WordNet synsets of its most frequent senses, a noun of
// an act as the verb it derives from. nil when WordNet names no act by it.
func ActSenses(word string) []string {
	m := actOnce.get()
	w := strings.ToLower(strings.Trim(word, ".,;:!?\"'“”‘’()"))
	var out []string
	add := func(ids []string) {
		for _, id := range ids {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	add(m[w])
	for _, sf := range actSuffixes {
		// the lemma must keep three letters ("died" → "die", not "di");
		// a three-letter form is left whole ("fed" is no "fee")
		if !strings.HasSuffix(w, sf[0]) || len(w) < 4 || len(w)-len(sf[0])+len(sf[1]) < 3 {
			continue
		}
		base := strings.TrimSuffix(w, sf[0])
		add(m[base+sf[1]])
		// a doubled final consonant: "stopped" → "stop", "planning" → "plan"
		if n := len(base); sf[1] == "" && (sf[0] == "ed" || sf[0] == "ing") && n >= 3 && base[n-1] == base[n-2] {
			add(m[base[:n-1]])
		}
	}
	return out
}

// SameAct reports whether two English words can name one act: they share
// a WordNet sense, directly or through the derivation of a noun from its
// verb ("arrested", "arrest", "apprehended"; "met", "meeting").
func SameAct(a, b string) bool {
	sa := ActSenses(a)
	if len(sa) == 0 {
		return false
	}
	for _, x := range ActSenses(b) {
		if slices.Contains(sa, x) {
			return true
		}
	}
	return false
}

var antonymOnce = newOnce(func() map[[2]string]bool {
	lines, err := readLines("data/en/act_antonyms.tsv")
	if err != nil {
		panic(err)
	}
	// appeals' outcomes, which WordNet does not pair ("upheld" / "overturned")
	appeal, err := readLines("data/en/appeal_outcomes.tsv")
	if err != nil {
		panic(err)
	}
	lines = append(lines, appeal...)
	m := make(map[[2]string]bool, 2*len(lines))
	for _, line := range lines {
		a, b, ok := strings.Cut(line, "\t")
		if ok {
			m[[2]string{a, b}], m[[2]string{b, a}] = true, true
		}
	}
	return m
})

// OppositeActs reports whether two English words name opposite outcomes
// in one of their most frequent senses, as WordNet pairs them
// ("acquitted" / "convicted", "won" / "lost", "rejected" / "accepted").
func OppositeActs(a, b string) bool {
	m := antonymOnce.get()
	sb := ActSenses(b)
	for _, x := range ActSenses(a) {
		for _, y := range sb {
			if m[[2]string{x, y}] {
				return true
			}
		}
	}
	return false
}
