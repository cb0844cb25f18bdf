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
	for si := range d.sents {
		toks := d.sentTokens(si)
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
		for _, t := range d.sentTokens(i) {
			if t.kind == tWord && (!t.cap && isSpeechVerb(t.low) || accordingTo.Has(t.low) || t.low == "according") {
				a.Sentences[i].Attributed = true
				break
			}
		}
	}
}

// attributions marks the source of a reported statement where a name stands
// right beside the verb of saying: "…, Westerhaven Fire and Rescue said",
// "said Jane Roe", "according to the Harbor Authority". The source is who
// states, not what is stated: the comparison does not line two statements
// up as one fact only because one source made both. The span covers the
// whole run of capitalised words and joiners around the name, as a name the
// entity rules split ("Westerhaven Fire" and "Rescue") is still one source.
func (d *doc) attributions(a *parallax.Analysis) []parallax.Signal {
	if len(a.Entities) == 0 {
		return nil
	}
	// byte offsets where a mention starts or ends (a slice: cheaper than
	// maps on this per-article path)
	isStart, isEnd := make([]bool, len(d.text)+1), make([]bool, len(d.text)+1)
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			isStart[m.Start], isEnd[m.End] = true, true
		}
	}
	var out []parallax.Signal
	add := func(start, end int) {
		out = append(out, parallax.Signal{Kind: "attribution", Text: d.text[start:end], Span: parallax.Span{Start: start, End: end}})
	}
	for si := range d.sents {
		toks := d.sentTokens(si)
		joins := func(i int) bool { // a joiner inside a name: "Fire and Rescue", "Ministry of Health"
			return toks[i].kind == tWord && !toks[i].cap && (connectors.Has(toks[i].low) || toks[i].low == "and")
		}
		capWord := func(i int) bool { return toks[i].kind == tWord && toks[i].cap }
		// left and right ends of the run of names a token belongs to
		left := func(i int) int {
			for i > 0 && (capWord(i-1) || i > 1 && joins(i-1) && capWord(i-2)) {
				i--
			}
			return i
		}
		right := func(i int) int {
			for i+1 < len(toks) && (capWord(i+1) || i+2 < len(toks) && joins(i+1) && capWord(i+2)) {
				i++
			}
			return i
		}
		for k, t := range toks {
			if t.kind != tWord || t.cap {
				continue
			}
			switch {
			case t.low == "according" && k+2 < len(toks) && accordingTo.Has(t.low+" "+toks[k+1].low):
				if isStart[toks[k+2].start] {
					add(t.start, toks[right(k+2)].end)
				}
			case k == 0:
			// a name right before the verb, or "…,” said Jane Roe" (the
			// verb opening its clause); the cheap checks of place first,
			// the lexicon last
			case isEnd[toks[k-1].end] && isSpeechVerb(t.low):
				add(toks[left(k-1)].start, t.end)
			case k+1 < len(toks) && toks[k-1].kind == tPunct && isStart[toks[k+1].start] && isSpeechVerb(t.low):
				add(t.start, toks[right(k+1)].end)
			}
		}
	}
	return out
}
