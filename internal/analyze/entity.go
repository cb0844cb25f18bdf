package analyze

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze/gazetteer"
	"github.com/parallaxnews/parallax/internal/lang"
	"github.com/parallaxnews/parallax/internal/ner"
)

// mention is one occurrence of a name in the text.
// Its flags come last, together, which keeps it at 136 bytes rather than
// 152: a page of one-line paragraphs has one in each of half a million.
type mention struct {
	start, end int
	text       string
	key        string // folded form used to merge
	typ        string // type hint, "" when unknown
	roles      []string
	sent       int    // sentence index
	place      string // for persons: the place named with them ("El Salvador’s President …")
	entity     int    // index into doc.ents once merged
	tokens     int
	initial    bool // starts its sentence
	titleLine  bool // sits in a headline-style line
	demonym    bool // a nationality word standing for its place
	vehicle    bool // named right after "the ferry", "the ship called"
	located    bool // named right after "in", "at", "near"
	acronym    bool
	learned    bool // found by the learned tagger on a line the rules cannot read
	team       bool // named as a team in a results line (results.go)
}

// ent is an entity while the article is analysed.
type ent struct {
	name     string
	typ      string
	forms    map[string]bool
	roles    []string
	mentions []int // indices into doc.mentions
	place    string
	acr      string
	vehicle  bool
	located  bool // named after "in", "at", "near": a place, when nothing says otherwise
}

func isTitleCaseLine(text string, toks []token) bool {
	if len(toks) < 3 {
		return false
	}
	last := text[toks[len(toks)-1].start:toks[len(toks)-1].end]
	if last == "." || last == ":" {
		return false
	}
	words, caps := 0, 0
	for _, t := range toks {
		if t.kind != tWord {
			continue
		}
		w := t.text(text)
		if utf8.RuneCountInString(w) <= 3 && !t.cap {
			continue // short function words stay lower case in titles
		}
		words++
		if t.cap {
			caps++
		}
	}
	return words >= 3 && float64(caps)/float64(words) >= 0.75
}

// findMentions finds capitalised names in every sentence.
func (d *doc) findMentions() {
	text := d.text
	for si, s := range d.sents {
		toks := d.sentTokens(si)
		title := d.titleLines[si]
		first := -1
		prevPlace := "" // a place named just before, in the possessive: "El Salvador’s"
		prevEnd := -1
		for i, t := range toks {
			if t.kind == tWord || t.kind == tNum {
				first = i
				break
			}
		}
		i := 0
		for i < len(toks) {
			t := toks[i]
			if !(t.kind == tWord && (t.cap || hasUpperDigitCode(t.text(text)) || articleName(t.low, t.text(text)))) {
				i++
				continue
			}
			// extend the run
			j := i + 1
			end := i
			for j < len(toks) && toks[end].poss == 0 {
				tj := toks[j]
				if tj.kind == tWord && (tj.cap || articleName(tj.low, tj.text(text))) && tj.start-toks[j-1].end <= 1 {
					if !tj.upper && tj.cap && hasLower(tj.text(text)) && end == i && toks[i].upper && !strings.Contains(toks[i].text(text), ".") && !isTitle(toks[i].low) &&
						j+1 < len(toks) && toks[j+1].kind == tWord && toks[j+1].cap && !toks[j+1].upper && gazetteer.GivenName(tj.text(text)) {
						// "el diputado del PQ Ivo Quist": an acronym then a
						// given name and a surname are two names, unless the
						// acronym is a title ("MP Ivo Quist")
						break
					}
					if !tj.upper && tj.cap && hasLower(tj.text(text)) && upperRun(toks[i:end+1]) {
						// "… REFORMA EN LA UE Santander (EFE)": a heading in
						// capitals glued to the dateline or sentence after
						// it; a word in title case after three or more in
						// capitals starts another run
						break
					}
					end = j
					j++
					continue
				}
				// "Mr. Okafor", "Dr. Quist": an abbreviated title's dot stays in the run
				if tj.kind == tPunct && text[tj.start:tj.end] == "." && tj.start == toks[j-1].end && j == end+1 &&
					abbrev.Has(toks[j-1].low) && isTitle(toks[j-1].low) && j+1 < len(toks) && toks[j+1].kind == tWord && toks[j+1].cap &&
					toks[j+1].start-tj.end <= 1 {
					end = j + 1
					j += 2
					continue
				}
				// "Food and Harbour Organisation": "and" inside a name whose
				// head comes after it
				if tj.kind == tWord && tj.low == "and" && tj.start-toks[j-1].end <= 1 && !institutional(lowWord(toks[end], text)) {
					if k := andHead(text, toks, j, headThenComplement(toks[i:j])); k > 0 {
						end = k
						j = k + 1
						continue
					}
				}
				// "Westerhaven Magistrates' Court": a plural possessive inside a name
				if tj.kind == tPunct && isApos([]rune(text[tj.start:tj.end])[0]) && tj.start == toks[j-1].end &&
					strings.HasSuffix(toks[j-1].low, "s") && j+1 < len(toks) && toks[j+1].kind == tWord && toks[j+1].cap &&
					orgOrFacility(toks[j+1].low) {
					end = j + 1
					j += 2
					continue
				}
				if tj.kind == tNum && tj.start-toks[j-1].end <= 1 && isRoman(text[toks[end].start:toks[end].end]) == false && j == end+1 && isNameNumberContext(text, toks, end) {
					end = j
					j++
					continue
				}
				// "Organización para la Unidad Quistiana": in Spanish an
				// institution's head takes its purpose after "para", "por",
				// "sin" or "contra" and maybe an article
				if d.lang == "es" && tj.kind == tWord && !tj.cap && esOrgConnectors.Has(tj.low) && tj.start-toks[j-1].end <= 1 && esInstitutionRun(toks[i:j]) {
					k := j + 1
					if k < len(toks) && toks[k].kind == tWord && !toks[k].cap && esArticle(toks[k].low) {
						k++
					}
					// not an acronym: "el Parlamento por el PP" names the agent
					if k < len(toks) && toks[k].kind == tWord && toks[k].cap && !toks[k].upper && toks[k].start-toks[k-1].end <= 1 {
						end = k
						j = k + 1
						continue
					}
				}
				// "Maynor Suazo of Owings Mills": a person's name ends before
				// "of"/"de" + a place; "Bank of America" and "Tren de Aragua"
				// go on
				if tj.kind == tWord && !tj.cap && connectors.Has(tj.low) && tj.start-toks[j-1].end <= 1 && !(tj.low == "of" && (personThenPlace(text, toks[i:j]) || nameThenPlace(text, toks, i, j))) &&
					(tj.low != "y" || yJoins(text, toks, i, j)) {
					// connectors need a capitalised word after them (one or two connectors)
					k := j + 1
					if k < len(toks) && toks[k].kind == tWord && !toks[k].cap && connectors.Has(toks[k].low) {
						k++
					}
					if k < len(toks) && toks[k].kind == tWord && toks[k].cap && toks[k].start-toks[k-1].end <= 1 {
						end = k
						j = k + 1
						continue
					}
				}
				break
			}
			// "U.S.-led", "Quistland-based": a name joined by a hyphen to a
			// lower-case word is part of a modifier, not a mention
			if end+2 < len(toks) && text[toks[end+1].start:toks[end+1].end] == "-" && toks[end+1].start == toks[end].end &&
				toks[end+2].start == toks[end+1].end && toks[end+2].kind == tWord && !toks[end+2].cap {
				i = end + 1
				continue
			}
			initial := i == first || (first >= 0 && i > first && onlyPunctBefore(toks[:i])) || i > 0 && opensClause(text, toks[i-1])
			if initial && i >= 2 && namingVerbs.Has(toks[i-2].low) {
				initial = false // ship called “Dali”: a name, not a sentence start
			}
			place := ""
			if prevEnd == i-1 {
				place = prevPlace
			}
			n := len(d.mentions)
			d.addRun(toks[i:end+1], si, initial, title, place)
			if afterVehicleNoun(toks, i) {
				for k := n; k < len(d.mentions); k++ {
					d.mentions[k].vehicle = true
				}
			}
			if i > 0 && locativePreps.Has(toks[i-1].low) && len(d.mentions) > n {
				d.mentions[n].located = true
			}
			// "spokesman Jalil Quist", "the club's coach Ivo Brandt": a
			// lower-case title right before a name that looks like one
			if i > 0 && len(d.mentions) > n && toks[i-1].kind == tWord && !toks[i-1].cap && isTitle(toks[i-1].low) {
				if m := &d.mentions[n]; m.start == t.start && m.typ == "" && !m.demonym && looksPersonAfterTitle(m.text) {
					m.typ, m.roles = parallax.Person, []string{toks[i-1].low}
				}
			}
			prevPlace, prevEnd = "", -1
			if toks[end].poss > 0 && len(d.mentions) > n {
				if p, ok := gazetteer.Lookup(d.mentions[len(d.mentions)-1].text); ok {
					prevPlace, prevEnd = p.Name, end
				}
			}
			_ = s
			i = end + 1
		}
	}
}

// articleName: an Arabic name written with its article in lower case and
// a hyphen ("al-Sadr", "el-Sisi"), a capitalised word for the name's run.
func articleName(low, w string) bool {
	for _, p := range nameArticlePrefixes {
		if strings.HasPrefix(low, p) && len(w) > len(p)+1 {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// wordArticleName is articleName(strings.ToLower(w), w) lowering only the
// bytes the articles can match: each article is ASCII and holds no letter
// that a non-ASCII rune lowers to (only K and İ lower to ASCII, "k" and "i"),
// so an ASCII-lowered prefix matches exactly when the full lowering does.
func wordArticleName(w string) bool {
	var b [4]byte
	n := copy(b[:], w)
	for i := range n {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return articleName(string(b[:n]), w)
}

// looksPersonAfterTitle: one to four capitalised words, no institutional
// head, no place the gazetteer knows.
func looksPersonAfterTitle(s string) bool {
	f := strings.Fields(s)
	if len(f) > 4 || institutional(strings.ToLower(f[len(f)-1])) {
		return false
	}
	if _, ok := gazetteer.Lookup(s); ok {
		return false
	}
	return len(f) > 1 || looksPersonWord(f[0])
}

// looksPersonWord: a single word that may be a surname: capitalised, not
// all capitals, no digits.
func looksPersonWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !isAllUpper(w) && !strings.ContainsAny(w, "0123456789")
}

// inCapitals: half the words of sentence si or more are in capitals (a
// heading, a kicker), where capitals do not mark acronyms.
func (d *doc) inCapitals(si int) bool {
	words, upper := 0, 0
	for _, t := range d.sentTokens(si) {
		if t.kind == tWord {
			words++
			if t.upper {
				upper++
			}
		}
	}
	return upper*2 >= words
}

// upperWord: two letters or more, all capitals ("VOA" of "VOA's").
func upperWord(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// loneArticleName: one article-prefixed word ("al-Quds") or the article
// apart ("Al Quds").
func loneArticleName(name string) bool {
	var fb [4]string
	f := appendFields(fb[:0], name)
	switch {
	case len(f) == 1:
		return wordArticleName(f[0])
	case len(f) == 2:
		// no rune but A and a lowers to "a", and so for l and e
		return strings.EqualFold(f[0], "al") || strings.EqualFold(f[0], "el")
	}
	return false
}

// arabicSurname: a name ending in an article-prefixed surname or holding
// "bin" or "ibn" ("Ayman al-Quist", "Azahari bin Quist").
func arabicSurname(f []string) bool {
	if len(f) < 2 {
		return false
	}
	last := f[len(f)-1]
	if wordArticleName(last) {
		return true
	}
	for _, w := range f[1 : len(f)-1] {
		if w == "bin" || w == "ibn" {
			return true
		}
	}
	return false
}

// andHead returns the index of the last word of the capitalised run after
// the "and" at toks[j] when that word heads an organisation ("… and
// Agriculture Organisation") or the run before "and" is an institution's
// complement (inComplement), else 0.
func andHead(text string, toks []token, j int, inComplement bool) int {
	k := j + 1
	last := 0
	for k < len(toks) && toks[k].start-toks[k-1].end <= 1 {
		t := toks[k]
		if t.kind == tWord && t.cap {
			last = k
			if t.poss > 0 {
				break
			}
			k++
			continue
		}
		if t.kind == tWord && connectors.Has(t.low) && last > 0 {
			k++
			continue
		}
		break
	}
	if last == 0 {
		return 0
	}
	head := lowWord(toks[last], text)
	if inComplement || orgHeads.Has(head) || headType(head) == parallax.Organization {
		return last
	}
	return 0
}

// headThenComplement: the run is an institution's head and its complement
// so far ("Institute for Science", "Centre for Missing"), which "and" may
// go on ("… and International Security").
func headThenComplement(run []token) bool {
	for k := 0; k+1 < len(run); k++ {
		if institutional(run[k].low) && !run[k+1].cap && (run[k+1].low == "of" || run[k+1].low == "for") {
			return true
		}
	}
	return false
}

// opensClause: a word right after one of these marks starts a sentence or a quotation.
func opensClause(text string, t token) bool {
	if t.kind != tPunct {
		return false
	}
	switch text[t.start:t.end] {
	case ".", "!", "?", ":", "“", "\"", "«", "—", "-", "•", "¿", "¡", "…", "‘":
		return true
	}
	return false
}

// personThenPlace: the capitalised run so far is a person's name (a given
// name and one to three more words, no institutional head), so a connector
// after it starts where the person is from, not more of the name.
func personThenPlace(text string, run []token) bool {
	if len(run) < 2 || len(run) > 4 || !gazetteer.GivenName(run[0].word(text)) {
		return false
	}
	for _, t := range run {
		if t.kind != tWord || !t.cap || institutional(t.low) || isTitle(strings.TrimSuffix(t.low, ".")) {
			return false
		}
	}
	return true
}

// calendarWord: a month or weekday name in the article's language or in
// English ("Julio" names a person in English text, July in Spanish); every
// language's when the language is unknown.
func (d *doc) calendarWord(w string) bool {
	if d.lang == "" {
		return calendarWord(w)
	}
	for _, l := range [...]string{"en", d.lang} {
		if _, ok := lang.Month(l, w); ok {
			return true
		}
		if _, ok := lang.Weekday(l, w); ok {
			return true
		}
	}
	return false
}

// pluralCommon: w is the plural of an ordinary word ("images", "delegates").
func pluralCommon(w string) bool {
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || ner.Common(w) && !ner.Common(w[:len(w)-1]) {
		return false
	}
	return ner.Common(w[:len(w)-1]) || strings.HasSuffix(w, "es") && ner.Common(w[:len(w)-2]) ||
		strings.HasSuffix(w, "ies") && ner.Common(w[:len(w)-3]+"y")
}

// notNameCode: a code in capitals with digits names a thing (a virus, a
// weapon, a model: "H5N1", "AK-47", "F-35"), not a body.
func notNameCode(name string) bool {
	return !strings.Contains(name, " ") && upperWord(name) && strings.ContainsAny(name, "0123456789")
}

// describesPerson: w names a kind of person in WordNet, as a common noun
// ("Midfielder") or a capitalised one ("Swede"), and is no given name
// ("Guy", "Victor") nor a title the roles take.
func describesPerson(w string) bool {
	if gazetteer.GivenName(w) || isTitle(strings.ToLower(w)) || isAllUpper(w) {
		return false
	}
	return ner.NounClass(w) == "noun.person" || ner.ProperNounClass(w) == "noun.person"
}

// compoundAdjective: a hyphenated word whose last part is in lower case
// ("Top-seeded", "Quistland-born", "Islamist-led").
func compoundAdjective(w string) bool {
	k := strings.LastIndexByte(w, '-')
	if k <= 0 || len(w)-k-1 < 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[k+1:])
	return unicode.IsLower(r) && !(strings.Count(w, "-") == 1 && articleName(strings.ToLower(w), w))
}

// nameThenPlace: the run toks[i:j] is one to three plain capitalised
// words (no institution, title or place head) and the "of" at toks[j] is
// followed by a place the gazetteer knows: "Ivo Quist of Sweden",
// "Harbourton Rovers of Calloway" name someone and where they are from.
func nameThenPlace(text string, toks []token, i, j int) bool {
	if j-i > 3 {
		return false
	}
	if w := toks[i].word(text); ner.Common(w) && !gazetteer.GivenName(w) {
		return false // "Voice of America": a common noun names an institution
	}
	for _, t := range toks[i:j] {
		if t.kind != tWord || !t.cap || institutional(t.low) || isTitle(strings.TrimSuffix(t.low, ".")) {
			return false
		}
	}
	if _, ok := gazetteer.Lookup(spanText(text, toks[i:j])); ok {
		return false // "Sri Lanka of old"
	}
	k := j + 1
	if k < len(toks) && toks[k].low == "the" {
		k++
	}
	e := k
	for e < len(toks) && toks[e].kind == tWord && toks[e].cap && (e == k || toks[e].start-toks[e-1].end <= 1) {
		if toks[e].poss > 0 {
			e++
			break
		}
		e++
	}
	if e == k {
		return false
	}
	_, ok := gazetteer.Lookup(text[toks[k].start:toks[e-1].wordEnd()])
	return ok
}

func onlyPunctBefore(toks []token) bool {
	for _, t := range toks {
		if t.kind != tPunct {
			return false
		}
	}
	return true
}

// placePrefix: the run's first two or three words name a place the
// gazetteer knows ("New York Stock Exchange"), so its first word stays.
func placePrefix(text string, run []token) bool {
	for n := 2; n <= 3 && n <= len(run); n++ {
		if _, ok := gazetteer.Lookup(spanText(text, run[:n])); ok {
			_, without := gazetteer.Lookup(spanText(text, run[1:n])) // "The U.S.": the article is no part of it
			return !without
		}
	}
	return false
}

func hasUpperDigitCode(w string) bool {
	// "MS-13", "F-35"
	if len(w) < 3 || !strings.Contains(w, "-") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isRoman(w string) bool {
	for _, r := range w {
		if !strings.ContainsRune("IVXLC", r) {
			return false
		}
	}
	return w != ""
}

// isNameNumberContext: a number joins the name before it only after a head
// that is numbered ("Pier 4"), never after a person's or country's name.
func isNameNumberContext(text string, toks []token, end int) bool {
	return numberedHeads.Has(toks[end].low)
}

// addRun turns a run of capitalised tokens into mentions: it trims words
// that only start the sentence, splits off titles and nationality words,
// and records roles.
func (d *doc) addRun(run []token, si int, initial, title bool, place string) {
	text := d.text
	lw := func(t token) string { return lowWord(t, text) }
	// whole-run gazetteer hit ("El Salvador", "Los Angeles") wins over trimming
	if initial && len(run) > 1 {
		if _, ok := gazetteer.Lookup(spanText(text, run)); !ok {
			// "Said Marta Quist, …": a verb of saying that opens the
			// sentence is not part of the name (a given name such as
			// "Mark" or "Grant" is, and so is the first word of an
			// institution's name: "The State Department")
			for opens := true; len(run) > 0 && !placePrefix(text, run) && (startWords.Has(lw(run[0])) || d.calendarWord(lw(run[0])) ||
				opens && len(run) > 1 && isSpeechVerb(lw(run[0])) && !gazetteer.GivenName(run[0].word(text)) && !institutional(lw(run[len(run)-1]))); opens = false {
				run = run[1:]
				initial = false
			}
		}
	} else if initial && len(run) == 1 && startWords.Has(lw(run[0])) && !(run[0].upper && !title && !d.inCapitals(si)) {
		return // "Who", but not the acronym "WHO"
	}
	// "Images of the Indian Ocean", "Delegates of Calloway": a plural
	// common noun that starts the sentence is no part of the name after "of"
	if initial && len(run) > 2 && lw(run[1]) == "of" && pluralCommon(lw(run[0])) && !institutional(lw(run[0])) {
		run = run[1:]
		initial = false
	}
	// drop connectors and calendar words at the edges, and a leading
	// compound adjective ("Top-seeded", "Quistland-born")
	for len(run) > 0 && (connectors.Has(lw(run[0])) && !run[0].cap || d.calendarWord(lw(run[0])) || len(run) > 1 && compoundAdjective(run[0].word(text)) && !isTitle(lw(run[0]))) {
		run = run[1:]
		initial = false
	}
	for len(run) > 0 && (connectors.Has(lw(run[len(run)-1])) && !run[len(run)-1].cap || d.calendarWord(lw(run[len(run)-1]))) {
		run = run[:len(run)-1]
	}
	if len(run) == 0 {
		return
	}
	// A leading nationality word is its own mention: "Venezuelan Tren de Aragua";
	// not when an organisation's head word follows ("American Airlines Flight
	// 5342", "British Petroleum").
	if len(run) > 1 {
		if place, ok := gazetteer.Demonym(run[0].word(text)); ok {
			if _, whole := gazetteer.Lookup(spanText(text, run)); !whole && !institutional(lw(run[len(run)-1])) && !orgHeadIn(run[1:], text) {
				d.addMention(run[:1], si, initial, title, "", nil)
				d.mentions[len(d.mentions)-1].demonym = true
				d.mentions[len(d.mentions)-1].key = gazetteer.Key(place)
				d.mentions[len(d.mentions)-1].place = place
				d.addRunRoles(run[1:], si, false, title, place)
				return
			}
		}
	}
	// "the U.S. Trump called …": an abbreviated place then a name that is not
	// an institution of it is two mentions (a missed sentence break)
	if len(run) > 1 && strings.HasSuffix(run[0].word(text), ".") {
		if _, ok := gazetteer.Lookup(run[0].word(text)); ok && !institutional(lw(run[len(run)-1])) && headType(lw(run[len(run)-1])) != parallax.Organization && !isTitle(strings.TrimSuffix(lw(run[1]), ".")) &&
			(len(run) == 2 || gazetteer.GivenName(run[1].word(text))) {
			d.addMention(run[:1], si, initial, title, "", nil)
			d.addRunRoles(run[1:], si, true, title, place)
			return
		}
	}
	// "Midfielder Ivo Quist", "Swede Ivo Quist": a word for a kind of
	// person (WordNet) before a person's name describes them
	if len(run) >= 3 && describesPerson(run[0].word(text)) && looksPerson(spanText(text, run[1:])) {
		run = run[1:]
		initial = false
	}
	if initial && len(run) >= 2 && shouting(run, text) {
		return // "INFERNO HORROR:", a tabloid kicker, not a name
	}
	d.addRunRoles(run, si, initial, title, place)
}

// afterVehicleNoun: "the ferry Marigold Star", "a ship called Dali".
func afterVehicleNoun(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := toks[k]
		if t.kind == tWord && vehicleNouns.Has(t.low) {
			return true
		}
		if !(t.kind == tPunct || namingVerbs.Has(t.low) || vehicleNameFillers.Has(t.low)) {
			return false
		}
	}
	return false
}

// shouting: every word in capitals and long, unlike an acronym.
func shouting(run []token, text string) bool {
	for _, t := range run {
		if !t.upper || utf8.RuneCountInString(t.word(text)) < 4 || strings.Contains(t.word(text), ".") {
			return false
		}
	}
	return true
}

func orgOrFacility(w string) bool {
	return orgHeads.Has(w) || facilityHeads.Has(w) || headType(w) == parallax.Organization
}

func institutional(w string) bool { return institutionalHeads.Has(w) }

// institutionalHeads answers institutional in one lookup.
var institutionalHeads = lang.Union(orgHeads, facilityHeads, lawHeads, eventHeads, placeHeads)

// appendFields appends the fields of s as strings.Fields splits them, into
// a slice the caller can keep on the stack.
func appendFields(dst []string, s string) []string {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// addRunRoles splits a run at the last title word: "Homeland Security
// Secretary Kristi Noem" → "Homeland Security" + role + "Kristi Noem".
func (d *doc) addRunRoles(run []token, si int, initial, title bool, place string) {
	text := d.text
	lw := func(t token) string { return strings.TrimSuffix(lowWord(t, text), ".") }
	r := -1
	for k := len(run) - 1; k >= 0; k-- {
		if isTitle(lw(run[k])) {
			r = k
			break
		}
	}
	// "Martin Luther King", "Carole King": a title word after a given name
	// and more of a name is a surname
	if r == len(run)-1 && r >= 2 && gazetteer.GivenName(run[0].word(text)) && !anyRole(run[:r], text) && !institutional(lw(run[r-1])) {
		r = -1
	}
	if r < 0 {
		d.addMention(run, si, initial, title, place, nil)
		return
	}
	before, after := run[:r], run[r+1:]
	if len(after) > 0 && after[0].kind == tPunct {
		after = after[1:] // the dot of "Mr."
	}
	role := []string{run[r].word(text)}
	if r+1 < len(run) && run[r+1].kind == tPunct {
		role[0] = text[run[r].start:run[r+1].end]
	}
	// earlier role words belong to the same title: "Vice President", "Prime Minister"
	for len(before) > 0 && isTitle(lw(before[len(before)-1])) {
		role = append([]string{before[len(before)-1].word(text)}, role...)
		before = before[:len(before)-1]
	}
	// a complement: "Secretary of State Marco Rubio", "President of the United States"
	if len(after) > 0 && !after[0].cap && connectors.Has(lw(after[0])) {
		k := 1
		for k < len(after) && !after[k].cap {
			k++
		}
		caps := after[k:]
		nameLen := 0
		if len(caps) >= 3 {
			nameLen = 2
			if len(caps) >= 4 && len(caps[len(caps)-3].word(text)) > 0 && isFirstNameish(caps[len(caps)-3].word(text)) {
				nameLen = 2
			}
		}
		comp := caps[:len(caps)-nameLen]
		role = append(role, spanText(text, after[:k+len(comp)]))
		if len(comp) > 0 {
			if _, ok := gazetteer.Lookup(spanText(text, comp)); ok || len(comp) >= 2 {
				d.addMention(comp, si, false, title, "", nil)
			}
		}
		if place == "" {
			if p, ok := gazetteer.Lookup(spanText(text, comp)); ok {
				place = p.Name
			}
		}
		after = caps[len(caps)-nameLen:]
	}
	// a name after the title must look like one
	if len(after) > 0 && (orgHeads.Has(lw(after[len(after)-1])) || facilityHeads.Has(lw(after[len(after)-1])) || lawHeads.Has(lw(after[len(after)-1]))) {
		d.addMention(run, si, initial, title, place, nil)
		return
	}
	// "Chief Fire Officer Daniel Okafor": a title that itself holds a
	// title word is all title
	if len(before) > 0 && anyRole(before, text) {
		if _, ok := gazetteer.Lookup(spanText(text, before)); !ok {
			role = append([]string{spanText(text, before)}, role...)
			before = nil
		}
	}
	if len(before) > 0 {
		if p, ok := gazetteer.Lookup(spanText(text, before)); ok && place == "" {
			place = p.Name
		}
		if !allRoles(before, text) {
			d.addMention(before, si, initial, title, "", nil)
			if pl, ok := gazetteer.Demonym(spanText(text, before)); ok {
				m := &d.mentions[len(d.mentions)-1]
				m.demonym, m.key, m.place = true, gazetteer.Key(pl), pl
				if place == "" {
					place = pl
				}
			}
		}
	}
	if len(after) == 0 {
		return
	}
	// "President Bukele of El Salvador": the place after "of" is its own mention
	for k := 1; k < len(after)-1; k++ {
		if lw(after[k]) == "of" {
			if p, ok := gazetteer.Lookup(spanText(text, after[k+1:])); ok {
				d.addMention(after[k+1:], si, false, title, "", nil)
				if place == "" {
					place = p.Name
				}
				after = after[:k]
				break
			}
		}
	}
	roleText := strings.Join(role, " ")
	d.addMention(after, si, false, title, place, []string{roleText})
	d.mentions[len(d.mentions)-1].typ = parallax.Person
}

func anyRole(run []token, text string) bool {
	for _, t := range run {
		if isTitle(strings.TrimSuffix(lowWord(t, text), ".")) {
			return true
		}
	}
	return false
}

func allRoles(run []token, text string) bool {
	for _, t := range run {
		if !isTitle(strings.TrimSuffix(lowWord(t, text), ".")) {
			return false
		}
	}
	return true
}

func isFirstNameish(w string) bool { return len(w) > 2 }

func spanText(text string, run []token) string {
	return text[run[0].start:run[len(run)-1].wordEnd()]
}

func (d *doc) addMention(run []token, si int, initial, title bool, place string, roles []string) {
	if len(run) == 0 {
		return
	}
	text := d.text
	s := spanText(text, run)
	w := strings.ToLower(s)
	if len(run) == 1 {
		if d.calendarWord(w) || (run[0].upper && labels.Has(w)) || w == "i" {
			return
		}
		if compoundAdjective(s) {
			return // "Quistland-based", "al-Quist-linked": a modifier
		}
		if utf8.RuneCountInString(s) < 2 {
			return
		}
	}
	m := mention{start: run[0].start, end: run[len(run)-1].wordEnd(), text: s, sent: si, initial: initial,
		titleLine: title, place: place, roles: roles, tokens: len(run), acronym: len(run) == 1 && (run[0].upper || run[0].poss > 0 && upperWord(run[0].word(text)))}
	m.key = nameKey(s)
	if p, ok := gazetteer.Demonym(s); ok {
		m.demonym, m.key, m.place = true, gazetteer.Key(p), p
	}
	d.mentions = append(d.mentions, m)
}

// nameKey folds a name for merging: accents, case, dots and middle
// initials go ("Donald J. Trump" → "donald trump").
func nameKey(s string) string {
	k := gazetteer.Key(s)
	var fb [8]string
	f := appendFields(fb[:0], k)
	if len(f) > 2 {
		out := f[:0]
		for i, w := range f {
			if i > 0 && i < len(f)-1 && utf8.RuneCountInString(w) == 1 {
				continue
			}
			out = append(out, w)
		}
		f = out
	}
	return strings.Join(f, " ")
}

// findAcronyms records "Long Name (ACR)" and "ACR (Long Name)" pairs.
func (d *doc) findAcronyms() map[string]string {
	pairs := map[string]string{} // key of one form → key of the other
	for i := range d.mentions {
		m := d.mentions[i]
		rest := d.text[m.end:]
		rest = strings.TrimLeft(rest, " ")
		if !strings.HasPrefix(rest, "(") {
			continue
		}
		close := strings.IndexByte(rest, ')')
		if close < 2 || close > 60 {
			continue
		}
		inner := strings.TrimSpace(rest[1:close])
		// "(CTSB, por sus siglas en inglés)": the acronym ends at a comma
		if c := strings.IndexAny(inner, ",;"); c > 0 {
			inner = strings.TrimSpace(inner[:c])
		}
		for j := i + 1; j < len(d.mentions) && j < i+3; j++ {
			if d.mentions[j].text == inner {
				a, b := m, d.mentions[j]
				if a.tokens > 1 && b.tokens == 1 && abbreviates(b.text, a.text) || a.tokens == 1 && b.tokens > 1 && abbreviates(a.text, b.text) {
					pairs[a.key] = b.key
					pairs[b.key] = a.key
				}
			}
		}
	}
	return pairs
}

// abbreviates: short can stand for long — it holds two capitals or more
// and starts as one of long's words does ("Andre Agassi (U.S.)" and "Lila
// Osterloh (Russia)" are a name and where its bearer is from).
func abbreviates(short, long string) bool {
	caps := 0
	for _, r := range short {
		if unicode.IsUpper(r) {
			caps++
		}
	}
	if caps < 2 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(short)
	for _, w := range strings.Fields(long) {
		if r, _ := utf8.DecodeRuneInString(w); r == first {
			return true
		}
	}
	return false
}

// resolveEntities filters weak mentions and merges the rest into entities.
func (d *doc) resolveEntities() {
	// a nationality word that is the last word of a full name the article
	// uses is that person's surname: "Mark Cuban" … "Cuban said"
	surnames := map[string]bool{}
	var fb [8]string // the words of one name at a time, on the stack
	for _, m := range d.mentions {
		if f := appendFields(fb[:0], m.text); len(f) >= 2 && !m.demonym && gazetteer.GivenName(f[0]) {
			surnames[f[len(f)-1]] = true
		}
	}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.demonym && m.tokens == 1 && surnames[m.text] {
			m.demonym, m.key, m.place = false, nameKey(m.text), ""
		}
	}
	// words the article also uses in lower case are ordinary words; only
	// single-word names need the check
	lower := map[string]bool{}
	for _, m := range d.mentions {
		if m.tokens == 1 {
			lower[strings.ToLower(m.text)] = false
		}
	}
	for si := range d.sents {
		toks := d.sentTokens(si)
		for _, t := range toks {
			if t.kind == tWord && !t.cap && !articleName(t.low, t.text(d.text)) {
				if _, ok := lower[t.low]; ok {
					lower[t.low] = true
				}
			}
		}
	}
	confirmed := map[string]bool{} // keys seen in ordinary (non-initial, non-title) position
	for _, m := range d.mentions {
		if !m.initial && !m.titleLine {
			confirmed[m.key] = true
		}
		// the surname of a full name is confirmed by the full name
		if f := appendFields(fb[:0], m.key); len(f) >= 2 && !m.titleLine && (m.typ == parallax.Person || looksPerson(m.text)) {
			confirmed[f[len(f)-1]] = true
		}
	}
	keys := map[string]bool{}
	for _, m := range d.mentions {
		keys[m.key] = true
	}
	pairs := d.findAcronyms()
	kept := d.mentions[:0]
	for _, m := range d.mentions {
		if m.learned || m.team {
			kept = append(kept, m)
			continue
		}
		_, inGaz := gazetteer.Lookup(m.text)
		known := inGaz || m.demonym || confirmed[m.key] && !m.titleLine || pairs[m.key] != "" || m.initial && d.datelineTown(&m)
		switch {
		case m.titleLine && !(confirmed[m.key] || inGaz || m.demonym):
			continue
		case m.tokens > 1 && isAllUpper(m.text) && holdsOpener(m.text):
			continue // a kicker in capitals that holds function words ("SEE THE VIDEO"), not a name
		case m.initial && m.tokens == 1 && !known && !(m.acronym && !m.titleLine && !d.inCapitals(m.sent)) && !d.initialName(&m) && !d.esInitialName(&m):
			continue // a capitalised word that only starts the sentence; an acronym is a name wherever it stands
		case m.tokens == 1 && !inGaz && !m.demonym && !m.acronym && lower[strings.ToLower(m.text)]:
			continue
		case m.tokens == 1 && joinsTwoNames(m.key, keys):
			continue // "Trump-Bukele alliance": both names stand on their own
		}
		kept = append(kept, m)
	}
	d.mentions = kept

	// person full names, for surname aliases
	byKey := map[string]int{}
	addEnt := func(mi int, key string) {
		m := &d.mentions[mi]
		if ei, ok := byKey[key]; ok {
			e := &d.ents[ei]
			e.forms[m.text] = true
			e.mentions = append(e.mentions, mi)
			e.roles = appendUnique(e.roles, m.roles...)
			e.vehicle = e.vehicle || m.vehicle
			e.located = e.located || m.located
			if e.place == "" {
				e.place = m.place
			}
			if e.typ == "" && !m.learned {
				e.typ = m.typ
			}
			m.entity = ei
			return
		}
		typ := m.typ
		if m.learned {
			typ = "" // the tagger's types vote below
		}
		d.ents = append(d.ents, ent{name: m.text, typ: typ, forms: map[string]bool{m.text: true},
			roles: append([]string(nil), m.roles...), mentions: []int{mi}, place: m.place, vehicle: m.vehicle, located: m.located})
		byKey[key] = len(d.ents) - 1
		m.entity = len(d.ents) - 1
	}
	canon := func(m *mention) string {
		if m.demonym {
			return m.key
		}
		if p, ok := gazetteer.Lookup(m.text); ok {
			return gazetteer.Key(p.Name)
		}
		if other, ok := pairs[m.key]; ok && m.tokens > 1 {
			return other // the acronym names the group
		}
		return m.key
	}
	// longest names first so that surnames find their full name
	order := make([]int, len(d.mentions))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return d.mentions[order[a]].tokens > d.mentions[order[b]].tokens })
	lastNames := map[string][]string{} // surname key → full-name keys
	surnameUsed := map[string]bool{}   // single words used alone as names
	for _, m := range d.mentions {
		if m.tokens == 1 {
			surnameUsed[m.key] = true
		}
	}
	for _, mi := range order {
		m := &d.mentions[mi]
		key := canon(m)
		if _, ok := byKey[key]; !ok && m.tokens <= 2 && !m.demonym {
			if fulls := lastNames[key]; len(fulls) >= 1 {
				key = pickFull(fulls)
			}
		}
		addEnt(mi, key)
		// a place named alone is no surname of a name that ends in it
		// ("Gobierno de Navarra", "Caixa Galicia" … "Navarra", "Galicia"),
		// unless the name is a person's by its type or its given name
		_, lastPlace := gazetteer.Lookup(lastWord(m.key))
		if m.tokens >= 2 && (m.typ == parallax.Person || looksPerson(m.text) && (gazetteer.GivenName(firstWord(m.text)) || surnameUsed[lastWord(m.key)] && !lastPlace)) {
			f := strings.Fields(m.key)
			for n := 1; n <= 2 && n < len(f); n++ {
				if n == 1 && lastPlace && ofWords.Has(f[len(f)-2]) {
					continue // "Estatuto de Navarra": the place the name is of
				}
				sur := strings.Join(f[len(f)-n:], " ")
				lastNames[sur] = appendUnique(lastNames[sur], key)
			}
		}
	}
	// types and canonical names
	for i := range d.ents {
		e := &d.ents[i]
		e.name = canonicalName(e, d.lang)
		if e.typ == "" {
			e.typ = d.learnedOrGuessed(e)
		}
		if e.typ == parallax.Facility && (d.lang == "en" || d.lang == "") && wordnetBody(e) {
			e.typ = parallax.Organization
		}
	}
}

// wordnetBody: a form of the entity is a name of several words WordNet
// knows whose first sense is a group: a building that stands for the body
// in it ("White House", "House of Commons") names the body.
func wordnetBody(e *ent) bool {
	for f := range e.forms {
		if c, ok := lang.NounClassesExact(f); ok && len(c) > 0 && c[0] == "group" && f != strings.ToLower(f) && strings.Contains(f, " ") {
			return true
		}
	}
	return false
}

// learnedOrGuessed types an entity the rules gave no type while reading
// it: by the rules' guess when it rests on firm evidence (a place the
// gazetteer knows, an institution's head, a known given name), else by the
// most of the types the learned tagger gave its mentions in lines the
// rules cannot read, else by the guess.
func (d *doc) learnedOrGuessed(e *ent) string {
	guess := guessType(e)
	votes := map[string]int{}
	best := ""
	for _, mi := range e.mentions {
		if m := &d.mentions[mi]; m.learned && m.typ != "" {
			votes[m.typ]++
			if best == "" || votes[m.typ] > votes[best] || votes[m.typ] == votes[best] && m.typ < best {
				best = m.typ
			}
		}
	}
	if best == "" {
		return guess
	}
	if _, ok := gazetteer.Lookup(e.name); ok && guess == parallax.Place {
		return guess
	}
	f := strings.Fields(e.name)
	if guess == parallax.Person && len(f) > 1 && gazetteer.GivenName(f[0]) || strongType(e) && guess != parallax.Misc {
		return guess
	}
	return best
}

func appendUnique(list []string, vals ...string) []string {
outer:
	for _, v := range vals {
		for _, x := range list {
			if x == v {
				continue outer
			}
		}
		list = append(list, v)
	}
	return list
}

// looksPerson: two or three plain capitalised words with no institutional head.
func looksPerson(s string) bool {
	var fb [6]string
	f := appendFields(fb[:0], s)
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	if institutional(strings.ToLower(f[len(f)-1])) {
		return false
	}
	for _, w := range f {
		lw := strings.ToLower(w)
		switch {
		case personParticles.Has(lw):
			continue // particles of persons' names
		case connectors.Has(lw):
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !articleName(lw, w) || strings.ContainsAny(w, "0123456789") {
			return false
		}
		if len(w) > 1 && isAllUpper(w) && !strings.HasSuffix(w, ".") {
			return false // acronyms
		}
	}
	if _, ok := gazetteer.Lookup(s); ok {
		return false
	}
	return true
}

// canonicalName names an entity by its longest form; a country by the
// name the article itself uses when the article is not in English
// ("Giappone" in Italian), else by its English name. The English name is
// kept as an alias, so that the story lines countries up across languages.
func canonicalName(e *ent, language string) string {
	// the forms in a fixed order (longest first), so that the name does not
	// hang on the order of a map
	var buf [8]string // most names have a form or two: no allocation
	forms := buf[:0]
	for f := range e.forms {
		forms = append(forms, f)
	}
	slices.SortFunc(forms, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	country := ""
	for _, f := range forms {
		if p, ok := gazetteer.Lookup(f); ok && p.Kind == "country" && (e.typ == "" || e.typ == parallax.Place) {
			country = p.Name
		}
	}
	if country != "" {
		if language != "" && language != "en" {
			for _, f := range forms {
				if p, ok := gazetteer.Lookup(f); ok && p.Name == country && f != country && !isShout(f) {
					e.forms[country] = true
					return f
				}
			}
		}
		return country
	}
	best := ""
	for _, f := range forms {
		if isShout(f) && hasMixedForm(e) {
			continue // "WESTERHAVEN" in a dateline, "Westerhaven" elsewhere
		}
		if p, ok := gazetteer.Demonym(f); ok {
			if best == "" {
				best = p
			}
			continue
		}
		if best == "" || len(f) > len(best) || len(f) == len(best) && f < best {
			best = f
		}
	}
	if best == "" {
		best = e.name
	}
	return best
}

func guessType(e *ent) string {
	name := e.name
	if _, ok := gazetteer.Lookup(name); ok {
		return parallax.Place
	}
	for f := range e.forms {
		if _, ok := gazetteer.Demonym(f); ok && !strings.Contains(name, " ") {
			return parallax.Place
		}
	}
	f := strings.Fields(name)
	last := strings.ToLower(f[len(f)-1])
	if len(f) > 1 && isNumber(last) {
		last = strings.ToLower(f[len(f)-2]) // "Pier 4": the head is the word before the number
	}
	// "Ministry of Foreign Affairs", "Bank of Japan": the head comes before "of"
	for i := 1; i < len(f)-1; i++ {
		// "Institute for Peace Studies", "Centre for Policy Research": a
		// body or a building that serves a purpose is the body that runs it
		if lw := strings.ToLower(f[i]); lw == "for" && (orgHeads.Has(strings.ToLower(f[i-1])) || facilityHeads.Has(strings.ToLower(f[i-1]))) {
			return parallax.Organization
		}
		if lw := strings.ToLower(f[i]); lw == "of" && institutional(strings.ToLower(f[i-1])) {
			last = strings.ToLower(f[i-1])
			break
		}
	}
	switch {
	case facilityHeads.Has(last):
		return parallax.Facility
	case lawHeads.Has(last):
		return parallax.Law
	case orgHeads.Has(last) || len(f) > 1 && legalForm(f[len(f)-1]):
		return parallax.Organization
	case eventHeads.Has(last):
		return parallax.Event
	case placeHeads.Has(last):
		return parallax.Place
	case e.vehicle && len(e.roles) == 0:
		return parallax.Work
	case loneArticleName(name) && len(e.roles) == 0:
		// "al-Quds", "al-Shabaab": a person named so alone is the surname
		// of a full name the article gives and merges with it
		return parallax.Organization
	case e.located && len(e.roles) == 0 && !looksPerson(name):
		return parallax.Place
	case len(e.roles) > 0:
		return parallax.Person
	case len(f) > 1 && pluralOfPersonNoun(last):
		return parallax.Organization // "Dallas Mavericks", "Young Democrats": a team or a party
	case looksPerson(name) && (gazetteer.GivenName(f[0]) || len(f) > 2 && gazetteer.GivenName(f[1]) || len(e.forms) > 1 && hasSurnameForm(e) || arabicSurname(f)):
		return parallax.Person
	}
	if len(f) > 1 {
		if t := headType(last); t != "" {
			return t
		}
	}
	if notNameCode(name) {
		return parallax.Misc
	}
	if isAllUpper(name) && !isShout(name) && !capitalWords(name) {
		return parallax.Organization
	}
	for fm := range e.forms {
		if isAllUpper(fm) && len(fm) > 1 && !isShout(fm) && !capitalWords(fm) {
			return parallax.Organization // has an acronym
		}
	}
	return parallax.Misc
}

// pluralOfPersonNoun: "mavericks", "democrats" — a plural whose singular
// names a kind of person, as the last word of a team or party.
func pluralOfPersonNoun(w string) bool {
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	if _, listed := lang.NounClassesExact(w); listed {
		return false // "Jones", "Williams": WordNet lists the word itself
	}
	c := lang.NounClasses(w)
	return len(c) > 0 && c[0] == lang.ClassPerson
}

// headType types a name by its head noun's WordNet classes when no list
// knows the head: a body of people ("Tribunal", "Directorate") is an
// organisation, a region a place, and a plural of things ("Ferries",
// "Motors", "Airlines") the company that runs them. Only the head's most
// frequent sense counts, so "Rock" or "Roe" in a surname types nothing.
func headType(head string) string {
	c := lang.NounClasses(head)
	if len(c) == 0 {
		return ""
	}
	switch c[0] {
	case lang.ClassGroup:
		return parallax.Organization
	case lang.ClassLocation:
		return parallax.Place
	case lang.ClassArtifact, lang.ClassAct:
		if strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") {
			if _, exact := lang.NounClassesExact(head); !exact {
				return parallax.Organization // a plural: "Ferries", "Motors"
			}
		}
	}
	return ""
}

// entities converts the working entities into the domain type.
func (d *doc) entities() []parallax.Entity {
	out := make([]parallax.Entity, 0, len(d.ents))
	for _, e := range d.ents {
		pe := parallax.Entity{Name: e.name, Type: e.typ, Roles: e.roles}
		for f := range e.forms {
			if f != e.name {
				pe.Aliases = append(pe.Aliases, f)
			}
		}
		sort.Strings(pe.Aliases)
		for _, mi := range e.mentions {
			m := d.mentions[mi]
			pe.Mentions = append(pe.Mentions, parallax.Span{Start: m.start, End: m.end})
		}
		sort.Slice(pe.Mentions, func(a, b int) bool { return pe.Mentions[a].Start < pe.Mentions[b].Start })
		out = append(out, pe)
	}
	return out
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	return s
}

func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// hasSurnameForm: the entity is also named by its last word alone ("Bukele").
func hasSurnameForm(e *ent) bool {
	last := nameKey(lastWord(e.name))
	for f := range e.forms {
		if nameKey(f) == last {
			return true
		}
	}
	return false
}

func joinsTwoNames(key string, keys map[string]bool) bool {
	var fb [3]string
	parts := appendFields(fb[:0], key) // Key turns hyphens into spaces
	if len(parts) != 2 {
		return false
	}
	return keys[parts[0]] && keys[parts[1]]
}

// pickFull chooses among full names sharing a surname: one with a known
// given name, else the first seen.
func pickFull(fulls []string) string {
	for _, f := range fulls {
		if gazetteer.GivenName(firstWord(f)) {
			return f
		}
	}
	return fulls[0]
}

// lowWord is the token's word in lower case, without a possessive.
func lowWord(t token, text string) string {
	if t.poss > 0 {
		return t.low[:int(t.poss)-t.start]
	}
	return t.low
}

// isShout: a long word in capitals, a name shouted rather than an acronym.
// holdsOpener reports whether a name holds a word that only starts
// sentences (a function word or sentence adverb in some language).
func holdsOpener(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if startWords.Has(w) || labels.Has(w) {
			return true
		}
	}
	return false
}

func isShout(s string) bool {
	return len(s) >= 6 && isAllUpper(s) && !strings.ContainsAny(s, ". ")
}

func hasMixedForm(e *ent) bool {
	for f := range e.forms {
		if !isAllUpper(f) {
			return true
		}
	}
	return false
}

// promoteSpeakers types as persons the names quoted as speakers that look
// like a person's name ("according to Priya Nandakumar").
func (d *doc) promoteSpeakers(quotes []parallax.Quote) {
	for _, q := range quotes {
		if q.Speaker == "" {
			continue
		}
		for i := range d.ents {
			e := &d.ents[i]
			if e.name == q.Speaker && e.typ == parallax.Misc && looksPerson(e.name) {
				e.typ = parallax.Person
			}
		}
	}
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// orgHeadIn: some word of run is an organisation's head ("Airlines").
func orgHeadIn(run []token, text string) bool {
	for _, t := range run {
		if headType(strings.ToLower(t.word(text))) == parallax.Organization {
			return true
		}
	}
	return false
}

// legalForm: w, as written, is a company's legal form ("AG", "Oyj",
// "S.A."); in lower case it is an ordinary word.
func legalForm(w string) bool {
	low := strings.ToLower(w)
	return low != w && legalForms.Has(low)
}

// capitalWords: a name in capitals made of ordinary words ("WHEAT",
// "PROFIT VS LOSS", a headline's words), not an acronym. Words of three
// letters or fewer may be acronyms ("ABC", "WHO") unless they are function
// words among others.
func capitalWords(name string) bool {
	f := strings.Fields(name)
	for _, w := range f {
		if !(len(f) > 1 && lang.Stopword(strings.ToLower(w)) || utf8.RuneCountInString(w) >= 4 && ner.Common(w)) {
			return false
		}
	}
	return true
}

// isAllUpper reports whether strings.ToUpper(s) == s without building the
// upper-case copy: no rune changes under unicode.ToUpper and no byte is
// invalid UTF-8 (which ToUpper would replace).
func isAllUpper(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.ToUpper(r) != r {
			return false
		}
		i += n
	}
	return true
}

// upperRun: three words or more, every one in capitals (two are often
// acronyms that open a name: "PT VDH Quistama").
func upperRun(run []token) bool {
	if len(run) < 3 {
		return false
	}
	for _, t := range run {
		if t.kind != tWord || !t.upper {
			return false
		}
	}
	return true
}

// hasLower: w has a lower-case letter.
func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}
