package analyze

import (
	"sort"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze/gazetteer"
	"github.com/parallaxnews/parallax/internal/lang"
	"github.com/parallaxnews/parallax/internal/ner"
)

// nerType maps the learned tagger's types onto ours.
var nerType = map[string]string{"PER": parallax.Person, "ORG": parallax.Organization, "LOC": parallax.Place}

// minNERConf is how sure the learned tagger must be before its type
// overrides the rules' (0–1, the lower of its segmenter's and typer's
// probabilities). Set on CoNLL-2003 and GMB with `parallax evalcorpus`.
const minNERConf = 0.55

// minTyperConf is how sure the tagger's typer must be of its type for a
// name the rules found before it votes.
const minTyperConf = 0.9

// learnAll lets the tagger retype the rules' persons, organisations and
// places too (not those typed by their head word, see strongType), not
// only what they call misc. Their sentences are read by the typer alone
// (see learnedTypes), which costs about 1% more analysis time where
// segmenting them too cost about 8%: CoNLL typed F1 0.828 → 0.835, GMB
// 0.777 → 0.781.
var learnAll = true

// learnedTypes lets the learned tagger (internal/ner, trained on openly
// licensed annotations) vote on the type of each English entity: every
// mention it tags with the same extent, or inside which the mention's
// words fall, is a vote weighted by its confidence, and so is its typer's
// reading of the rules' own extent when sure. The rules keep the
// types the tagger does not know (laws, events, vessels, groups) and their
// own when the tagger is unsure.
func (d *doc) learnedTypes() {
	if d.lang != "en" && d.lang != "" {
		return
	}
	m, err := ner.Default()
	if err != nil {
		return
	}
	votes := make([]map[string]float32, len(d.ents))
	// the sentences to tag: that of the first mention of each entity
	// whose type the rules are not sure of; a place the gazetteer knows or a
	// person with a title is left as the rules type it, which also keeps
	// the tagger's cost to a fraction of the article
	// A name the rules typed person, organisation or place (learnAll) is
	// read by the typer alone, on the rules' extent: segmenting its
	// sentence too costs more than it brings.
	want, typeOnly := map[int]bool{}, map[int]bool{}
	for i := range d.ents {
		e := &d.ents[i]
		if !learnable(e) || len(e.mentions) == 0 {
			continue
		}
		si := d.mentions[e.mentions[0]].sent
		if e.typ == parallax.Misc || e.typ == "" {
			want[si] = true
		} else {
			typeOnly[si] = true
		}
	}
	var toks []ner.Token
	mi := 0
	for si := range d.sents {
		for mi < len(d.mentions) && d.mentions[mi].sent < si {
			mi++
		}
		if !want[si] {
			continue
		}
		for _, sp := range d.tagged(m, si, &toks) {
			typ, ok := nerType[sp.Type]
			if !ok || sp.Conf < minNERConf {
				continue
			}
			for k := mi; k < len(d.mentions) && d.mentions[k].sent == si; k++ {
				mn := &d.mentions[k]
				// a name inside the tagger's, or one whose start the tagger
				// read as a person's name ("Ayman" of "Ayman al-Quist")
				inside := mn.start >= sp.Start && mn.end <= sp.End+3 && mn.start < sp.End
				if e := &d.ents[mn.entity]; inside && mn.start > sp.Start && e.typ != parallax.Misc && e.typ != "" {
					// the tagger typed more than the rules' name
					// ("Austrian Ivo Quist"), which the rules typed already
					inside = false
				}
				part := sp.Start == mn.start && sp.End < mn.end && typ == parallax.Person
				if inside || part {
					w := sp.Conf
					if part {
						w *= float32(sp.End-sp.Start) / float32(mn.end-mn.start)
					}
					if votes[mn.entity] == nil {
						votes[mn.entity] = map[string]float32{}
					}
					votes[mn.entity][typ] += w
				}
			}
		}
	}
	// the typer's reading of the rules' own extent of each name they typed
	// person, organisation or place, when it is sure
	for si := range typeOnly {
		if !d.isTagged(si) {
			d.typeOnly(m, si, &toks)
		}
	}
	for i := range d.ents {
		e := &d.ents[i]
		if !learnable(e) || e.typ == parallax.Misc || e.typ == "" {
			continue
		}
		most := 0
		for _, k := range e.mentions {
			most = max(most, d.mentions[k].tokens)
		}
		for _, k := range e.mentions {
			mn := &d.mentions[k]
			t, ok := d.typed[spanKey(mn.start, mn.end)]
			if !ok || mn.tokens < most {
				continue // a surname alone tells the typer little
			}
			typ, ok := nerType[nerTypeName(t.typ)]
			if !ok || t.conf < minTyperConf {
				continue
			}
			if votes[i] == nil {
				votes[i] = map[string]float32{}
			}
			votes[i][typ] += t.conf
		}
	}
	for i := range d.ents {
		e := &d.ents[i]
		if !learnable(e) {
			continue
		}
		best, bestW := "", float32(0)
		for t, w := range votes[i] {
			if w > bestW || w == bestW && t < best {
				best, bestW = t, w
			}
		}
		if w, ok := votes[i][e.typ]; ok && w >= bestW {
			best = e.typ // a tie keeps the rules' type
		}
		if best != "" {
			e.typ = best
		}
	}
}

// learnable: an entity the learned tagger may retype — one the rules typed
// person, organisation, place or misc on weak evidence; their finer types
// (facility, law, event, work, group), a place the gazetteer knows and a
// person with a title stay.
func learnable(e *ent) bool {
	switch e.typ {
	case parallax.Misc, "":
	case parallax.Person, parallax.Organization, parallax.Place:
		// a place named after "in", "at" or "near" stays one
		if !learnAll || e.typ == parallax.Place && e.located {
			return false
		}
	default:
		return false
	}
	if len(e.roles) > 0 || notNameCode(e.name) {
		return false
	}
	if _, ok := gazetteer.Lookup(e.name); ok {
		return false
	}
	return e.typ == parallax.Misc || e.typ == "" || !strongType(e)
}

// strongType: the rules typed the entity from its head word ("Ministry",
// "Airport", "River"), evidence the tagger seldom overturns for the better.
func strongType(e *ent) bool {
	var fb [8]string
	f := appendFields(fb[:0], e.name)
	last := strings.ToLower(f[len(f)-1])
	for i := 1; i < len(f)-1; i++ {
		if lw := strings.ToLower(f[i]); lw == "of" && institutional(strings.ToLower(f[i-1])) {
			last = strings.ToLower(f[i-1])
			break
		}
	}
	return len(f) > 1 && (institutional(last) || legalForm(f[len(f)-1])) || loneArticleName(e.name)
}

// nerTokens converts a sentence's tokens for the tagger, splitting off a
// possessive ending as the corpora it learned from do.
func (d *doc) nerTokens(st []token, out []ner.Token) []ner.Token {
	for _, t := range st {
		if t.poss > 0 {
			out = append(out, ner.Token{Text: d.text[t.start:t.poss], Start: t.start, End: int(t.poss)},
				ner.Token{Text: d.text[t.poss:t.end], Start: int(t.poss), End: t.end})
			continue
		}
		out = append(out, ner.Token{Text: d.text[t.start:t.end], Start: t.start, End: t.end})
	}
	return out
}

// minProseWords is how many lower-case words a sentence needs for the
// rules to read its names: they tell a name from a word by its capital,
// which a headline, a results table or a list of names does not show.
const minProseWords = 4

// unreadable reports whether sentence si gives the rules too little
// lower-case text to tell names from words.
func (d *doc) unreadable(si int) bool {
	if d.titleLines[si] {
		return true
	}
	n := 0
	for _, t := range d.sentTokens(si) {
		if t.kind == tWord && !t.cap {
			n++
			if n >= minProseWords {
				return false
			}
		}
	}
	return true
}

// learnedMentions lets the learned tagger find the names of the English
// sentences the rules cannot read (see unreadable): its names replace the
// rules' mentions they overlap there, typed as it types them.
func (d *doc) learnedMentions() {
	if d.lang != "en" && d.lang != "" {
		return
	}
	m, err := ner.Default()
	if err != nil {
		return
	}
	var toks []ner.Token
	var add []mention
	var drop []bool // by mention, made on first use
	mi := 0
	for si := range d.sents {
		for mi < len(d.mentions) && d.mentions[mi].sent < si {
			mi++
		}
		if !d.unreadable(si) || !hasCap(d.sentTokens(si)) {
			continue
		}
		for _, sp := range d.wholeRuns(si, d.tagged(m, si, &toks)) {
			typ, ok := nerType[sp.Type]
			if !ok {
				continue
			}
			// a name the rules read with a title or as a nationality stays theirs
			ruled := false
			for k := mi; k < len(d.mentions) && d.mentions[k].sent == si; k++ {
				mn := &d.mentions[k]
				if mn.start < sp.End && sp.Start < mn.end && (len(mn.roles) > 0 || mn.demonym) {
					ruled = true
				}
			}
			if ruled {
				continue
			}
			s := d.text[sp.Start:sp.End]
			add = append(add, mention{start: sp.Start, end: sp.End, text: s, key: nameKey(s), typ: typ, sent: si,
				titleLine: d.titleLines[si], tokens: len(strings.Fields(s)), learned: true,
				acronym: !strings.Contains(s, " ") && upperWord(s)})
			for k := mi; k < len(d.mentions) && d.mentions[k].sent == si; k++ {
				if d.mentions[k].start < sp.End && sp.Start < d.mentions[k].end {
					if drop == nil {
						drop = make([]bool, len(d.mentions))
					}
					drop[k] = true
				}
			}
		}
	}
	if len(add) == 0 {
		return
	}
	kept := d.mentions[:0]
	for k, mn := range d.mentions {
		if drop == nil || !drop[k] {
			kept = append(kept, mn)
		}
	}
	d.mentions = append(kept, add...)
	sort.SliceStable(d.mentions, func(a, b int) bool { return d.mentions[a].start < d.mentions[b].start })
}

// wholeRuns widens the tagger's names in sentence si to the capitalised
// words right next to them, merging names that then touch: in a table
// the tagger often reads only a part of a name ("FC" of "FC Quistow",
// "Waqar" of "Waqar Quist", not the initial of "J. Quist"). A sentence
// in capitals is left as it is.
func (d *doc) wholeRuns(si int, spans []ner.Span) []ner.Span {
	if len(spans) == 0 {
		return spans
	}
	if d.inCapitals(si) {
		return d.capitalRuns(si, spans)
	}
	toks := d.sentTokens(si)
	joins := func(t token) bool {
		return t.kind == tWord && t.cap && !startWords.Has(t.low) && !lang.Stopword(t.low)
	}
	out := make([]ner.Span, 0, len(spans))
	longest := make([]int, 0, len(spans))
	for _, sp := range spans {
		a := 0
		for a < len(toks) && toks[a].end <= sp.Start {
			a++
		}
		b := a
		for b < len(toks) && toks[b].start < sp.End {
			b++
		}
		if a == b {
			out, longest = append(out, sp), append(longest, sp.End-sp.Start)
			continue
		}
		for a > 0 && joins(toks[a-1]) && toks[a-1].poss == 0 && toks[a].start-toks[a-1].end <= 1 {
			a--
			sp.Start = toks[a].start
		}
		for b < len(toks) && joins(toks[b]) && toks[b-1].poss == 0 && toks[b].start-toks[b-1].end <= 1 {
			sp.End = toks[b].wordEnd()
			b++
		}
		n := len(out)
		if n > 0 && out[n-1].End >= sp.Start {
			// the widened names touch: one name, typed as an organisation
			// if either part was, else as its longer part
			prev := &out[n-1]
			if sp.Type == "ORG" || prev.Type != "ORG" && sp.End-sp.Start > longest[n-1] {
				prev.Type = sp.Type
			}
			longest[n-1] = max(longest[n-1], sp.End-sp.Start)
			prev.End = max(prev.End, sp.End)
			prev.TokEnd = max(prev.TokEnd, sp.TokEnd)
			prev.Conf = min(prev.Conf, sp.Conf)
			continue
		}
		out, longest = append(out, sp), append(longest, sp.End-sp.Start)
	}
	return out
}

// capitalRuns adjusts the tagger's names in a sentence in capitals, where
// every word looks like a name: a name stops at a word that joins two
// teams ("ST LOUIS AT HOUSTON"), and takes in the words next to it when
// they make a place the gazetteer knows ("LOS" + "ANGELES").
func (d *doc) capitalRuns(si int, spans []ner.Span) []ner.Span {
	toks := d.sentTokens(si)
	out := make([]ner.Span, 0, len(spans))
	for _, sp := range spans {
		a := 0
		for a < len(toks) && toks[a].end <= sp.Start {
			a++
		}
		b := a
		for b < len(toks) && toks[b].start < sp.End {
			b++
		}
		if a == b {
			out = append(out, sp)
			continue
		}
		// split at joining words
		start := a
		for k := a; k <= b; k++ {
			if k < b && !(toks[k].kind == tWord && joinsFixture(toks[k].low)) {
				continue
			}
			if k > start {
				part := sp
				part.Start, part.End = toks[start].start, toks[k-1].wordEnd()
				if k == b {
					part.End = sp.End
				}
				out = append(out, part)
			}
			start = k + 1
		}
	}
	// widen to gazetteer places
	for i := range out {
		sp := &out[i]
		a := 0
		for a < len(toks) && toks[a].end <= sp.Start {
			a++
		}
		b := a
		for b < len(toks) && toks[b].start < sp.End {
			b++
		}
		if a == b {
			continue
		}
		if b < len(toks) && toks[b].kind == tWord && toks[b].cap {
			if _, ok := gazetteer.Lookup(d.text[sp.Start:toks[b].wordEnd()]); ok {
				sp.End = toks[b].wordEnd()
				continue
			}
		}
		if a > 0 && toks[a-1].kind == tWord && toks[a-1].cap {
			if _, ok := gazetteer.Lookup(d.text[toks[a-1].start:sp.End]); ok {
				sp.Start = toks[a-1].start
			}
		}
	}
	// widened names may now overlap their neighbours: keep the first
	kept := out[:0]
	for _, sp := range out {
		if n := len(kept); n > 0 && kept[n-1].End > sp.Start {
			continue
		}
		kept = append(kept, sp)
	}
	return kept
}

func hasCap(st []token) bool {
	for _, t := range st {
		if t.kind == tWord && t.cap {
			return true
		}
	}
	return false
}

// tagSpan is one of the learned tagger's names as tagged keeps it: the
// fields of ner.Span the analysis reads, in 24 bytes rather than 80 (a
// page of half a million one-line sentences has a name in each). Offsets
// fit an int32: an article's text is far below 2 GB.
type tagSpan struct {
	start, end, tokStart, tokEnd int32
	conf                         float32
	typ                          uint8 // index into ner.Types
}

// tagRef is where sentence si's names are in doc.tagSpans: at is their
// first index plus one, 0 while the sentence is not tagged.
type tagRef struct{ at, n int32 }

// typeVote is the typer's reading of one of the rules' names.
type typeVote struct {
	conf float32
	typ  uint8 // index into ner.Types
}

// spanKey is a byte span as one map key.
func spanKey(start, end int) uint64 { return uint64(uint32(start))<<32 | uint64(uint32(end)) }

func nerTypeIndex(t string) uint8 {
	for i, s := range ner.Types {
		if s == t {
			return uint8(i)
		}
	}
	return uint8(len(ner.Types)) // none of them (a range the typer could not read)
}

// nerTypeName undoes nerTypeIndex.
func nerTypeName(i uint8) string {
	if int(i) < len(ner.Types) {
		return ner.Types[i]
	}
	return ""
}

func (d *doc) isTagged(si int) bool { return si < len(d.tags) && d.tags[si].at > 0 }

// tagged returns the learned tagger's names in sentence si, tagging it on
// first use (toks is scratch space). They are valid until the next call.
func (d *doc) tagged(m *ner.Model, si int, toks *[]ner.Token) []ner.Span {
	if d.isTagged(si) {
		r := d.tags[si]
		if r.n == 0 {
			return nil
		}
		d.tagBuf = d.tagBuf[:0]
		for _, t := range d.tagSpans[r.at-1 : r.at-1+r.n] {
			d.tagBuf = append(d.tagBuf, ner.Span{TokStart: int(t.tokStart), TokEnd: int(t.tokEnd), Start: int(t.start), End: int(t.end), Type: nerTypeName(t.typ), Conf: t.conf})
		}
		return d.tagBuf
	}
	*toks = d.nerTokens(d.sentTokens(si), (*toks)[:0])
	ranges, spans := d.ruleRanges(si, *toks)
	sp, typed := m.TagTyped(*toks, ranges)
	if d.tags == nil {
		d.tags = make([]tagRef, len(d.sents))
		d.tagSpans = make([]tagSpan, 0, 16)
	}
	d.tags[si] = tagRef{at: int32(len(d.tagSpans)) + 1, n: int32(len(sp))}
	for _, t := range sp {
		d.tagSpans = append(d.tagSpans, tagSpan{start: int32(t.Start), end: int32(t.End), tokStart: int32(t.TokStart), tokEnd: int32(t.TokEnd),
			conf: t.Conf, typ: nerTypeIndex(t.Type)})
	}
	d.keepTyped(spans, typed)
	return sp
}

// typeOnly has the tagger's typer alone read the rules' names in sentence
// si (toks is scratch space).
func (d *doc) typeOnly(m *ner.Model, si int, toks *[]ner.Token) {
	*toks = d.nerTokens(d.sentTokens(si), (*toks)[:0])
	ranges, spans := d.ruleRanges(si, *toks)
	d.keepTyped(spans, m.TypeRanges(*toks, ranges))
}

func (d *doc) keepTyped(spans [][2]int, typed []ner.Span) {
	if d.typed == nil {
		d.typed = map[uint64]typeVote{}
	}
	for k, t := range typed {
		d.typed[spanKey(spans[k][0], spans[k][1])] = typeVote{conf: t.Conf, typ: nerTypeIndex(t.Type)}
	}
}

// ruleRanges returns the rules' names in sentence si as token ranges of
// toks, for the typer, and as byte spans.
func (d *doc) ruleRanges(si int, toks []ner.Token) (ranges, spans [][2]int) {
	for _, i := range d.mentionsIn(si) {
		mn := &d.mentions[i]
		if mn.sent != si {
			continue
		}
		a, b := -1, -1
		for k, t := range toks {
			if a < 0 && t.Start >= mn.start {
				a = k
			}
			if t.End <= mn.end {
				b = k + 1
			}
		}
		if a >= 0 && b > a {
			ranges = append(ranges, [2]int{a, b})
			spans = append(spans, [2]int{mn.start, mn.end})
		}
	}
	return ranges, spans
}

// mentionsIn lists the indices of the mentions of sentence si. The index
// is built once for the mentions there are and again when more are added:
// a page of half a million sentences would otherwise read every name once
// per sentence.
func (d *doc) mentionsIn(si int) []int32 {
	stale := si+1 >= len(d.bySentAt) || d.bySentN != len(d.mentions)
	if !stale {
		for _, i := range d.bySent[d.bySentAt[si]:d.bySentAt[si+1]] {
			stale = stale || d.mentions[i].sent != si // reordered since
		}
	}
	if stale {
		d.indexMentions()
	}
	if si < 0 || si+1 >= len(d.bySentAt) {
		return nil
	}
	return d.bySent[d.bySentAt[si]:d.bySentAt[si+1]]
}

// indexMentions lists the mentions' indices sentence by sentence, in two
// slices: where each sentence's begin, and the indices in their places.
func (d *doc) indexMentions() {
	n := len(d.sents) // every sentence, so that one without names needs no new index
	for i := range d.mentions {
		n = max(n, d.mentions[i].sent+1)
	}
	at := make([]int32, n+2)
	for i := range d.mentions {
		if s := d.mentions[i].sent; s >= 0 {
			at[s+2]++
		}
	}
	for s := 2; s < len(at); s++ {
		at[s] += at[s-1]
	}
	// at[s+1] is where sentence s's indices go, then where they end
	idx := make([]int32, len(d.mentions))
	for i := range d.mentions {
		if s := d.mentions[i].sent; s >= 0 {
			idx[at[s+1]] = int32(i)
			at[s+1]++
		}
	}
	d.bySent, d.bySentAt, d.bySentN = idx, at[:n+1], len(d.mentions)
}

// initialName: a word that starts an English sentence and is no ordinary
// word (WordNet has it in lower case neither as it stands nor as the
// singular of a plural) is a name when the learned tagger reads a person,
// an organisation or a place there ("Telesur is a joint venture …").
func (d *doc) initialName(mn *mention) bool {
	if d.lang != "en" && d.lang != "" || mn.titleLine {
		return false
	}
	w := mn.text
	low := strings.ToLower(w)
	if lang.Stopword(low) || startWords.Has(low) || ner.Common(w) {
		return false
	}
	for _, suf := range [...]string{"s", "es"} {
		if sing, ok := strings.CutSuffix(low, suf); ok && (ner.Common(sing) || gazetteerDemonym(sing)) {
			return false
		}
	}
	if sing, ok := strings.CutSuffix(low, "ies"); ok && ner.Common(sing+"y") {
		return false
	}
	m, err := ner.Default()
	if err != nil {
		return false
	}
	var toks []ner.Token
	for _, sp := range d.tagged(m, mn.sent, &toks) {
		if typ, ok := nerType[sp.Type]; ok && sp.Start <= mn.start && sp.End >= mn.end {
			if mn.typ == "" {
				mn.typ = typ
			}
			return true
		}
	}
	return false
}

func gazetteerDemonym(w string) bool {
	_, ok := gazetteer.Demonym(w)
	return ok
}
