package evalcorpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// CoNLL2002Files are the Spanish files of CoNLL-2002 that are scored: the
// training and development parts (esp.testb, the test part, is never read).
var CoNLL2002Files = []string{"esp.train", "esp.testa"}

// LoadCoNLL2002 reads the Spanish part of CoNLL-2002 (EFE newswire of May
// 2000; token, optional tag columns, IOB2 tag last, blank lines between
// sentences) from dir. The Spanish files mark no article boundaries, so,
// as for GMB, the analyser sees runs of GMBDocSentences sentences. every
// keeps every n-th run.
func LoadCoNLL2002(dir string, every int) ([]NERDoc, error) {
	var out []NERDoc
	for _, name := range CoNLL2002Files {
		path := filepath.Join(dir, name)
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("conll2002: %w", err)
		}
		docs, err := readCoNLL(bytes.NewReader(latin1ToUTF8(raw)), path)
		if err != nil {
			return nil, err
		}
		var sents []sentence
		for _, d := range docs {
			sents = append(sents, d...)
		}
		if len(sents) == 0 {
			return nil, fmt.Errorf("conll2002 %s: no sentences", path)
		}
		for i, k := 0, 0; i < len(sents); i, k = i+GMBDocSentences, k+1 {
			if every > 1 && k%every != 0 {
				continue
			}
			j := min(i+GMBDocSentences, len(sents))
			d, err := buildNERDoc(fmt.Sprintf("%s#s%d-%d", name, i+1, j), sents[i:j])
			if err != nil {
				return nil, fmt.Errorf("conll2002 %s sentences %d-%d: %w", path, i+1, j, err)
			}
			out = append(out, *d)
		}
	}
	return out, nil
}

// latin1ToUTF8 returns b unchanged when it is UTF-8 and otherwise reads it
// as ISO-8859-1, the encoding the CoNLL-2002 distribution ships its
// Spanish files in (some copies are converted to UTF-8 first).
func latin1ToUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/16)
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return []byte(sb.String())
}
