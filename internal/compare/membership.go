package compare

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// Membership stances: an outlet states that a person belongs to a group
// ("Roe, a member of the Red Hand gang"), alleges it ("an alleged Red Hand
// member", "suspected of being a member"), or denies it ("Roe is not a
// member", "denied being a member").
const (
	memberAsserted = iota
	memberAlleged
	memberDenied
)

// memberNouns are the words of WordNet's synset member.n.01 ("one of the
// persons who compose a social group"), the head of a membership claim.
var memberNouns = lang.Words("member_nouns", "en")

type memberClaim struct {
	person int      // entity group
	group  []string // the group's content words, lower case ("red", "hand", "gang"); none when unnamed
	stance int
	u      *unit
	sp     parallax.Span
}

// memberClaims reads, in each sentence outside quotations, membership said
// of a named person: the member noun in apposition to the name (", a
// member of the Red Hand gang", ", an alleged Red Hand member"), before it
// ("alleged gang member Roe"), or after a copula or a verb of denial within
// the name's clause ("Roe is not a member", "Roe denied being a member").
// The stance is alleged when a hedge of the language layer stands between
// the name and the member noun, denied when a negation or a denial verb
// does.
func (s *story) memberClaims() []memberClaim {
	var out []memberClaim
	s.eachPersonMention(func(u *unit, g int, m parallax.Span) {
		if g < 0 || u.art.Language != "en" && u.art.Language != "" {
			return
		}
		text := u.art.Article.Text
		c, ok := memberAfter(text, u.span, m)
		if !ok {
			c, ok = memberBefore(text, u.span, m)
		}
		if ok {
			c.person, c.u = g, u
			out = append(out, c)
		}
	})
	return out
}

// memberAfter reads "Roe, a member of the Red Hand gang", "Roe, an alleged
// Red Hand member", "Roe is not a member of", "Roe denied being a member":
// after the name, only a comma, a copula, a negation, a hedge or a verb of
// denial up to a determiner, then up to six modifiers and a member noun.
// Any other word before the determiner is a verb or a conjunction whose
// members are someone else's ("Roe targeted rival gang members", "Roe
// and 11 members of his church").
func memberAfter(text string, sent, m parallax.Span) (memberClaim, bool) {
	ws := wordSpans(text[m.End:sent.End], m.End)
	det := -1
	for k := 0; k < len(ws) && det < 0; k++ {
		w := strings.ToLower(ws[k].w)
		switch {
		case determiners.Has(w) || w == "one" && k+1 < len(ws) && strings.EqualFold(ws[k+1].w, "of"):
			det = k
		case isNumber(w) && ws[k].stop:
			// an age in apposition first ("Lopez, 20, an alleged member")
		case copulas[w] || negations.Has(w) || strings.HasSuffix(w, "n't") || denialVerbs.Has(w) || hedgeWords.Match(lowerWords(ws[k:])) > 0:
			if ws[k].stop && k > 0 {
				return memberClaim{}, false
			}
		default:
			return memberClaim{}, false
		}
	}
	if det < 0 {
		return memberClaim{}, false
	}
	for k := det; k < len(ws) && k <= det+7; k++ {
		w := strings.ToLower(ws[k].w)
		if k > det && slices.Contains(conjunctions, w) {
			return memberClaim{}, false
		}
		if !memberNouns.Has(w) {
			if ws[k].stop {
				return memberClaim{}, false // the clause ended
			}
			continue
		}
		between := ws[:k]
		c := memberClaim{stance: stanceOf(between), sp: parallax.Span{Start: m.Start, End: ws[k].span.End}}
		// the group: words between the determiner and the noun ("a Red
		// Hand member"), or after "of" ("a member of the Red Hand gang")
		c.group = groupWords(ws[det:k])
		if k+1 < len(ws) && !ws[k].stop && strings.EqualFold(ws[k+1].w, "of") {
			var after []wordSpan
			for x := k + 2; x < len(ws) && x < k+7; x++ {
				after = append(after, ws[x])
				c.sp.End = ws[x].span.End
				if ws[x].stop {
					break
				}
			}
			c.group = append(c.group, groupWords(after)...)
		}
		return c, true
	}
	return memberClaim{}, false
}

// copulas link a name to what it is ("Roe is a member", "Roe became a
// member", "denied being a member"): the closed class of English copular
// verbs.
var copulas = map[string]bool{"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "being": true,
	"became": true, "become": true, "becomes": true, "remains": true, "remained": true, "has": true, "had": true, "have": true}

// memberBefore reads "alleged Red Hand gang member Dana Roe": the member
// noun right before the name, its modifiers back to a determiner or the
// clause's start.
func memberBefore(text string, sent, m parallax.Span) (memberClaim, bool) {
	ws := wordSpans(text[sent.Start:m.Start], sent.Start)
	if len(ws) == 0 || ws[len(ws)-1].stop || !memberNouns.Has(strings.ToLower(ws[len(ws)-1].w)) {
		return memberClaim{}, false
	}
	from := len(ws) - 1
	for from > 0 && len(ws)-1-from < 6 && !ws[from-1].stop && !determiners.Has(strings.ToLower(ws[from-1].w)) &&
		!prepositions.Has(strings.ToLower(ws[from-1].w)) && !slices.Contains(conjunctions, strings.ToLower(ws[from-1].w)) && !strings.HasSuffix(ws[from-1].w, "'s") {
		from--
	}
	mods := ws[from : len(ws)-1]
	return memberClaim{stance: stanceOf(mods), group: groupWords(mods), sp: parallax.Span{Start: ws[from].span.Start, End: m.End}}, true
}

// stanceOf reads the stance of the words between a name and a member noun.
func stanceOf(ws []wordSpan) int {
	stance := memberAsserted
	for i, x := range ws {
		w := strings.ToLower(x.w)
		switch {
		case negations.Has(w) || strings.HasSuffix(w, "n't") || denialVerbs.Has(w):
			return memberDenied
		case hedgeWords.Match(lowerWords(ws[i:])) > 0:
			stance = memberAlleged
		}
	}
	return stance
}

// denialVerbs deny a status of their subject ("denied being a member").
var denialVerbs = lang.Words("denial_verbs", "en")

var hedgeWords = lang.Words("hedges", "en")

// groupWords are the content words naming a group, lower case: not hedges,
// negations, determiners, copulas or verbs of denial.
func groupWords(ws []wordSpan) []string {
	var out []string
	for i, x := range ws {
		w := strings.ToLower(strings.Trim(x.w, "\"'“”"))
		if w == "" || lang.Stopword(w) || negations.Has(w) || denialVerbs.Has(w) || hedgeWords.Match(lowerWords(ws[i:])) > 0 || memberNouns.Has(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

func lowerWords(ws []wordSpan) []string {
	out := make([]string, len(ws))
	for i, x := range ws {
		out[i] = strings.ToLower(x.w)
	}
	return out
}

type wordSpan struct {
	w    string
	span parallax.Span
	stop bool // punctuation that ends a clause follows the word
}

// wordSpans splits text (starting at byte off of the article) into words
// with their spans, trimming punctuation.
func wordSpans(text string, off int) []wordSpan {
	var out []wordSpan
	for i := 0; i < len(text); {
		for i < len(text) && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
			i++
		}
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' {
			j++
		}
		if j == i {
			break
		}
		raw := text[i:j]
		w := strings.TrimRight(raw, ".,;:!?)")
		lead := len(w) - len(strings.TrimLeft(w, "(\"'“"))
		w = w[lead:]
		if w != "" {
			out = append(out, wordSpan{w: w, span: parallax.Span{Start: off + i + lead, End: off + i + lead + len(w)}, stop: strings.ContainsAny(raw[lead+len(w):], ".,;:!?")})
		} else if len(out) > 0 && strings.ContainsAny(raw, ".,;:!?") {
			out[len(out)-1].stop = true // a lone comma (tokenised text: "Roe , a member")
		}
		i = j
	}
	return out
}

// sameGroup: two claims name one group, or at least one names none.
func sameGroup(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if stem(x, "en") == stem(y, "en") {
				return true
			}
		}
	}
	return false
}

// membershipConflicts: one outlet states that a person belongs to a group
// and another only alleges it or denies it, for the same person and a group
// named alike (characterisation). An outlet taking both stances stands on
// no side; an assertion in an article reporting a verdict is no dispute
// with an allegation written before it (the case's stages).
func (s *story) membershipConflicts() []parallax.Conflict {
	byPerson := map[int][]memberClaim{}
	var order []int
	for _, c := range s.memberClaims() {
		if _, ok := byPerson[c.person]; !ok {
			order = append(order, c.person)
		}
		byPerson[c.person] = append(byPerson[c.person], c)
	}
	sort.Ints(order)
	var out []parallax.Conflict
	for _, g := range order {
		cs := byPerson[g]
		stances := map[string]map[int]bool{}
		for _, c := range cs {
			o := s.outletOf[c.u.art.Article.ID]
			if stances[o] == nil {
				stances[o] = map[int]bool{}
			}
			stances[o][c.stance] = true
		}
		var asserted, other []memberClaim
		seen := map[string]bool{}
		for _, c := range cs {
			o := s.outletOf[c.u.art.Article.ID]
			if len(stances[o]) != 1 || seen[o] {
				continue
			}
			seen[o] = true
			if c.stance == memberAsserted {
				asserted = append(asserted, c)
			} else {
				other = append(other, c)
			}
		}
		if len(asserted) == 0 || len(other) == 0 {
			continue
		}
		verdict := false
		for _, a := range asserted {
			verdict = verdict || s.reportsVerdict(a.u.art.Article.ID)
		}
		var sideA, sideB []parallax.Evidence
		var outA, outB []string
		denied := false
		for _, b := range other {
			alike := false
			for _, a := range asserted {
				alike = alike || sameGroup(a.group, b.group)
			}
			if !alike {
				continue
			}
			if verdict && !s.reportsVerdict(b.u.art.Article.ID) && !s.publishedAfterAll(b.u.art, marksOf(asserted)) {
				continue // the allegation was written before the verdict
			}
			denied = denied || b.stance == memberDenied
			sideB = append(sideB, s.evidence(b.u.art, clause(b.u.art.Article.Text, b.u.span, b.sp, 30)))
			outB = append(outB, s.outletOf[b.u.art.Article.ID])
		}
		if len(sideB) == 0 {
			continue
		}
		for _, a := range asserted {
			sideA = append(sideA, s.evidence(a.u.art, clause(a.u.art.Article.Text, a.u.span, a.sp, 30)))
			outA = append(outA, s.outletOf[a.u.art.Article.ID])
		}
		name := s.ents.groupName(g)
		how := "only alleged"
		if denied {
			how = "alleged or denied"
		}
		out = append(out, parallax.Conflict{Kind: "characterization", Label: parallax.LabelCharacterization, Subject: name,
			Summary: fmt.Sprintf("%s is called a member by %s; membership is %s by %s", name, strings.Join(outA, ", "), how, strings.Join(outB, ", ")),
			Sides:   [][]parallax.Evidence{sideA, sideB}})
	}
	return out
}

func marksOf(cs []memberClaim) []mark {
	out := make([]mark, len(cs))
	for i, c := range cs {
		out[i] = mark{c.u, c.sp}
	}
	return out
}
