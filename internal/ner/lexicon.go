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
	lexMap  map[uint64]uint32
	lexErr  error
)

func lexicon() (map[uint64]uint32, error) {
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
		lexMap = m
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
	c := lex[hstr(fold(word))] & lexNounMask
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
	c := lex[hstr(fold(word))] >> lexProperShift & 0x3f
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
	return lex[hstr(fold(word))]&lexCommon != 0
}
