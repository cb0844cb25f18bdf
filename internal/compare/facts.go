package compare

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
	"github.com/parallaxnews/parallax/internal/quantity"
)

// Thresholds on the similarity of two sentences (cosine of their weighted
// words, names, numbers and dates). Above shareAt they report the same
// thing; below exclusiveUnder a sentence has no counterpart elsewhere.
const (
	shareAt        = 0.20
	exclusiveUnder = 0.15
	evidenceWords  = 60
	figureWords    = 24 // evidence for a figure: its clause, not the whole sentence
)

// sameSource: an article and its copy are one source, not two outlets.
func (s *story) sameSource(a, b *parallax.Analysis) bool {
	if a == b || s.outletOf[a.Article.ID] == s.outletOf[b.Article.ID] {
		return true
	}
	d := s.in.DuplicateOf
	return d[a.Article.ID] == b.Article.ID || d[b.Article.ID] == a.Article.ID ||
		d[a.Article.ID] != "" && d[a.Article.ID] == d[b.Article.ID]
}

// factUnit: sentences that can carry a fact — not headlines, not bare
// quotations, not fragments.
func factUnit(u *unit) bool {
	return !u.quoted && !u.question && u.words >= 5 && u.words <= 80 && !u.art.Sentences[u.idx].Heading &&
		!(u.art.Article.TitleSpan.Len() > 0 && u.span.Start == u.art.Article.TitleSpan.Start) && !labelLine(u)
}

// labelLine: the sentence is a whole line of its own without a sentence's
// closing mark — a sub-heading, a caption or a link label ("Watch: drone
// video of the flood"), which names a topic and states no fact.
func labelLine(u *unit) bool {
	text := u.art.Article.Text
	before := strings.TrimRight(text[:u.span.Start], " \t")
	after := strings.TrimLeft(text[u.span.End:], " \t")
	if before != "" && !strings.HasSuffix(before, "\n") || after != "" && !strings.HasPrefix(after, "\n") {
		return false
	}
	last := strings.TrimRight(u.span.Of(text), " \t")
	r, _ := utf8.DecodeLastRuneInString(last)
	return !strings.ContainsRune(".!?…\"”’»)", r)
}

type uf []int

func (p uf) find(i int) int {
	for p[i] != i {
		p[i] = p[p[i]]
		i = p[i]
	}
	return i
}

// facts lines up what the outlets report: sentences that say the same
// thing, and figures for the same thing.
func (s *story) facts() []parallax.Fact {
	var facts []parallax.Fact
	// 1. sentences that say the same thing in different outlets: merge the
	// most similar pairs first, one sentence per article in a fact, while the
	// average similarity inside the fact stays above shareAt
	type pair struct {
		i, j int
		sim  float64
	}
	var pairs []pair
	best := make([]float64, len(s.units)) // best similarity to another outlet
	sims := map[[2]int]float64{}
	for i, u := range s.units {
		if !factUnit(u) {
			continue
		}
		for j := i + 1; j < len(s.units); j++ {
			v := s.units[j]
			if !factUnit(v) || s.sameSource(u.art, v.art) {
				continue
			}
			c := cosine(u.vec, v.vec)
			if s.support(u, v) < 3 {
				c = 0
			}
			best[i], best[j] = maxF(best[i], c), maxF(best[j], c)
			if c >= shareAt*0.8 {
				sims[[2]int{i, j}] = c
				if c >= shareAt {
					pairs = append(pairs, pair{i, j, c})
				}
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].sim > pairs[b].sim })
	cluster := make([]int, len(s.units)) // unit → cluster id (-1 none)
	for i := range cluster {
		cluster[i] = -1
	}
	var members [][]int
	sim := func(i, j int) float64 {
		if i > j {
			i, j = j, i
		}
		return sims[[2]int{i, j}]
	}
	for _, p := range pairs {
		ci, cj := cluster[p.i], cluster[p.j]
		a := []int{p.i}
		if ci >= 0 {
			a = members[ci]
		}
		b := []int{p.j}
		if cj >= 0 {
			b = members[cj]
		}
		if ci >= 0 && ci == cj {
			continue
		}
		// one sentence per article, and the link must hold on average
		ok, total := true, 0.0
		for _, x := range a {
			for _, y := range b {
				if s.units[x].art == s.units[y].art {
					ok = false
				}
				total += sim(x, y)
			}
		}
		if !ok || total/float64(len(a)*len(b)) < shareAt {
			continue
		}
		merged := append(append([]int{}, a...), b...)
		id := len(members)
		members = append(members, merged)
		for _, x := range merged {
			cluster[x] = id
		}
	}
	for id, ms := range members {
		live := true
		for _, x := range ms {
			if cluster[x] != id {
				live = false
				break
			}
		}
		if !live {
			continue
		}
		var us []*unit
		for _, x := range ms {
			us = append(us, s.units[x])
		}
		f := s.sentenceFact(us)
		if len(f.Outlets) < 2 {
			continue
		}
		for _, u := range us {
			u.fact = len(facts)
		}
		facts = append(facts, f)
	}
	// 2. figures for the same thing
	facts = append(facts, s.quantityFacts()...)
	facts = append(facts, s.rankFacts()...)
	// 3. what only one outlet says: a sentence with no counterpart that
	// names something or gives a figure no other outlet does
	for i, u := range s.units {
		own := s.hasOwnName(u) || s.hasOwnYear(u)
		if !factUnit(u) || u.fact >= 0 || best[i] >= exclusiveUnder && !own {
			continue
		}
		if !(own || s.hasOwnFigure(u) || best[i] < exclusiveUnder && u.words >= 8) {
			continue
		}
		sp := clause(u.art.Article.Text, u.span, u.span, evidenceWords)
		if best[i] >= exclusiveUnder {
			// others tell the sentence; what is this outlet's own is the
			// clause that names what they don't
			part, ok := s.ownPart(u)
			if !ok {
				continue
			}
			sp = trimMarks(u.art.Article.Text, u.span, segmentOf(u.art.Article.Text, u.span, part))
		}
		facts = append(facts, parallax.Fact{Kind: "statement", Summary: summarize(sp.Of(u.art.Article.Text)),
			Evidence: []parallax.Evidence{s.evidence(u.art, sp)}})
	}
	// 4. names only one outlet gives, inside sentences others share
	facts = append(facts, s.nameExclusives()...)
	for i := range facts {
		s.finishFact(&facts[i], i)
		s.dropCarriedOmissions(&facts[i])
		s.dropFigureOmissions(&facts[i])
	}
	sort.SliceStable(facts, func(i, j int) bool { return len(facts[i].Outlets) > len(facts[j].Outlets) })
	for i := range facts {
		facts[i].ID = "f" + strconv.Itoa(i+1)
	}
	return facts
}

// hasOwnName: the sentence names someone or something no other outlet names.
func (s *story) hasOwnName(u *unit) bool {
	for g := range u.ents {
		if s.ownGroup(u, g) {
			return true
		}
	}
	return false
}

// trimMarks drops the closing quotation marks and spaces a clause cut
// after ("…origin," according to …) leaves at its start.
func trimMarks(text string, sent, sp parallax.Span) parallax.Span {
	for sp.Start > sent.Start && sp.Start < sp.End {
		r, n := utf8.DecodeRuneInString(text[sp.Start:])
		if !strings.ContainsRune("\"”’' ", r) {
			break
		}
		sp.Start += n
	}
	return sp
}

// segmentOf is the part of the sentence sent between the clause breaks
// (, ; : and dashes) around sp, joined with its neighbours while it is
// shorter than six words; the whole sentence when it has no break.
func segmentOf(text string, sent, sp parallax.Span) parallax.Span {
	var cuts []int // offsets right after a break
	cuts = append(cuts, sent.Start)
	for i := sent.Start; i < sent.End; i++ {
		switch text[i] {
		case ',', ';', ':':
			cuts = append(cuts, i+1)
		}
	}
	cuts = append(cuts, sent.End)
	k := 0
	for k+1 < len(cuts)-1 && cuts[k+1] <= sp.Start {
		k++
	}
	lo, hi := k, k+1
	for hi < len(cuts)-1 && cuts[hi] < sp.End {
		hi++
	}
	words := func() int { return len(strings.Fields(text[cuts[lo]:cuts[hi]])) }
	for words() < 6 && (lo > 0 || hi < len(cuts)-1) {
		if hi < len(cuts)-1 {
			hi++
		} else {
			lo--
		}
	}
	out := parallax.Span{Start: cuts[lo], End: cuts[hi]}
	for out.Start < out.End && text[out.Start] == ' ' {
		out.Start++
	}
	for out.End > out.Start && strings.ContainsRune(" ,;:", rune(text[out.End-1])) {
		out.End--
	}
	return out
}

// ownPart is the span of the first name or year in u that no other outlet
// gives, leaving out the outlet's own name ("The Gazette has learned").
func (s *story) ownPart(u *unit) (parallax.Span, bool) {
	outlet := strings.ToLower(s.outletOf[u.art.Article.ID])
	best := parallax.Span{Start: -1}
	for i := range u.art.Entities {
		e := &u.art.Entities[i]
		g := s.ents.groupOf(e.Name)
		if g < 0 || !u.ents[g] || !s.ownGroup(u, g) || ownOutlet(outlet, e.Name) {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start >= u.span.Start && m.End <= u.span.End && (best.Start < 0 || m.Start < best.Start) {
				best = m
			}
		}
	}
	if best.Start < 0 && s.hasOwnYear(u) {
		for _, di := range u.dates {
			d := u.art.Dates[di]
			if len(d.Date) >= 4 && len(s.yearOutlets[d.Date[:4]]) == 1 {
				best = d.Span
				break
			}
		}
	}
	return best, best.Start >= 0
}

// ownOutlet: name is the outlet's own ("Gazette" of gazette.com).
func ownOutlet(outlet, name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if len(w) >= 4 && strings.Contains(outlet, w) {
			return true
		}
	}
	return false
}

// hasOwnFigure: the sentence gives a figure that no other outlet gives of
// the same thing with a compatible value ("surpassing 400 seats" is what
// others tell as "412 seats", not a detail of this outlet's own).
func (s *story) hasOwnFigure(u *unit) bool {
	for _, qi := range u.qtys {
		q := &u.art.Quantities[qi]
		if !informative(q) {
			continue
		}
		shared := false
		for _, v := range s.units {
			if shared || s.sameSource(u.art, v.art) {
				continue
			}
			for _, qj := range v.qtys {
				r := &v.art.Quantities[qj]
				if quantity.SameThing(*q, *r) && compatible(q, r) {
					shared = true
					break
				}
			}
		}
		if !shared {
			return true
		}
	}
	return false
}

// hasOwnYear: the sentence dates something to a year that no other outlet
// mentions ("the 1977-built bridge"): a detail only this outlet gives.
func (s *story) hasOwnYear(u *unit) bool {
	if s.yearOutlets == nil {
		s.yearOutlets = map[string]map[string]bool{}
		for _, a := range s.arts {
			for _, d := range a.Dates {
				if d.Published || d.Relative || len(d.Date) < 4 {
					continue
				}
				y := d.Date[:4]
				if s.yearOutlets[y] == nil {
					s.yearOutlets[y] = map[string]bool{}
				}
				s.yearOutlets[y][s.outletOf[a.Article.ID]] = true
			}
		}
	}
	pub := u.art.Article.Published.Format("2006")
	for _, di := range u.dates {
		d := u.art.Dates[di]
		if d.Published || d.Relative || len(d.Date) < 4 || d.Date[:4] == pub {
			continue
		}
		if len(s.yearOutlets[d.Date[:4]]) == 1 {
			return true
		}
	}
	return false
}

func (s *story) sentenceFact(us []*unit) parallax.Fact {
	// the most central sentence speaks for the group
	rep := us[0]
	for _, u := range us {
		if u.centrality > rep.centrality || u.centrality == rep.centrality && u.words < rep.words {
			rep = u
		}
	}
	f := parallax.Fact{Kind: "statement", Summary: summarize(rep.span.Of(rep.art.Article.Text))}
	seen := map[string]bool{}
	for _, u := range us {
		if seen[u.art.Article.ID] {
			continue // one piece of evidence per article
		}
		seen[u.art.Article.ID] = true
		sp := clause(u.art.Article.Text, u.span, u.span, evidenceWords)
		f.Evidence = append(f.Evidence, s.evidence(u.art, sp))
	}
	s.finishFact(&f, 0)
	return f
}

// dropCarriedOmissions: an outlet writing in another language than the
// fact's evidence is not said to leave the fact out when one of its
// sentences carries most of the language-free marks of one evidence
// sentence — its names, figures and dates ("67 pessoas", "American
// Airlines", "29 de enero"). Its words cannot be lined up, but an omission
// claimed wrongly costs more than one not claimed.
func (s *story) dropCarriedOmissions(f *parallax.Fact) {
	if len(f.Omitted) == 0 || len(f.Evidence) == 0 || f.Kind == "name" {
		return // a name only some outlets give is carried only by naming it
	}
	langs := map[string]bool{}
	var ev []*unit
	for _, e := range f.Evidence {
		a := s.byID[e.Article]
		if a == nil {
			continue
		}
		langs[a.Language] = true
		for _, u := range s.units {
			if u.art == a && u.span.Start <= e.Start && e.Start < u.span.End {
				ev = append(ev, u)
			}
		}
	}
	carried := map[string]bool{}
	for _, v := range s.units {
		o := s.outletOf[v.art.Article.ID]
		if langs[v.art.Language] || carried[o] || !slices.Contains(f.Omitted, o) {
			continue
		}
		for _, u := range ev {
			if languageFreeShared(u, v) {
				carried[o] = true
				break
			}
		}
	}
	withdrawOmissions(f, carried) // another outlet carries it, in its own language
}

// withdrawOmissions takes the outlets that carry the fact otherwise off its
// omissions; the fact is then no outlet's exclusive.
func withdrawOmissions(f *parallax.Fact, carried map[string]bool) {
	if len(carried) == 0 {
		return
	}
	f.Omitted = slices.DeleteFunc(f.Omitted, func(o string) bool { return carried[o] })
	if len(f.Omitted) == 0 {
		f.Omitted = nil
	}
	f.Exclusive = false
}

// dropFigureOmissions: an outlet is not said to leave out a figure it
// gives of the same thing with a compatible value in a sentence not lined
// up with the fact's ("more than 40 people" against "43 people", one of
// them exact): it may tell the same fact otherwise, and an omission claimed
// wrongly costs more than one not claimed.
func (s *story) dropFigureOmissions(f *parallax.Fact) {
	if len(f.Omitted) == 0 || f.Kind != "quantity" || strings.Contains(f.Summary, exactOnly) {
		return // that only one outlet is exact is the fact: the others' vague figures do not carry it
	}
	var figs []*parallax.Quantity
	for _, e := range f.Evidence {
		a := s.byID[e.Article]
		if a == nil {
			continue
		}
		for k := range a.Quantities {
			q := &a.Quantities[k]
			// the fact's own figure, as its summary writes it, not
			// another its evidence's clause holds ("$2.5m and … at least
			// two months")
			if q.Span.Start >= e.Start && q.Span.End <= e.End && informative(q) && strings.Contains(f.Summary, strings.Join(strings.Fields(q.Text), " ")+" (") {
				figs = append(figs, q)
			}
		}
	}
	carried := map[string]bool{}
	for _, v := range s.units {
		o := s.outletOf[v.art.Article.ID]
		if carried[o] || !slices.Contains(f.Omitted, o) {
			continue
		}
		for _, qi := range v.qtys {
			r := &v.art.Quantities[qi]
			for _, q := range figs {
				if !quantity.SameThing(*q, *r) || !compatible(q, r) || !exactFigure(q) && !exactFigure(r) {
					continue // two vague figures ("more than half") agree with too much to carry each other
				}
				if (isDuration(q) || isDuration(r)) && (q.Value == nil || r.Value == nil) {
					continue // spans of time of all kinds fit a bound: "within 30 days" is no "two hours"
				}
				carried[o] = true
			}
		}
	}
	withdrawOmissions(f, carried)
}

// exactOnly is the middle of the words of a fact that only one outlet
// gives an exact figure ("Only a1 gives an exact figure: 43 people").
const exactOnly = " gives an exact figure: "

// languageFreeShared: b carries most of a's language-free marks — at
// least two, and three in five, of the names, figures and dates a gives.
func languageFreeShared(a, b *unit) bool {
	total, shared := 0, 0
	for f := range a.feats {
		if len(f) < 2 || f[1] != ':' || f[0] != 'e' && f[0] != 'n' && f[0] != 'o' && f[0] != 'd' {
			continue
		}
		total++
		if b.feats[f] > 0 {
			shared++
		}
	}
	return shared >= 2 && shared*5 >= total*3
}

// finishFact fills articles, outlets, omissions and exclusivity from the evidence.
func (s *story) finishFact(f *parallax.Fact, _ int) {
	arts := map[string]bool{}
	outs := map[string]bool{}
	for _, e := range f.Evidence {
		arts[e.Article] = true
		outs[s.outletOf[e.Article]] = true
	}
	f.Articles = s.sortArticles(arts)
	f.Outlets = slices.Sorted(maps.Keys(outs))
	f.Omitted = nil
	for _, o := range s.outlets {
		if !outs[o] {
			f.Omitted = append(f.Omitted, o)
		}
	}
	f.Exclusive = len(f.Outlets) == 1 && len(s.outlets) > 1
}

func summarize(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= 160 {
		return s
	}
	cut := strings.LastIndexByte(s[:157], ' ')
	if cut < 80 {
		cut = 157
	}
	return s[:cut] + "…"
}

// qref is one quantity in one article.
type qref struct {
	u *unit
	i int
	q *parallax.Quantity
}

func (s *story) allQuantities() []qref { return s.quantitiesWith(informative) }

// quantitiesWith lists the figures keep accepts, outside quotations and
// over-long sentences.
func (s *story) quantitiesWith(keep func(*parallax.Quantity) bool) []qref {
	var out []qref
	for _, u := range s.units {
		if u.words > 90 {
			continue
		}
		for _, qi := range u.qtys {
			q := &u.art.Quantities[qi]
			if !keep(q) || insideQuote(u.art, q.Span) {
				continue
			}
			out = append(out, qref{u, qi, q})
		}
	}
	return out
}

// related: two figures are about the same thing when they count the same
// kind of thing and their sentences overlap beyond the number itself; or
// when they are the same uncommon number of people or things in sentences
// that share anything at all ("17 violent offenders" and "17 alleged
// criminals").
func related(a, b qref) bool {
	if quantity.SameThing(*a.q, *b.q) {
		if isDuration(a.q) {
			// "out of service for two months" and "commanded it for eleven
			// years" are spans of time about different things
			return contextSim(a.u, b.u) >= 0.3
		}
		return contextSim(a.u, b.u) >= 0.12
	}
	return sameCount(a.q, b.q) && contextSim(a.u, b.u) > 0.02
}

// samePeople: the same exact number of people and of a kind of person in
// like sentences ("six people missing", "six workers missing") is one
// figure of the story, told more or less precisely.
func samePeople(a, b qref) bool {
	return a.q.Value != nil && b.q.Value != nil && !a.q.Approx && !b.q.Approx && sameValue(a.q, b.q) &&
		quantity.KindOf(*a.q, *b.q) && contextSim(a.u, b.u) >= 0.12
}

func sameCount(a, b *parallax.Quantity) bool {
	if a.Value == nil || b.Value == nil || *a.Value != *b.Value || *a.Value < 10 || a.Approx || b.Approx {
		return false
	}
	return isCount(a) && isCount(b) && a.Per == b.Per
}

// isCount: a number of people or things, not money, a share or a measure.
func isCount(q *parallax.Quantity) bool {
	switch q.Unit {
	case "percent", "percentage points", "":
		return false
	}
	return len(q.Unit) > 3 && strings.ToUpper(q.Unit) != q.Unit && !measureUnits.Has(q.Unit)
}

var measureUnits = lang.Words("measure_units", "en")

// informative: a figure worth lining up — not "two nations", not a bare
// "thousands" with nothing counted.
func informative(q *parallax.Quantity) bool {
	lo, hi, ok := q.Bounds()
	if !ok {
		return false
	}
	if q.Unit == "" {
		return false
	}
	if q.Value != nil && hi <= 2 && isCount(q) {
		return false
	}
	_ = lo
	return true
}

func insideQuote(a *parallax.Analysis, sp parallax.Span) bool {
	for _, q := range a.Quotes {
		if !q.Scare && q.Span.Start <= sp.Start && sp.End <= q.Span.End {
			return true
		}
	}
	return false
}

func maxF(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}

// contextSim is the sentences' similarity without their numbers.
func contextSim(a, b *unit) float64 {
	dot, na, nb := 0.0, 0.0, 0.0
	x, y := a.vec, b.vec
	for _, f := range x {
		if f.fam != 'n' && f.fam != 'o' {
			na += f.w * f.w
		}
	}
	for _, f := range y {
		if f.fam != 'n' && f.fam != 'o' {
			nb += f.w * f.w
		}
	}
	eachShared(x, y, func(f, g fw) {
		if f.fam != 'n' && f.fam != 'o' {
			dot += f.w * g.w
		}
	})
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / (sqrt(na) * sqrt(nb))
}

func (s *story) quantityFacts() []parallax.Fact {
	qs := s.allQuantities()
	// merge the most alike pairs first; a group holds figures that are all
	// compatible with one another, so that vague ones ("more than 400")
	// cannot chain different figures (412, 650) together
	var pairs []simPair
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			if s.sameSource(qs[i].u.art, qs[j].u.art) {
				continue
			}
			if (related(qs[i], qs[j]) || samePeople(qs[i], qs[j])) && compatible(qs[i].q, qs[j].q) {
				pairs = append(pairs, simPair{i, j, contextSim(qs[i].u, qs[j].u)})
			}
		}
	}
	members := mergePairs(len(qs), pairs, func(x, y int) bool {
		return compatible(qs[x].q, qs[y].q) && !(qs[x].u.art == qs[y].u.art && qs[x].i != qs[y].i && !sameValue(qs[x].q, qs[y].q))
	})
	var out []parallax.Fact
	for g := range qs {
		ms := members[g]
		if len(ms) == 0 {
			continue
		}
		// per article, the mention most like the other articles' mentions
		best := map[*parallax.Analysis]int{}
		score := map[int]float64{}
		for _, x := range ms {
			for _, y := range ms {
				if qs[x].u.art != qs[y].u.art {
					score[x] += contextSim(qs[x].u, qs[y].u)
				}
			}
		}
		// an article's earliest mention speaks for it unless a later one is
		// clearly more alike: news puts its main facts first (headline,
		// lead), later mentions tend to add detail
		for _, x := range ms {
			a := qs[x].u.art
			b, ok := best[a]
			switch {
			case !ok:
				best[a] = x
			case earlier(qs[x], qs[b]) && score[x] >= 0.9*score[b], !earlier(qs[x], qs[b]) && 0.9*score[x] > score[b]:
				best[a] = x
			}
		}
		var chosen []int
		for _, x := range ms {
			if best[qs[x].u.art] == x {
				chosen = append(chosen, x)
			}
		}
		sort.Ints(chosen)
		f := parallax.Fact{Kind: "quantity"}
		var exact []qref
		var vals []string
		byText := map[string][]string{} // the figure as written → outlets
		vague := false
		for _, x := range chosen {
			q := qs[x]
			sp := clause(q.u.art.Article.Text, q.u.span, q.q.Span, figureWords)
			f.Evidence = append(f.Evidence, s.evidence(q.u.art, sp))
			t := strings.Join(strings.Fields(q.q.Text), " ")
			if _, ok := byText[t]; !ok {
				vals = append(vals, t)
			}
			byText[t] = appendUniq(byText[t], s.outletOf[q.u.art.Article.ID])
			if q.q.Value != nil && !q.q.Approx {
				exact = append(exact, q)
			} else {
				vague = true
			}
		}
		for i, t := range vals {
			vals[i] = fmt.Sprintf("%s (%s)", t, strings.Join(byText[t], ", "))
		}
		f.Summary = strings.Join(vals, " · ")
		out = append(out, f)
		// a precise figure only one outlet gives, where others are vague
		if len(chosen) >= 2 && len(exact) == 1 && vague {
			q := exact[0]
			sp := clause(q.u.art.Article.Text, q.u.span, q.q.Span, figureWords)
			out = append(out, parallax.Fact{Kind: "quantity",
				Summary:  fmt.Sprintf("Only %s"+exactOnly+"%s", s.outletOf[q.u.art.Article.ID], q.q.Text),
				Evidence: []parallax.Evidence{s.evidence(q.u.art, sp)}})
		}
	}
	return out
}

func earlier(a, b qref) bool { return a.q.Span.Start < b.q.Span.Start }

func sameValue(a, b *parallax.Quantity) bool {
	alo, ahi, _ := a.Bounds()
	blo, bhi, _ := b.Bounds()
	return alo == blo && ahi == bhi
}

func describeQuantity(q *parallax.Quantity) string {
	unit := q.Unit
	if q.Head != "" {
		unit = q.Head
	}
	if unit == "" {
		unit = "figure"
	}
	return "Figure for " + unit
}

// nameExclusives: a person, organisation or place that only one outlet
// names, in a sentence that otherwise lines up with other outlets ("critics"
// elsewhere, "Amnesty International" here).
func (s *story) nameExclusives() []parallax.Fact {
	var out []parallax.Fact
	done := map[int]bool{}
	for _, u := range s.units {
		if u.fact < 0 {
			continue
		}
		for _, g := range slices.Sorted(maps.Keys(u.ents)) {
			if done[g] || !s.ownGroup(u, g) {
				continue
			}
			it := s.ents.items[s.ents.groups[g][0]]
			switch it.ent.Type {
			case parallax.Person, parallax.Organization, parallax.Facility, parallax.Law, parallax.Event, parallax.Place:
			default:
				continue
			}
			for _, sp := range it.ent.Mentions {
				if sp.Start >= u.span.Start && sp.End <= u.span.End {
					done[g] = true
					ev := clause(u.art.Article.Text, u.span, sp, figureWords)
					out = append(out, parallax.Fact{Kind: "name",
						Summary:  fmt.Sprintf("Only %s names %s", s.outletOf[u.art.Article.ID], s.ents.groupName(g)),
						Evidence: []parallax.Evidence{s.evidence(u.art, ev)}})
					break
				}
			}
		}
	}
	return out
}

// simPair links items i and j, as alike as sim.
type simPair struct {
	i, j int
	sim  float64
}

// mergePairs groups n items along pairs, the most alike first: two groups
// join when every member of one fits every member of the other. It
// returns the members of each group by its first item (nil for items
// that joined another's group).
func mergePairs(n int, pairs []simPair, fits func(x, y int) bool) [][]int {
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].sim > pairs[b].sim })
	group := make([]int, n)
	members := make([][]int, n)
	for i := range n {
		group[i], members[i] = i, []int{i}
	}
	for _, p := range pairs {
		gi, gj := group[p.i], group[p.j]
		if gi == gj {
			continue
		}
		ok := true
		for _, x := range members[gi] {
			for _, y := range members[gj] {
				ok = ok && fits(x, y)
			}
		}
		if !ok {
			continue
		}
		for _, y := range members[gj] {
			group[y] = gi
		}
		members[gi] = append(members[gi], members[gj]...)
		members[gj] = nil
	}
	return members
}

// ownGroup: entity group g is named by u's outlet only.
func (s *story) ownGroup(u *unit, g int) bool {
	for _, it := range s.ents.groups[g] {
		if !s.sameSource(s.ents.items[it].art, u.art) {
			return false
		}
	}
	return true
}
