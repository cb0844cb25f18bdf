package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// featureVersion changes whenever the features change; a model trained with
// another version is refused at load.
const featureVersion = 5

// Feature templates. Their numbers are part of the model: append, never reorder.
const (
	fBias = iota + 1
	fW0
	fWm1
	fWp1
	fWm2
	fWp2
	fS0
	fSm1
	fSp1
	fSm2
	fSp2
	fSm1S0
	fS0Sp1
	fWm1W0
	fW0Wp1
	fSuf2
	fSuf3
	fSuf4
	fPre2
	fPre3
	fP1
	fP2P1
	fP1W0
	fP1S0
	fLex0
	fLexM1
	fLexP1
	fNoun0
	fNounM1
	fNounP1
	fProper0
	fGaz
	fRunHead
	fRunHeadNoun
	fRunPrev
	fRunPrevNoun
	fRunNext
	fRunPos
	fHeadlineS0
	fInitCommon
	fP1Lex0
	fRunHeadSuf3
	fNounM2
	fLenRun
	fCapClass
	fCapClassWp1
	fWm1CapClass
)

// connectors may join capitalised words inside one name ("Bank of England").
var connectors = map[string]bool{"of": true, "and": true, "&": true, "for": true, "the": true, "de": true,
	"del": true, "la": true, "van": true, "von": true, "der": true, "du": true, "di": true, "da": true, "y": true}

// sentence holds what the features need of each token, computed once.
type sentence struct {
	m        *lexTable // the lexicon
	n        int
	low      []string // lower case, curly apostrophes straightened
	wh       []uint64 // hash of the word feature form (lower case, digits as 0)
	sh       []uint64 // hash of the short shape
	suf2     []uint64
	suf3     []uint64
	suf4     []uint64
	pre2     []uint64
	pre3     []uint64
	lex      []uint32
	cap      []bool // starts with an upper-case letter
	upper    []bool // all in capitals, two letters or more
	common   []bool // an ordinary lower-case word
	plain    []bool // holds no upper-case letter
	gaz      []uint8
	runStart []int32 // capitalised run containing the token, or -1
	runEnd   []int32 // exclusive
	runHead  []int32 // last capitalised token of the run
	headline bool    // most words in capitals: a heading
	firstAlp int     // index of the first token with a letter
}

const (
	padL = 0x5a5a01
	padR = 0x5a5a02
)

func (s *sentence) reset(n int) {
	s.n = n
	grow := func(x []uint64) []uint64 {
		if cap(x) < n {
			return make([]uint64, n)
		}
		return x[:n]
	}
	s.wh, s.sh = grow(s.wh), grow(s.sh)
	s.suf2, s.suf3, s.suf4, s.pre2, s.pre3 = grow(s.suf2), grow(s.suf3), grow(s.suf4), grow(s.pre2), grow(s.pre3)
	if cap(s.low) < n {
		s.low = make([]string, n)
		s.lex = make([]uint32, n)
		s.cap = make([]bool, n)
		s.upper = make([]bool, n)
		s.common = make([]bool, n)
		s.plain = make([]bool, n)
		s.gaz = make([]uint8, n)
		s.runStart = make([]int32, n)
		s.runEnd = make([]int32, n)
		s.runHead = make([]int32, n)
	}
	s.low, s.lex, s.cap, s.common, s.gaz = s.low[:n], s.lex[:n], s.cap[:n], s.common[:n], s.gaz[:n]
	s.upper, s.plain = s.upper[:n], s.plain[:n]
	s.runStart, s.runEnd, s.runHead = s.runStart[:n], s.runEnd[:n], s.runHead[:n]
}

// load computes the per-token values for words.
func (s *sentence) load(words []string, lex *lexTable) {
	s.reset(len(words))
	s.m = lex
	var buf []byte
	upperTok, letterTok := 0, 0
	s.firstAlp = -1
	for i, w := range words {
		low := fold(w)
		s.low[i] = low
		buf = buf[:0]
		for _, r := range low {
			if r >= '0' && r <= '9' {
				r = '0'
			}
			buf = utf8.AppendRune(buf, r)
		}
		s.wh[i] = hstr(string(buf))
		buf = shape(buf[:0], w)
		s.sh[i] = hstr(string(buf))
		s.suf2[i], s.suf3[i], s.suf4[i] = hstr(suffix(low, 2)), hstr(suffix(low, 3)), hstr(suffix(low, 4))
		s.pre2[i], s.pre3[i] = hstr(prefix(low, 2)), hstr(prefix(low, 3))
		s.lex[i] = lex.get(hstr(low))
		if s.lex[i] == 0 && strings.Contains(low, ".") && len(low) > 2 {
			s.lex[i] = lex.get(hstr(strings.ReplaceAll(low, ".", ""))) // "U.N." → "un"
		}
		r, _ := utf8.DecodeRuneInString(w)
		s.cap[i] = unicode.IsUpper(r)
		s.plain[i] = low == w && !s.cap[i]
		s.common[i] = s.lex[i]&lexCommon != 0
		s.gaz[i] = 0
		s.upper[i] = false
		if hasLetter(w) {
			letterTok++
			if s.firstAlp < 0 {
				s.firstAlp = i
			}
			if noLower(w) && utf8.RuneCountInString(w) > 1 {
				upperTok++
				s.upper[i] = true
			}
		}
	}
	s.headline = letterTok >= 3 && upperTok*10 >= letterTok*6

	// Longest gazetteer phrase (2 to 4 words) starting at each capitalised word.
	for i := 0; i < s.n; i++ {
		if !s.cap[i] {
			continue
		}
		h := hstr(s.low[i])
		best, bestBits := 0, uint32(0)
		for j := i + 1; j < s.n && j < i+4; j++ {
			h = hmore(h, ' ', s.low[j])
			if !s.cap[j] {
				continue // a phrase ends on a capitalised word: look up only those
			}
			if b := lex.get(h) & (lexNameBits | 0x3f<<lexProperShift); b != 0 {
				best, bestBits = j, b
			}
		}
		if best > 0 {
			c := gazClass(bestBits)
			s.gaz[i] = c<<1 | 1
			for j := i + 1; j <= best; j++ {
				s.gaz[j] = c << 1
			}
			i = best
		}
	}

	// Capitalised runs, allowing connectors between capitalised words.
	for i := 0; i < s.n; {
		if !s.cap[i] {
			s.runStart[i], s.runEnd[i], s.runHead[i] = -1, -1, -1
			i++
			continue
		}
		j, head := i+1, i
		for j < s.n {
			if s.cap[j] {
				head = j
				j++
				continue
			}
			if connectors[s.low[j]] && j+1 < s.n && s.cap[j+1] {
				j++
				continue
			}
			break
		}
		end := head + 1
		for k := i; k < j; k++ {
			if k < end {
				s.runStart[k], s.runEnd[k], s.runHead[k] = int32(i), int32(end), int32(head)
			} else {
				s.runStart[k], s.runEnd[k], s.runHead[k] = -1, -1, -1
			}
		}
		i = j
	}
}

// gazClass sorts a phrase match: instances and gazetteer places first, then
// WordNet's capitalised common nouns by file ("United Nations": noun.group).
func gazClass(b uint32) uint8 {
	switch {
	case b&(lexCountry|lexRegion|lexInstLOC) != 0:
		return 1
	case b&lexInstORG != 0:
		return 2
	case b&lexInstPER != 0:
		return 3
	case b&lexInstOther != 0:
		return 4
	}
	switch lexFiles[(b>>lexProperShift&0x3f)-1] {
	case "noun.group":
		return 5
	case "noun.location":
		return 6
	case "noun.person":
		return 7
	}
	return 8
}

// static appends the features of token i that do not depend on tags.
func (s *sentence) static(fs []uint64, i int) []uint64 {
	w := func(k int) uint64 {
		if k < 0 {
			return padL
		}
		if k >= s.n {
			return padR
		}
		return s.wh[k]
	}
	sh := func(k int) uint64 {
		if k < 0 {
			return padL
		}
		if k >= s.n {
			return padR
		}
		return s.sh[k]
	}
	t := func(id int) uint64 { return uint64(id) }
	fs = append(fs, mix(t(fW0), s.wh[i]),
		mix(mix(t(fWm1W0), w(i-1)), s.wh[i]),
		mix(mix(t(fW0Wp1), s.wh[i]), w(i+1)))
	fs = append(fs,
		mix(t(fBias), 0),
		mix(t(fWm1), w(i-1)),
		mix(t(fWp1), w(i+1)),
		mix(t(fWm2), w(i-2)),
		mix(t(fWp2), w(i+2)),
		mix(t(fS0), s.sh[i]),
		mix(t(fSm1), sh(i-1)),
		mix(t(fSp1), sh(i+1)),
		mix(t(fSm2), sh(i-2)),
		mix(t(fSp2), sh(i+2)),
		mix(mix(t(fSm1S0), sh(i-1)), s.sh[i]),
		mix(mix(t(fS0Sp1), s.sh[i]), sh(i+1)),
		// Affixes mean different things on capitalised words ("United" is no past tense).
		mix(mix(t(fSuf2), s.suf2[i]), boolHash(s.cap[i])),
		mix(mix(t(fSuf3), s.suf3[i]), boolHash(s.cap[i])),
		mix(mix(t(fSuf4), s.suf4[i]), boolHash(s.cap[i])),
		mix(mix(t(fPre2), s.pre2[i]), boolHash(s.cap[i])),
		mix(mix(t(fPre3), s.pre3[i]), boolHash(s.cap[i])),
	)
	fs = s.lexFeatures(fs, fLex0, i)
	if i > 0 {
		fs = s.lexFeatures(fs, fLexM1, i-1)
		fs = append(fs, mix(t(fNounM1), uint64(s.lex[i-1]&lexNounMask)))
	}
	if i > 1 {
		fs = append(fs, mix(t(fNounM2), uint64(s.lex[i-2]&lexNounMask)))
	}
	if i+1 < s.n {
		fs = s.lexFeatures(fs, fLexP1, i+1)
		fs = append(fs, mix(t(fNounP1), uint64(s.lex[i+1]&lexNounMask)))
	}
	fs = append(fs, mix(t(fNoun0), uint64(s.lex[i]&lexNounMask)),
		mix(t(fProper0), uint64(s.lex[i]>>lexProperShift&0x3f)))
	if s.gaz[i] != 0 {
		fs = append(fs, mix(t(fGaz), uint64(s.gaz[i])))
	}
	if r := s.runStart[i]; r >= 0 {
		head, end := int(s.runHead[i]), int(s.runEnd[i])
		pos := uint64(0)
		if int(r) == i {
			pos = 1
		}
		if head == i {
			pos |= 2
		}
		n := end - int(r)
		if n > 4 {
			n = 4
		}
		fs = append(fs,
			mix(t(fRunHead), s.wh[head]),
			mix(t(fRunHeadNoun), uint64(s.lex[head]&lexNounMask)),
			mix(t(fRunHeadSuf3), s.suf3[head]),
			mix(t(fRunPrev), w(int(r)-1)),
			mix(t(fRunNext), w(end)),
			mix(t(fRunPos), pos),
			mix(t(fLenRun), uint64(n)),
		)
		if r > 0 {
			fs = append(fs, mix(t(fRunPrevNoun), uint64(s.lex[r-1]&lexNounMask)))
		}
	}
	if s.headline {
		fs = append(fs, mix(t(fHeadlineS0), s.sh[i]))
	}
	cc := s.capClass(i)
	fs = append(fs, mix(t(fCapClass), cc), mix(mix(t(fCapClassWp1), cc), w(i+1)), mix(mix(t(fWm1CapClass), w(i-1)), cc))
	if i == s.firstAlp && s.common[i] {
		fs = append(fs, mix(t(fInitCommon), 1))
	}
	return fs
}

// capClass sums up how a token looks: capitalised, an ordinary word,
// first in the sentence, in capitals, known to the gazetteers.
func (s *sentence) capClass(i int) uint64 {
	var c uint64
	if s.cap[i] {
		c |= 1
	}
	if s.common[i] {
		c |= 2
	}
	if i == s.firstAlp {
		c |= 4
	}
	if s.upper[i] {
		c |= 8
	}
	if s.lex[i]&(lexNameBits|lexGiven) != 0 || s.gaz[i] != 0 {
		c |= 16
	}
	return c
}

// lexFeatures adds one feature per class bit of token k.
func (s *sentence) lexFeatures(fs []uint64, id, k int) []uint64 {
	b := s.lex[k] &^ (lexNounMask | 0x3f<<lexProperShift)
	for b != 0 {
		bit := b & -b
		fs = append(fs, mix(mix(uint64(id), uint64(bit)), boolHash(s.cap[k])))
		b &^= bit
	}
	return fs
}

func boolHash(b bool) uint64 {
	if b {
		return 2
	}
	return 1
}

// dynamic appends the features of token i that read the previous tags.
func (s *sentence) dynamic(fs []uint64, i int, p1, p2 int) []uint64 {
	t1, t2 := uint64(p1+1), uint64(p2+1)
	fs = append(fs, mix(mix(fP1W0, t1), s.wh[i]))
	return append(fs,
		mix(fP1, t1),
		mix(mix(fP2P1, t2), t1),
		mix(mix(fP1S0, t1), s.sh[i]),
		mix(mix(fP1Lex0, t1), uint64(s.lex[i]&^(lexNounMask|0x3f<<lexProperShift))),
	)
}

// fold lower-cases w and straightens curly apostrophes.
// noLower: w holds no lower-case letter (strings.ToUpper(w) == w without
// the allocation).
func noLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func fold(w string) string {
	if strings.ContainsRune(w, '’') {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return strings.ToLower(w)
}

// shape maps letters to X/x, digits to d and keeps other characters,
// collapsing runs of one class ("McDonald's" → "XxXx'x").
func shape(buf []byte, w string) []byte {
	var last rune = -1
	n := 0
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			continue
		}
		last = c
		buf = utf8.AppendRune(buf, c)
		n++
		if n >= 8 {
			break
		}
	}
	return buf
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[i:]
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[:i]
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Typer feature templates (numbered apart from the segmenter's).
const (
	tBias = iota + 200
	tWord
	tFirst
	tHead
	tHeadSuf3
	tHeadNoun
	tHeadProper
	tWhole
	tWholeLex
	tWholeProper
	tShape
	tLen
	tWm1
	tWm2
	tWp1
	tWp2
	tWm2Wm1
	tWp1Wp2
	tNounM1
	tNounP1
	tInitial
	tGaz
	tLexBag
	tSuf3Bag
	tFirstCap
	tHeadCap
	tConnector
	tNounM2
	tRoleFirst
	tRoleHead
)

// spanFeatures appends the typer's features for the name on tokens [a, b).
func (s *sentence) spanFeatures(fs []uint64, a, b int) []uint64 {
	w := func(k int) uint64 {
		if k < 0 {
			return padL
		}
		if k >= s.n {
			return padR
		}
		return s.wh[k]
	}
	noun := func(k int) uint64 {
		if k < 0 || k >= s.n {
			return 0x3f
		}
		return uint64(s.lex[k] & lexNounMask)
	}
	h := b - 1
	whole, shp := uint64(fnvOffset), uint64(fnvOffset)
	phrase := hstr(s.low[a])
	for k := a; k < b; k++ {
		whole = mix(whole, s.wh[k])
		if k-a < 4 {
			shp = mix(shp, s.sh[k])
		}
		if k > a {
			phrase = hmore(phrase, ' ', s.low[k])
		}
		fs = append(fs, mix(tWord, s.wh[k]), mix(tSuf3Bag, s.suf3[k]))
		if connectors[s.low[k]] {
			fs = append(fs, mix(tConnector, s.wh[k]))
		}
		bits := s.lex[k] &^ (lexNounMask | 0x3f<<lexProperShift)
		for bits != 0 {
			bit := bits & -bits
			fs = append(fs, mix(tLexBag, uint64(bit)))
			bits &^= bit
		}
	}
	n := b - a
	if n > 5 {
		n = 5
	}
	wl := s.m.get(phrase)
	if b-a == 1 {
		wl = s.lex[a]
	}
	fs = append(fs, mix(tFirst, s.wh[a]), mix(tHead, s.wh[h]), mix(tWhole, whole))
	fs = append(fs,
		mix(tBias, 0),
		mix(tHeadSuf3, s.suf3[h]),
		mix(tHeadNoun, uint64(s.lex[h]&lexNounMask)),
		mix(tHeadProper, uint64(s.lex[h]>>lexProperShift&0x3f)),
		mix(tWholeProper, uint64(wl>>lexProperShift&0x3f)),
		mix(tShape, shp),
		mix(tLen, uint64(n)),
		mix(tWm1, w(a-1)),
		mix(tWm2, w(a-2)),
		mix(tWp1, w(b)),
		mix(tWp2, w(b+1)),
		mix(mix(tWm2Wm1, w(a-2)), w(a-1)),
		mix(mix(tWp1Wp2, w(b)), w(b+1)),
		mix(tNounM1, noun(a-1)),
		mix(tNounM2, noun(a-2)),
		mix(tNounP1, noun(b)),
		mix(tGaz, uint64(s.gaz[a])),
		mix(tFirstCap, s.capClass(a)),
		mix(tHeadCap, s.capClass(h)),
	)
	bits := wl &^ (lexNounMask | 0x3f<<lexProperShift)
	for bits != 0 {
		bit := bits & -bits
		fs = append(fs, mix(tWholeLex, uint64(bit)))
		bits &^= bit
	}
	if a == s.firstAlp {
		fs = append(fs, mix(tInitial, 1))
	}
	// The segmenter's view of the first and the last word, marked by role.
	k := len(fs)
	fs = s.static(fs, a)
	for j := k; j < len(fs); j++ {
		fs[j] = mix(tRoleFirst, fs[j])
	}
	if h != a {
		k = len(fs)
		fs = s.static(fs, h)
		for j := k; j < len(fs); j++ {
			fs[j] = mix(tRoleHead, fs[j])
		}
	}
	return fs
}

// nounPerson is 1 + the number of WordNet's noun.person file.
const nounPerson = 19

// afterTitles returns where a person's name starts in tokens [a, b): after
// any leading lower-case connector ("of") and after the last title before
// the final word (a capitalised ordinary noun whose most frequent sense is a
// person, "President", "Minister", or an abbreviation such as "Mr." or
// "Gen."), titles being no part of a name. The last word always stays:
// "Smith" and "Cook" are person nouns too.
func (s *sentence) afterTitles(a, b int) int {
	for a < b-1 && !s.cap[a] && connectors[s.low[a]] {
		a++
	}
	last := -1
	for k := a; k < b; k++ {
		if s.isTitle(k) && k < b-1 {
			last = k
		}
	}
	if last >= 0 {
		a = last + 1
	}
	return a
}

func (s *sentence) isTitle(k int) bool {
	if s.common[k] && s.lex[k]&lexNounMask == nounPerson && s.lex[k]&lexGiven == 0 { // not "Dean", "Sally"
		return true
	}
	w := s.low[k]
	return len(w) >= 3 && len(w) <= 5 && w[len(w)-1] == '.' && !strings.Contains(w[:len(w)-1], ".") && s.cap[k]
}
