package compare

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax"
)

// rankFacts lines up the same ordinal in figures told by several outlets in
// like sentences ("elected the 267th pope", "the 267th pontiff"): a rank is
// a fact of its own, which a sentence fact about the wider event does not
// carry. Like figures, two mentions join when their sentences share more
// than the number, and a group holds one mention per article.
func (s *story) rankFacts() []parallax.Fact {
	type oref struct {
		u  *unit
		sp parallax.Span
		v  int
	}
	var os []oref
	for _, u := range s.units {
		if u.words > 90 || u.quoted {
			continue
		}
		for _, o := range u.ords {
			sp := parallax.Span{Start: o.Start, End: o.End}
			if !insideQuote(u.art, sp) {
				os = append(os, oref{u, sp, o.Value})
			}
		}
	}
	var pairs []simPair
	for i := range os {
		for j := i + 1; j < len(os); j++ {
			if os[i].v != os[j].v || s.sameSource(os[i].u.art, os[j].u.art) {
				continue
			}
			if c := contextSim(os[i].u, os[j].u); c >= 0.12 {
				pairs = append(pairs, simPair{i, j, c})
			}
		}
	}
	members := mergePairs(len(os), pairs, func(x, y int) bool { return os[x].u.art != os[y].u.art })
	var out []parallax.Fact
	for _, ms := range members {
		if len(ms) < 2 {
			continue
		}
		sort.Ints(ms)
		f := parallax.Fact{Kind: "quantity"}
		var forms []string
		byForm := map[string][]string{}
		for _, x := range ms {
			o := os[x]
			text := o.u.art.Article.Text
			f.Evidence = append(f.Evidence, s.evidence(o.u.art, clause(text, o.u.span, o.sp, figureWords)))
			form := rankPhrase(text, o.sp, o.u.span.End)
			if _, ok := byForm[form]; !ok {
				forms = append(forms, form)
			}
			byForm[form] = appendUniq(byForm[form], s.outletOf[o.u.art.Article.ID])
		}
		for i, t := range forms {
			forms[i] = fmt.Sprintf("%s (%s)", t, strings.Join(byForm[t], ", "))
		}
		f.Summary = strings.Join(forms, " · ")
		out = append(out, f)
	}
	return out
}

// rankPhrase is the ordinal with the word after it, within the sentence
// ending at end ("267th pope").
func rankPhrase(text string, sp parallax.Span, end int) string {
	i := sp.End
	for i < end && text[i] == ' ' {
		i++
	}
	j := strings.IndexFunc(text[i:end], func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if j < 0 {
		j = end - i
	}
	if j == 0 {
		return sp.Of(text)
	}
	return text[sp.Start : i+j]
}
