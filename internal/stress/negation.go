package stress

import (
	"maps"
	"math/rand/v2"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// event is an affirmative event clause: "three people were killed", "the
// bridge was closed", "the ceremony took place", "the plant has been shut".
type event struct {
	key  string        // subject and verb: how two articles are matched
	span parallax.Span // subject through verb
	// the words to change and what they become
	at  parallax.Span
	neg string
}

var (
	passiveRe  = regexp.MustCompile(`\b(\p{L}+)\s+(` + alternation(lang.Words("past_passive_auxiliaries", "en").Entries()) + `)\s+(\p{L}+)\b`)
	happenedRe = regexp.MustCompile(`\b(\p{L}+)\s+(` + alternation(slices.Collect(maps.Keys(happenedNeg))) + `)\b`)
	// (the contracted "n't" is glued to its verb: no boundary before it)
	negatorRe = regexp.MustCompile(`(?i)\b(?:` + alternation(lang.Words("negative_words", "en").Entries()) + `)\b|n't\b`)
)

// happenedNeg negates the verbs of happening: "took place" → "did not take
// place".
var happenedNeg = lang.Pairs("happening_verbs", "en")

// alternation is words as a regexp alternation, longest first.
func alternation(words []string) string {
	var alt []string
	for _, w := range words {
		alt = append(alt, regexp.QuoteMeta(w))
	}
	sort.Slice(alt, func(a, b int) bool { return len(alt[a]) > len(alt[b]) || len(alt[a]) == len(alt[b]) && alt[a] < alt[b] })
	return strings.Join(alt, "|")
}

// events finds the affirmative event clauses of article i.
func (sc *storyCtx) events(i int) []event {
	if sc.lang(i) != "en" {
		return nil
	}
	text := sc.text(i)
	an := sc.an[i]
	skip := func(subj string, at int) bool {
		ls := strings.ToLower(subj)
		if len(ls) < 3 || !isLetters(ls) || lang.Words("pronouns", "en").Has(ls) || lang.Words("determiners", "en").Has(ls) ||
			closedWords[ls] {
			return true
		}
		// a negated sentence is not negated again
		si := an.SentenceAt(at)
		if si < 0 {
			return true
		}
		return negatorRe.MatchString(text[an.Sentences[si].Span.Start:at])
	}
	var out []event
	for _, m := range passiveRe.FindAllStringSubmatchIndex(text, -1) {
		subj, aux, verb := text[m[2]:m[3]], text[m[4]:m[5]], text[m[6]:m[7]]
		if verb != strings.ToLower(verb) || !pastForm(verb) || skip(subj, m[1]) {
			continue
		}
		e := event{span: parallax.Span{Start: m[2], End: m[7]}}
		e.key = sc.subjectKey(i, m[2], m[3]) + "|" + verb
		if q, num, ok := sc.countBefore(i, m[3]); ok {
			// "three people were killed" → "no people were killed"
			e.span.Start = q.Start
			e.at, e.neg = num, "no"
			if isCapitalised(num.Of(text)) {
				e.neg = "No"
			}
		} else {
			e.at = parallax.Span{Start: m[4], End: m[5]}
			first, rest, _ := strings.Cut(aux, " ")
			e.neg = first + " not"
			if rest != "" {
				e.neg += " " + rest
			}
		}
		out = append(out, e)
	}
	for _, m := range happenedRe.FindAllStringSubmatchIndex(text, -1) {
		subj, verb := text[m[2]:m[3]], text[m[4]:m[5]]
		if skip(subj, m[1]) {
			continue
		}
		out = append(out, event{key: sc.subjectKey(i, m[2], m[3]) + "|" + verb, span: parallax.Span{Start: m[2], End: m[5]},
			at: parallax.Span{Start: m[4], End: m[5]}, neg: happenedNeg[verb]})
	}
	return out
}

// closedWords are function words that cannot be the subject of an event.
var closedWords = setOf(`who which that there what where when whom whose this these those also and but then still
	had has have was were been being all both each many most some several`)

// subjectKey is the lemma of what a quantity counts when the subject
// word closes one ("people" of "three people" → "person"), else the word.
func (sc *storyCtx) subjectKey(i, start, end int) string {
	for _, q := range sc.qs[i] {
		if q.Span.End == end && q.Head != "" {
			return q.Head
		}
	}
	return strings.ToLower(sc.text(i)[start:end])
}

// countBefore is the count that ends at end ("three people") and its
// number, when there is one to replace with "no".
func (sc *storyCtx) countBefore(i, end int) (q, num parallax.Span, ok bool) {
	for _, x := range sc.qs[i] {
		if x.Span.End == end && x.Value != nil && x.Head != "" {
			if t, ok := numberToken(sc.text(i), x.Span, sc.lang(i)); ok {
				return x.Span, t.span, true
			}
		}
	}
	return parallax.Span{}, parallax.Span{}, false
}

// negations: an event clause another outlet states too, affirmatively;
// it is negated ("were not killed", "no people were killed", "did not take
// place").
func (sc *storyCtx) negations() []candidate {
	evs := make([][]event, len(sc.story.Articles))
	for i := range sc.story.Articles {
		evs[i] = sc.events(i)
	}
	var out []candidate
	for i := range sc.story.Articles {
		for _, e := range evs[i] {
			var counter []Ref
			for _, j := range sc.others(i) {
				for _, f := range evs[j] {
					if f.key == e.key {
						counter = append(counter, sc.ref(j, f.span))
					}
				}
			}
			// the same event told again in the article is negated alike, so
			// that the outlet denies it throughout instead of telling both
			var again []restatement
			for _, f := range evs[i] {
				if f.key == e.key && f.at != e.at {
					neg := f.neg
					again = append(again, restatement{span: f.at, write: func(string) string { return neg }})
				}
			}
			neg := e.neg
			out = append(out, candidate{art: i, span: e.at, counter: counter, again: again, rewrite: func(*rand.Rand) string { return neg }})
		}
	}
	return out
}
