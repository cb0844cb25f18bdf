package compare

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// A claim is one thing an article states about a subject, read from its
// analysis: the office a person holds, what an acronym stands for, the year
// of a named law. Claims from different outlets about the same subject and
// slot line up; incompatible values are a conflict.
type claim struct {
	slot    string // "office", "acronym", "year"
	subject string // what the claim is about, as shown: a person's name, an acronym
	key     string // what lines claims up: the subject, and for acronyms the language
	value   string // normalised value, compared across outlets
	display string // the value as written
	art     *parallax.Analysis
	ev      parallax.Span // the words that make the claim
	// career: an office the article says the person entered or left
	// ("was named acting director"): the outlet then tells two offices in
	// turn and stands on no side, but the claim is no side of its own
	career bool
}

// Slots.
const (
	slotOffice  = "office"
	slotAcronym = "acronym"
	slotYear    = "year"
)

// claimConflicts lines up the story's claims by subject and slot and reports
// the slots where outlets give incompatible values. An outlet that gives two
// values itself (a person who holds two offices) stands on no side.
func (s *story) claimConflicts() []parallax.Conflict {
	var all []claim
	all = append(all, s.officeClaims()...)
	all = append(all, s.acronymClaims()...)
	all = append(all, s.yearClaims()...)
	type key struct{ slot, key string }
	bySlot := map[key][]claim{}
	var order []key
	for _, c := range all {
		if c.key == "" {
			c.key = c.subject
		}
		k := key{c.slot, c.key}
		if _, ok := bySlot[k]; !ok {
			order = append(order, k)
		}
		bySlot[k] = append(bySlot[k], c)
	}
	var out []parallax.Conflict
	for _, k := range order {
		cs := bySlot[k]
		// values per outlet; an outlet with more than one value is no witness
		perOutlet := map[string]map[string]bool{}
		careers := map[string][]string{} // outlet → offices it says the subject entered or left
		for _, c := range cs {
			o := s.outletOf[c.art.Article.ID]
			if c.career {
				careers[o] = append(careers[o], c.value)
				continue
			}
			if perOutlet[o] == nil {
				perOutlet[o] = map[string]bool{}
			}
			perOutlet[o][c.value] = true
		}
		odd := oddValues(k.slot, perOutlet)
		sides := map[string][]claim{}
		var values []string
		for _, c := range cs {
			o := s.outletOf[c.art.Article.ID]
			if c.career {
				continue
			}
			if v, ok := odd[o]; ok {
				if c.value != v {
					continue
				}
			} else if len(perOutlet[o]) != 1 {
				continue
			}
			if _, ok := sides[c.value]; !ok {
				values = append(values, c.value)
			}
			if !claimsHaveOutlet(s, sides[c.value], o) {
				sides[c.value] = append(sides[c.value], c)
			}
		}
		values = s.dropCareers(k.slot, values, sides, careers)
		if len(values) < 2 || !incompatibleValues(k.slot, values) {
			continue
		}
		sort.SliceStable(values, func(i, j int) bool { return len(sides[values[i]]) > len(sides[values[j]]) })
		subject := cs[0].subject
		c := parallax.Conflict{Kind: k.slot, Label: parallax.LabelContradiction, Subject: subject}
		var parts []string
		for _, v := range values {
			var ev []parallax.Evidence
			var outlets []string
			for _, cl := range sides[v] {
				ev = append(ev, s.evidence(cl.art, cl.ev))
				outlets = append(outlets, s.outletOf[cl.art.Article.ID])
			}
			c.Sides = append(c.Sides, ev)
			parts = append(parts, fmt.Sprintf("%q (%s)", sides[v][0].display, strings.Join(outlets, ", ")))
		}
		switch k.slot {
		case slotOffice:
			c.Summary = fmt.Sprintf("%s is given different offices: %s", subject, strings.Join(parts, " vs "))
		case slotAcronym:
			c.Summary = fmt.Sprintf("%s is spelt out differently: %s", subject, strings.Join(parts, " vs "))
		case slotYear:
			c.Summary = fmt.Sprintf("%s is dated differently: %s", subject, strings.Join(parts, " vs "))
		}
		out = append(out, c)
	}
	return out
}

// dropCareers takes off a side the outlets that say the subject entered or
// left the office another side gives ("Deputy Minister Roe ... was named
// acting director" against "Acting Director Roe"): they tell both offices
// in turn. Values left without an outlet are dropped.
func (s *story) dropCareers(slot string, values []string, sides map[string][]claim, careers map[string][]string) []string {
	if len(careers) == 0 {
		return values
	}
	var kept []string
	for _, v := range values {
		var side []claim
		for _, c := range sides[v] {
			moved := false
			for _, cv := range careers[s.outletOf[c.art.Article.ID]] {
				for _, w := range values {
					if w != v && !incompatibleValues(slot, []string{cv, w}) && incompatibleValues(slot, []string{cv, v}) {
						moved = true
					}
				}
			}
			if !moved {
				side = append(side, c)
			}
		}
		sides[v] = side
		if len(side) > 0 {
			kept = append(kept, v)
		}
	}
	return kept
}

// oddValues: an outlet giving two offices stands on no side, unless every
// other outlet that names the office gives one and the same (at least two
// of them do) and the outlet gives that office too and exactly one other
// at odds with it: the odd one ("President Nixon" in every
// outlet, "Minister Nixon" beside "President Nixon" in one) is held
// against the rest. It returns that odd value per such outlet.
func oddValues(slot string, perOutlet map[string]map[string]bool) map[string]string {
	if slot != slotOffice {
		return nil
	}
	var agreed []string
	singles := 0
	for _, vs := range perOutlet {
		if len(vs) != 1 {
			continue
		}
		singles++
		for v := range vs {
			agreed = appendUniq(agreed, v)
		}
	}
	if singles < 2 || incompatibleValues(slot, agreed) {
		return nil
	}
	out := map[string]string{}
	for o, vs := range perOutlet {
		if len(vs) < 2 {
			continue
		}
		var odd []string
		shares := false
		for v := range vs {
			if incompatibleValues(slot, append([]string{v}, agreed...)) {
				odd = append(odd, v)
			} else {
				shares = true
			}
		}
		if shares && len(odd) == 1 {
			out[o] = odd[0]
		}
	}
	return out
}

func claimsHaveOutlet(s *story, cs []claim, o string) bool {
	for _, c := range cs {
		if s.outletOf[c.art.Article.ID] == o {
			return true
		}
	}
	return false
}

// incompatibleValues: offices are compatible when one title holds the
// other's words ("Secretary" and "Secretary of State") or WordNet says they
// can name one office ("judge"/"justice", "prosecutor" is a "lawyer");
// other slots need equal values.
func incompatibleValues(slot string, values []string) bool {
	if slot != slotOffice {
		return true
	}
	exp := make([]string, len(values))
	for i, v := range values {
		// "Sgt" is "sergeant"; "Attorney-General" is "Attorney General"
		exp[i] = lang.ExpandTitle(strings.ReplaceAll(v, "-", " "))
	}
	// one title holding all the others: "Deputy Sgt", "Sgt" and "Deputy"
	// are one person's title written in full and in part
	for _, whole := range exp {
		all := true
		for _, x := range exp {
			all = all && (titleWithin(x, whole) || lang.SameOffice(x, whole))
		}
		if all {
			return false
		}
	}
	for i := range exp {
		for j := i + 1; j < len(exp); j++ {
			if !titleWithin(exp[i], exp[j]) && !titleWithin(exp[j], exp[i]) && !lang.SameOffice(exp[i], exp[j]) {
				return true
			}
		}
	}
	return false
}

// titleWithin reports whether every word of title a is in title b.
func titleWithin(a, b string) bool {
	bw := map[string]bool{}
	for _, w := range strings.Fields(b) {
		bw[w] = true
	}
	for _, w := range strings.Fields(a) {
		if !bw[w] {
			return false
		}
	}
	return true
}

// officeClaims: the title an outlet writes before a person's name
// ("Secretary of State Marco Rubio"). Courtesy titles (Mr, Dr) state no
// office, and a past one ("former Governor") is no claim about the present.
func (s *story) officeClaims() []claim {
	var out []claim
	for root, members := range s.ents.groups {
		if s.ents.items[members[0]].ent.Type != parallax.Person {
			continue
		}
		name := s.ents.groupName(root)
		for _, m := range members {
			it := s.ents.items[m]
			text := it.art.Article.Text
			if it.art.Language != "en" && it.art.Language != "" {
				continue // titles are compared as English offices (WordNet): "cardenal" is no other office than "Cardinal"
			}
			for _, role := range it.ent.Roles {
				if r, _ := utf8.DecodeRuneInString(role); !unicode.IsUpper(r) {
					continue // a description ("owner", "spokesperson"), not a formal title: those are capitalised before a name (AP style)
				}
				v := normTitle(role, it.art.Language)
				if v == "" {
					continue
				}
				sp, ok := roleSpan(it.art, it.ent, role)
				if !ok || pastTitle(text, sp.Start) || insideQuote(it.art, sp) {
					continue
				}
				out = append(out, claim{slot: slotOffice, subject: name, value: v, display: role, art: it.art, ev: sentenceClause(it.art, sp)})
			}
			for _, m := range it.ent.Mentions {
				if t, sp, ok := enteredOffice(it.art, m); ok {
					out = append(out, claim{slot: slotOffice, subject: name, value: t, display: sp.Of(text), art: it.art, ev: sp, career: true})
				}
			}
		}
	}
	return out
}

var officeChangeStems = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lang.Words("office_change_verbs", "en").Entries() {
		m[stem(w, "en")] = true
	}
	return m
}()

// titleLead are the function words between a verb of office and the title
// it gives ("named as the new director", "promoted to acting chief"):
// prepositions of role, articles, possessives.
var titleLead = map[string]bool{"as": true, "to": true, "the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true, "new": true}

// enteredOffice reads the office a person's mention is said to enter or
// leave in its sentence: within six words after the name, a verb of
// entering or leaving an office (WordNet, office_change_verbs) and, right
// after it, a title ("Dana Roe was named acting director", "Roe, who
// resigned as chair"). The title is the longest run of up to four
// lower-case or capitalised words, up to a preposition or a name, that
// WordNet knows as a kind of person.
func enteredOffice(a *parallax.Analysis, m parallax.Span) (string, parallax.Span, bool) {
	text := a.Article.Text
	si := a.SentenceAt(m.Start)
	if si < 0 {
		return "", parallax.Span{}, false
	}
	end := a.Sentences[si].Span.End
	type tok struct {
		w    string
		span parallax.Span
		stop bool // punctuation closes the word
	}
	var toks []tok
	for i := m.End; i < end && len(toks) < 14; {
		for i < end && text[i] == ' ' {
			i++
		}
		j := i
		for j < end && text[j] != ' ' {
			j++
		}
		if j == i {
			break
		}
		w := strings.TrimRight(text[i:j], ".,;:!?)\"'”")
		toks = append(toks, tok{w: w, span: parallax.Span{Start: i, End: i + len(w)}, stop: len(w) < j-i})
		i = j
	}
	if len(toks) > 0 && (toks[0].w == "'s" || toks[0].w == "’s") {
		return "", parallax.Span{}, false // "Nixon's Committee to Re-elect": the name owns what follows, it does not act
	}
	for k := 0; k < len(toks) && k < 6; k++ {
		if toks[k].stop {
			return "", parallax.Span{}, false
		}
		if !officeChangeStems[stem(strings.ToLower(toks[k].w), "en")] || mentionAt(a, toks[k].span.Start, toks[k].span.End) {
			continue // a name's own words ("the Committee to Re-elect the President") are no verb
		}
		n := k + 1
		for n < len(toks) && titleLead[strings.ToLower(toks[n].w)] {
			n++
		}
		var words []string
		last := ""
		var lastEnd int
		for x := n; x < len(toks) && x < n+4; x++ {
			w := toks[x].w
			if w == "" || prepositions.Has(strings.ToLower(w)) || mentionAt(a, toks[x].span.Start, toks[x].span.Start+1) {
				break
			}
			words = append(words, strings.ToLower(w))
			if t := normTitle(strings.Join(words, " "), "en"); t != "" && lang.IsOffice(t) && lastWordOffice(words) {
				last, lastEnd = t, toks[x].span.End
			}
			if toks[x].stop {
				break
			}
		}
		if last != "" {
			return last, parallax.Span{Start: toks[k].span.Start, End: lastEnd}, true
		}
		return "", parallax.Span{}, false
	}
	return "", parallax.Span{}, false
}

// lastWordOffice: the title's last word is itself a kind of person, so
// that "acting director" counts and "director general affairs" does not.
func lastWordOffice(words []string) bool {
	return lang.IsOffice(words[len(words)-1])
}

var courtesy = lang.Words("courtesy_titles")

// normTitle lower-cases a title and drops courtesy words and abbreviation
// dots; "" when nothing of office is left.
func normTitle(role, language string) string {
	var ws []string
	for _, w := range strings.Fields(strings.ToLower(role)) {
		w = strings.Trim(w, ".,")
		if courtesy.Has(w) || w == "" {
			continue
		}
		ws = append(ws, w)
	}
	return strings.Join(ws, " ")
}

// roleSpan finds where the article writes role right before one of the
// entity's mentions.
func roleSpan(a *parallax.Analysis, e *parallax.Entity, role string) (parallax.Span, bool) {
	text := a.Article.Text
	for _, m := range e.Mentions {
		from := max(0, m.Start-len(role)-40)
		i := strings.LastIndex(strings.ToLower(text[from:m.Start]), strings.ToLower(role))
		if i >= 0 {
			return parallax.Span{Start: from + i, End: m.End}, true
		}
	}
	return parallax.Span{}, false
}

// pastTitle: "former", "ex-", "then-", "late" before the title.
func pastTitle(text string, at int) bool {
	before := strings.Fields(strings.ToLower(text[max(0, at-24):at]))
	if len(before) == 0 {
		return false
	}
	w := strings.Trim(before[len(before)-1], ",.;:")
	return pastMarkers.Has(w) || strings.HasSuffix(w, "-") && pastMarkers.Has(strings.TrimSuffix(w, "-"))
}

var pastMarkers = lang.Words("past_markers")

func sentenceClause(a *parallax.Analysis, sp parallax.Span) parallax.Span {
	si := a.SentenceAt(sp.Start)
	if si < 0 {
		return sp
	}
	return clause(a.Article.Text, a.Sentences[si].Span, sp, 30)
}

// acronymClaims: an outlet that spells an acronym out ("the National
// Transportation Safety Board (NTSB)") claims what it stands for.
// Expansions in different languages are translations, not a dispute.
func (s *story) acronymClaims() []claim {
	var out []claim
	for _, members := range s.ents.groups {
		for _, m := range members {
			it := s.ents.items[m]
			acr := ""
			for _, al := range it.ent.Aliases {
				if isAcronym(al) {
					acr = al
				}
			}
			if acr == "" || len(strings.Fields(it.ent.Name)) < 2 || isAcronym(it.ent.Name) || !initialsFit(acr, it.ent.Name) {
				continue
			}
			sp, ok := firstMentionOf(it.art, it.ent, it.ent.Name)
			if !ok {
				continue
			}
			out = append(out, claim{slot: slotAcronym, subject: acr, key: acr + "|" + it.art.Language, value: expansionKey(it.ent.Name),
				display: it.ent.Name, art: it.art, ev: sentenceClause(it.art, sp)})
		}
	}
	return out
}

func isAcronym(w string) bool {
	w = strings.ReplaceAll(w, ".", "")
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	for _, r := range w {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// initialsFit: the acronym's letters are the initials of the expansion's
// capitalised words, in order, allowing skipped function words.
func initialsFit(acr, name string) bool {
	acr = strings.ReplaceAll(acr, ".", "")
	var initials []byte
	for _, w := range strings.Fields(name) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			initials = append(initials, w[0])
		}
	}
	i := 0
	for j := 0; j < len(initials) && i < len(acr); j++ {
		if initials[j] == acr[i] {
			i++
		}
	}
	return i == len(acr)
}

// expansionKey folds an expansion for comparison: case, "the", and
// plural endings do not make a different body.
func expansionKey(name string) string {
	var ws []string
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if w == "the" {
			continue
		}
		ws = append(ws, strings.TrimSuffix(w, "s"))
	}
	return strings.Join(ws, " ")
}

func firstMentionOf(a *parallax.Analysis, e *parallax.Entity, form string) (parallax.Span, bool) {
	for _, m := range e.Mentions {
		if m.Of(a.Article.Text) == form {
			return m, true
		}
	}
	if len(e.Mentions) > 0 {
		return e.Mentions[0], true
	}
	return parallax.Span{}, false
}

var yearRe = regexp.MustCompile(`\b(1[6-9]\d\d|20\d\d)\b`)

// yearClaims: the year of a named law, treaty or ruling, written in its
// name, right before it ("the 1998 Harbour Act") or right after it ("the
// Harbour Act of 1998"); a year elsewhere in the sentence dates something else.
func (s *story) yearClaims() []claim {
	var out []claim
	for root, members := range s.ents.groups {
		if s.ents.items[members[0]].ent.Type != parallax.Law {
			continue
		}
		subject := yearRe.ReplaceAllString(s.ents.groupName(root), "")
		subject = strings.Join(strings.Fields(strings.ReplaceAll(subject, " of ", " ")), " ")
		for _, m := range members {
			it := s.ents.items[m]
			text := it.art.Article.Text
			for _, sp := range it.ent.Mentions {
				// the year in the name, "the 1998 Act", or "the Act of 1998"
				ctx := sp
				y := yearRe.FindString(sp.Of(text))
				if before := text[max(0, sp.Start-5):sp.Start]; y == "" && len(before) == 5 && before[4] == ' ' && yearRe.MatchString(before[:4]) {
					y, ctx.Start = before[:4], sp.Start-5
				}
				if after := text[sp.End:min(len(text), sp.End+12)]; y == "" && strings.HasPrefix(strings.ToLower(after), " of ") {
					if y = yearRe.FindString(after); y != "" {
						ctx.End = sp.End + strings.Index(after, y) + len(y)
					}
				}
				if y == "" {
					continue
				}
				out = append(out, claim{slot: slotYear, subject: subject, value: y, display: y, art: it.art, ev: sentenceClause(it.art, ctx)})
				break
			}
		}
	}
	return out
}
