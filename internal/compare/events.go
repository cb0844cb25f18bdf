package compare

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// An event claim says that something happened to a subject, or that it did
// not: "three people were killed" / "no people were killed", "the bridge was
// closed" / "the bridge was not closed", "the ceremony took place" / "did not
// take place". Two outlets that tell the same happening with opposite
// polarity contradict each other.
type eventClaim struct {
	key      string // subject and verb, folded: "person|kill", "bridge|close"
	negative bool
	named    bool // the subject is a name ("Horton was not killed")
	// perfect: negated in the present perfect ("have not been released"),
	// which tells the state when the article was written, not that it
	// never happened
	perfect bool
	u       *unit
	sp      parallax.Span
}

var (
	passiveEventRe = regexp.MustCompile(`\b(\p{L}+)\s+(?:(?:was|were)\s+(not\s+|never\s+)?|(?:has|have|had)\s+(not\s+|never\s+)?been\s+)(\p{Ll}+)\b`)
	happenEventRe  = regexp.MustCompile(`\b(\p{L}+)\s+(did not |never )?(` + happenAlternation() + `)\b`)
)

// happenBase maps the verbs of happening, past and base forms ("took
// place", "take place"), to their base form, from the language layer's
// happening_verbs ("took place" → "did not take place").
var happenBase = func() map[string]string {
	m := map[string]string{}
	for past, neg := range lang.Pairs("happening_verbs", "en") {
		base := strings.TrimPrefix(neg, "did not ")
		m[past], m[base] = base, base
	}
	return m
}()

// happenAlternation is happenBase's forms as a regexp alternation, longest
// first.
func happenAlternation() string {
	var alt []string
	for w := range happenBase {
		alt = append(alt, regexp.QuoteMeta(w))
	}
	sort.Slice(alt, func(a, b int) bool { return len(alt[a]) > len(alt[b]) || len(alt[a]) == len(alt[b]) && alt[a] < alt[b] })
	return strings.Join(alt, "|")
}

// eventClaims reads the event clauses of the story's English sentences,
// outside quotations.
func (s *story) eventClaims() []eventClaim {
	var out []eventClaim
	for _, u := range s.units {
		if u.quoted || u.art.Language != "en" && u.art.Language != "" {
			continue
		}
		text := u.art.Article.Text
		sent := u.span.Of(text)
		add := func(subjStart, subjEnd int, verb string, neg, perfect bool, end int) {
			subj := strings.ToLower(sent[subjStart:subjEnd])
			if len(subj) < 3 || pronouns.Has(subj) || determiners.Has(subj) || stopSubjects.Has(subj) {
				return
			}
			// "no people were killed", "no financial terms of the deal were
			// disclosed": a negation earlier in the clause negates it
			// (the clause starts after a comma, a conjunction or a word that
			// opens a complement: "couldn't say how many shots were fired")
			clauseStart := strings.LastIndexAny(sent[:subjStart], ",;:") + 1
			words := strings.Fields(strings.ToLower(sent[clauseStart:subjStart]))
			for k := len(words) - 1; k >= 0; k-- {
				if clauseOpeners.Has(words[k]) {
					words = words[k+1:]
					break
				}
			}
			for _, w := range words {
				if negations.Has(w) || strings.HasSuffix(w, "n't") || w == "none" || w == "nobody" {
					neg = !neg
				}
			}
			if insideQuote(u.art, parallax.Span{Start: u.span.Start + subjStart, End: u.span.Start + end}) {
				return
			}
			key := strings.TrimSuffix(subj, "s") + "|" + verbStem(verb)
			if neg && limitedNegation(sent[end:]) {
				return // "was not arrested until Friday": it happened, later
			}
			named := mentionAt(u.art, u.span.Start+subjStart, u.span.Start+subjEnd)
			out = append(out, eventClaim{key: key, negative: neg, named: named, perfect: neg && perfect, u: u, sp: parallax.Span{Start: u.span.Start + subjStart, End: u.span.Start + end}})
		}
		for _, m := range passiveEventRe.FindAllStringSubmatchIndex(sent, -1) {
			if !participle(sent[m[8]:m[9]]) {
				continue
			}
			// "was not closed", "has not been closed"
			perfect := m[6] >= 0 && !strings.HasPrefix(strings.ToLower(sent[m[3]:m[6]]), " had")
			add(m[2], m[3], sent[m[8]:m[9]], m[4] >= 0 || m[6] >= 0, perfect, m[1])
		}
		for _, m := range happenEventRe.FindAllStringSubmatchIndex(sent, -1) {
			add(m[2], m[3], sent[m[6]:m[7]], m[4] >= 0, false, m[1])
		}
	}
	return out
}

var clauseOpeners = lang.Words("clause_openers", "en")

// participle: a past participle, regular ("closed", "taken", "thrown",
// "built", "swept", "done"), irregular from WordNet ("shot", "sent",
// "struck") or one that is the base form ("hit", "set", "put").
func participle(w string) bool {
	for _, suf := range participleEndings {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return irregularPast.Has(w) || zeroPast.Has(w)
}

var (
	zeroPast          = lang.Words("zero_past", "en")
	participleEndings = lang.Words("participle_endings", "en").Entries()
)

// verbStem folds "took place"/"take place" and regular past forms.
func verbStem(v string) string {
	if b, ok := happenBase[v]; ok {
		return b
	}
	return stem(v, "en")
}

// eventConflicts: one outlet says a happening took place, another that it
// did not, in sentences that tell the same (alike enough to be one fact).
func (s *story) eventConflicts() []parallax.Conflict {
	cs := s.eventClaims()
	var out []parallax.Conflict
	done := map[string]bool{}
	for i := range cs {
		a := cs[i]
		if !a.negative || done[a.key] {
			continue
		}
		var pos []eventClaim
		seen := map[string]bool{}
		for j := range cs {
			b := cs[j]
			need := minEventSim
			if a.named && b.named {
				need = minNamedEventSim // a named subject and its verb say what happened to whom
			}
			if b.negative || b.key != a.key || s.sameSource(a.u.art, b.u.art) || contextSim(a.u, b.u) < need {
				continue
			}
			if o := s.outletOf[b.u.art.Article.ID]; !seen[o] {
				seen[o] = true
				pos = append(pos, b)
			}
		}
		if len(pos) == 0 || s.bothPolarities(cs, a.key) {
			continue
		}
		done[a.key] = true
		c := parallax.Conflict{Kind: "event", Label: parallax.LabelContradiction, Subject: a.sp.Of(a.u.art.Article.Text)}
		var side []parallax.Evidence
		for _, b := range pos {
			side = append(side, s.evidence(b.u.art, clause(b.u.art.Article.Text, b.u.span, b.sp, 30)))
		}
		c.Sides = [][]parallax.Evidence{side, {s.evidence(a.u.art, clause(a.u.art.Article.Text, a.u.span, a.sp, 30))}}
		c.Summary = fmt.Sprintf("%s says it did not happen (%q) where %s say it did", s.outletOf[a.u.art.Article.ID],
			a.sp.Of(a.u.art.Article.Text), strings.Join(outletNames(s, side), ", "))
		if a.perfect && !happenedBefore(pos, a) {
			// "have not been released" tells the state when it was
			// written; the others' "were released" may be later news
			c.Label = parallax.LabelUpdated
			c.Sides[0], c.Sides[1] = c.Sides[1], c.Sides[0]
			c.Summary = fmt.Sprintf("%s says it had not happened yet (%q); later %s say it did", s.outletOf[a.u.art.Article.ID],
				a.sp.Of(a.u.art.Article.Text), strings.Join(outletNames(s, side), ", "))
		}
		out = append(out, c)
	}
	return out
}

// happenedBefore: every article saying it happened was published before
// the one saying it has not happened yet, so that one disputes them.
func happenedBefore(pos []eventClaim, neg eventClaim) bool {
	t := neg.u.art.Article.Published
	if t.IsZero() {
		return false
	}
	for _, p := range pos {
		if pt := p.u.art.Article.Published; pt.IsZero() || !pt.Before(t) {
			return false
		}
	}
	return true
}

// mentionAt: a name's mention covers the span.
func mentionAt(a *parallax.Analysis, start, end int) bool {
	for i := range a.Entities {
		for _, m := range a.Entities[i].Mentions {
			if m.Start <= start && end <= m.End {
				return true
			}
		}
	}
	return false
}

// limitedNegation: the words after a negated verb limit the negation in
// time or by condition ("until Friday", "unless …").
func limitedNegation(after string) bool {
	f := strings.Fields(strings.ToLower(after))
	return len(f) > 0 && negationLimits.Has(strings.Trim(f[0], ",.;:"))
}

var negationLimits = lang.Words("negation_limits", "en")

// bothPolarities: some article says the happening took place and did not
// ("was not arrested at the scene but was arrested on Friday"): two
// happenings, and no outlet's account disputes another's.
func (s *story) bothPolarities(cs []eventClaim, key string) bool {
	pol := map[*parallax.Analysis]int{}
	for _, c := range cs {
		if c.key != key {
			continue
		}
		bit := 1
		if c.negative {
			bit = 2
		}
		pol[c.u.art] |= bit
		if pol[c.u.art] == 3 {
			return true
		}
	}
	return false
}

// minEventSim: how alike two sentences must be to tell one happening
// (the subject and its verb already agree: "the roof was engulfed" is
// told in sentences worded apart); minNamedEventSim when both name the
// subject.
var (
	minEventSim      = 0.1
	minNamedEventSim = 0.0
)

// modalityConflicts: two outlets tell the same act of a named actor, one as
// fact and the other hedged ("allegedly", "reportedly", "is accused of"): a
// difference of characterisation. The sentences must be alike enough to be
// one fact and name the same actor; attributions ("according to") are not
// hedges here, and quoted sentences are the speaker's, not the outlet's.
func (s *story) modalityConflicts() []parallax.Conflict {
	var out []parallax.Conflict
	used := map[*unit]bool{}
	for _, h := range s.units {
		hedge := ownHedge(h)
		if hedge == nil || h.quoted || used[h] {
			continue
		}
		var asserted []*unit
		seen := map[string]bool{}
		for _, a := range s.units {
			if a.quoted || used[a] || len(a.hedges) > 0 || s.sameSource(h.art, a.art) || sharedGroups(h, a) == 0 {
				continue
			}
			if contextSim(h, a) < minModalitySim || !tellsScope(hedge, a) {
				continue
			}
			if o := s.outletOf[a.art.Article.ID]; !seen[o] {
				seen[o] = true
				asserted = append(asserted, a)
			}
		}
		if len(asserted) == 0 {
			continue
		}
		used[h] = true
		c := parallax.Conflict{Kind: "characterization", Label: parallax.LabelCharacterization, Subject: hedge.Text}
		var side []parallax.Evidence
		for _, a := range asserted {
			used[a] = true
			side = append(side, s.evidence(a.art, clause(a.art.Article.Text, a.span, a.span, 40)))
		}
		c.Sides = [][]parallax.Evidence{side, {s.evidence(h.art, clause(h.art.Article.Text, h.span, hedge.Span, 40))}}
		c.Summary = fmt.Sprintf("%s asserts what %s reports as %q", strings.Join(outletNames(s, side), ", "), s.outletOf[h.art.Article.ID], hedge.Text)
		out = append(out, c)
	}
	return append(out, s.actModality(used)...)
}

// tellsScope: the asserting sentence states what the hedge hedges — the
// first content word after the hedge's marker ("allegedly drunk driver":
// "drunk"); a sentence that never says it asserts nothing the other hedges.
func tellsScope(h *parallax.Signal, a *unit) bool {
	f := strings.Fields(strings.ToLower(h.Text))
	for _, w := range f[min(1, len(f)):] {
		w = strings.Trim(w, ",.;:\"'“”")
		if w == "" || lang.Stopword(w) {
			continue
		}
		for _, x := range strings.Fields(strings.ToLower(a.span.Of(a.art.Article.Text))) {
			if stem(strings.Trim(x, ",.;:\"'“”"), "en") == stem(w, "en") {
				return true
			}
		}
		return false
	}
	return true
}

// An act is a named actor and the verb right after the name: "Reid checked
// into rehab", "Reid allegedly checked". The hedge, when there is one, sits
// between them.
type act struct {
	key    string // entity group | verb stem
	u      *unit
	hedge  *parallax.Signal
	sp     parallax.Span
	actor  string
	hedged bool
}

// acts lists the acts of the story's unquoted sentences.
func (s *story) acts() []act {
	var out []act
	for _, u := range s.units {
		if u.quoted || len(u.ents) == 0 {
			continue
		}
		text := u.art.Article.Text
		h := ownHedge(u)
		for i := range u.art.Entities {
			e := &u.art.Entities[i]
			g := s.ents.groupOf(e.Name)
			if g < 0 || !u.ents[g] {
				continue
			}
			for _, m := range e.Mentions {
				if m.Start < u.span.Start || m.End > u.span.End || insideQuote(u.art, m) {
					continue
				}
				rest := text[m.End:u.span.End]
				f := strings.Fields(rest)
				a := act{u: u, actor: e.Name}
				k := 0
				if h != nil && h.Span.Start >= m.End && strings.TrimSpace(text[m.End:h.Span.Start]) == "" {
					a.hedge, a.hedged = h, true
					k = 1 // the hedge's marker word; its span runs on over the act
				}
				if k >= len(f) {
					continue
				}
				v := strings.ToLower(strings.Trim(f[k], ",.;:"))
				if !(strings.HasSuffix(v, "ed") && len(v) >= 5 || irregularPast.Has(v)) || attributionVerbs.Has(v) {
					continue // a verb in the past, regular or irregular ("threw", "fell"): the act told as done; not who said it
				}
				a.key = strconv.Itoa(g) + "|" + stem(v, "en")
				a.sp = parallax.Span{Start: m.Start, End: m.End + strings.Index(rest, f[k]) + len(f[k])}
				out = append(out, a)
			}
		}
	}
	return out
}

// reportedAct: the act is told inside someone's words — a complement of a
// verb of saying or an utterance noun ("prosecutors' claim that Carrasquillo
// ordered", "police said Reid checked"): the outlet reports it, it does not
// assert it.
func reportedAct(a act) bool {
	text := a.u.art.Article.Text
	before := strings.Fields(strings.ToLower(text[a.u.span.Start:a.sp.Start]))
	for i := len(before) - 1; i >= 0 && i >= len(before)-4; i-- {
		w := strings.Trim(before[i], ",.;:")
		w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), "'")
		if speechVerbs.Has(w) || utteranceNouns.Has(w) || reportNouns.Has(w) {
			return true
		}
	}
	return false
}

var (
	speechVerbs    = lang.Words("speech_verbs", "en")
	utteranceNouns = lang.Words("utterance_nouns", "en")
	reportNouns    = lang.Words("report_nouns", "en")
)

// actModality: an act one outlet hedges ("Reid allegedly checked into
// rehab") and another tells as fact ("Reid checked into rehab"), named the
// same and with the same verb, in sentences however worded; an article that
// both hedges and asserts it disputes nothing. used are the units already
// in a characterization.
func (s *story) actModality(used map[*unit]bool) []parallax.Conflict {
	as := s.acts()
	mixed := map[string]map[*parallax.Analysis]int{}
	for _, a := range as {
		if mixed[a.key] == nil {
			mixed[a.key] = map[*parallax.Analysis]int{}
		}
		bit := 1
		if a.hedged {
			bit = 2
		}
		mixed[a.key][a.u.art] |= bit
	}
	var out []parallax.Conflict
	done := map[string]bool{}
	for _, h := range as {
		if !h.hedged || done[h.key] || used[h.u] || mixed[h.key][h.u.art] == 3 || h.u.art.Language != "en" {
			continue
		}
		var asserted []act
		seen := map[string]bool{}
		for _, a := range as {
			if a.hedged || a.key != h.key || mixed[a.key][a.u.art] == 3 || s.sameSource(a.u.art, h.u.art) || used[a.u] || ownHedge(a.u) != nil || reportedAct(a) {
				continue
			}
			if o := s.outletOf[a.u.art.Article.ID]; !seen[o] {
				seen[o] = true
				asserted = append(asserted, a)
			}
		}
		if len(asserted) == 0 {
			continue
		}
		done[h.key] = true
		c := parallax.Conflict{Kind: "characterization", Label: parallax.LabelCharacterization, Subject: h.sp.Of(h.u.art.Article.Text)}
		var side []parallax.Evidence
		for _, a := range asserted {
			side = append(side, s.evidence(a.u.art, clause(a.u.art.Article.Text, a.u.span, a.sp, 40)))
		}
		c.Sides = [][]parallax.Evidence{side, {s.evidence(h.u.art, clause(h.u.art.Article.Text, h.u.span, h.hedge.Span, 40))}}
		c.Summary = fmt.Sprintf("%s asserts what %s reports as %q", strings.Join(outletNames(s, side), ", "), s.outletOf[h.u.art.Article.ID], h.hedge.Text)
		out = append(out, c)
	}
	return out
}

// ownHedge is the unit's first hedge that is the outlet's own and hedges an
// act (allegedly, reportedly, accused, suspected, presumed; not "possibly"
// or "according to"), outside quotations.
func ownHedge(u *unit) *parallax.Signal {
	for i := range u.hedges {
		h := &u.hedges[i]
		f := strings.Fields(strings.ToLower(h.Text))
		if insideQuote(u.art, h.Span) || len(f) == 0 || !actHedges.Has(f[0]) {
			continue
		}
		// "accused"/"suspected" hedge as "accused of", "the suspected
		// gunman"; as a verb with an object ("Nixon suspected him") they
		// report someone's belief, which is no hedge of the outlet's
		if (f[0] == "accused" || f[0] == "suspected") && !(len(f) > 1 && f[1] == "of") && !afterDeterminer(u.art.Article.Text, h.Span.Start) {
			continue
		}
		return h
	}
	return nil
}

// afterDeterminer reports whether the word before off is a determiner.
func afterDeterminer(text string, off int) bool {
	f := strings.Fields(text[max(0, off-12):off])
	return len(f) > 0 && determiners.Has(strings.ToLower(f[len(f)-1]))
}

// minModalitySim: how alike two sentences must be to tell one act.
var minModalitySim = 0.75

var actHedges = lang.Words("act_hedges", "en")
