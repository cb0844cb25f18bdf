package stress

import (
	"maps"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/dates"
	"github.com/parallaxnews/parallax/internal/lang"
	"github.com/parallaxnews/parallax/internal/pipeline"
	"github.com/parallaxnews/parallax/internal/quantity"
)

// storyCtx is one story analysed once, for finding eligible places.
type storyCtx struct {
	story Story
	an    []*parallax.Analysis
	qs    [][]parallax.Quantity
	ds    [][]parallax.DateMention
	pool  []string // organisation-name words, for wrong acronym expansions
}

func newStoryCtx(s Story) *storyCtx {
	sc := &storyCtx{story: s, an: pipeline.AnalyzeAll(s.Articles, 1)}
	for i, a := range s.Articles {
		sc.qs = append(sc.qs, quantity.Find(a.Text, sc.lang(i)))
		sc.ds = append(sc.ds, dates.Find(a.Text, a.Published, sc.lang(i)))
	}
	return sc
}

func (sc *storyCtx) text(i int) string   { return sc.story.Articles[i].Text }
func (sc *storyCtx) outlet(i int) string { return sc.story.Articles[i].Outlet }

// lang is article i's language as the analysis found it.
func (sc *storyCtx) lang(i int) string {
	if sc.an != nil && sc.an[i].Language != "" {
		return sc.an[i].Language
	}
	return sc.story.Articles[i].Language
}

// others lists the articles of other outlets than article i's.
func (sc *storyCtx) others(i int) []int {
	var out []int
	for j := range sc.story.Articles {
		if sc.outlet(j) != sc.outlet(i) {
			out = append(out, j)
		}
	}
	return out
}

func (sc *storyCtx) ref(j int, sp parallax.Span) Ref {
	a := sc.story.Articles[j]
	return Ref{Article: a.ID, Outlet: a.Outlet, Span: sp, Text: sp.Of(a.Text)}
}

// maxCounterparts bounds the counterparts kept per injection.
const maxCounterparts = 8

// candidate is one eligible place: the words of article art at span, what
// to write instead (drawn from the stream; "" when nothing fits), and the
// other outlets' words stating the same fact.
type candidate struct {
	art     int
	span    parallax.Span
	rewrite func(r *rand.Rand) string
	counter []Ref
	// verify, when set, checks the perturbed text reads as intended (the
	// new figure is read as a figure, the new date as a date).
	verify func(inj Injection) bool
	// again are the other places of article art stating the same thing,
	// to be changed alike (see Injection.Restated).
	again []restatement
}

// restatement is another mention of a changed place in the same article:
// its span and what to write there given what the injected place became.
type restatement struct {
	span  parallax.Span
	write func(nw string) string
}

// finders maps each kind to what finds its eligible places.
var finders = map[string]func(*storyCtx) []candidate{
	KindNumber:   (*storyCtx).numbers,
	KindDate:     (*storyCtx).dates,
	KindOffice:   (*storyCtx).offices,
	KindAcronym:  (*storyCtx).acronyms,
	KindLawYear:  (*storyCtx).namedYears,
	KindModality: (*storyCtx).modalities,
	KindNegation: (*storyCtx).negations,
}

// candidates are the eligible places of one kind, in text order: not in a
// headline or a dateline, with at least one counterpart elsewhere, one per
// span.
func (sc *storyCtx) candidates(kind string) []candidate {
	var out []candidate
	seen := map[[3]int]bool{}
	for _, c := range finders[kind](sc) {
		a := sc.story.Articles[c.art]
		if len(c.counter) == 0 || overlaps(c.span, a.TitleSpan) || overlaps(c.span, a.PublishedEvidence) {
			continue
		}
		k := [3]int{c.art, c.span.Start, c.span.End}
		if seen[k] {
			continue
		}
		seen[k] = true
		if len(c.counter) > maxCounterparts {
			c.counter = c.counter[:maxCounterparts]
		}
		out = append(out, c)
	}
	return out
}

// inject draws up to k injections of kind at distinct random places.
func (sc *storyCtx) inject(kind string, r *rand.Rand, k int) []Injection {
	cands := sc.candidates(kind)
	var out []Injection
	for _, p := range r.Perm(len(cands)) {
		if len(out) == k {
			break
		}
		c := cands[p]
		old := c.span.Of(sc.text(c.art))
		nw := c.rewrite(r)
		if nw == "" || nw == old {
			continue
		}
		inj := sc.apply(kind, c, nw)
		if c.verify != nil && !c.verify(inj) {
			continue
		}
		out = append(out, inj)
	}
	return out
}

// apply writes nw over c's span, and the same change at c's restated
// mentions, and records the changed words on both sides of each: the
// smallest run of whole words outside which the texts agree.
func (sc *storyCtx) apply(kind string, c candidate, nw string) Injection {
	a := sc.story.Articles[c.art]
	text := a.Text
	type place struct {
		span parallax.Span
		nw   string
		main bool
	}
	places := []place{{c.span, nw, true}}
	for _, r := range c.again {
		if w := r.write(nw); w != "" && w != r.span.Of(text) && !overlaps(r.span, c.span) {
			places = append(places, place{r.span, w, false})
		}
	}
	sort.Slice(places, func(x, y int) bool { return places[x].span.Start < places[y].span.Start })
	inj := Injection{Kind: kind, Story: sc.story.Name, Article: a.ID, Outlet: a.Outlet, Counterparts: c.counter}
	var b strings.Builder
	at, d := 0, 0 // bytes of text copied; growth of the text so far
	for _, p := range places {
		if p.span.Start < at {
			continue // overlaps the previous place
		}
		old := p.span.Of(text)
		os, oe, ns, ne := changed(old, p.nw)
		e := Edit{
			Orig:   parallax.Span{Start: p.span.Start + os, End: p.span.Start + oe},
			Span:   parallax.Span{Start: p.span.Start + d + ns, End: p.span.Start + d + ne},
			Before: old[os:oe],
			After:  p.nw[ns:ne],
		}
		b.WriteString(text[at:p.span.Start])
		b.WriteString(p.nw)
		at, d = p.span.End, d+len(p.nw)-len(old)
		if p.main {
			inj.Orig, inj.Span, inj.Before, inj.After = e.Orig, e.Span, e.Before, e.After
		} else {
			inj.Restated = append(inj.Restated, e)
		}
	}
	b.WriteString(text[at:])
	inj.Text = b.String()
	return inj
}

// changed returns the differing regions of old and nw, [os,oe) and [ns,ne),
// widened to whole words; when a word is only added or removed, both take in
// the word next to it, so that neither side is empty.
func changed(old, nw string) (os, oe, ns, ne int) {
	p := 0
	for p < len(old) && p < len(nw) && old[p] == nw[p] {
		p++
	}
	s := 0
	for s < len(old)-p && s < len(nw)-p && old[len(old)-1-s] == nw[len(nw)-1-s] {
		s++
	}
	// back to the start of the word the change begins in
	for p > 0 && wordAt(nw, p-1) && (p < len(old) && wordAt(old, p) || p < len(nw) && wordAt(nw, p)) {
		p--
	}
	// and on to the end of the word it ends in
	for s > 0 && wordAt(nw, len(nw)-s) && (len(old)-s > 0 && wordAt(old, len(old)-s-1) || len(nw)-s > 0 && wordAt(nw, len(nw)-s-1)) {
		s--
	}
	if strings.TrimSpace(nw[p:len(nw)-s]) == "" || strings.TrimSpace(old[p:len(old)-s]) == "" {
		// a word added or removed: both sides take in the word after it, or
		// the one before when it ends the replaced words
		if s > 0 {
			for s > 0 && !wordAt(nw, len(nw)-s) {
				s--
			}
			for s > 0 && wordAt(nw, len(nw)-s) {
				s--
			}
		} else {
			for p > 0 && !wordAt(nw, p-1) {
				p--
			}
			for p > 0 && wordAt(nw, p-1) {
				p--
			}
		}
	}
	// shared white space is not part of the change
	for p < len(old)-s && p < len(nw)-s && old[p] == nw[p] && (old[p] == ' ' || old[p] == '\n') {
		p++
	}
	return p, len(old) - s, p, len(nw) - s
}

// wordAt tells whether byte i of s belongs to a word: a letter or digit (any
// byte of a multi-byte character counts), or a separator between digits
// ("1,200", "3.5").
func wordAt(s string, i int) bool {
	c := s[i]
	switch {
	case c >= 0x80:
		r, _ := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError { // inside a character
			return true
		}
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		return true
	case c == ',' || c == '.':
		return i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1])
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// orgWords is the pool of words wrong acronym expansions are drawn from:
// the words of every organisation named in the stories' English articles,
// capitalised, not acronyms themselves, English nouns (WordNet), sorted.
func orgWords(ctxs []*storyCtx) []string {
	seen := map[string]bool{}
	for _, sc := range ctxs {
		for i, a := range sc.an {
			if sc.lang(i) != "en" {
				continue
			}
			for _, e := range a.Entities {
				if e.Type != parallax.Organization {
					continue
				}
				for _, w := range strings.Fields(e.Name) {
					if len(w) >= 4 && isCapitalised(w) && strings.ToUpper(w) != w && isLetters(w) &&
						len(lang.NounClasses(strings.ToLower(w))) > 0 {
						seen[w] = true
					}
				}
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// shapeLike writes w (lower case) in the letter case of like: "GOVERNOR",
// "Governor" or "governor"; each word of a phrase separately.
func shapeLike(w, like string) string {
	if like != "" && strings.ToUpper(like) == like && strings.ToLower(like) != like {
		return strings.ToUpper(w)
	}
	if isCapitalised(like) {
		f := strings.Fields(w)
		for i, x := range f {
			r, n := utf8.DecodeRuneInString(x)
			f[i] = string(unicode.ToUpper(r)) + x[n:]
		}
		return strings.Join(f, " ")
	}
	return w
}

// pick returns a random element of xs, or "" when it is empty.
func pick(r *rand.Rand, xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[r.IntN(len(xs))]
}

// sortedUnique sorts xs and drops repeats.
func sortedUnique(xs []string) []string {
	sort.Strings(xs)
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// minSharedWords is how many content words the sentence of an eligible date
// or figure must share with a counterpart's, besides the value itself, for
// the two to state the same fact (words are compared by stem, or by the
// news-fact concept they name, so a translation can count). A value that only
// recurs elsewhere ("turned 68 on Monday" against a fight "on Monday") makes
// no disagreement a reader would see once it is changed.
const minSharedWords = 2

// factWords are the content words of the sentence of article i that holds
// sp, less the words inside sp.
func (sc *storyCtx) factWords(i int, sp parallax.Span) map[string]bool {
	a := sc.an[i]
	si := a.SentenceAt(sp.Start)
	if si < 0 {
		return nil
	}
	s := a.Sentences[si].Span
	text := sc.text(i)
	l := sc.lang(i)
	out := map[string]bool{}
	for _, part := range []string{text[s.Start:max(s.Start, sp.Start)], text[min(s.End, sp.End):s.End]} {
		for _, w := range lang.ContentWords(part) {
			if c := lang.Concept(w); c != "" {
				out["concept:"+c] = true
			}
			out[lang.Stem(w, l)] = true
		}
	}
	return out
}

// sameFact: the places sp of article i and sp2 of article j sit in
// sentences sharing minSharedWords content words.
func (sc *storyCtx) sameFact(own map[string]bool, j int, sp2 parallax.Span) bool {
	n := 0
	for w := range sc.factWords(j, sp2) {
		if own[w] {
			n++
		}
	}
	return n >= minSharedWords
}
