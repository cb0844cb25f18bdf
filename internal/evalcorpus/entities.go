package evalcorpus

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
)

// The three scored classes.
const (
	ClassPerson = "person"
	ClassOrg    = "organization"
	ClassPlace  = "place"
)

// Classes lists the scored classes in report order.
var Classes = []string{ClassPerson, ClassOrg, ClassPlace}

// SystemClass maps a parallax entity kind to a scored class, "" for kinds
// that predict none of them.
func SystemClass(kind string) string {
	switch kind {
	case parallax.Person:
		return ClassPerson
	case parallax.Organization:
		return ClassOrg
	case parallax.Place, parallax.Facility:
		return ClassPlace
	}
	return ""
}

// CoNLLClass maps a CoNLL-2003 label to a scored class ("" for MISC).
func CoNLLClass(label string) string {
	switch label {
	case "PER":
		return ClassPerson
	case "ORG":
		return ClassOrg
	case "LOC":
		return ClassPlace
	}
	return ""
}

// GMBClass maps a GMB label to a scored class: gpe (geo-political entity)
// is left out, like art, eve, nat and tim.
func GMBClass(label string) string {
	switch strings.ToLower(label) {
	case "per":
		return ClassPerson
	case "org":
		return ClassOrg
	case "geo":
		return ClassPlace
	}
	return ""
}

// GMBClassGPE is GMBClass with gpe mapped to place (the documented variant).
func GMBClassGPE(label string) string {
	if strings.EqualFold(label, "gpe") {
		return ClassPlace
	}
	return GMBClass(label)
}

// PRF counts true positives, false positives and false negatives.
type PRF struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

func (c PRF) P() float64 { return ratio(c.TP, c.TP+c.FP) }
func (c PRF) R() float64 { return ratio(c.TP, c.TP+c.FN) }
func (c PRF) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *PRF) add(o PRF) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// EntityScores counts mention agreement over documents.
type EntityScores struct {
	Docs     int             `json:"docs"`
	Gold     int             `json:"gold_mentions"` // of the three classes
	Typed    PRF             `json:"typed"`
	PerClass map[string]*PRF `json:"per_class"`
	Untyped  PRF             `json:"untyped"`
	// Confusion counts gold label (the corpus' own, or "none") × system kind
	// (or "none") over mentions with equal spans.
	Confusion map[string]map[string]int `json:"confusion"`
}

// NewEntityScores returns empty scores.
func NewEntityScores() *EntityScores {
	s := &EntityScores{PerClass: map[string]*PRF{}, Confusion: map[string]map[string]int{}}
	for _, c := range Classes {
		s.PerClass[c] = &PRF{}
	}
	return s
}

func (s *EntityScores) confuse(gold, sys string) {
	row := s.Confusion[gold]
	if row == nil {
		row = map[string]int{}
		s.Confusion[gold] = row
	}
	row[sys]++
}

// Entity error kinds.
const (
	EntityMissed   = "entity_missed"   // no system mention overlaps the gold one
	EntityBoundary = "entity_boundary" // a system mention overlaps with other bounds
	EntityType     = "entity_type"     // same span, another class (or a kind outside the three)
	EntitySpurious = "entity_spurious" // a typed system mention overlapping no gold mention
	EntityExtent   = "entity_extent"   // a typed system mention overlapping a gold one with other bounds
)

type sysMention struct {
	span  parallax.Span
	kind  string
	class string
	name  string
}

// SystemMentions returns the analysis' entity mentions, trimmed (see the
// package doc), one per span, in text order.
func SystemMentions(an *parallax.Analysis) []sysMention {
	text := an.Article.Text
	seen := map[parallax.Span]bool{}
	var out []sysMention
	for _, e := range an.Entities {
		for _, sp := range e.Mentions {
			sp = trimTitle(text, trimMention(text, sp), e.Type == parallax.Person)
			if sp.Len() == 0 || seen[sp] {
				continue
			}
			seen[sp] = true
			out = append(out, sysMention{span: sp, kind: e.Type, class: SystemClass(e.Type), name: e.Name})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}

// leadingWord returns a leading article or possessive ending with its
// space ("the ", "'s "), which corpora disagree on including, or "".
func leadingWord(s string) string {
	for _, p := range []string{"the ", "The ", "THE ", "'s ", "’s "} {
		if strings.HasPrefix(s, p) && len(s) > len(p) {
			return p
		}
	}
	// "eastern Sudan": a lower-case compass word before a place's name,
	// which GMB keeps in the mention and CoNLL leaves out
	if w, _, ok := strings.Cut(s, " "); ok && compassWords[w] {
		return w + " "
	}
	return ""
}

// compassWords are the lower-case compass adjectives.
var compassWords = set(`north south east west northern southern eastern western
	northeast northwest southeast southwest northeastern northwestern southeastern southwestern
	central`)

// trimMention drops spaces, enclosing punctuation, a leading article and a
// possessive 's.
func trimMention(text string, sp parallax.Span) parallax.Span {
	if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
		return parallax.Span{}
	}
	trim := func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'“”‘’«»()[]{},;:", r)
	}
	for {
		s := text[sp.Start:sp.End]
		switch {
		case strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s"):
			_, n := utf8.DecodeLastRuneInString(s[:len(s)-1])
			sp.End -= 1 + n
			continue
		}
		if p := leadingWord(s); p != "" {
			sp.Start += len(p)
			continue
		}
		if r, n := utf8.DecodeRuneInString(s); n > 0 && trim(r) {
			sp.Start += n
			continue
		}
		if r, n := utf8.DecodeLastRuneInString(s); n > 0 && trim(r) {
			sp.End -= n
			continue
		}
		return sp
	}
}

// titleWords are honorifics and titles that may precede a person's name
// (the AP Stylebook's abbreviated titles and the common offices). Corpora
// disagree on whether they belong to the mention (CoNLL leaves them out,
// GMB keeps them), so both sides drop them before spans are compared.
var titleWords = set(`mr mrs ms miss dr prof sir dame lord lady
	president vice prime minister premier chancellor king queen prince princess emperor sheikh sultan emir
	pope cardinal archbishop bishop rev reverend father imam ayatollah rabbi
	senator sen rep representative congressman congresswoman gov governor mayor
	secretary-general secretary ambassador envoy judge justice chairman chairwoman
	gen lt col maj capt sgt adm cmdr brig cpl pvt spc sister`)

// rankWords are the military ranks the abbreviations above stand for,
// spelt out. As they are ordinary words too ("General Motors", "Major
// League"), they are dropped only before a person's name: a gold PER
// mention or a system person.
var rankWords = set(`general lieutenant colonel major captain sergeant admiral commander
	brigadier corporal private specialist`)

// trimTitle drops the title before a name: the leading words up to the
// last title word among them ("Prime Minister", "Mr.", "Information
// Minister", "U.S. President", "Secretary of State"), scanning capitalised words (and "of") only
// and keeping at least one word. person says the mention names a person,
// whose spelt-out rank goes too (see rankWords).
func trimTitle(text string, sp parallax.Span, person bool) parallax.Span {
	s := sp.Of(text)
	cut, i := 0, 0
	ofTitle := false // "of" right after a title: its object belongs to it (Secretary of State)
	for i < len(s) {
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			break // the last word stays
		}
		w := s[i : i+j]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "of" && !(person && titleWords[w]) {
			break // a lower-case title counts before a person's name: "mayor Ivo Quist"
		}
		next := i + j
		for next < len(s) && s[next] == ' ' {
			next++
		}
		switch {
		case titleWords[strings.ToLower(strings.TrimSuffix(w, "."))] || person && rankWords[strings.ToLower(w)] || ofTitle:
			cut, ofTitle = next, false
		case w == "of" && cut == i && cut > 0:
			ofTitle = true
		}
		i = next
	}
	sp.Start += cut
	return sp
}

// Variant says how an entity corpus is scored.
type Variant struct {
	Name string
	// Class maps the corpus' labels to the scored classes ("" ignores one).
	Class func(string) string
	// Prose scores only mentions on prose lines (see IsProse), leaving out
	// tables, results and headlines.
	Prose bool
}

// IsProse reports whether a line reads as running text: at least five
// words that begin with a lower-case letter. CoNLL-2003 is largely sports
// results and tables ("Liverpool 0 Sunderland 0"), which news articles
// that Parallax reads seldom hold.
func IsProse(line string) bool {
	n := 0
	for _, w := range strings.Fields(line) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			n++
		}
	}
	return n >= 5
}

// lineAt returns the line of text holding offset off.
func lineAt(text string, off int) string {
	s := strings.LastIndexByte(text[:off], '\n') + 1
	e := strings.IndexByte(text[off:], '\n')
	if e < 0 {
		return text[s:]
	}
	return text[s : off+e]
}

// ScoreEntities compares one document's analysis with its gold mentions
// as the variant says, adds the counts to s and passes every disagreement
// to report (which may be nil).
func ScoreEntities(d *NERDoc, an *parallax.Analysis, v Variant, s *EntityScores, report func(ErrorRecord)) {
	text := d.Article.Text
	corpus, classOf := v.Name, v.Class
	s.Docs++
	sys := SystemMentions(an)
	var gold []Mention
	goldAt := map[parallax.Span]Mention{}
	for _, g := range d.Gold {
		g.Span = trimTitle(text, trimMention(text, g.Span), classOf(g.Label) == ClassPerson)
		if v.Prose && !IsProse(lineAt(text, g.Span.Start)) {
			continue
		}
		gold = append(gold, g)
		goldAt[g.Span] = g
	}
	if v.Prose {
		kept := sys[:0]
		for _, m := range sys {
			if IsProse(lineAt(text, m.span.Start)) {
				kept = append(kept, m)
			}
		}
		sys = kept
	}
	sysAt := map[parallax.Span]sysMention{}
	for _, m := range sys {
		sysAt[m.span] = m
	}
	emit := func(kind string, sp parallax.Span, gold, goldLabel, system, sysLabel string) {
		if report != nil {
			report(ErrorRecord{Task: "entities", Corpus: corpus, Doc: d.Name, Kind: kind, Gold: gold, GoldLabel: goldLabel,
				System: system, SystemLabel: sysLabel, Start: sp.Start, End: sp.End, Sentence: around(text, sp)})
		}
	}
	// gold side
	var scoredGold []Mention
	for _, g := range gold {
		m, ok := sysAt[g.Span]
		sk := "none"
		if ok {
			sk = m.kind
		}
		s.confuse(g.Label, sk)
		c := classOf(g.Label)
		if c == "" {
			continue
		}
		scoredGold = append(scoredGold, g)
		s.Gold++
		pc := s.PerClass[c]
		if ok {
			s.Untyped.TP++
		} else {
			s.Untyped.FN++
		}
		switch {
		case ok && m.class == c:
			s.Typed.TP++
			pc.TP++
		case ok:
			s.Typed.FN++
			pc.FN++
			emit(EntityType, g.Span, g.Span.Of(text), g.Label, m.span.Of(text), m.kind+" ("+m.name+")")
		default:
			s.Typed.FN++
			pc.FN++
			kind, stext, slabel := EntityMissed, "", ""
			for _, o := range sys {
				if overlap(o.span, g.Span).Len() > 0 {
					kind, stext, slabel = EntityBoundary, o.span.Of(text), o.kind
					break
				}
			}
			emit(kind, g.Span, g.Span.Of(text), g.Label, stext, slabel)
		}
	}
	// system side
	for _, m := range sys {
		g, ok := goldAt[m.span]
		if !ok {
			s.confuse("none", m.kind)
		}
		if ok && classOf(g.Label) == "" {
			continue // an ignored gold mention (MISC, gpe, …)
		}
		if !ok {
			s.Untyped.FP++
		}
		if m.class == "" {
			continue
		}
		if ok && classOf(g.Label) == m.class {
			continue // counted on the gold side
		}
		s.Typed.FP++
		s.PerClass[m.class].FP++
		if ok {
			continue // wrong type: reported on the gold side
		}
		kind, gtext, glabel := EntitySpurious, "", ""
		for _, o := range scoredGold {
			if overlap(o.Span, m.span).Len() > 0 {
				kind, gtext, glabel = EntityExtent, o.Span.Of(text), o.Label
				break
			}
		}
		emit(kind, m.span, gtext, glabel, m.span.Of(text), m.kind+" ("+m.name+")")
	}
}

// Add adds o's counts to s.
func (s *EntityScores) Add(o *EntityScores) {
	s.Docs += o.Docs
	s.Gold += o.Gold
	s.Typed.add(o.Typed)
	s.Untyped.add(o.Untyped)
	for c, p := range o.PerClass {
		if s.PerClass[c] == nil {
			s.PerClass[c] = &PRF{}
		}
		s.PerClass[c].add(*p)
	}
	for g, row := range o.Confusion {
		for k, n := range row {
			if s.Confusion[g] == nil {
				s.Confusion[g] = map[string]int{}
			}
			s.Confusion[g][k] += n
		}
	}
}
