package stress

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/lang"
)

// irregularForms are the simple past and past participle forms of the
// English irregular verbs that name acts and events (a closed class, listed
// in any English grammar); regular forms end in -ed.
var irregularForms = setOf(`arisen arose ate beat beaten became begun began bit bitten blew blown bore borne broke broken
	brought built burnt burned bought caught chose chosen came cut dealt did done dove drew drawn drove driven dug eaten fed
	fell fallen fled flew flown fought forbade forbidden forgave forgiven froze frozen gave given got gotten grew grown hid
	hidden hit held hung hurt kept knelt laid led left lent lit lost made met overtook overtaken overthrew overthrown paid
	put quit ran rode ridden rang rung rose risen sank sunk seen sent set shook shaken shed shot shut slain slew slid slit
	sold sped spent split spread sprang sprung stood stole stolen struck stuck stung strove swore sworn swept swung swam
	swum took taken taught tore torn threw thrown upheld withdrew withdrawn withheld won wore worn wound woke woken wrote written`)

// stativeForms are past forms of verbs of state, perception and wanting,
// which name no act to assert or allege (the stative class of English
// grammars), and auxiliaries.
var stativeForms = setOf(`seemed appeared remained looked wanted needed hoped wished liked loved hated owned belonged lived
	used based called named expected believed planned tended meant felt knew thought saw heard had was were did been
	became got said told added noted`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// pastForm tells whether w (lower case) is the past form of a verb of
// action: regular (-ed) or irregular, not stative, not a verb of saying.
func pastForm(w string) bool {
	if stativeForms[w] || lang.Words("speech_verbs", "en").Has(w) {
		return false
	}
	return irregularForms[w] || len(w) >= 5 && strings.HasSuffix(w, "ed") && isLetters(w)
}

var (
	hedgeOnce    sync.Once
	hedgeAdverbs []string // allegedly, apparently, possibly, …
	allegeVerbs  []string // allegedly, reportedly, purportedly, supposedly
)

// hedges are the one-word hedging adverbs of the language layer's hedge
// list, which a sentence may carry between a name and its verb.
func hedges() []string {
	hedgeOnce.Do(loadHedges)
	return hedgeAdverbs
}

// alleging are the hedges that make an act alleged rather than asserted:
// the adverbs made of a past participle (-edly: allegedly, reportedly),
// which say that someone else claims it; "possibly" or "apparently" are the
// writer's own doubt.
func alleging() []string {
	hedgeOnce.Do(loadHedges)
	return allegeVerbs
}

func loadHedges() {
	for _, h := range lang.Words("hedges", "en").Entries() {
		if !strings.Contains(h, " ") && strings.HasSuffix(h, "ly") {
			hedgeAdverbs = append(hedgeAdverbs, h)
			if strings.HasSuffix(h, "edly") {
				allegeVerbs = append(allegeVerbs, h)
			}
		}
	}
}

func isHedge(w string) bool {
	for _, h := range hedges() {
		if h == w {
			return true
		}
	}
	return false
}

var actAfterRe = regexp.MustCompile(`^\s+(?:(\p{L}+)\s+)?(\p{L}+)\b`)

// act is a named person or organisation followed by the past form of an
// act, with or without a hedge between: "Smith shot", "Smith allegedly shot".
type act struct {
	ent   parallax.Entity
	span  parallax.Span // name through verb
	hedge parallax.Span // the hedge, when there is one
	verb  parallax.Span
	word  string // the verb, lower case
}

func (sc *storyCtx) acts(i int) []act {
	if sc.lang(i) != "en" {
		return nil
	}
	text := sc.text(i)
	var out []act
	for _, e := range sc.an[i].Entities {
		if e.Type != parallax.Person && e.Type != parallax.Organization {
			continue
		}
		for _, m := range e.Mentions {
			loc := actAfterRe.FindStringSubmatchIndex(text[m.End:min(len(text), m.End+60)])
			if loc == nil {
				continue
			}
			a := act{ent: e}
			vs, ve := m.End+loc[4], m.End+loc[5]
			if loc[2] >= 0 {
				if !isHedge(strings.ToLower(text[m.End+loc[2] : m.End+loc[3]])) {
					// one word between name and verb: only a hedge is read
					vs, ve = m.End+loc[2], m.End+loc[3]
				} else {
					a.hedge = parallax.Span{Start: m.End + loc[2], End: m.End + loc[3]}
				}
			}
			w := text[vs:ve]
			if w != strings.ToLower(w) || !pastForm(w) {
				continue
			}
			a.verb, a.word = parallax.Span{Start: vs, End: ve}, w
			a.span = parallax.Span{Start: m.Start, End: ve}
			out = append(out, a)
		}
	}
	return out
}

// sameSubject: the same person (surname, first name), or the same
// organisation by name or alias.
func sameSubject(a, b parallax.Entity) bool {
	if a.Type != b.Type {
		return false
	}
	if a.Type == parallax.Person {
		return samePerson(a, b)
	}
	for _, x := range append([]string{a.Name}, a.Aliases...) {
		for _, y := range append([]string{b.Name}, b.Aliases...) {
			if strings.EqualFold(x, y) {
				return true
			}
		}
	}
	return false
}

// restatedActs are the other places of one article that tell act a by the
// same subject with the same verb and modality ("Roe shot … Roe shot"):
// rewritten alike, so that the outlet tells the act one way throughout and
// the injection disagrees with other outlets only, as restated figures and
// dates are.
func restatedActs(as []act, a act) []restatement {
	var out []restatement
	for _, b := range as {
		if b.span == a.span || b.word != a.word || (b.hedge.Len() > 0) != (a.hedge.Len() > 0) || !sameSubject(a.ent, b.ent) {
			continue
		}
		sp := b.verb
		if b.hedge.Len() > 0 {
			sp = parallax.Span{Start: b.hedge.Start, End: b.verb.End}
		}
		out = append(out, restatement{span: sp, write: func(nw string) string { return nw }})
	}
	return out
}

// modalities: an act by a named person or organisation that another
// outlet states in the same modality ("X shot" in both, or "X allegedly
// shot" in both); the hedge is added ("allegedly") or removed.
func (sc *storyCtx) modalities() []candidate {
	acts := make([][]act, len(sc.story.Articles))
	for i := range sc.story.Articles {
		acts[i] = sc.acts(i)
	}
	var out []candidate
	for i := range sc.story.Articles {
		text := sc.text(i)
		for _, a := range acts[i] {
			var counter []Ref
			for _, j := range sc.others(i) {
				for _, b := range acts[j] {
					if b.word == a.word && (b.hedge.Len() > 0) == (a.hedge.Len() > 0) && sameSubject(a.ent, b.ent) {
						counter = append(counter, sc.ref(j, b.span))
					}
				}
			}
			verb := a.verb.Of(text)
			again := restatedActs(acts[i], a)
			if a.hedge.Len() > 0 {
				out = append(out, candidate{art: i, span: parallax.Span{Start: a.hedge.Start, End: a.verb.End}, counter: counter, again: again,
					rewrite: func(*rand.Rand) string { return verb }})
				continue
			}
			out = append(out, candidate{art: i, span: a.verb, counter: counter, again: again,
				rewrite: func(r *rand.Rand) string { return pick(r, alleging()) + " " + verb }})
		}
	}
	return out
}
