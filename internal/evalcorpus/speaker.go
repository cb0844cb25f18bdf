package evalcorpus

import (
	"strings"
	"unicode"
)

// stopName lists tokens that do not identify anyone: English function
// words, personal pronouns, and the honorifics and titles the AP Stylebook
// lists before names. Sharing one of them is not sharing a name.
var stopName = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the of and or for in on at to by with from as that who which
		he she they it we i you him her them his hers its their theirs our ours us me my your one
		mr mrs ms miss dr prof sir dame rev sen senator rep representative gov governor lt col gen
		general president vice secretary minister chairman chairwoman chair former jr sr st mayor
		judge justice attorney spokesman spokeswoman spokesperson`) {
		m[w] = true
	}
	return m
}()

// words splits s into words: runs of letters, digits, apostrophes and
// hyphens, a possessive 's dropped, curly apostrophes read as straight.
func words(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-')
	})
	out := f[:0]
	for _, w := range f {
		w = strings.ReplaceAll(w, "’", "'") // O’Neill is O'Neill
		w = strings.TrimSuffix(w, "'s")
		w = strings.Trim(w, "'’-")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// nameTokens are the lower-cased words of s that can identify someone.
func nameTokens(s string) []string {
	var out []string
	for _, w := range words(s) {
		w = strings.ToLower(w)
		if !stopName[w] {
			out = append(out, w)
		}
	}
	return out
}

func shareToken(a, b string) bool {
	ta := nameTokens(a)
	for _, y := range nameTokens(b) {
		for _, x := range ta {
			if x == y {
				return true
			}
		}
	}
	return false
}

// Judgeable reports whether a speaker can be judged right or wrong for the
// attribution: it has a source, and a pronoun source resolves to a name.
func (at *Attribution) Judgeable() bool { return at.Source != "" && !at.Unresolved }

// SpeakerRight reports whether the system speaker sys is right for the
// attribution's source (the rule in the package doc).
func (at *Attribution) SpeakerRight(sys string) bool {
	if sys == "" || !at.Judgeable() {
		return false
	}
	if shareToken(sys, at.Source) {
		return true
	}
	if at.Nominal {
		for _, m := range at.Chain {
			if shareToken(sys, m) {
				return true
			}
		}
	}
	return false
}

// GoldSpeaker is the speaker to show for the attribution: its source, with
// the representative mention of its chain when the source is nominal.
func (at *Attribution) GoldSpeaker() string {
	if at.Nominal && at.Rep != "" && !strings.EqualFold(at.Rep, at.Source) {
		return at.Source + " → " + at.Rep
	}
	return at.Source
}
