package analyze

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze/gazetteer"
	"github.com/parallaxnews/parallax/internal/lang"
)

type quoteMark struct {
	open, close int // byte offsets of the marks; close may be the newline that ends a paragraph
	// runOn is true for a quotation that runs on into the next paragraph,
	// whose opening mark continues it (news style: no closing mark between).
	runOn bool
}

// isOpenMark and isCloseMark tell a double quotation mark's role: curly and
// angle marks by their glyph, a straight mark by what flanks it (space or
// an opening bracket before it opens; a letter or punctuation before and a
// space, punctuation or the end after it closes). Typesetting mixes glyphs
// ("“…," he said), so a mark of one style may close a mark of another.
func isOpenMark(text string, i int, r rune, prev rune) bool {
	switch r {
	case '“', '«', '„':
		return true
	case '"':
		if i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/", prev) {
			_, n := utf8.DecodeRuneInString(text[i:])
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			return i+n < len(text) && !unicode.IsSpace(next)
		}
	}
	return false
}

func isCloseMark(r rune) bool { return r == '”' || r == '»' || r == '"' }

// findQuoteMarks pairs quotation marks. Double marks pair in order; an
// opening mark met while another is open closes the first at the end of its
// paragraph when a paragraph lies between (a quotation running on), and
// otherwise replaces it (a stray mark). Single quotes pair only where they
// cannot be apostrophes.
func findQuoteMarks(text string) []quoteMark {
	var out []quoteMark
	open := -1
	singleOpen := -1
	prev := ' '
	lastNL := -1 // the last paragraph break since open
	for i, r := range text {
		switch {
		case r == '\n':
			singleOpen = -1
			if open >= 0 {
				lastNL = i
				if i-open > 3000 {
					open = -1
				}
			}
		case (r == '"' || r == '“' || r == '”' || r == '«' || r == '»' || r == '„') && open < 0:
			if isOpenMark(text, i, r, prev) {
				open, lastNL = i, -1
			}
		case r == '"' || r == '“' || r == '”' || r == '«' || r == '»' || r == '„':
			switch {
			case isOpenMark(text, i, r, prev) && lastNL > open:
				// the quotation before ran on to its paragraph's end
				out = append(out, quoteMark{open: open, close: trimBack(text, lastNL), runOn: true})
				open, lastNL = i, -1
			case isCloseMark(r) && !(r == '"' && isOpenMark(text, i, r, prev) && i-open > 1),
				r == '“' && strings.ContainsRune(",.!?", prev) && !nextIsLetter(text, i) && i-open > 1:
				// (an opening glyph right after closing punctuation and
				// before a space is a closing mark mistyped: “It's late,“ he said)
				out = append(out, quoteMark{open: open, close: i})
				open = -1
			case isOpenMark(text, i, r, prev):
				open, lastNL = i, -1
			}
		case r == '‘' || r == '\'':
			if singleOpen < 0 && (unicode.IsSpace(prev) || prev == '(' || prev == '—' || i == 0) && nextIsLetter(text, i) {
				singleOpen = i
			}
		case r == '’':
			if singleOpen >= 0 && !nextIsLetter(text, i) && i-singleOpen > 3 {
				out = append(out, quoteMark{open: singleOpen, close: i})
				singleOpen = -1
			}
		}
		if r == '\'' && singleOpen >= 0 && singleOpen != i && !nextIsLetter(text, i) && i-singleOpen > 3 && unicode.IsLetter(prev) {
			out = append(out, quoteMark{open: singleOpen, close: i})
			singleOpen = -1
		}
		prev = r
	}
	// order by position
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].open < out[j-1].open; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	// drop marks nested inside another quote
	kept := out[:0]
	last := -1
	for _, q := range out {
		if q.open < last {
			continue
		}
		kept = append(kept, q)
		last = q.close
	}
	return kept
}

// trimBack returns the offset just after the last non-space byte before nl:
// where a quotation that runs on ends, standing in for its closing mark.
func trimBack(text string, nl int) int {
	i := nl
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\r' || text[i-1] == '\t' || text[i-1] == '\n') {
		i--
	}
	return i
}

func nextIsLetter(text string, i int) bool {
	_, n := utf8.DecodeRuneInString(text[i:])
	if i+n >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i+n:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// sortMentions puts the mentions in text order, which the lookups below
// assume (they stop at the first mention past the offset sought), keeping
// each entity's indices right. The entity rules may add the parts of one
// run out of order ("Sen. Tom Harlan of Delaware": Delaware first), and a
// name missed there made "said Sen. Tom Harlan of Delaware" Delaware's.
func (d *doc) sortMentions() {
	if sort.SliceIsSorted(d.mentions, func(a, b int) bool { return d.mentions[a].start < d.mentions[b].start }) {
		return
	}
	order := make([]int, len(d.mentions))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return d.mentions[order[a]].start < d.mentions[order[b]].start })
	at := make([]int, len(order)) // old index -> new
	ms := make([]mention, len(order))
	for n, old := range order {
		at[old] = n
		ms[n] = d.mentions[old]
	}
	d.mentions = ms
	for i := range d.ents {
		for k, mi := range d.ents[i].mentions {
			d.ents[i].mentions[k] = at[mi]
		}
	}
}

func (d *doc) findQuotes() []parallax.Quote {
	d.sortMentions()
	var out []parallax.Quote
	var outMarks []quoteMark
	marks := findQuoteMarks(d.text)
	d.quoteSpans = d.quoteSpans[:0]
	for _, m := range marks {
		d.quoteSpans = append(d.quoteSpans, parallax.Span{Start: m.open, End: m.close})
	}
	d.lastSpeaker, d.lastSpeakerSent, d.lastQuoteEnd = "", -10, -1
	for _, m := range marks {
		_, on := utf8.DecodeRuneInString(d.text[m.open:])
		inner := parallax.Span{Start: m.open + on, End: m.close}
		// trim spaces inside the marks
		for inner.Start < inner.End && d.text[inner.Start] == ' ' {
			inner.Start++
		}
		for inner.End > inner.Start && d.text[inner.End-1] == ' ' {
			inner.End--
		}
		if inner.Len() == 0 {
			continue
		}
		q := parallax.Quote{Text: d.text[inner.Start:inner.End], Span: inner}
		words := len(strings.Fields(q.Text))
		speaker, cue := d.attribute(m)
		if who, label := d.transcriptLabel(inner); label.Len() > 0 {
			// "“RUIZ: Well, look, …”"; an unknown label still marks a
			// turn of its own, which no earlier speaker continues
			speaker, cue = who, label
		}
		if f := strings.Fields(speaker); len(f) > 0 && relativePronouns.Has(strings.ToLower(f[0])) {
			// a relative clause ("a “mayday” call that allowed …") names
			// nobody: a speaker is a name or a noun phrase
			speaker, cue = "", parallax.Span{}
		}
		q.Speaker = cleanSpeaker(speaker)
		if cue.Len() > 0 {
			q.Cue = d.text[cue.Start:cue.End]
			q.CueSpan = cue
		}
		// a scare quote is a few words set off without a cue ("a
		// “disaster”"); a few words with a cue, or a whole sentence
		// ("“That is unacceptable.”", "“Quiet,” he demanded") are speech
		// outside English the closing punctuation stands outside the marks
		// («…», dijo)
		endsLikeStatement := strings.ContainsAny(lastRune(q.Text), ".!?,") ||
			d.lang != "en" && m.close+runeLen(d.text, m.close) < len(d.text) && strings.ContainsRune(",.!?", rune(d.text[m.close+runeLen(d.text, m.close)]))
		first, _ := utf8.DecodeRuneInString(q.Text)
		sentence := unicode.IsUpper(first) && strings.ContainsAny(lastRune(q.Text), ".!?")
		q.Scare = words <= 3 && !(endsLikeStatement && cue.Len() > 0 && (words >= 2 || cue.Start > m.close)) && !sentence && !m.runOn && !d.verbGoverns(cue, m)
		// a title in title case is a name, not speech: “Meet the Press,”
		// “The Tragedy of Lyndon Johnson”
		// (headlines aside, where every quotation is in title case); a
		// slogan chanted or said is still speech (`chanting “Dump the
		// Mayor!”`, `one message: “Save the Pier.”`); not so a title
		// followed by a cue: `on “Harbour Tonight,” Quist said`
		if si := d.sentenceOf(m.open); !q.Scare && !m.runOn && si >= 0 && !d.titleLines[si] && d.paragraphOf(m.open) > 0 &&
			(titleCased(q.Text) || words == 1 && d.nameSlotBefore(si, m.open) && unicode.IsUpper(first)) && !d.saidRightBefore(si, m.open) && !strings.ContainsAny(q.Text, "!?") {
			q.Scare = true
		}
		if speaker != "" && !q.Scare {
			d.lastSpeaker, d.lastSpeakerSent, d.lastQuoteEnd = speaker, d.sentenceOf(m.close), m.close
		}
		out = append(out, q)
		outMarks = append(outMarks, m)
	}
	d.continueQuotes(out, outMarks)
	return out
}

// cleanSpeaker drops from a speaker's name the capitalised common words
// that a headline or a sentence's first word glued to it ("Crooked Ana
// Ruiz", "Billionaire Ana Ruiz", "Certainly Ana Ruiz", "Harbour Hits Ana
// Ruiz"): words of the language's vocabulary (WordNet nouns, function
// words, adverbs in -ly, adjective endings) before a known given name that
// starts a capitalised name of two words or more. A name opening with a
// given name ("Mary Kay Henry") or a determiner ("The Harbour Post") is
// kept, and so is a place ("South Carolina Republican", "Los Angeles").
func cleanSpeaker(name string) string {
	f := strings.Fields(name)
	if len(f) < 3 || gazetteer.GivenName(f[0]) || determiners.Has(strings.ToLower(f[0])) {
		return name
	}
	for i := 1; i+1 < len(f); i++ {
		if !gazetteer.GivenName(f[i]) || !startsUpper(f[i]) || !startsUpper(f[len(f)-1]) {
			continue
		}
		if _, place := gazetteer.Lookup(strings.Join(f[i-1:i+1], " ")); place {
			return name
		}
		for _, w := range f[:i] {
			lw := strings.ToLower(w)
			if w == lw || !(len(lang.NounClasses(lw)) > 0 || lang.Stopword(lw) || strings.HasSuffix(lw, "ly") || adjectiveLike(lw) || strings.HasSuffix(lw, "ed")) {
				return name
			}
		}
		return strings.Join(f[i:], " ")
	}
	return name
}

// verbGoverns reports whether the cue before a quotation ends in a verb of
// saying: a few quoted words it introduces are the speaker's ("Ruiz called
// the plan “a disaster”", "Ruiz said she was “very disappointed”").
func (d *doc) verbGoverns(cue parallax.Span, m quoteMark) bool {
	if cue.Len() == 0 || cue.End > m.open {
		return false
	}
	si := d.sentenceOf(cue.End - 1)
	if si < 0 {
		return false
	}
	toks := d.tokensBetween(si, d.sents[si].Span.Start, cue.End)
	k := len(toks) - 1
	if k < 1 || toks[k].start < cue.Start {
		return false
	}
	// a verb, not a noun ("her new podcast “…”"), nor an infinitive, whose
	// subject is often another ("asked the board to call it “…”")
	if !d.isVerb(toks[k]) || d.nounUse(toks, k) || d.compoundHead(toks, k) || toks[k-1].low == "to" {
		return false
	}
	// nor a passive, whose subject is not the one speaking ("Ruiz has been
	// called “reckless”"), nor a naming verb after a noun it describes
	// ("a play called “…”", "an account named “…”")
	// (after "is", a form in -ing is progressive: "Ruiz is calling it “…”")
	prev := toks[k-1]
	participle := !strings.HasSuffix(toks[k].low, "ing")
	if participle && (passiveAux.Has(prev.low) || prev.kind == tWord && (strings.HasSuffix(prev.low, "ly") || prev.low == "also") && k > 1 && passiveAux.Has(toks[k-2].low)) {
		return false
	}
	if namingVerbs.Has(toks[k].low) && prev.kind == tWord && !prev.cap && !lang.Stopword(prev.low) && !strings.HasSuffix(prev.low, "ly") && !pronouns.Has(prev.low) {
		return false
	}
	return true
}

// passiveAux are the forms of "be" and "get" that make a past participle
// passive.
var passiveAux = lang.Words("passive_auxiliaries", "en")

// transcriptLabel reads a transcript's turn inside a quotation: a name in
// capitals and a colon ("RUIZ: The pier held."), and the person of the
// article it names, if any.
func (d *doc) transcriptLabel(inner parallax.Span) (string, parallax.Span) {
	t := d.text[inner.Start:inner.End]
	colon := strings.IndexByte(t, ':')
	if colon < 2 || colon > 30 {
		return "", parallax.Span{}
	}
	label := t[:colon]
	for _, r := range label {
		if !(unicode.IsUpper(r) || r == ' ' || r == '.' || r == '\'' || r == '-') {
			return "", parallax.Span{}
		}
	}
	last := lastWord(strings.TrimSpace(label))
	if len(last) < 3 {
		return "", parallax.Span{}
	}
	sp := parallax.Span{Start: inner.Start, End: inner.Start + colon}
	for _, e := range d.ents {
		if e.typ == parallax.Person && strings.EqualFold(lastWord(e.name), last) {
			return e.name, sp
		}
	}
	return "", sp
}

// continueQuotes gives a quotation without a cue of its own the speaker of
// the quotation it continues, as news style writes them: the second part of
// a quote interrupted by its cue ("“…,” she said. “…”"), a paragraph that
// opens with a quotation after a paragraph of the same speaker's, and a
// quotation that runs on into the next paragraph, whose cue comes there.
// Another person named between the two, outside quotes, breaks the chain.
func (d *doc) continueQuotes(qs []parallax.Quote, ms []quoteMark) {
	para := make([]int, len(qs))
	opens := make([]bool, len(qs)) // the quotation opens its paragraph
	for i, m := range ms {
		para[i] = d.paragraphOf(m.open)
		opens[i] = d.opensParagraph(m.open)
	}
	orphan := func(i int) bool { return qs[i].Speaker == "" && qs[i].Cue == "" && !qs[i].Scare }
	// forward: from an attributed quotation to the ones after it
	for i := 1; i < len(qs); i++ {
		if !orphan(i) {
			continue
		}
		j := i - 1
		for j >= 0 && qs[j].Scare {
			j--
		}
		if j < 0 || qs[j].Speaker == "" {
			continue
		}
		samePara := para[j] == para[i]
		nextPara := para[i] == para[j]+1 && opens[i]
		if (samePara || nextPara) && !d.personBetween(d.afterCueClause(qs[j], ms[j], ms[i].open), ms[i].open, qs[j].Speaker) {
			qs[i].Speaker = qs[j].Speaker
		}
	}
	// backward: a quotation that runs on, or fills its paragraph, takes the
	// speaker of the quotation that continues it in the next paragraph
	for i := len(qs) - 2; i >= 0; i-- {
		if !orphan(i) || !(ms[i].runOn || opens[i]) {
			continue
		}
		j := i + 1
		if qs[j].Speaker == "" || !opens[j] || para[j] != para[i]+1 {
			continue
		}
		if !d.personBetween(ms[i].close, ms[j].open, qs[j].Speaker) {
			qs[i].Speaker = qs[j].Speaker
		}
	}
}

// afterCueClause is where a person named before the next quotation (at
// limit) starts to compete with q's speaker: after the sentence of q's cue
// when the cue follows q, since that sentence describes the speaker ("said
// Ana Ruiz, a spokeswoman for Ivo Stanek." or "…, referring to Ivo
// Stanek's plan."); else right after q.
func (d *doc) afterCueClause(q parallax.Quote, m quoteMark, limit int) int {
	if q.CueSpan.Len() == 0 || q.CueSpan.Start < m.close {
		return m.close
	}
	si := d.sentenceOf(q.CueSpan.End - 1)
	if si < 0 {
		return m.close
	}
	return max(m.close, min(d.sents[si].Span.End, limit))
}

// paragraphOf counts the line breaks before off.
func (d *doc) paragraphOf(off int) int {
	if d.paraStarts == nil {
		// starts of lines that hold something: blank lines between
		// paragraphs do not count as paragraphs
		d.paraStarts = []int{0}
		for i := 0; i < len(d.text); i++ {
			if d.text[i] == '\n' && strings.TrimSpace(d.text[d.paraStarts[len(d.paraStarts)-1]:i]) != "" {
				d.paraStarts = append(d.paraStarts, i+1)
			}
		}
	}
	return sort.SearchInts(d.paraStarts, off+1) - 1
}

// opensParagraph reports whether only spaces, dashes or bullets stand
// between the line's start and off.
func (d *doc) opensParagraph(off int) bool {
	for i := off - 1; i >= 0; i-- {
		switch d.text[i] {
		case '\n':
			return true
		case ' ', '\t', '-', '*':
			continue
		}
		return false
	}
	return true
}

// personBetween reports whether someone other than speaker is named in
// [from, to) outside quotes: then a quotation after it may be theirs.
func (d *doc) personBetween(from, to int, speaker string) bool {
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.start < from || d.insideQuote(m.start) {
			continue
		}
		if m.start >= to {
			break
		}
		if e := d.ents[m.entity]; e.typ == parallax.Person && e.name != speaker {
			return true
		}
	}
	return false
}

// saidRightBefore reports whether a colon or a verb of saying that does
// not introduce a name (called, titled) stands right before off.
func (d *doc) saidRightBefore(si, off int) bool {
	toks := d.tokensBetween(si, d.sents[si].Span.Start, off)
	for len(toks) > 0 && toks[len(toks)-1].kind == tPunct && d.text[toks[len(toks)-1].start] == ',' {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return false
	}
	t := toks[len(toks)-1]
	if t.kind == tPunct {
		return d.text[t.start] == ':'
	}
	// (after "told" the hearer comes first: "told “Harbour Tonight”" names
	// the programme spoken to, not the words)
	if hearerVerbs.Has(t.low) {
		return false
	}
	return d.isVerb(t) && !namingVerbs.Has(t.low) && !d.nounUse(toks, len(toks)-1)
}

// nameSlotBefore reports whether a possessive, a determiner or a
// preposition stands right before off, where a one-word quotation in
// capitals is a title ("Fox News’s “Hannity,”", "the film “Chi-Raq,”").
func (d *doc) nameSlotBefore(si, off int) bool {
	toks := d.tokensBetween(si, d.sents[si].Span.Start, off)
	if len(toks) == 0 {
		return false
	}
	t := toks[len(toks)-1]
	return t.kind == tWord && (t.poss > 0 || determiners.Has(t.low) || prepositions.Has(t.low) || possessivePronoun(t.low))
}

// titleCased reports whether s reads like the title of a work or a show:
// two to twelve words, every one capitalised but function words, and no
// sentence inside (no full stop, question or exclamation mark before its
// end).
func titleCased(s string) bool {
	body := strings.TrimRight(s, ".,;:!? ")
	if strings.ContainsAny(strings.TrimRight(s, ".,;:!?’'\" "), ".!?") {
		return false
	}
	n, capital := 0, 0
	for rest := body; rest != ""; {
		rest = strings.TrimLeft(rest, " ")
		if rest == "" {
			break
		}
		w := rest
		if k := strings.IndexByte(rest, ' '); k >= 0 {
			w, rest = rest[:k], rest[k+1:]
		} else {
			rest = ""
		}
		if n++; n > 12 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			capital++
		case unicode.IsLower(r) && titleMinorWords.Has(w):
		default:
			return false
		}
	}
	return n >= 2 && capital >= 2
}

func lastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// attribute finds who said the quote between marks m, and the words that say so.
func (d *doc) attribute(m quoteMark) (string, parallax.Span) {
	si := d.sentenceOf(m.close)
	if si < 0 && m.runOn && m.close > 0 {
		si = d.sentenceOf(m.close - 1) // the paragraph's end stands in for the mark
	}
	if si < 0 {
		return "", parallax.Span{}
	}
	closeEnd := m.close + runeLen(d.text, m.close)
	if d.titleLines[si] {
		if name, cue, ok := d.headlineCue(si, m, closeEnd); ok {
			return name, cue
		}
	} else if d.paragraphOf(m.open) == 0 && d.sentenceOf(m.open) == si && lineIsSentence(d.text, d.sents[si].Span) {
		// the first line is the headline even when not all in title case
		// ("Ruiz: Harbour Board ‘Waving the White Flag’"): its speaker
		// before a colon must be a person the article names
		if name, cue, ok := d.headlineCue(si, m, closeEnd); ok && d.isPersonName(name) {
			return name, cue
		}
	}
	// 1. after the quote: `,” he said`, `,” said the Salvadoran leader`, `," Mayorkas wrote`
	after := d.tokensBetween(si, closeEnd, d.sents[si].Span.End)
	// `“….”― Ana Ruiz`: the signature may fall in the next "sentence"
	if len(after) == 0 && si+1 < len(d.sents) && d.dashAt(closeEnd) && !strings.Contains(d.text[closeEnd:d.sents[si+1].Span.Start], "\n") {
		if next := d.tokensBetween(si+1, d.sents[si+1].Span.Start, d.sents[si+1].Span.End); len(next) > 1 && next[0].kind == tPunct && isDash(d.text[next[0].start:next[0].end]) {
			after = next
		}
	}
	if name, cue, ok := d.cueAfter(after, m); ok {
		return name, cue
	}
	// a quotation filling its paragraph, signed on the next line: `“…”¶-
	// Ana Ruiz.`
	if len(after) == 0 && si+1 < len(d.sents) && d.opensParagraph(m.open) && d.lineEndsAt(closeEnd) && d.paragraphOf(d.sents[si+1].Span.Start) == d.paragraphOf(m.open)+1 {
		next := d.tokensBetween(si+1, d.sents[si+1].Span.Start, d.sents[si+1].Span.End)
		if len(next) >= 2 && len(next) <= 6 && next[0].kind == tPunct && strings.ContainsAny(d.text[next[0].start:next[0].end], "-—―") && d.lineEndsAt(next[len(next)-1].end) {
			name := next[1:]
			for len(name) > 0 && name[len(name)-1].kind == tPunct {
				name = name[:len(name)-1]
			}
			if who := d.bareName(name); who != "" && d.isPersonName(who) {
				return who, parallax.Span{Start: next[0].start, End: name[len(name)-1].end}
			}
		}
	}
	// `“Peace be with you,” were his first words`: a possessive names the speaker
	if name, cue, ok := d.possessiveCue(after, m); ok {
		return name, cue
	}
	// 2. before the quote in its sentence: `Trump stated: “`, `saying he appreciated Bukele for “`
	so := d.sentenceOf(m.open)
	if so < 0 {
		so = si
	}
	// the words of another quotation in the sentence are not its cue
	before := d.tokensBetween(so, max(d.sents[so].Span.Start, d.quoteEndBefore(m.open)), m.open)
	if name, cue, ok := d.cueBefore(before, so, m); ok {
		return name, cue
	}
	// `Sam Lau said in a statement. “…”` and `Stated Stone: “…”`: a
	// quotation that opens its sentence takes the cue of the sentence before,
	// when that one says who speaks and quotes nobody itself
	if len(before) == 0 && so > 0 && !d.sentHasQuote(so-1) && d.paragraphOf(d.sents[so-1].Span.Start) >= d.paragraphOf(m.open)-1 {
		prev := d.tokensBetween(so-1, d.sents[so-1].Span.Start, d.sents[so-1].Span.End)
		if d.endsInCue(prev) {
			if name, cue, ok := d.cueBefore(prev, so-1, m); ok && name != "" {
				return name, cue
			}
		}
	}
	// `Ruiz said that the pier would reopen.¶“It held through the storm.”`:
	// a quotation that fills its paragraph after a paragraph that ends
	// reporting someone's speech, and names nobody else, is theirs
	if len(before) == 0 && so > 0 && d.opensParagraph(m.open) && !d.sentHasQuote(so-1) && d.paragraphOf(d.sents[so-1].Span.Start) == d.paragraphOf(m.open)-1 {
		prev := d.tokensBetween(so-1, d.sents[so-1].Span.Start, d.sents[so-1].Span.End)
		if name, start, ok := d.finiteSaySubject(prev, m.open); ok && name != "" && !d.personBetween(d.sents[so-1].Span.Start, m.open, name) {
			// (the sentence's subject, and a verb that reports a clause:
			// "Ruiz said that …", not "… as Ruiz spoke")
			for k, t := range prev {
				if t.start >= start && d.isVerb(t) {
					if k+1 < len(prev) && prev[k+1].low == "that" && d.capitalsBefore(prev, start) {
						return name, parallax.Span{Start: start, End: t.end}
					}
					break
				}
			}
		}
	}
	// `Ruiz “has every right to ask,” just as Stanek did, Quist added.`:
	// a cue that ends the sentence after a comma, past other words
	if name, cue, ok := d.cueEndingSentence(si, m, closeEnd); ok {
		return name, cue
	}
	// `“…disgrace!” the presumptive nominee wrote.`: a "sentence" that
	// starts in lower case after the quotation is the rest of its own
	if len(after) == 0 && si+1 < len(d.sents) {
		ns := d.sents[si+1].Span
		if r, _ := utf8.DecodeRuneInString(d.text[ns.Start:]); unicode.IsLower(r) && !strings.Contains(d.text[closeEnd:ns.Start], "\n") {
			next := d.tokensBetween(si+1, ns.Start, ns.End)
			if name, cue, ok := d.cueAfter(next, quoteMark{open: m.open, close: ns.Start - 1}); ok && name != "" {
				return name, cue
			}
		}
	}
	// `“Why?” He asked on his platform.`: the cue opens the next sentence,
	// as a pronoun or a name and the verb; not when the quotation continues
	// one of the paragraph before (that speaker's), nor for "The Times said
	// the emails…", which reports something else
	// (a person named with a verb that ends its clause — `“Why?” Ruiz
	// asked, turning to …`, `Ruiz repeated.` — speaks even there)
	if len(after) == 0 && si+1 < len(d.sents) {
		cont := d.continuesSpeaker(m)
		all := d.tokensBetween(si+1, d.sents[si+1].Span.Start, d.sents[si+1].Span.End)
		next := all
		if len(next) > 6 {
			next = next[:6]
		}
		for k := 1; k < len(next) && k <= 5 && !strings.ContainsAny(d.text[d.sents[si+1].Span.Start:next[len(next)-1].end], "“\"«"); k++ {
			if d.isVerb(next[k]) {
				subj := next[:k]
				// (past three words, only a name with its titles: "US
				// Senator Ivo Stanek said")
				if k > 3 && d.bareName(subj) == "" {
					break
				}
				// a name (or capitalised words) and a verb that closes the clause
				closing := subj[0].cap && !pronouns.Has(d.lw(subj[0])) && !determiners.Has(d.lw(subj[0])) && !lang.Stopword(subj[0].low) &&
					(k+1 == len(all) || all[k+1].kind == tPunct)
				if cont && !(closing && (d.isPersonish(subj[0]) || d.bareSpeaker(subj) != "")) {
					break
				}
				cue := parallax.Span{Start: next[0].start, End: next[k].end}
				if len(subj) == 1 && pronouns.Has(d.lw(subj[0])) || (d.mentionAt(subj[0].start, subj[len(subj)-1].end) >= 0 || k > 3) && subj[0].cap && !determiners.Has(d.lw(subj[0])) {
					if name := d.resolveSubject(subj, m.open); name != "" {
						return name, cue
					}
				}
				// `“…!” Ruiz said.`: capitalised words the entity rules
				// missed, and a verb that closes the clause (reporting
				// nothing else), name the speaker
				if closing {
					if name := d.bareSpeaker(subj); name != "" {
						return name, cue
					}
				}
				break
			}
		}
		// `“…?” Ana Ruiz, the harbour master, said on Monday.`: a name
		// with a description in commas, then the verb
		if len(all) > 3 && !strings.Contains(d.text[closeEnd:d.sents[si+1].Span.Start], "\n") {
			if mi := d.mentionAt(all[0].start, all[0].end); mi >= 0 && d.mentions[mi].start == all[0].start && d.ents[d.mentions[mi].entity].typ == parallax.Person {
				k := 0
				for k < len(all) && all[k].start < d.mentions[mi].end {
					k++
				}
				if k < len(all) && d.text[all[k].start] == ',' {
					if v, ok := d.afterApposition(all, k); ok {
						return d.mentionName(mi), parallax.Span{Start: all[0].start, End: all[v].end}
					}
				}
			}
		}
	}
	return "", parallax.Span{}
}

// capitalsBefore reports whether only capitalised words (a name, a
// title: "Mayor Ana") and full stops stand before off in toks: whoever
// starts at off is the sentence's subject.
func (d *doc) capitalsBefore(toks []token, off int) bool {
	for _, t := range toks {
		if t.start >= off {
			break
		}
		if !(t.kind == tWord && t.cap || t.kind == tPunct && d.text[t.start] == '.') {
			return false
		}
	}
	return true
}

// cueEndingSentence reads a cue in the last clause of sentence si, set
// off by a comma after the quotation m with other words between: "…,"
// just as Stanek did in June, Quist added.` It must close the sentence
// (a few words at most after its verb, and no other quotation between),
// so that "…," the mayor said the city would pay` stays the mayor's report.
func (d *doc) cueEndingSentence(si int, m quoteMark, closeEnd int) (string, parallax.Span, bool) {
	after := d.tokensBetween(si, closeEnd, d.sents[si].Span.End)
	var commas []int
	for k, t := range after {
		if d.insideQuote(t.start) || t.kind == tPunct && strings.ContainsAny(d.text[t.start:t.end], "“”\"«»") {
			return "", parallax.Span{}, false
		}
		if t.kind == tPunct && d.text[t.start] == ',' && k > 0 {
			commas = append(commas, k)
		}
	}
	// the last comma first; then earlier ones, for a cue followed by a
	// description of its speaker in commas (`“…” if she lost, said Ana
	// Ruiz, an analyst at the harbour institute.`)
	for i := len(commas) - 1; i >= 0; i-- {
		if name, cue, ok := d.cueAfterComma(after, commas[i], m, i == len(commas)-1); ok {
			return name, cue, true
		}
	}
	return "", parallax.Span{}, false
}

// cueAfterComma reads the cue of cueEndingSentence after the comma
// after[comma]: a cue that closes the sentence, or, when last is false,
// one that a description in commas closes.
func (d *doc) cueAfterComma(after []token, comma int, m quoteMark, last bool) (string, parallax.Span, bool) {
	if comma+2 >= len(after) {
		return "", parallax.Span{}, false
	}
	name, cue, ok := d.cueAfter(after[comma+1:], quoteMark{open: m.open, close: after[comma].start})
	if !ok || name == "" || cue.End-cue.Start <= after[comma+1].end-after[comma+1].start {
		return "", parallax.Span{}, false
	}
	rest := 0
	for _, t := range after[comma+1:] {
		if t.start < cue.End {
			continue
		}
		if !last {
			// only a description in commas may follow: a comma first
			if t.kind != tPunct || d.text[t.start] != ',' {
				return "", parallax.Span{}, false
			}
			return name, cue, true
		}
		if t.kind == tWord {
			if d.isVerb(t) || t.low == "that" {
				return "", parallax.Span{}, false
			}
			rest++
		}
	}
	if rest > 5 {
		return "", parallax.Span{}, false
	}
	return name, cue, true
}

// headlineCue reads the two ways headlines attribute a quotation: the
// speaker and a colon opening the line (`Quist: Pier ‘Will Reopen in
// June’`), and a speech verb in title case (`Quist Says Pier ‘Will
// Reopen’`, `‘Nobody Knew,’ Quist Tells Inquiry`). The speaker must be a
// short capitalised name (bareName).
func (d *doc) headlineCue(si int, m quoteMark, closeEnd int) (string, parallax.Span, bool) {
	sp := d.sents[si].Span
	before := d.tokensBetween(si, sp.Start, m.open)
	for k, t := range before {
		if t.kind == tPunct && d.text[t.start] == ':' {
			if k <= 6 {
				if name := d.bareName(before[:k]); name != "" {
					return name, parallax.Span{Start: before[0].start, End: t.end}, true
				}
			}
			break
		}
	}
	titleVerb := func(toks []token) (string, parallax.Span, bool) {
		for k := 1; k < len(toks) && k <= 4; k++ {
			t := toks[k]
			if t.kind == tWord && t.cap && isSpeechVerb(t.low) {
				// in title case any word is capitalised: the name must be a
				// person the article names
				if name := d.bareName(toks[:k]); name != "" && d.isPersonName(name) {
					return name, parallax.Span{Start: toks[0].start, End: t.end}, true
				}
				break
			}
		}
		return "", parallax.Span{}, false
	}
	// the speaker opens the line, before the quotation
	if start := d.quoteEndBefore(m.open); start <= sp.Start {
		if name, cue, ok := titleVerb(before); ok {
			return name, cue, true
		}
	}
	after := d.tokensBetween(si, closeEnd, sp.End)
	for len(after) > 0 && after[0].kind == tPunct {
		after = after[1:]
	}
	return titleVerb(after)
}

func (d *doc) isPersonName(name string) bool {
	for _, e := range d.ents {
		if e.typ == parallax.Person && e.name == name {
			return true
		}
	}
	return false
}

// endsInCue reports whether a sentence ends by introducing what follows:
// a colon, or a verb of saying among its last seven words ("Sam Lau said in
// a statement."), not a verb of thinking deep inside it.
func (d *doc) endsInCue(toks []token) bool {
	if len(toks) == 0 || len(toks) > 30 {
		return false
	}
	last := toks[len(toks)-1]
	if last.kind == tPunct && d.text[last.start] == ':' {
		return true
	}
	for k := len(toks) - 1; k >= 0 && len(toks)-k <= 8; k-- {
		if d.isVerb(toks[k]) {
			return true
		}
	}
	return false
}

// continuesSpeaker reports whether the quotation m follows an attributed
// one in its paragraph, or opens a paragraph right after one: then it is
// that speaker's, and continueQuotes gives it to them.
func (d *doc) continuesSpeaker(m quoteMark) bool {
	if d.lastSpeaker == "" || d.lastQuoteEnd < 0 {
		return false
	}
	p, lp := d.paragraphOf(m.open), d.paragraphOf(d.lastQuoteEnd)
	return p == lp || p == lp+1 && d.opensParagraph(m.open)
}

// quoteEndBefore is the offset just after the closing mark of the last
// quotation before off that opens its sentence (`“…,” said Ana Ruiz. “…”`),
// or 0: its words are not the cue of a later one. Quotations inside a
// clause (`Ruiz said the pier was “safe,” adding that it “will reopen”`)
// are part of the clause that says who speaks.
func (d *doc) quoteEndBefore(off int) int {
	end := 0
	for _, q := range d.quoteSpans {
		if q.End >= off {
			break
		}
		if q.End >= len(d.text) {
			continue
		}
		si := d.sentenceOf(q.Start)
		if si < 0 || strings.TrimFunc(d.text[min(d.sents[si].Span.Start, q.Start):q.Start], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) != "" {
			continue
		}
		end = q.End + runeLen(d.text, q.End)
	}
	return end
}

// sentHasQuote reports whether sentence si holds a quotation mark.
func (d *doc) sentHasQuote(si int) bool {
	sp := d.sents[si].Span
	for _, q := range d.quoteSpans {
		if q.Start < sp.End && sp.Start <= q.End {
			return true
		}
	}
	return false
}

func runeLen(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

func (d *doc) tokensBetween(si, from, to int) []token {
	var out []token
	for _, t := range d.sentTokens(si) {
		if t.start >= from && t.end <= to {
			out = append(out, t)
		}
	}
	return out
}

func (d *doc) lw(t token) string {
	if t.kind == tPunct {
		return t.text(d.text)
	}
	return t.low
}

// isVerb reports whether t is a speech verb: listed, and written in lower
// case ("States" in "United States" is not one).
func (d *doc) isVerb(t token) bool { return t.kind == tWord && !t.cap && isSpeechVerb(d.lw(t)) }

// cueAfter reads `he said`, `said the mayor`, `Mayorkas wrote`, `the Salvadoran leader declared`.
func (d *doc) cueAfter(toks []token, m quoteMark) (string, parallax.Span, bool) {
	// `“…” ― Ana Ruiz`: a dash and a name closing the line sign the quotation
	if len(toks) > 1 && toks[0].kind == tPunct && toks[0].start-m.close < 6 && isDash(d.text[toks[0].start:toks[0].end]) {
		name := toks[1:]
		if len(name) <= 5 && !strings.Contains(d.text[toks[0].end:name[len(name)-1].end], "\n") && d.lineEndsAt(name[len(name)-1].end) {
			who := d.resolveSubject(name, m.open)
			if who == "" {
				who = d.bareName(name)
			}
			if who != "" {
				return who, parallax.Span{Start: toks[0].start, End: name[len(name)-1].end}, true
			}
		}
	}
	// skip leading punctuation
	i := 0
	for i < len(toks) && toks[i].kind == tPunct && toks[i].start-m.close < 4 {
		i++
	}
	if i >= len(toks) || toks[i].start-m.close > 6 {
		return "", parallax.Span{}, false
	}
	// a quotation closed on a comma, "!" or "?" leaves the words after it
	// the slot of its attribution: there any verb in the past with a
	// person for subject reports it ("“…,” Ruiz fumed", "“…!” beamed Ana
	// Ruiz"), not only a verb of saying
	slot := m.close > 0 && strings.ContainsRune(",!?", rune(d.text[m.close-1]))
	for _, t := range toks[:i] {
		slot = slot || d.text[t.start] == ','
	}
	toks = toks[i:]
	limit := len(toks)
	if limit > 16 {
		limit = 16
	}
	// `,” according to Priya Nandakumar, the lead investigator`, `», según
	// Daniel Okafor`
	if n := d.accordingTo(toks); n > 0 && len(toks) > n {
		end := n
		for end < len(toks) && toks[end].kind != tPunct && end < n+8 {
			end++
		}
		name := d.resolveSubject(toks[n:end], m.open)
		if name == "" && !possessivePronoun(toks[n].low) {
			name = d.nominal(toks[n:end]) // "according to the report", not "… to its analysis"
		}
		if name != "" {
			return name, parallax.Span{Start: toks[0].start, End: toks[end-1].end}, true
		}
	}
	// verb first: "said the Salvadoran leader", "said Maryland Gov. Wes Moore"
	if (d.isVerb(toks[0]) || slot && d.pastVerb(toks[0]) && len(toks) > 1 && (toks[1].cap || determiners.Has(toks[1].low))) && !strings.HasSuffix(d.lw(toks[0]), "ing") {
		end := 1
		for end < len(toks) && (toks[end].kind != tPunct || d.text[toks[end].start] == '.' && end+1 < len(toks) && toks[end+1].start == toks[end].end+1 && (toks[end+1].cap || isTitle(toks[end-1].low)) ||
			d.text[toks[end].start] == '/' && end+1 < len(toks) && toks[end+1].start == toks[end].end) { // "said 9/11 widow Ana Ruiz"
			end++
		}
		// the subject ends where a clause begins: "said Dan Golvach when
		// asked about Ana Ruiz", "said a harbour pilot who has worked
		// there for years" (however long the clause)
		for j := 2; j < end; j++ {
			if t := toks[j]; t.kind == tWord && !t.cap && lang.Stopword(t.low) && !prepositions.Has(t.low) && !determiners.Has(t.low) &&
				!(j+1 < end && toks[j+1].cap && (toks[j-1].cap || toks[j-1].kind == tPunct && j > 1 && toks[j-2].cap)) { // "Harbor and Rail Chief", "Gov. and Party Chairman" are one title
				end = j
				break
			}
		}
		if end > 12 {
			return "", parallax.Span{}, false // a clause, not a speaker
		}
		if !d.isVerb(toks[0]) && !d.personIn(toks[1:end]) && !d.personSubject(toks[1:end]) {
			return "", parallax.Span{}, false // a past verb in the slot needs a person after it: not "toured the docks"
		}
		// "dijo a la prensa el jefe de bomberos", "told reporters": the
		// addressee comes first; a determiner after it starts the subject,
		// else the subject goes unsaid
		preps, dets := langPrepositions(d.lang), langDeterminers(d.lang)
		if end > 1 && toks[1].kind == tWord && preps.Has(toks[1].low) && !dets.Has(toks[1].low) {
			subj := 0
			// (English puts the subject first: "said at a harbour event
			// this month" has none)
			for j := 3; j < end && d.lang != "en"; j++ {
				if dets.Has(toks[j].low) {
					subj = j
					break
				}
			}
			if subj == 0 {
				end = 1
			} else {
				toks = append(toks[:1:1], toks[subj:]...)
				end -= subj - 1
			}
		}
		if end == 1 {
			// «…», afirmó. — the subject goes unsaid (Spanish, and "…," added
			// Renn's lawyer in the sentence before): whoever the text was about
			if name := d.pronounReferent(toks[0].start, m.open, 0); name != "" {
				return name, parallax.Span{Start: toks[0].start, End: toks[0].end}, true
			}
			return "", parallax.Span{}, false
		}
		cue := parallax.Span{Start: toks[0].start, End: toks[end-1].end}
		name := d.resolveSubject(toks[1:end], m.open)
		if name == "" {
			name = d.nominal(toks[1:end]) // "said the 46-year-old"
		}
		if name == "" {
			name = d.bareName(toks[1:end]) // "said Small"
		}
		// "said the mayor, Helena Varga," — the name in apposition settles it
		if end < len(toks) && d.text[toks[end].start] == ',' {
			k := end + 1
			for k < len(toks) && toks[k].kind != tPunct && k-end <= 5 {
				k++
			}
			if k > end+1 {
				if mi := d.mentionAt(toks[end+1].start, toks[k-1].end); mi >= 0 && d.ents[d.mentions[mi].entity].typ == parallax.Person {
					name = d.ents[d.mentions[mi].entity].name
					cue.End = toks[k-1].end
				}
			}
		}
		return name, cue, true
	}
	// subject first: "he said", "Mayorkas wrote", "the city's fire chief said";
	// not after a preposition, a function word or a participle: a
	// quotation followed by "to unify the party" or "with the mayor about
	// it" goes on with its own clause
	if t := toks[0]; t.kind == tWord && !t.cap && !pronouns.Has(t.low) && !determiners.Has(t.low) &&
		(prepositions.Has(t.low) || strings.HasSuffix(t.low, "ing") || lang.Stopword(t.low) && t.low != "and" && t.low != "y") {
		return "", parallax.Span{}, false
	}
	for k := 1; k < limit; k++ {
		if toks[k].kind == tPunct && !strings.ContainsRune(".'$&", rune(d.text[toks[k].start])) { // ("Fight for $15 organiser Ana Ruiz said")
			// "Jane Roe, the city's director of engineering, said": a name,
			// then a description in commas or brackets, then the verb
			if v, ok := d.afterApposition(toks, k); ok {
				cue := parallax.Span{Start: toks[0].start, End: toks[v].end}
				name := d.resolveSubject(toks[:k], m.open)
				if name == "" {
					name = d.nominal(toks[:k])
				}
				if name == "" {
					name = d.bareName(toks[:k]) // "Will Estrada, the chairman, said"
				}
				return name, cue, name != ""
			}
			// "Ruiz's deputy, Ivo Stanek, said": a description, then the
			// name in commas, then the verb
			if d.text[toks[k].start] == ',' {
				j := k + 1 // the comma that closes the name ("Gov. Ivo Stanek,")
				for ; j < len(toks) && j <= k+6; j++ {
					if toks[j].kind == tPunct && !(d.text[toks[j].start] == '.' && j+1 < len(toks) && d.text[toks[j+1].start] != ',') {
						break
					}
				}
				if j > k+1 && j+1 < len(toks) && d.text[toks[j].start] == ',' && d.isVerb(toks[j+1]) {
					if mi := d.mentionAt(toks[k+1].start, toks[j-1].end); mi >= 0 && d.ents[d.mentions[mi].entity].typ == parallax.Person && d.mentions[mi].end >= toks[j-1].end-1 {
						return d.mentionName(mi), parallax.Span{Start: toks[0].start, End: toks[j+1].end}, true
					}
				}
			}
			break
		}
		if (d.isVerb(toks[k]) || slot && d.pastVerb(toks[k]) && d.personSubject(toks[:k])) && !d.nounUse(toks, k) {
			cue := parallax.Span{Start: toks[0].start, End: toks[k].end}
			name := d.resolveSubject(toks[:k], m.open)
			if name == "" && (d.lw(toks[0]) == "and" || d.lw(toks[0]) == "y") {
				break // "… and said the city would help": another clause, the cue is before the quote
			}
			if name == "" {
				name = d.nominal(toks[:k])
			}
			if name == "" {
				name = d.bareName(toks[:k]) // "Gov. Kasich replied"
			}
			return name, cue, true
		}
	}
	return "", parallax.Span{}, false
}

// dashAt reports whether a signing dash follows off, after spaces.
func (d *doc) dashAt(off int) bool {
	for off < len(d.text) && d.text[off] == ' ' {
		off++
	}
	r, n := utf8.DecodeRuneInString(d.text[off:])
	return n > 0 && isDash(string(r))
}

// isDash: the dashes that sign a quotation (em dash, quotation dash); a
// hyphen or "--" more often sets off a clause or a reporter's credit.
// precededByBreak reports whether a dash, a colon or a line break comes
// right before off: "Pollsters agree - Carl Bialik:".
func (d *doc) precededByBreak(off int) bool {
	i := off
	for i > 0 && (d.text[i-1] == ' ' || d.text[i-1] == '\t') {
		i--
	}
	if i == 0 || d.text[i-1] == '\n' || d.text[i-1] == ':' || d.text[i-1] == '-' {
		return true
	}
	_, n := utf8.DecodeLastRuneInString(d.text[:i])
	return isDash(d.text[i-n : i])
}

func isDash(s string) bool { return s == "—" || s == "―" }

// lineEndsAt reports whether only spaces and a full stop stand between off
// and the end of its line.
func (d *doc) lineEndsAt(off int) bool {
	for i := off; i < len(d.text); i++ {
		switch d.text[i] {
		case '\n':
			return true
		case ' ', '\t', '\r', '.':
			continue
		case 0xc2: // a no-break space
			if i+1 < len(d.text) && d.text[i+1] == 0xa0 {
				i++
				continue
			}
		}
		return false
	}
	return true
}

// afterApposition: toks[k] is a comma or an opening bracket after a name;
// when a description closed by the matching comma or bracket follows, and
// then a verb of saying (an adverb may come first), it returns the verb's
// index.
func (d *doc) afterApposition(toks []token, k int) (int, bool) {
	return d.afterAppositionN(toks, k, 0)
}

// afterAppositionN is afterApposition after n descriptions already read:
// "X (R-Ohio), a panel member, said", "X, the attorney general, one of
// the plaintiffs, said", up to five in all ("X, 30, of Westport, Ore., who
// was polled, said").
func (d *doc) afterAppositionN(toks []token, k, n int) (int, bool) {
	if k == 0 || n == 0 && d.mentionAt(toks[k-1].start, toks[k-1].end) < 0 && !toks[k-1].cap || n > 4 {
		return 0, false
	}
	open := d.text[toks[k].start]
	closer := byte(',')
	switch open {
	case ',':
	case '(':
		closer = ')'
	default:
		return 0, false
	}
	for j := k + 1; j < len(toks) && j <= k+25; j++ {
		if toks[j].kind != tPunct {
			continue
		}
		c := d.text[toks[j].start]
		if c == closer {
			v := j + 1
			if v < len(toks) && toks[v].kind == tWord && !d.isVerb(toks[v]) && strings.HasSuffix(toks[v].low, "ly") {
				v++ // "…, also said", "…, later told"
			} else if v < len(toks) && timeAdverbs.Has(toks[v].low) {
				v++
			}
			if v < len(toks) && d.isVerb(toks[v]) {
				return v, true
			}
			if v < len(toks) && d.text[toks[v].start] == ',' && v == j+1 && closer == ')' {
				return d.afterAppositionN(toks, v, n+1) // "X (D-Wash.), a member of …, said"
			}
			if closer == ',' && v < len(toks) && toks[v].kind == tWord && !d.isVerb(toks[v]) {
				// a second description: "X, the attorney general, one of
				// the plaintiffs, said"
				return d.afterAppositionN(toks, j, n+1)
			}
			return 0, false
		}
		if c == '.' && (closer == ')' || j+1 < len(toks) && toks[j+1].start == toks[j].end && d.text[toks[j+1].start] == ',') {
			continue // "(D-Ore.)", "McConnell, R-Ky., said"
		}
		if c == '.' || c == ';' || c == ':' || c == '"' || strings.ContainsRune("“”«»", rune(c)) {
			return 0, false
		}
	}
	return 0, false
}

// bareName reads a speaker's name that the entity rules did not take (a
// surname that is also a word: "Pence said", "Will wrote"; a name seen
// once: "Gov. Kasich replied"), in the subject slot of a cue, where a
// capitalised word can only be a name: one to four capitalised words,
// titles allowed. A person of the article whose name ends in the last
// word is meant; else the words themselves name the speaker.
func (d *doc) bareName(toks []token) string {
	for len(toks) > 0 && toks[0].kind == tPunct {
		toks = toks[1:]
	}
	// mid-sentence, a capitalised word is a name even when it opens
	// sentences elsewhere ("Will wrote", "Read said")
	mid := len(toks) > 0 && !d.opensSentence(toks[0].start)
	var words []token
	lastTitle := -1
	for i, t := range toks {
		if t.kind == tPunct {
			if d.text[t.start] == '.' || d.text[t.start] == '-' {
				continue
			}
			return ""
		}
		if t.kind != tWord || !t.cap || t.poss > 0 || len(toks) > 6 {
			return ""
		}
		if isTitle(t.low) || isTitle(strings.TrimSuffix(t.low, ".")) {
			lastTitle = i
			continue
		}
		if pronouns.Has(t.low) || determiners.Has(t.low) || !mid && startWords.Has(t.low) || calendarWord(t.low) {
			return ""
		}
		words = append(words, t)
	}
	// "Mr. King added": a title word as the last word is the surname
	if len(words) == 0 && lastTitle >= 0 && mid && lastTitle == len(toks)-1 && (lastTitle == 0 || courtesyTitles.Has(strings.TrimSuffix(toks[0].low, "."))) {
		words = append(words, toks[lastTitle])
	}
	if len(words) == 0 || len(words) > 3 {
		return ""
	}
	last := words[len(words)-1].word(d.text)
	for _, e := range d.ents {
		if e.typ == parallax.Person && lastWord(e.name) == last {
			return e.name
		}
	}
	return d.text[words[0].start:words[len(words)-1].end]
}

// bareSpeaker is bareName for capitalised words standing alone before a
// verb, with no other sign that they name someone: a person of the
// article, or words none of which is a common word ("Nobody knew").
func (d *doc) bareSpeaker(toks []token) string {
	name := d.bareName(toks)
	if name == "" || d.isPersonName(name) {
		return name
	}
	for _, w := range strings.Fields(name) {
		lw := strings.ToLower(w)
		if lang.Stopword(lw) || len(lang.NounClasses(lw)) > 0 {
			return ""
		}
	}
	return name
}

// opensSentence reports whether only punctuation and spaces stand between
// the start of off's sentence and off.
func (d *doc) opensSentence(off int) bool {
	si := d.sentenceOf(off)
	if si < 0 {
		return true
	}
	return strings.TrimFunc(d.text[d.sents[si].Span.Start:off], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) == ""
}

// nominal returns a description that names the speaker when no name does:
// "the governor", "a former senior law enforcement official", "the
// congressional report", "another commenter". Pronouns, clauses and
// sentence fragments are not descriptions.
func (d *doc) nominal(toks []token) string {
	for len(toks) > 0 && toks[0].kind == tPunct {
		toks = toks[1:]
	}
	if len(toks) == 0 || len(toks) > 10 {
		return ""
	}
	first := d.lw(toks[0])
	// "Ruiz's office", "the mayor's spokesman": a possessive name opens it too
	possName := toks[0].kind == tWord && toks[0].cap && toks[0].poss > 0 && len(toks) <= 4
	if !determiners.Has(first) && !possName {
		return d.barePlural(toks)
	}
	noun, content := false, false
	for i, t := range toks {
		if t.kind == tPunct && d.text[t.start] != '\'' && d.text[t.start] != '-' {
			return ""
		}
		// past a noun, a lower-case word that is no noun (WordNet) nor a
		// function word is the verb of the clause: "the letter from the
		// port goes on to say" ends at "port"
		// (a past form after a head WordNet does not list, as an irregular
		// plural: "the fishermen marched")
		if t.kind == tWord && !t.cap && !lang.Stopword(t.low) && !strings.ContainsRune(t.low, '-') {
			isNoun := len(lang.NounClasses(t.low)) > 0
			if !isNoun && (noun && !adjectiveLike(t.low) || content && strings.HasSuffix(t.low, "ed")) {
				toks = toks[:i]
				break
			}
			noun = noun || isNoun
			content = content || !strings.HasSuffix(t.low, "ly")
		}
		if pronouns.Has(d.lw(t)) || d.isVerb(t) && !d.nounUse(toks, i) {
			return ""
		}
		// a noun phrase: past its determiner, function words are only
		// prepositions and articles ("a spokesman for the port"); an
		// auxiliary or a conjunction ends it ("the mayor will say", "the
		// impact as")
		if i > 0 && t.kind == tWord && lang.Stopword(t.low) && !prepositions.Has(t.low) && !(determiners.Has(t.low) && !possessivePronoun(t.low)) {
			toks = toks[:i]
			break
		}
	}
	// nor does it end in a preposition or an article ("the authors of the")
	for len(toks) > 1 && toks[len(toks)-1].kind == tWord && lang.Stopword(toks[len(toks)-1].low) {
		toks = toks[:len(toks)-1]
	}
	last := toks[len(toks)-1]
	if last.kind == tPunct || len(toks) == 1 {
		return ""
	}
	return d.text[toks[0].start:last.end]
}

// coordinated reports whether the verb toks[v] is the second of two
// joined by "and" or "but", an adverb allowed between ("… and later
// said", "… but now says"): its subject is the sentence's.
func (d *doc) coordinated(toks []token, v int) bool {
	j := v - 1
	if j > 0 && toks[j].kind == tWord && (strings.HasSuffix(toks[j].low, "ly") || timeAdverbs.Has(toks[j].low)) {
		j--
	}
	if j < 0 {
		return false
	}
	w := d.lw(toks[j])
	return w == "and" || w == "y" || w == "but" && j < v-1
}

// clauseSubject is the subject of the clause that toks open, for a
// participle or a second verb that continues it: a name or a description
// (determiner or possessive first) right at its start, after an opening
// phrase set off by a comma ("In June, the port authority issued …").
func (d *doc) clauseSubject(toks []token, before int) string {
	start := 0
	if len(toks) > 0 && toks[0].kind == tWord && (prepositions.Has(toks[0].low) || clauseOpeners.Has(toks[0].low)) {
		start = -1
		for k, t := range toks {
			if t.kind == tPunct && d.text[t.start] == ',' {
				start = k + 1
				break
			}
		}
	}
	if start < 0 || start >= len(toks) {
		return ""
	}
	t := toks[start]
	if mi := d.mentionAt(t.start, t.end); mi >= 0 && d.mentions[mi].start >= t.start {
		if e := d.ents[d.mentions[mi].entity]; (e.typ == parallax.Person || e.typ == parallax.Organization) && !d.possessiveMention(t) {
			return d.mentionName(mi)
		}
	}
	end := start
	for end < len(toks) && end-start < 10 && toks[end].kind == tWord && !(end > start && d.isVerb(toks[end])) {
		end++
	}
	return d.nominal(toks[start:end])
}

// barePlural reads a description without a determiner: a plural noun
// for people or groups (WordNet), adjectives before it at most: "federal
// prosecutors", "officials", "local residents".
func (d *doc) barePlural(toks []token) string {
	if len(toks) == 0 || len(toks) > 3 {
		return ""
	}
	for i, t := range toks {
		// (capitalised only where it opens the sentence: "Protesters")
		if t.kind != tWord || t.cap && !(i == 0 && d.opensSentence(t.start) && d.mentionAt(t.start, t.end) < 0) || lang.Stopword(t.low) || d.isVerb(t) {
			return ""
		}
	}
	head := toks[len(toks)-1].low
	if !strings.HasSuffix(head, "s") || strings.HasSuffix(head, "ss") {
		return ""
	}
	if c, ok := lang.NounClassesExact(head); ok && len(c) > 0 {
		return "" // listed as it stands: not a plural ("news", "politics")
	}
	if !lang.HasClass(head, "person") && !lang.HasClass(head, "group") {
		return ""
	}
	return d.text[toks[0].start:toks[len(toks)-1].end]
}

// adjectiveLike reports whether w ends like an English adjective
// ("financial", "chief executive", "famous"): such a word may follow a
// noun inside a description, unlike a verb.
func adjectiveLike(w string) bool {
	for _, sfx := range adjectiveLikeSuffixes {
		if strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return false
}

// cueBefore reads a speech verb before the quote in its sentence, or a
// colon that introduces it, and finds the subject.
func (d *doc) cueBefore(toks []token, si int, m quoteMark) (string, parallax.Span, bool) {
	if len(toks) == 0 {
		return "", parallax.Span{}, false
	}
	// "according to X" anywhere before
	for k := 0; k+2 < len(toks); k++ {
		if n := d.accordingTo(toks[k:]); n > 0 {
			j := k + n
			end := j
			for end < len(toks) && toks[end].kind != tPunct {
				end++
			}
			if end > j {
				name := d.resolveSubject(toks[j:end], m.open)
				if name == "" && !possessivePronoun(toks[j].low) {
					name = d.nominal(toks[j:end]) // "Según la alcaldesa, «…»"
				}
				if name != "" {
					return name, parallax.Span{Start: toks[k].start, End: toks[end-1].end}, true
				}
			}
		}
	}
	// "Explicó que «…»", "Añadió: «…»": a verb of saying opens the
	// sentence and the subject goes unsaid (pro-drop languages)
	if len(toks) >= 2 && toks[0].cap && toks[0].kind == tWord && isSpeechVerb(toks[0].low) && !strings.HasSuffix(toks[0].low, "ing") &&
		(toks[1].low == "que" || toks[1].kind == tPunct && d.text[toks[1].start] == ':') {
		if name := d.pronounReferent(toks[0].start, m.open, 0); name != "" {
			return name, parallax.Span{Start: toks[0].start, End: toks[0].end}, true
		}
	}
	// "Said Comey, “…”", "Stated Stone: “…”": the verb opens the sentence
	if len(toks) >= 2 && toks[0].cap && toks[0].kind == tWord && isSpeechVerb(toks[0].low) && !strings.HasSuffix(toks[0].low, "ing") {
		end := 1
		for end < len(toks) && toks[end].kind != tPunct {
			end++
		}
		// only the speaker stands between the verb and the quotation, not a
		// clause ("Asked by Ana Ruiz whether …, Quist replied")
		// (or a description of the speaker in commas: "Said Ana Ruiz, who
		// grew up by the pier, “…”")
		described := end < len(toks)-1 && d.text[toks[end].start] == ',' && d.text[toks[len(toks)-1].start] == ',' && len(toks)-end <= 20 && d.personIn(toks[1:end])
		if end > 1 && end <= 6 && (end >= len(toks)-1 || described) && !prepositions.Has(toks[1].low) {
			if name := d.resolveSubject(toks[1:end], m.open); name != "" {
				return name, parallax.Span{Start: toks[0].start, End: toks[end-1].end}, true
			}
		}
	}
	lastTok := toks[len(toks)-1]
	colon := lastTok.kind == tPunct && (d.text[lastTok.start] == ':' || d.text[lastTok.start] == ',')
	// "… - Philip Bump: “…”": a person's name right before the colon
	if lastTok.kind == tPunct && d.text[lastTok.start] == ':' && len(toks) >= 2 {
		k := len(toks) - 2
		if mi := d.mentionAt(toks[k].start, toks[k].end); mi >= 0 && d.ents[d.mentions[mi].entity].typ == parallax.Person && !d.possessiveInName(toks[k].end) && toks[k].poss == 0 {
			start := d.mentions[mi].start
			if start == d.sents[si].Span.Start || k > 0 && d.precededByBreak(start) {
				return d.ents[d.mentions[mi].entity].name, parallax.Span{Start: start, End: lastTok.end}, true
			}
		}
	}
	// nearest speech verb within the last dozen words
	// (words of other quotations in the sentence neither count nor cue:
	// `he said that “…,” and that, on the pier, “…”`)
	verb := -1
	for k, n := len(toks)-1, 0; k >= 0 && n < 14; k-- {
		if d.insideQuote(toks[k].start) {
			continue
		}
		n++
		if d.isVerb(toks[k]) && !d.nounUse(toks, k) && !d.compoundHead(toks, k) {
			verb = k
			break
		}
	}
	if verb < 0 && !(colon && d.text[lastTok.start] == ':') {
		return "", parallax.Span{}, false
	}
	cueStart, cueEnd := lastTok.start, lastTok.end
	if verb >= 0 {
		cueStart, cueEnd = toks[verb].start, toks[verb].end
	}
	subjEnd := len(toks)
	if verb >= 0 {
		subjEnd = verb
	}
	// "saying", and "… and said": the speaker is the sentence's subject
	participle := verb >= 0 && (strings.HasSuffix(d.lw(toks[verb]), "ing") || d.coordinated(toks, verb))
	if verb > 0 && !participle {
		if name, start, ok := d.outerSayer(toks, verb, m.open); ok {
			return name, parallax.Span{Start: start, End: cueEnd}, true
		}
		// the earlier verb is the cue even when its subject stands before
		// a description in commas ("Ari Fleischer, a former official,
		// said Trump's messages have given “…”")
		if v0 := d.outerVerb(toks, verb); v0 > 1 && d.text[toks[v0-1].start] == ',' {
			verb, subjEnd = v0, v0
			cueStart = toks[v0].start
			participle = d.coordinated(toks, verb)
		}
	}
	// subject: the nearest name or pronoun before the verb (or the colon),
	// or the first person of the sentence for participles
	// "David Axelrod, who was senior adviser to Obama, tweeted this:": the
	// name before a description set off by commas
	if !participle && verb > 1 && d.text[toks[verb-1].start] == ',' {
		for k := verb - 2; k > 0 && verb-k <= 25; k-- {
			if toks[k].kind == tPunct && d.text[toks[k].start] == ',' {
				// "Ruiz, during a meeting in Westport, Oregon, said": a place
				// after a preposition, its state in commas, is part of the
				// description; the name is before an earlier comma
				if d.placeAfterPreposition(toks, k) {
					continue
				}
				if v, ok := d.afterApposition(toks, k); ok && v == verb {
					name := d.resolveSubject(toks[max(0, k-4):k], m.open)
					if name == "" {
						name = d.bareName(toks[max(0, k-4):k]) // "Small, who attended, said"
					}
					if name != "" {
						return name, parallax.Span{Start: toks[max(0, k-4)].start, End: cueEnd}, true
					}
				}
				// "An official, speaking on condition of anonymity, said",
				// "One attendee, who asked not to be named, said": a
				// description of people opening the clause, then its own
				// (afterAppositionN with n = 1 reads the description in
				// commas after a head that is no name)
				if h := toks[k-1]; h.kind == tWord && !h.cap && (lang.HasClass(h.low, "person") || lang.HasClass(h.low, "group")) {
					if v, ok := d.afterAppositionN(toks, k, 1); ok && v == verb && !d.personIn(toks[k+1:verb]) {
						s := k - 1
						for s > 0 && toks[s-1].kind == tWord {
							s--
						}
						if name := d.nominal(toks[s:k]); name != "" {
							return name, parallax.Span{Start: toks[s].start, End: cueEnd}, true
						}
					}
				}
				break
			}
		}
		// "Her deputy, Ivo Stanek, said:": a person's name alone between
		// the two commas
		for k := verb - 2; k > 0 && verb-k <= 6; k-- {
			if toks[k].kind == tPunct {
				if d.text[toks[k].start] == ',' && k+1 < verb-1 {
					if mi := d.mentionAt(toks[k+1].start, toks[k+1].end); mi >= 0 && d.ents[d.mentions[mi].entity].typ == parallax.Person &&
						d.mentions[mi].start == toks[k+1].start && d.mentions[mi].end >= toks[verb-2].end-1 {
						return d.mentionName(mi), parallax.Span{Start: toks[k+1].start, End: cueEnd}, true
					}
				}
				if d.text[toks[k].start] != '.' {
					break
				}
			}
		}
	}
	// "a lecture from the harbour master, who said", "Ivo Stanek, who
	// declared": the antecedent of a relative pronoun set off by a comma
	// is the subject, not the sentence's; when it cannot be read (a head
	// that names no person: "a source familiar with the talks, who
	// added"), nobody is. (A restrictive
	// clause, "told a woman who asked", leaves the main verb the cue.)
	if !participle && verb >= 3 && toks[verb-1].low == "who" && toks[verb-2].kind == tPunct && d.text[toks[verb-2].start] == ',' {
		a := verb - 3
		s := -1
		for k := a; k >= 0 && a-k < 6 && toks[k].kind == tWord; k-- {
			if mi := d.mentionAt(toks[k].start, toks[k].end); mi >= 0 && k == a && d.ents[d.mentions[mi].entity].typ == parallax.Person {
				return d.mentionName(mi), parallax.Span{Start: d.mentions[mi].start, End: cueEnd}, true
			}
			if prepositions.Has(toks[k].low) || d.isVerb(toks[k]) {
				break
			}
			if determiners.Has(toks[k].low) || possessivePronoun(toks[k].low) {
				s = k
				break
			}
		}
		if head := toks[a].low; s >= 0 && a > s && (lang.HasClass(head, "person") || lang.HasClass(head, "group")) {
			name := d.resolveSubject(toks[s:a+1], m.open)
			if name == "" {
				name = d.nominal(toks[s : a+1])
			}
			if name != "" {
				return name, parallax.Span{Start: toks[s].start, End: cueEnd}, true
			}
		}
		return "", parallax.Span{}, false
	}
	// "Ruiz spoke as a heckler yelled: “…”": a description right before
	// the verb is its subject, not a name further back
	if !participle && verb > 1 {
		k := verb - 1
		for k >= 0 && verb-k <= 5 && toks[k].kind == tWord && d.mentionAt(toks[k].start, toks[k].end) < 0 && !pronouns.Has(toks[k].low) && !(determiners.Has(toks[k].low) && !possessivePronoun(toks[k].low)) {
			k--
		}
		// (a past form after a head that names people — WordNet's person
		// and group nouns — and not inside a phrase: "in the streets
		// chanted" is no subject)
		v := toks[verb].low
		head := toks[verb-1].low
		if k >= 0 && k < verb-1 && toks[k].kind == tWord && determiners.Has(toks[k].low) && !possessivePronoun(toks[k].low) &&
			(strings.HasSuffix(v, "ed") || attributionVerbs.Has(v)) && (lang.HasClass(head, "person") || lang.HasClass(head, "group")) &&
			!(k > 0 && toks[k-1].kind == tWord && prepositions.Has(toks[k-1].low)) {
			if name := d.nominal(toks[k:verb]); name != "" && d.text[toks[k].start:toks[verb-1].end] == name {
				return name, parallax.Span{Start: toks[k].start, End: cueEnd}, true
			}
		}
	}
	if !participle {
		for k := subjEnd - 1; k >= 0 && subjEnd-k <= 12; k-- {
			if verb >= 0 && subjEnd-k > 6 {
				break
			}
			if d.isPersonish(toks[k]) || verb >= 0 && !d.insideQuote(toks[k].start) {
				if d.prepObjectAt(toks[k], si) {
					continue // "a spokesman for Ivo Stanek told": not Stanek
				}
				if name, ok := d.nameAt(toks[k], m.open); ok {
					return name, parallax.Span{Start: minInt(toks[k].start, cueStart), End: cueEnd}, true
				}
			}
			if verb >= 0 && toks[k].kind == tPunct && d.text[toks[k].start] != '.' {
				break
			}
		}
	}
	// "a video of Ivo Stanek saying": a person named right before the
	// participle, as the object of a preposition, is its subject (not so
	// "Ruiz praised Stanek, saying", where the subject speaks)
	if participle && verb > 0 && strings.HasSuffix(d.lw(toks[verb]), "ing") {
		if mi := d.mentionAt(toks[verb-1].start, toks[verb-1].end); mi >= 0 && d.ents[d.mentions[mi].entity].typ == parallax.Person && d.mentions[mi].end <= toks[verb].start &&
			!d.possessiveMention(toks[verb-1]) && (d.afterPreposition(d.mentions[mi].start, d.sents[si].Span.Start) || d.joinedBefore(d.mentions[mi].start, d.sents[si].Span.Start)) {
			return d.mentionName(mi), parallax.Span{Start: d.mentions[mi].start, End: cueEnd}, true
		}
	}
	// "…, Spicer said, adding “…”": a participle continues the nearest
	// verb of saying before it, whose subject is the speaker
	if participle {
		if name, start, ok := d.finiteSaySubject(toks[:verb], m.open); ok {
			return name, parallax.Span{Start: start, End: cueEnd}, true
		}
	}
	// first person-like mention in the sentence before the quote, or a
	// pronoun; not the object of a preposition ("Asked by Ana Ruiz whether
	// …, Quist said")
	for k := 0; k < subjEnd; k++ {
		if k > 0 && toks[k-1].kind == tWord && prepositions.Has(toks[k-1].low) {
			continue
		}
		if d.insideQuote(toks[k].start) {
			continue // a name inside another quotation is said, not saying
		}
		if mi := d.mentionAt(toks[k].start, toks[k].end); mi >= 0 && d.mentions[mi].start < toks[k].start {
			continue // inside a name after a preposition ("the shooting of Ivo Stanek")
		}
		if d.possessiveMention(toks[k]) {
			continue // "Ivo Stanek’s plan": a possessive is no subject
		}
		if d.prepObjectAt(toks[k], si) {
			continue // "with harbour hosts Ivo Stanek and …": titles between
		}
		if name, ok := d.nameAt(toks[k], m.open); ok {
			if d.isPersonish(toks[k]) || pronouns.Has(d.lw(toks[k])) {
				return name, parallax.Span{Start: toks[k].start, End: cueEnd}, true
			}
		}
	}
	// "The port authority issued a statement saying", "The letter went on
	// and said": the subject of the clause the participle continues
	if participle {
		if name := d.clauseSubject(toks[:verb], m.open); name != "" {
			return name, parallax.Span{Start: toks[0].start, End: cueEnd}, true
		}
	}
	// a description as the subject: "Another commenter said, “…”", "The
	// ad claims “…”", "the Illinois Board of Elections was conclusive:"
	if !participle {
		start := 0
		for k := subjEnd - 1; k >= 0; k-- {
			if toks[k].kind == tPunct && d.text[toks[k].start] != '\'' && d.text[toks[k].start] != '-' {
				start = k + 1
				break
			}
		}
		if verb >= 0 && subjEnd-start <= 10 {
			if name := d.nominal(toks[start:subjEnd]); name != "" {
				return name, parallax.Span{Start: toks[start].start, End: cueEnd}, true
			}
		}
	}
	return "", parallax.Span{}, false
}

// pastVerb reports whether t is a verb's past form in lower case: "-ed"
// or irregular (WordNet), not a function word ("had", "was").
func (d *doc) pastVerb(t token) bool {
	return t.kind == tWord && !t.cap && !lang.Stopword(t.low) && (strings.HasSuffix(t.low, "ed") || irregularPast.Has(t.low))
}

// personSubject reports whether toks name a person: "he" or "she", a
// person's name, a description whose head names people ("an angry
// official"), or capitalised words that are no common words.
func (d *doc) personSubject(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	last := toks[len(toks)-1]
	if len(toks) == 1 && (last.low == "he" || last.low == "she") {
		return true
	}
	if mi := d.mentionAt(last.start, last.end); mi >= 0 && d.ents[d.mentions[mi].entity].typ != parallax.Misc {
		return d.ents[d.mentions[mi].entity].typ == parallax.Person
	}
	if determiners.Has(toks[0].low) && !possessivePronoun(toks[0].low) && last.kind == tWord && !last.cap {
		return lang.HasClass(last.low, "person")
	}
	return len(toks) <= 3 && toks[0].cap && d.bareSpeaker(toks) != ""
}

// outerVerb finds, before the verb toks[verb], an earlier verb of saying
// whose report it is part of: "Ruiz says Stanek’s flurry of posts was
// “…”", "Ruiz said she is sure Stanek will continue to be “…”" (-1 when
// none). A comma, a conjunction, a colon or another quotation between the
// two verbs starts a clause of its own ("Ruiz spoke, and Stanek added
// “…”"), and a participle is no such verb.
func (d *doc) outerVerb(toks []token, verb int) int {
	found := -1 // the first of a chain: "Ruiz said the board found Stanek told"
	for j := verb - 1; j > 0; j-- {
		t := toks[j]
		if d.insideQuote(t.start) {
			break
		}
		if t.kind == tPunct {
			if c := d.text[t.start]; c != '\'' && c != '-' && !strings.HasPrefix(d.text[t.start:], "’") {
				break
			}
			continue
		}
		if clauseBoundaries.Has(t.low) {
			return found
		}
		if d.isVerb(t) && !strings.HasSuffix(t.low, "ing") && !d.nounUse(toks, j) && !d.compoundHead(toks, j) {
			found = j
		}
	}
	return found
}

// outerSayer is the subject of outerVerb's verb, a person or a pronoun
// right before it (a party tag in brackets between): the quotation is
// their words.
func (d *doc) outerSayer(toks []token, verb, before int) (string, int, bool) {
	j := d.outerVerb(toks, verb)
	if j < 1 {
		return "", 0, false
	}
	k := j - 1
	if k > 0 && toks[k].kind == tWord && strings.HasSuffix(toks[k].low, "ly") {
		k-- // "Ruiz flatly said"
	}
	if d.text[toks[k].start] == ')' {
		// "Rep. Ana Ruiz (D-Ore.) said": the name before the brackets
		for k > 0 && d.text[toks[k].start] != '(' {
			k--
		}
		if k == 0 {
			return "", 0, false
		}
		k--
	}
	if !d.isPersonish(toks[k]) || d.possessiveMention(toks[k]) {
		return "", 0, false
	}
	if name, ok := d.nameAt(toks[k], before); ok {
		start := toks[k].start
		if mi := d.mentionAt(toks[k].start, toks[k].end); mi >= 0 {
			start = d.mentions[mi].start
		}
		return name, start, true
	}
	return "", 0, false
}

// personIn reports whether a person is named among toks ("the harbour
// master, Ana Ruiz, wrote": the name, not the description, speaks).
func (d *doc) personIn(toks []token) bool {
	for _, t := range toks {
		if mi := d.mentionAt(t.start, t.end); mi >= 0 && d.ents[d.mentions[mi].entity].typ == parallax.Person {
			return true
		}
	}
	return false
}

// joinedBefore reports whether "and" or "while" stands right before off:
// a name there opens a clause of its own, which a participle after it
// continues ("Ruiz saying she was pleased and Stanek calling it “a
// start”").
func (d *doc) joinedBefore(off, from int) bool {
	w := strings.ToLower(d.wordBefore(off, from))
	return w == "and" || w == "while"
}

// placeAfterPreposition reports whether a place's name, the object of a
// preposition ("in Westport"), ends right before toks[k].
func (d *doc) placeAfterPreposition(toks []token, k int) bool {
	if k < 2 {
		return false
	}
	mi := d.mentionAt(toks[k-1].start, toks[k-1].end)
	if mi < 0 || d.ents[d.mentions[mi].entity].typ != parallax.Place {
		return false
	}
	j := k - 1
	for j > 0 && toks[j-1].end > d.mentions[mi].start {
		j--
	}
	return j > 0 && toks[j-1].kind == tWord && prepositions.Has(toks[j-1].low)
}

// accordingTo returns how many of toks' first words make an "according
// to" phrase of the language layer (according to, según, de acuerdo con).
func (d *doc) accordingTo(toks []token) int {
	if len(toks) == 0 || toks[0].kind != tWord || !accordingTo.Starts(toks[0].low) {
		return 0
	}
	var buf [4]string
	words := buf[:0]
	for _, t := range toks {
		if t.kind != tWord || len(words) == len(buf) {
			break
		}
		words = append(words, t.low)
	}
	return accordingTo.Match(words)
}

// nounUse reports whether the verb-like word toks[k] is a noun there
// ("a tweet", "his podcast", "in a Sunday statement", "Ruiz's show"): a
// determiner, a possessive or a preposition comes right before it, or
// only a weekday or month between.
func (d *doc) nounUse(toks []token, k int) bool {
	if w := toks[k].low; strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || w == "said" {
		return false // past forms and gerunds ("by warning") are verbs
	}
	for j := k - 1; j >= 0 && k-j <= 3; j-- {
		t := toks[j]
		if t.kind != tWord {
			return false
		}
		// "that" is a relative pronoun as often ("a video that says")
		// "to" before a verb is the infinitive's ("took to X to slam",
		// "went on to say")
		if j == k-1 && t.low == "to" {
			return false
		}
		if t.poss > 0 || determiners.Has(t.low) && t.low != "that" || prepositions.Has(t.low) && t.low != "to" || possessivePronoun(t.low) {
			return true
		}
		// the name of an organisation or a place before a base form that
		// is also a noun (WordNet) makes a compound: "the network's
		// Harbour TV show", "its Sunday program", not "Harbour TV says"
		if j == k-1 && t.cap && len(lang.NounClasses(toks[k].low)) > 0 && !strings.HasSuffix(toks[k].low, "s") {
			mi := d.mentionAt(t.start, t.end)
			if mi >= 0 {
				if typ := d.ents[d.mentions[mi].entity].typ; typ == parallax.Organization || typ == parallax.Place || typ == parallax.Work {
					return true
				}
			}
			if (mi < 0 || d.ents[d.mentions[mi].entity].typ != parallax.Person) && !pronouns.Has(t.low) {
				// any capitalised modifier after a determiner: "an
				// exaggerated Southern accent"
				for i := k - 2; i >= 0 && k-i <= 4; i-- {
					if toks[i].kind != tWord {
						break
					}
					if determiners.Has(toks[i].low) && toks[i].low != "that" || possessivePronoun(toks[i].low) {
						return true
					}
				}
			}
		}
		// an adjective may come between ("a new program", "a Sunday
		// tweet"), not a noun ("one man wrote"), nor before a verb's third
		// person ("the new ad says"); a singular noun before a base form
		// that is also a noun makes a compound when a determiner opens it
		// ("the reality show", "her late night show"; plural subjects take
		// the base form: "the officials say")
		adjective := calendarWord(t.low) || !t.cap && !strings.HasSuffix(toks[k].low, "s") && !d.isVerb(t) && !pronouns.Has(t.low) && len(lang.NounClasses(t.low)) == 0
		compound := k == len(toks)-1 && !t.cap && !strings.HasSuffix(t.low, "s") && !strings.HasSuffix(toks[k].low, "s") && len(lang.NounClasses(t.low)) > 0 && len(lang.NounClasses(toks[k].low)) > 0 && !pronouns.Has(t.low)
		if !adjective && !compound {
			return false
		}
	}
	return false
}

// compoundHead reports whether a base form that is also a noun, right
// before a quotation, ends a compound after a singular noun or an
// organisation's or a work's name, the quotation naming it:
// "the cable reality show “…”", "his late night show", "the Harbour TV
// podcast". A verb's base form takes a plural subject, a plural pronoun
// or I/you ("the officials say", "the police say": nouns for people and
// groups, which may be plural in form), so a singular thing before it
// makes a compound, unless joined to another ("Ruiz and her team say").
func (d *doc) compoundHead(toks []token, k int) bool {
	w := toks[k].low
	if k == 0 || strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || lang.Stopword(w) || len(lang.NounClasses(w)) == 0 {
		return false // (a participle, "saying", is a verb; "out" in "did not single out" a particle)
	}
	for _, t := range toks[k+1:] {
		if t.kind != tPunct {
			return false // only where the quotation follows: the name of the show
		}
	}
	for j := max(0, k-3); j < k-1; j++ {
		if toks[j].low == "and" || toks[j].low == "or" {
			return false
		}
	}
	p := toks[k-1]
	if p.kind != tWord || p.poss > 0 || pronouns.Has(p.low) || lang.Stopword(p.low) {
		return false
	}
	if p.cap {
		mi := d.mentionAt(p.start, p.end)
		if mi < 0 {
			return p.low != p.word(d.text) && strings.ToUpper(p.word(d.text)) == p.word(d.text) // an acronym: "TV"
		}
		typ := d.ents[d.mentions[mi].entity].typ
		return typ == parallax.Organization || typ == parallax.Work
	}
	if d.isVerb(p) || lang.HasClass(p.low, "person") || lang.HasClass(p.low, "group") {
		return false
	}
	if c, ok := lang.NounClassesExact(p.low); !ok || len(c) == 0 {
		return false // unknown or a plural form ("reporters", "voters")
	}
	return !strings.HasSuffix(p.low, "s") || strings.HasSuffix(p.low, "ics") // "politics"
}

func possessivePronoun(w string) bool { return possessives.Has(w) }

// possessiveMention reports whether t starts a mention that ends in a
// possessive ("Ivo Stanek’s").
func (d *doc) possessiveMention(t token) bool {
	mi := d.mentionAt(t.start, t.end)
	if mi < 0 {
		return false
	}
	rest := d.text[d.mentions[mi].end:min(len(d.text), d.mentions[mi].end+4)]
	return strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’ ") || strings.HasPrefix(rest, "' ")
}

// finiteSaySubject finds the last finite verb of saying in toks ("said",
// not "saying") and the person or pronoun right before it, or right after
// it when inverted ("said Spicer").
func (d *doc) finiteSaySubject(toks []token, before int) (string, int, bool) {
	for j := len(toks) - 1; j >= 0; j-- {
		if !d.isVerb(toks[j]) || strings.HasSuffix(toks[j].low, "ing") || d.nounUse(toks, j) {
			continue // ("her post and said": a noun)
		}
		for k := j - 1; k >= 0 && j-k <= 3; k-- {
			if toks[k].kind == tPunct || clauseOpeners.Has(toks[k].low) {
				break // ("sit Stanek down and tell": a name before a conjunction belongs to another clause)
			}
			if d.isPersonish(toks[k]) {
				if name, ok := d.nameAt(toks[k], before); ok {
					return name, toks[k].start, true
				}
			}
		}
		// inverted only when the name closes the clause ("said Spicer,"),
		// not when it is the verb's object ("praised Cruz for showing")
		if j+1 < len(toks) && d.isPersonish(toks[j+1]) && !pronouns.Has(d.lw(toks[j+1])) {
			if mi := d.mentionAt(toks[j+1].start, toks[j+1].end); mi >= 0 {
				k := j + 1
				for k < len(toks) && toks[k].start < d.mentions[mi].end {
					k++
				}
				if k == len(toks) || toks[k].kind == tPunct {
					return d.mentionName(mi), toks[j].start, true
				}
			}
		}
		return "", 0, false
	}
	return "", 0, false
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// nameAt resolves a token that begins a name or is a pronoun.
func (d *doc) nameAt(t token, before int) (string, bool) {
	if impersonalPronouns.Has(d.lw(t)) {
		// a person is no "it", and "they" are several: no person is meant
		// (what "it" is — a report, a lawsuit, an agency — is left open);
		// "I" and "we" in the narration are the writer, whom the text
		// does not name ("“Your Honor,” I said")
		return "", false
	}
	if pronouns.Has(d.lw(t)) {
		if n := d.pronounReferent(t.start, before, pronounGender(d.lw(t))); n != "" {
			return n, true
		}
		return "", false
	}
	if mi := d.mentionAt(t.start, t.end); mi >= 0 && !d.adjectival(mi) {
		return d.mentionName(mi), true
	}
	return "", false
}

// adjectival reports whether mention mi is an adjective, not a name that
// can speak: a nationality word ("the Mexican government agreed") or one
// capitalised word of a group or unknown kind with an adjective's ending
// ("Republican claims", "likely Democratic voters say"). The speaker is
// the noun it modifies, or nobody: a country or a party named by its
// adjective says nothing itself.
func (d *doc) adjectival(mi int) bool {
	m := &d.mentions[mi]
	if m.demonym {
		return true
	}
	if m.tokens != 1 {
		return false
	}
	w := strings.ToLower(m.text)
	sfxs := nationalitySuffixes
	switch d.ents[m.entity].typ {
	case parallax.Misc, parallax.Group, "":
	case parallax.Person:
		// (a party word typed a person: endings no given name or surname
		// has, unlike Brian, Eric)
		sfxs = partySuffixes
	default:
		return false
	}
	for _, sfx := range sfxs {
		if strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return false
}

// mentionName is the name to give for mention mi: its entity's, unless
// the entity merged names that do not hold the mention's last word
// ("Meeks" in an entity named "Israel" through a shared "D-N.Y."); then
// the longest of the entity's forms that holds it, or the mention itself.
func (d *doc) mentionName(mi int) string {
	m := &d.mentions[mi]
	e := &d.ents[m.entity]
	w := strings.TrimSuffix(strings.TrimSuffix(lastWord(m.text), "’s"), "'s")
	if w == "" || hasWord(e.name, w) || strings.ContainsRune(w, '.') || isAllUpper(w) {
		return e.name // (an abbreviation is a form of its entity: U.S., US)
	}
	best := ""
	for f := range e.forms {
		if hasWord(f, w) && (len(f) > len(best) || len(f) == len(best) && f < best) {
			best = f
		}
	}
	if best != "" {
		return best
	}
	return m.text
}

// hasWord reports whether w is one of name's words, whatever apostrophe
// each is typed with (O'Neill, O’Neill).
func hasWord(name, w string) bool {
	w = strings.ReplaceAll(w, "’", "'")
	for _, x := range strings.Fields(name) {
		if strings.ReplaceAll(x, "’", "'") == w {
			return true
		}
	}
	return false
}

func (d *doc) isPersonish(t token) bool {
	if pronouns.Has(d.lw(t)) {
		return true
	}
	if mi := d.mentionAt(t.start, t.end); mi >= 0 {
		return d.ents[d.mentions[mi].entity].typ == parallax.Person
	}
	return false
}

// mentionAt returns the mention that covers [start,end), or -1.
func (d *doc) mentionAt(start, end int) int {
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.start <= start && end <= m.end+3 && start < m.end {
			return i
		}
		if m.start > end {
			break
		}
	}
	return -1
}

func (d *doc) insideQuote(off int) bool {
	for _, q := range d.quoteSpans {
		if q.Start <= off && off < q.End {
			return true
		}
		if q.Start > off {
			break
		}
	}
	return false
}

// pronounReferent resolves a pronoun at offset at, for a quote opening at
// before: a person named earlier in the same sentence ("Noem …, from where
// she sent"); the first person the sentence before names — its subject,
// usually, rather than whoever it names last; the last speaker, within two
// sentences ("He also said"); else the first person of an earlier sentence,
// not further than the paragraph before (a byline is not a referent).
func (d *doc) pronounReferent(at, before int, g byte) string {
	si := d.sentenceOf(at)
	if si < 0 {
		return ""
	}
	if n := d.sentenceSubjectBefore(at, si, g); n != "" {
		return n
	}
	// the sentence just before, when it names someone: its subject; then
	// the last speaker, then the sentences before. A sentence whose subject
	// is the same pronoun ("He plans …") continues the chain: its referent
	// is ours, so it is skipped rather than searched for other names.
	checkedLast, skipped := false, 0
	for k := si - 1; k >= 0 && k >= si-4-skipped; k-- {
		if g != 0 && skipped < 4 && d.opensWithPronoun(k, g) {
			skipped++
			continue
		}
		if n := d.firstPerson(k, g); n != "" {
			return n
		}
		if !checkedLast {
			checkedLast = true
			if d.lastSpeaker != "" && d.sentenceOf(before)-d.lastSpeakerSent <= 2 && d.genderFits(d.lastSpeaker, g) {
				return d.lastSpeaker
			}
		}
	}
	if !checkedLast && d.lastSpeaker != "" && d.sentenceOf(before)-d.lastSpeakerSent <= 2 && d.genderFits(d.lastSpeaker, g) {
		return d.lastSpeaker
	}
	// else the last person named in this paragraph or the one before; a
	// name further back (a byline, a credit) is too far to be meant,
	// unless it is the article's protagonist
	if n := d.recentPerson(before, d.paraStarts[max(0, d.paragraphOf(before)-1)], g); n != "" {
		return n
	}
	return d.protagonist(before, g)
}

// protagonist is the person named most often before off, outside quotes
// and headlines, when named at least three times and more often than
// anyone else: the one a pronoun with no nearer antecedent is about.
func (d *doc) protagonist(off int, g byte) string {
	counts := map[string]int{}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.start >= off {
			break
		}
		if m.titleLine || d.insideQuote(m.start) {
			continue
		}
		if e := d.ents[m.entity]; e.typ == parallax.Person {
			counts[e.name]++
		}
	}
	best, n, second := "", 0, 0
	for name, c := range counts {
		switch {
		case c > n || c == n && name < best:
			best, second, n = name, n, c
		case c > second:
			second = c
		}
	}
	if n < 3 || n == second || !d.genderFits(best, g) {
		return ""
	}
	return best
}

// opensWithPronoun reports whether sentence si has a subject pronoun of
// sex g, outside quotes, before any person it names ("He plans to …",
// "Asked who leads, he said Ruiz."): its referent is further back.
func (d *doc) opensWithPronoun(si int, g byte) bool {
	for _, t := range d.sentTokens(si) {
		if t.kind == tPunct || d.insideQuote(t.start) {
			continue
		}
		if t.low == "he" || t.low == "she" {
			return pronounGender(t.low) == g
		}
		if t.cap && d.isPersonish(t) && !pronouns.Has(t.low) {
			return false
		}
	}
	return false
}

// firstPerson is the first person named in sentence si outside quotes
// who can be a subject (subjectLike), else the first person it names: the
// subject is what a pronoun in the next sentence most likely means, but a
// sentence naming someone only after a preposition or in a possessive
// ("Ruiz’s plan drew fire.") is still about that person.
func (d *doc) firstPerson(si int, g byte) string {
	sp := d.sents[si].Span
	other := ""
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.start < sp.Start || d.insideQuote(m.start) {
			continue
		}
		if m.start >= sp.End {
			break
		}
		if e := d.ents[m.entity]; e.typ == parallax.Person && d.genderFits(e.name, g) && !d.attributive(m.end) {
			if d.subjectLike(m, sp.Start) {
				return e.name
			}
			if other == "" {
				other = e.name
			}
		}
	}
	return other
}

// attributive reports whether a name ending at end modifies a noun for
// people that follows ("Ruiz aide Ivo Stanek", "a Ruiz supporter"): the
// sentence is about someone else.
func (d *doc) attributive(end int) bool {
	i := end
	for i < len(d.text) && d.text[i] == ' ' {
		i++
	}
	j := i
	for j < len(d.text) && d.text[j] >= 'a' && d.text[j] <= 'z' {
		j++
	}
	return j > i && lang.HasClass(d.text[i:j], "person")
}

// recentPerson is the last person named in [from, off), outside quotes,
// whose given name fits gender g ('F', 'M' or 0 for any).
func (d *doc) recentPerson(off, from int, g byte) string {
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := &d.mentions[i]
		if m.start >= off || d.insideQuote(m.start) {
			continue
		}
		if m.start < from {
			break
		}
		if e := d.ents[m.entity]; e.typ == parallax.Person && d.genderFits(e.name, g) {
			return e.name
		}
	}
	return ""
}

// sentenceSubjectBefore is the first person named before offset at in
// sentence si who can be its subject: not the object of a preposition
// ("at the balcony of St. Peter's Basilica, he told"), not a possessive
// ("Ruiz’s plan") and not a name modifying a noun. The first, not the
// last: a pronoun in a later cue refers back to the main clause's subject
// rather than to a name inside its complement ("Ruiz conceded that Stanek
// had won the first round, which, he said, was “expected”").
func (d *doc) sentenceSubjectBefore(at, si int, g byte) string {
	from := d.sents[si].Span.Start
	first := ""
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := &d.mentions[i]
		if m.start >= at || d.insideQuote(m.start) {
			continue
		}
		if m.start < from {
			break
		}
		e := d.ents[m.entity]
		if e.typ != parallax.Person || !d.genderFits(e.name, g) {
			continue
		}
		if !d.subjectLike(m, from) {
			continue
		}
		first = e.name
	}
	return first
}

// subjectLike reports whether mention m, in a sentence starting at from,
// can be a clause's subject: not the object of a preposition, not a
// possessive and not a name modifying a noun. Only such a name is what a
// later pronoun refers back to ("In a talk with Ivo Stanek, she said …").
func (d *doc) subjectLike(m *mention, from int) bool {
	if t := d.titlesBefore(m.start, from); d.afterPreposition(t, from) && !d.frontedTopic(t, m.end, from) {
		return false
	}
	return !(d.possessiveInName(m.end) || d.modifiesNoun(m.end) || d.possessiveAt(m) || d.objectOfWord(m, from))
}

var irregularPast = lang.Words("irregular_past", "en")

// objectOfWord reports whether mention m follows a lower-case verb form
// that is no verb of saying ("attacked Ana Ruiz", "asked Ruiz"): the
// object of a verb, not the subject, which an inverted cue ("said Ruiz")
// or a function word ("and Ruiz", "that Ruiz") may precede.
func (d *doc) objectOfWord(m *mention, from int) bool {
	w := strings.TrimRight(d.wordBefore(d.titlesBefore(m.start, from), from), "’'")
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	if lang.Stopword(w) || isSpeechVerb(w) {
		return false
	}
	// a verb's form, not a noun that a name's title starts ("campaign
	// manager Ana Ruiz")
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") ||
		strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || irregularPast.Has(w)
}

// prepObjectAt reports whether token t of sentence si lies in a name that
// is the object of a preposition, titles allowed between ("for House
// Speaker Ivo Stanek"), and not a topic fronted by it ("As for Stanek,").
func (d *doc) prepObjectAt(t token, si int) bool {
	mi := d.mentionAt(t.start, t.end)
	if mi < 0 {
		return false
	}
	m := &d.mentions[mi]
	from := d.sents[si].Span.Start
	if m.start < from {
		return false
	}
	st := d.titlesBefore(m.start, from)
	w := d.wordBefore(st, from)
	// (Spanish writes de and a with the article as one word: del, al)
	if lw := strings.ToLower(w); !(prepositions.Has(lw) || d.lang == "es" && (lw == "del" || lw == "al")) || d.frontedTopic(st, m.end, from) {
		return false // (not "talking to, Ivo Stanek,": a comma ends the phrase)
	}
	switch lw := strings.ToLower(w); {
	case agentPreps.Has(lw):
		// the source or the agent: "a letter from Ruiz said", "an email
		// sent by Ruiz warned", "More from Ruiz:"
		return false
	case clausePreps.Has(lw):
		// a preposition that also opens a clause, right before the name
		// and its verb, makes the name that verb's subject: "hours after
		// Ruiz said", "with Ruiz calling it …" (an absolute clause)
		return !d.verbAfter(m.end)
	}
	return true
}

// verbAfter reports whether a verb of saying follows off, spaces and an
// adverb in -ly allowed between ("Ruiz said", "Ruiz later told").
func (d *doc) verbAfter(off int) bool {
	rest := d.text[off:min(len(d.text), off+60)]
	f := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == ',' })
	if len(f) > 0 && (strings.HasSuffix(f[0], "ly") || timeAdverbs.Has(f[0])) {
		f = f[1:]
	}
	return len(f) > 0 && isSpeechVerb(strings.ToLower(strings.TrimRight(f[0], ".:;"))) && f[0] == strings.ToLower(f[0])
}

// frontedTopic reports whether the name from start to end is the whole
// of a phrase opening the sentence and set off by a comma ("As for Ruiz,",
// "To Ruiz,"): the sentence is about that person, whom its pronouns mean.
func (d *doc) frontedTopic(start, end, from int) bool {
	if !strings.HasPrefix(d.text[end:], ",") {
		return false
	}
	toks := d.tokensBetween(d.sentenceOf(from), from, start)
	n := 0
	for _, t := range toks {
		if t.kind != tWord {
			continue
		}
		n++
		if !prepositions.Has(t.low) && t.low != "as" {
			return false
		}
	}
	return n > 0 && n <= 2
}

// titlesBefore is where the words describing a name before off begin:
// up to four capitalised words, titles or words for people ("about
// Republican presidential nominee Ana Ruiz"), so that a preposition before
// them is seen.
func (d *doc) titlesBefore(off, from int) int {
	for n := 0; n < 4; n++ {
		j, i := d.wordSpanBefore(off, from)
		if j == i {
			break
		}
		w := d.text[j:i]
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(w)
		if lw == "of" && n > 0 && startsUpper(d.wordBefore(j, from)) {
			off = j // "Secretary of State Ana Ruiz"
			continue
		}
		if !(unicode.IsUpper(r) || roleWords.Has(lw) || adjectiveLike(lw) || lang.HasClass(lw, "person")) || strings.ContainsAny(w, ",;:") || prepositions.Has(lw) || determiners.Has(lw) {
			break
		}
		off = j
	}
	return off
}

// wordBefore is the word, spaces trimmed, that ends before off and starts
// at or after from.
func (d *doc) wordBefore(off, from int) string {
	j, i := d.wordSpanBefore(off, from)
	return d.text[j:i]
}

// wordSpanBefore is where that word starts and ends.
func (d *doc) wordSpanBefore(off, from int) (start, end int) {
	end = off
	for end > from && d.text[end-1] == ' ' {
		end--
	}
	start = end
	for start > from && d.text[start-1] != ' ' {
		start--
	}
	return start, end
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// possessiveAt reports whether mention m is a possessive ("Ruiz’s
// courage"): a determiner of a noun phrase, not the subject a later
// pronoun refers back to.
func (d *doc) possessiveAt(m *mention) bool {
	rest := d.text[m.end:min(len(d.text), m.end+4)]
	return strings.HasSuffix(m.text, "’s") || strings.HasSuffix(m.text, "'s") ||
		strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’ ") || strings.HasPrefix(rest, "' ")
}

// modifiesNoun reports whether the name ending at end modifies the noun
// after it ("the Stanek meeting", "a staunch Ruiz ally"): a lower-case noun
// (WordNet) that is no verb form (not a verb of saying, nor -ed or -s,
// which may be the name's verb: "Ruiz plans", "Ruiz voted").
func (d *doc) modifiesNoun(end int) bool {
	i := end
	for i < len(d.text) && d.text[i] == ' ' {
		i++
	}
	j := i
	for j < len(d.text) && d.text[j] >= 'a' && d.text[j] <= 'z' {
		j++
	}
	if j == i || j < len(d.text) && (d.text[j] == '\'' || d.text[j] == '-') {
		return false
	}
	w := d.text[i:j]
	if lang.Stopword(w) || isSpeechVerb(w) || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") {
		return false
	}
	return len(lang.NounClasses(w)) > 0
}

// afterPreposition reports whether the word before off (within the
// sentence starting at from) is a preposition.
func (d *doc) afterPreposition(off, from int) bool {
	return prepositions.Has(strings.ToLower(strings.Trim(d.wordBefore(off, from), ",.")))
}

// possessiveInName: "Peter’s Basilica" — the name is a possessive that a
// capitalised word continues.
func (d *doc) possessiveInName(end int) bool {
	rest := d.text[end:min(len(d.text), end+8)]
	for _, p := range []string{"’s ", "'s "} {
		if strings.HasPrefix(rest, p) {
			r, _ := utf8.DecodeRuneInString(rest[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// pronounGender is the sex of a personal pronoun of any language, 0 for
// none.
func pronounGender(p string) byte { return lang.PronounGender("", p, "personal", "contraction") }

// genderFits: a name whose given name is usually borne by the other sex
// does not fit the pronoun; unknown names fit any.
func genderFits(name string, g byte) bool {
	if g == 0 {
		return true
	}
	ng := nameGender(name)
	return ng == 0 || ng == 'U' || ng == g
}

// nameGender is the sex its given names give a name: the first word's,
// unless more of the words before the surname point the other way (a word
// a headline glued before the name: "Star Ivo Tomas Quist").
func nameGender(name string) byte {
	f := strings.Fields(name)
	g := gazetteer.Gender(firstWord(name))
	if len(f) < 3 {
		return g
	}
	m, w := 0, 0
	for _, x := range f[:len(f)-1] {
		switch gazetteer.Gender(x) {
		case 'M':
			m++
		case 'F':
			w++
		}
	}
	switch {
	case m > w:
		return 'M'
	case w > m:
		return 'F'
	}
	return g
}

// genderFits is genderFits with the article's own evidence for names the
// list of given names leaves open ("Hillary", a surname alone): the
// pronouns that follow a sentence naming that person and no other.
func (d *doc) genderFits(name string, g byte) bool {
	if g == 0 {
		return true
	}
	if ng := nameGender(name); ng == 'F' || ng == 'M' {
		return ng == g
	}
	ng := d.textGender()[name]
	return ng == 0 || ng == g
}

// textGender infers, once per article, the sex of the persons the given
// names leave open: after a sentence naming one person only, count he/him/
// his and she/her/hers outside quotes in it and in the next sentence when
// that names nobody; a clear majority (three to one, at least two) decides.
func (d *doc) textGender() map[string]byte {
	if d.genders != nil {
		return d.genders
	}
	d.genders = map[string]byte{}
	type count struct{ m, f int }
	counts := map[string]*count{}
	mi := 0
	persons := make([]string, len(d.sents)) // the one person a sentence names, "" for none, "-" for several
	firstAt := make([]int, len(d.sents))
	for si, sent := range d.sents {
		for mi < len(d.mentions) && d.mentions[mi].start < sent.Span.Start {
			mi++
		}
		for k := mi; k < len(d.mentions) && d.mentions[k].start < sent.Span.End; k++ {
			m := &d.mentions[k]
			e := d.ents[m.entity]
			if e.typ != parallax.Person || d.insideQuote(m.start) {
				continue
			}
			switch persons[si] {
			case "":
				persons[si], firstAt[si] = e.name, m.end
			case e.name:
			default:
				persons[si] = "-"
			}
		}
	}
	tally := func(si, from int, c *count) {
		for _, t := range d.sentTokens(si) {
			if t.start < from || t.kind != tWord || d.insideQuote(t.start) {
				continue
			}
			switch lang.PronounGender("en", t.low, "personal", "possessive", "reflexive") {
			case 'M':
				c.m++
			case 'F':
				c.f++
			}
		}
	}
	for si, p := range persons {
		if p == "" || p == "-" {
			continue
		}
		c := counts[p]
		if c == nil {
			c = &count{}
			counts[p] = c
		}
		tally(si, firstAt[si], c)
		if si+1 < len(d.sents) && persons[si+1] == "" {
			tally(si+1, 0, c)
		}
	}
	// in sentences naming several people, a name whose verb of saying
	// reports a clause opened by a pronoun is that pronoun's referent
	// ("Ruiz said she would …", "Ruiz told reporters that he …"): two
	// votes each
	for si := range d.sents {
		toks := d.sentTokens(si)
		for k := 0; k+1 < len(toks); k++ {
			if !d.isVerb(toks[k+1]) || toks[k].kind != tWord || !toks[k].cap {
				continue // (cheap tests first: this runs over every word)
			}
			mi := d.mentionAt(toks[k].start, toks[k].end)
			if mi < 0 || d.mentions[mi].end > toks[k].end || d.insideQuote(toks[k].start) {
				continue
			}
			e := d.ents[d.mentions[mi].entity]
			if e.typ != parallax.Person {
				continue
			}
			for j := k + 2; j < len(toks) && j <= k+7; j++ {
				if toks[j].kind != tWord {
					break
				}
				g := pronounGender(toks[j].low)
				if g == 0 && !d.isPersonish(toks[j]) {
					continue // "said that she", "told reporters she"; not "told Ruiz she"
				}
				if g != 0 && (toks[j].low == "he" || toks[j].low == "she") {
					c := counts[e.name]
					if c == nil {
						c = &count{}
						counts[e.name] = c
					}
					if g == 'M' {
						c.m += 2
					} else {
						c.f += 2
					}
				}
				break
			}
		}
	}
	for name, c := range counts {
		switch {
		case c.m >= 2 && c.m >= 3*c.f:
			d.genders[name] = 'M'
		case c.f >= 2 && c.f >= 3*c.m:
			d.genders[name] = 'F'
		}
	}
	return d.genders
}

// resolveSubject turns the words that name a speaker into an entity name:
// a name, a pronoun, or a description such as "the Salvadoran leader".
func (d *doc) resolveSubject(toks []token, before int) string {
	// a person among the words wins ("US Coast Guard Rear Admiral Shannon
	// Gilreath"), the last one when several; then a pronoun; then any name
	first := ""
	firstPlace := false
	person := ""
	for _, t := range toks {
		if pronouns.Has(d.lw(t)) {
			if name, ok := d.nameAt(t, before); ok && person == "" {
				return name
			}
			continue
		}
		mi := d.mentionAt(t.start, t.end)
		if mi < 0 {
			continue
		}
		if d.mentions[mi].demonym {
			if name := d.describe(toks, before); name != "" {
				return name
			}
			continue
		}
		e := d.ents[d.mentions[mi].entity]
		if e.typ == parallax.Person {
			if si := d.sentenceOf(t.start); si >= 0 && determiners.Has(d.lw(toks[0])) && d.mentions[mi].start > toks[0].start && d.prepObjectAt(t, si) {
				// "a spokesman for Ivo Stanek": the description, not
				// the person it is for, speaks
				if name := d.nominal(toks); name != "" && person == "" {
					return name
				}
				continue
			}
			person = d.mentionName(mi)
		} else if first == "" && !(d.adjectival(mi) && t.end < toks[len(toks)-1].end) {
			// (a party or nationality word modifying the head is no
			// speaker: "the Republican nominee")
			first = d.mentionName(mi)
			firstPlace = e.typ == parallax.Place
		}
	}
	if person != "" {
		return person
	}
	if name := d.describe(toks, before); name != "" {
		return name
	}
	// "the Vermont senator": a place that modifies a description is not
	// the speaker; the description is
	if firstPlace {
		if name := d.nominal(toks); name != "" {
			return name
		}
	}
	return first
}

// describe resolves "the Salvadoran president", "the mayor", "the Salvadoran government".
func (d *doc) describe(toks []token, before int) string {
	place := ""
	head := ""
	for _, t := range toks {
		if t.kind != tWord {
			continue
		}
		w := t.word(d.text)
		if p, ok := gazetteer.Demonym(w); ok {
			place = p
			continue
		}
		if p, ok := gazetteer.Lookup(w); ok && t.poss > 0 {
			place = p.Name
			continue
		}
		head = strings.ToLower(w)
	}
	if place != "" && collectiveHeads.Has(head) {
		for _, e := range d.ents {
			if e.typ == parallax.Place && gazetteer.Key(e.name) == gazetteer.Key(place) {
				return e.name
			}
		}
		return place
	}
	// the most recent person who fits: same place, or holding that title
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := &d.mentions[i]
		if m.start >= before || d.insideQuote(m.start) {
			continue
		}
		e := d.ents[m.entity]
		if e.typ != parallax.Person {
			continue
		}
		if place != "" && gazetteer.Key(e.place) == gazetteer.Key(place) {
			return e.name
		}
		if place == "" && head != "" && hasRole(e.roles, head) {
			return e.name
		}
	}
	return ""
}

func hasRole(roles []string, head string) bool {
	for _, r := range roles {
		// (an abbreviated title stands for the full one: "Gov." is "the
		// governor")
		for _, w := range strings.Fields(lang.ExpandTitle(strings.ToLower(r))) {
			if strings.TrimSuffix(w, ".") == head {
				return true
			}
		}
	}
	return false
}

// possessiveCue reads `”, were his first words` and `”, her message said`.
func (d *doc) possessiveCue(after []token, m quoteMark) (string, parallax.Span, bool) {
	for k := 0; k < len(after) && k < 5; k++ {
		w := d.lw(after[k])
		if w != "his" && w != "her" && w != "su" {
			continue
		}
		for j := k + 1; j < len(after) && j <= k+4; j++ {
			if utteranceNouns.Has(d.lw(after[j])) {
				g := lang.PronounGender("en", w, "possessive")
				if name := d.pronounReferent(after[k].start, m.open, g); name != "" {
					return name, parallax.Span{Start: after[k].start, End: after[j].end}, true
				}
			}
		}
		break
	}
	return "", parallax.Span{}, false
}
