package analyze

import (
	"strings"

	"github.com/parallaxnews/parallax"
)

// Framing signals. The lists are short on purpose: words whose use in news
// prose almost always marks a hedge, a loaded characterisation, or the
// writer's opinion. Multi-word entries match on word boundaries.
var hedgeTerms = phraseSet(`alleged, allegedly, accused, suspected, reportedly, purported, purportedly, presumed,
presumably, apparent, apparently, unconfirmed, unverified, claimed, supposedly, believed to be, according to, is said to,
are said to, is thought to, presunto, presunta, presuntos, presuntas, presuntamente, supuesto, supuesta, supuestos,
supuestamente, acusado, acusados, acusada, acusadas, sospechoso, sospechosos, según, mutmaßlich, angeblich, présumé,
présumés, supposé`)

var loadedTerms = phraseSet(`barbarians, barbaric, thugs, crooked, radical, radicals, activist judges, liberal critics,
far-left, far-right, woke, regime, invasion, invaders, slaughter, massacre, bloodbath, illegals, illegal aliens, animals,
savages, monsters, strongman, notorious, worst people on earth, disgrace, disgraceful, shameful, catastrophic, heroic,
evil, vile, horrific, tyrant, dictator, puppet, propaganda, witch hunt, hoax, fake news, sham, so-called, elites,
murderers, rapists, narcoterrorists, draconian, brutal, heinous, bárbaros, matones, asesinos, violadores, dictador,
dictadura, régimen, invasión`)

var opinionTerms = phraseSet(`i think, i believe, we believe, in my view, clearly, obviously, undoubtedly, of course,
unfortunately, fortunately, sadly, thankfully, shamefully, rightly, wrongly, arguably, surely, needless to say,
it is time, a win for, a necessary defense`)

// phrases is a set of lower-case word sequences, indexed by first word.
type phrases struct {
	first map[string][][]string
}

func phraseSet(s string) phrases {
	p := phrases{first: map[string][][]string{}}
	for _, e := range strings.Split(s, ",") {
		f := strings.Fields(e)
		if len(f) > 0 {
			p.first[f[0]] = append(p.first[f[0]], f)
		}
	}
	return p
}

// match returns the length in tokens of the longest entry starting at toks[i], or 0.
func (p phrases) match(d *doc, toks []token, i int) int {
	cands := p.first[d.lw(toks[i])]
	best := 0
	for _, c := range cands {
		if len(c) > len(toks)-i {
			continue
		}
		ok := true
		for k, w := range c {
			if d.lw(toks[i+k]) != w {
				ok = false
				break
			}
		}
		if ok && len(c) > best {
			best = len(c)
		}
	}
	return best
}

// signals finds hedges, loaded terms and opinion markers. A hedge's
// evidence runs on to the noun it qualifies ("alleged gang members").
func (d *doc) signals(lang string) []parallax.Signal {
	var out []parallax.Signal
	for _, toks := range d.sentToks {
		for i := 0; i < len(toks); i++ {
			if toks[i].kind != tWord {
				continue
			}
			for _, kind := range []struct {
				name string
				p    phrases
			}{{"hedge", hedgeTerms}, {"loaded", loadedTerms}, {"opinion", opinionTerms}} {
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

var attributionCues = set(`said says told stated according reported announced declared claimed added noted wrote
confirmed insisted argued explained warned dijo afirmó según declaró señaló aseguró informó`)

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
			if t.kind == tWord && attributionCues[d.lw(t)] {
				a.Sentences[i].Attributed = true
				break
			}
		}
	}
}
