package evalcorpus

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// GMBDocSentences is how many consecutive sentences make one GMB document.
// The public GMB-derived NER tables (the Kaggle "Annotated Corpus for Named
// Entity Recognition" and extracts of it) keep the sentences of each GMB
// text in order but drop the text boundaries, so the analyser sees runs of
// ten sentences: enough context for aliases and types, about half a VOA
// article.
const GMBDocSentences = 10

// gmbFiles are the names LoadGMB looks for in a directory.
var gmbFiles = []string{"GMB_dataset.txt", "ner_dataset.csv"}

// LoadGMB reads a GMB-derived NER table: a header naming the columns
// "Sentence #", "Word" and "Tag" (other columns ignored), one token a row,
// comma- or tab-separated, the sentence column set on (at least) the first
// row of each sentence, IOB2 tags such as B-geo. path is the file or a
// directory holding GMB_dataset.txt or ner_dataset.csv. every keeps every
// n-th document.
func LoadGMB(path string, every int) ([]NERDoc, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		found := ""
		for _, n := range gmbFiles {
			if fileExists(filepath.Join(path, n)) {
				found = filepath.Join(path, n)
				break
			}
		}
		if found == "" {
			return nil, fmt.Errorf("gmb: %s holds none of %s", path, strings.Join(gmbFiles, ", "))
		}
		path = found
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gmb: %w", err)
	}
	defer f.Close()
	sents, err := readGMB(f, path)
	if err != nil {
		return nil, err
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("gmb %s: no sentences", path)
	}
	base := filepath.Base(path)
	var out []NERDoc
	for i, k := 0, 0; i < len(sents); i, k = i+GMBDocSentences, k+1 {
		if every > 1 && k%every != 0 {
			continue
		}
		j := min(i+GMBDocSentences, len(sents))
		d, err := buildNERDoc(fmt.Sprintf("%s#s%d-%d", base, i+1, j), sents[i:j])
		if err != nil {
			return nil, fmt.Errorf("gmb %s sentences %d-%d: %w", path, i+1, j, err)
		}
		out = append(out, *d)
	}
	return out, nil
}

// readGMB reads the table into sentences.
func readGMB(r io.Reader, name string) ([]sentence, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	header, _, _ := strings.Cut(text, "\n")
	cr := csv.NewReader(strings.NewReader(text))
	if strings.Contains(header, "\t") {
		cr.Comma = '\t'
	}
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	rec, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("gmb %s: header: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range rec {
		col[strings.TrimSpace(h)] = i
	}
	sc, ok1 := col["Sentence #"]
	wc, ok2 := col["Word"]
	tc, ok3 := col["Tag"]
	if !ok1 || !ok2 || !ok3 {
		return nil, fmt.Errorf("gmb %s: header %q lacks the columns Sentence #, Word and Tag", name, header)
	}
	var out []sentence
	last := ""
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("gmb %s: %w", name, err)
		}
		if len(rec) <= max(sc, wc, tc) {
			return nil, fmt.Errorf("gmb %s:%d: %d fields, want at least %d", name, row, len(rec), max(sc, wc, tc)+1)
		}
		if id := strings.TrimSpace(rec[sc]); id != "" && id != last || len(out) == 0 {
			out = append(out, sentence{})
			last = id
		}
		s := &out[len(out)-1]
		s.Tokens = append(s.Tokens, rec[wc])
		s.Tags = append(s.Tags, strings.TrimSpace(rec[tc]))
	}
	return out, nil
}
