package stress

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// officeClasses group titles of office by the field they belong to, after
// the AP Stylebook entry "titles" (the language layer's office_classes); a
// wrong office is one of the same field. Every word must be in the language
// layer's titles list (checked when the classes are loaded, and by a test).
// Courtesy titles (Mr, Dr, Sir) and roles that are not offices (spokesman,
// coach) have no class.
var officeClasses = lang.Groups("office_classes", "en")

var (
	officeOnce  sync.Once
	officeClass map[string]int // title → its class
	officeBad   []string       // class entries missing from the titles list
)

func loadOffices() {
	titles := lang.Words("titles", "en")
	officeClass = map[string]int{}
	for ci, class := range officeClasses {
		for _, t := range class {
			ok := true
			for _, w := range strings.Fields(t) {
				ok = ok && titles.Has(w)
			}
			if !ok {
				officeBad = append(officeBad, t)
				continue
			}
			officeClass[t] = ci
		}
	}
}

// normTitle spells out an abbreviated title of a class (the language
// layer's title abbreviations), so "Gov." and "Governor" are the same
// office; other words are kept.
func normTitle(t string) string {
	officeOnce.Do(loadOffices)
	t = strings.ToLower(strings.Join(strings.Fields(t), " "))
	if _, ok := officeClass[t]; ok {
		return lang.ExpandTitle(t)
	}
	return t
}

// abbreviated: a class title that is an abbreviation ("gov", "lt").
func abbreviated(key string) bool { return lang.ExpandTitle(key) != key }

// titleBeforeRe is a capitalised title (and a qualifier making it one
// office: "Prime Minister", "Vice President") right before a name, with an
// abbreviation's dot, spaced or not ("Gov. ", "Gov . ").
var titleBeforeRe = regexp.MustCompile(`(?:\b(\p{Lu}\p{L}*)\s+)?\b(\p{Lu}\p{L}*)(\s?\.)?\s+$`)

// titleBefore returns the span of the title written right before the
// mention at m, and the title as a class key ("prime minister", "gov").
func titleBefore(text string, m parallax.Span) (parallax.Span, string, bool) {
	officeOnce.Do(loadOffices)
	from := max(0, m.Start-40)
	loc := titleBeforeRe.FindStringSubmatchIndex(text[from:m.Start])
	if loc == nil {
		return parallax.Span{}, "", false
	}
	word := text[from+loc[4] : from+loc[5]]
	key := strings.ToLower(word)
	if loc[2] >= 0 {
		two := strings.ToLower(text[from+loc[2]:from+loc[3]]) + " " + key
		if _, ok := officeClass[two]; ok {
			return parallax.Span{Start: from + loc[2], End: from + loc[5]}, two, true
		}
		if q := strings.ToLower(text[from+loc[2] : from+loc[3]]); q == "vice" || q == "deputy" || q == "prime" {
			return parallax.Span{}, "", false // "Deputy Governor" is another office
		}
	}
	if _, ok := officeClass[key]; !ok {
		return parallax.Span{}, "", false
	}
	if abbreviated(key) != (loc[6] >= 0) {
		return parallax.Span{}, "", false // "Gen" without its dot, "Governor." ending a sentence
	}
	return parallax.Span{Start: from + loc[4], End: from + loc[5]}, key, true
}

// offices: a person given a title of office right before the name, whom
// another outlet names with the same office (before or after the name);
// the title becomes another of the same class.
func (sc *storyCtx) offices() []candidate {
	var out []candidate
	for i := range sc.story.Articles {
		if sc.lang(i) != "en" {
			continue
		}
		text := sc.text(i)
		for _, e := range sc.an[i].Entities {
			if e.Type != parallax.Person {
				continue
			}
			for _, m := range e.Mentions {
				tsp, key, ok := titleBefore(text, m)
				if !ok {
					continue
				}
				office := normTitle(key)
				var counter []Ref
				for _, j := range sc.others(i) {
					counter = append(counter, sc.officeRefs(j, e, office)...)
				}
				old := tsp.Of(text)
				// the same title before the person's other mentions is
				// changed alike: the outlet gives the person one office
				var again []restatement
				for _, m2 := range e.Mentions {
					if t2, _, ok := titleBefore(text, m2); ok && t2 != tsp && t2.Of(text) == old {
						again = append(again, restatement{span: t2, write: func(nw string) string { return nw }})
					}
				}
				out = append(out, candidate{art: i, span: tsp, counter: counter, again: again, rewrite: func(r *rand.Rand) string {
					return otherOffice(r, key, old)
				}})
			}
		}
	}
	return out
}

// officeRefs are the places where article j names person e with office:
// "Governor Taban Deng", "Taban Deng, the governor of Unity state".
func (sc *storyCtx) officeRefs(j int, e parallax.Entity, office string) []Ref {
	text := sc.text(j)
	var out []Ref
	for _, e2 := range sc.an[j].Entities {
		if e2.Type != parallax.Person || !samePerson(e, e2) {
			continue
		}
		for _, m := range e2.Mentions {
			if tsp, key, ok := titleBefore(text, m); ok && normTitle(key) == office {
				out = append(out, sc.ref(j, parallax.Span{Start: tsp.Start, End: m.End}))
				continue
			}
			if end, ok := titleAfter(text, m.End, office); ok {
				out = append(out, sc.ref(j, parallax.Span{Start: m.Start, End: end}))
			}
		}
	}
	return out
}

var appositionRe = regexp.MustCompile(`^\s?,\s+(?:the\s+|a\s+|an\s+)?((?:[\p{L}.-]+\s+){0,3}?[\p{L}.-]+)\b`)

// titleAfter finds office in an apposition after a name ("X, the
// governor of …", "X, Unity state governor"), and returns where it ends.
func titleAfter(text string, at int, office string) (int, bool) {
	rest := text[at:min(len(text), at+80)]
	loc := appositionRe.FindStringSubmatchIndex(rest)
	if loc == nil {
		return 0, false
	}
	words := strings.Fields(strings.ToLower(rest[loc[2]:loc[3]]))
	want := strings.Fields(office)
	for k := 0; k+len(want) <= len(words); k++ {
		if normTitle(strings.Join(words[k:k+len(want)], " ")) == office {
			end := loc[2]
			for _, w := range strings.Fields(rest[loc[2]:loc[3]])[:k+len(want)] {
				end = strings.Index(rest[end:], w) + end + len(w)
			}
			return at + end, true
		}
	}
	return 0, false
}

// samePerson: the same surname, and the same first name when both give one.
func samePerson(a, b parallax.Entity) bool {
	fa, fb := strings.Fields(a.Name), strings.Fields(b.Name)
	if len(fa) == 0 || len(fb) == 0 || !strings.EqualFold(fa[len(fa)-1], fb[len(fb)-1]) {
		return false
	}
	return len(fa) < 2 || len(fb) < 2 || strings.EqualFold(fa[0], fb[0])
}

// otherOffice draws another title of key's class, written like old.
func otherOffice(r *rand.Rand, key, old string) string {
	ci, ok := officeClass[key]
	if !ok {
		return ""
	}
	var choices []string
	for _, t := range officeClasses[ci] {
		// another office, not another name for the same one ("judge" and
		// "justice", "prime minister" and "premier" are one office)
		if _, ok := officeClass[t]; ok && normTitle(t) != normTitle(key) && !lang.SameOffice(normTitle(t), normTitle(key)) {
			choices = append(choices, t)
		}
	}
	t := pick(r, choices)
	if t == "" {
		return ""
	}
	if t == "ceo" {
		return "CEO"
	}
	return shapeLike(t, old)
}
