package analyze

import (
	"strings"

	"github.com/parallaxnews/parallax/internal/lang"

	"github.com/parallaxnews/parallax"
)

// phrases matches the entries of a language-layer list, phrases included,
// on word boundaries.
type phrases struct{ s *lang.Set }

// match returns the length in tokens of the longest entry starting at toks[i], or 0.
func (p phrases) match(d *doc, toks []token, i int) int {
	if !p.s.Starts(d.lw(toks[i])) {
		return 0
	}
	var buf [8]string
	words := buf[:0]
	for k := i; k < len(toks) && len(words) < len(buf); k++ {
		words = append(words, d.lw(toks[k]))
	}
	return p.s.Match(words)
}

// signals finds hedges, loaded terms and opinion markers. A hedge's
// evidence runs on to the noun it qualifies ("alleged gang members").
func (d *doc) signals(lang string) []parallax.Signal {
	var out []parallax.Signal
	for _, toks := range d.sentToks {
		for i := 0; i < len(toks); i++ {
			if toks[i].kind != tWord || !signalStarts.Starts(toks[i].low) {
				continue
			}
			for _, kind := range []struct {
				name string
				p    phrases
			}{{"hedge", hedgeTerms}, {"loaded", loadedTerms}, {"loaded", pejoratives}, {"opinion", opinionTerms}} {
				n := kind.p.match(d, toks, i)
				if n == 0 {
					continue
				}
				end := i + n - 1
				if kind.name == "hedge" {
					// extend over the qualified words: up to 4 words, stop at punctuation
					for k := end + 1; k < len(toks) && k <= end+4; k++ {
						if toks[k].kind == tPunct && !strings.ContainsAny(toks[k].text(d.text), "\"“”") {
							break
						}
						end = k
					}
				}
				sp := parallax.Span{Start: toks[i].start, End: toks[end].end}
				out = append(out, parallax.Signal{Kind: kind.name, Text: d.text[sp.Start:sp.End], Span: sp})
				i += n - 1
				break
			}
		}
	}
	return out
}

// markAttributed flags sentences that say whose claim they report.
func (d *doc) markAttributed(a *parallax.Analysis) {
	qi := 0
	for i := range a.Sentences {
		s := a.Sentences[i].Span
		for qi < len(a.Quotes) && a.Quotes[qi].Span.End <= s.Start {
			qi++
		}
		if qi < len(a.Quotes) && a.Quotes[qi].Span.Start < s.End && a.Quotes[qi].Speaker != "" {
			a.Sentences[i].Attributed = true
			continue
		}
		for _, t := range d.sentToks[i] {
			if t.kind == tWord && (!t.cap && isSpeechVerb(t.low) || accordingTo.Has(t.low) || t.low == "according") {
				a.Sentences[i].Attributed = true
				break
			}
		}
	}
}
