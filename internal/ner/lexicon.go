package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./gen

// lexicon.tsv.gz maps folded words and phrases to word classes (see gen/main.go
// for the bit layout and the sources).
//
//go:embed lexicon.tsv.gz
var lexiconGz []byte

// Bits of a lexicon entry (kept in step with gen/main.go).
const (
	lexNounMask    = 0x3f // 1 + WordNet file of the first lower-case noun sense
	lexCommon      = 1 << 6
	lexInstPER     = 1 << 7
	lexInstLOC     = 1 << 8
	lexInstORG     = 1 << 9
	lexInstOther   = 1 << 10
	lexGiven       = 1 << 11
	lexCountry     = 1 << 12
	lexRegion      = 1 << 13
	lexProperShift = 14 // 6 bits: 1 + file of the first capitalised noun sense
	lexVerbCommon  = 1 << 20

	lexNameBits = lexInstPER | lexInstLOC | lexInstORG | lexInstOther | lexCountry | lexRegion
)

var (
	lexOnce sync.Once
	lexMap  *lexTable
	lexErr  error
)

// lexTable is the lexicon as an open-addressing array of key and value
// pairs: a lookup, done for every word the tagger reads, touches one cache
// line where a Go map touches its control word and then its slot.
type lexTable struct {
	slots []lexSlot
	mask  uint64
	zero  uint32 // the value of key 0, which marks an empty slot
}

type lexSlot struct {
	key uint64
	val uint32
}

func newLexTable(m map[uint64]uint32) *lexTable {
	size := 1
	for size < 2*len(m) {
		size <<= 1
	}
	t := &lexTable{slots: make([]lexSlot, size), mask: uint64(size - 1)}
	for k, v := range m {
		if k == 0 {
			t.zero = v
			continue
		}
		i := k & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = lexSlot{k, v}
	}
	return t
}

// get returns the bits of the entry hashed h, or 0 when there is none.
func (t *lexTable) get(h uint64) uint32 {
	if h == 0 {
		return t.zero
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if sl.key == h {
			return sl.val
		}
		if sl.key == 0 {
			return 0
		}
	}
}

func lexicon() (*lexTable, error) {
	lexOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(lexiconGz))
		if err != nil {
			lexErr = err
			return
		}
		m := make(map[uint64]uint32, 160000)
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			k, v, ok := strings.Cut(line, "\t")
			if !ok {
				continue
			}
			bits, err := strconv.ParseUint(v, 16, 32)
			if err != nil {
				lexErr = err
				return
			}
			m[hstr(k)] = uint32(bits)
		}
		lexErr = sc.Err()
		lexMap = newLexTable(m)
	})
	return lexMap, lexErr
}

// NounClass returns the WordNet lexicographer file ("noun.person",
// "noun.group", ...) of the most frequent lower-case noun sense of word, or ""
// when WordNet has none.
func NounClass(word string) string {
	lex, err := lexicon()
	if err != nil {
		return ""
	}
	c := lex.get(hstr(fold(word))) & lexNounMask
	if c == 0 || int(c-1) >= len(lexFiles) {
		return ""
	}
	return lexFiles[c-1]
}

// ProperNounClass is NounClass for the most frequent capitalised noun
// sense of word ("Swede" → "noun.person", "Calloway" → "").
func ProperNounClass(word string) string {
	lex, err := lexicon()
	if err != nil {
		return ""
	}
	c := lex.get(hstr(fold(word))) >> lexProperShift & 0x3f
	if c == 0 || int(c-1) >= len(lexFiles) {
		return ""
	}
	return lexFiles[c-1]
}

// lexFiles are WordNet's lexicographer files by number (lexnames(5WN)).
var lexFiles = []string{"adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal",
	"noun.artifact", "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event",
	"noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object", "noun.person",
	"noun.phenomenon", "noun.plant", "noun.possession", "noun.process", "noun.quantity", "noun.relation",
	"noun.shape", "noun.state", "noun.substance", "noun.time", "verb.body", "verb.change", "verb.cognition",
	"verb.communication", "verb.competition", "verb.consumption", "verb.contact", "verb.creation",
	"verb.emotion", "verb.motion", "verb.perception", "verb.possession", "verb.social", "verb.stative",
	"verb.weather", "adj.ppl"}

// Common reports whether word, lower-cased, is an ordinary word: WordNet has
// it in lower case as a noun, verb, adjective or adverb ("Similarly", "Bush"
// and "Turkey" are; "Lebed" is not).
func Common(word string) bool {
	lex, err := lexicon()
	if err != nil {
		return false
	}
	return lex.get(hstr(fold(word)))&lexCommon != 0
}
