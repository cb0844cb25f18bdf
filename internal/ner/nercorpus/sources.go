package nercorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Source is one corpus under a root directory (PARALLAX_CORPORA), laid out
// as the train command's documentation says.
type Source struct {
	Name    string
	Licence string
	Files   []string // relative to the root
	Spec    Spec
	// Unannotated lists our types the source does not annotate (informative:
	// their names are O there).
	Unannotated []string
	// Titles: the source's person names include titles ("President X"),
	// which CoNLL's do not: strip them (StripTitles) before use.
	Titles bool
	// Optional sources are left out of training unless named (train
	// -sources): adding them measured worse.
	Optional bool
}

var conllTypes = map[string]string{"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}

// Training lists the openly licensed corpora the model may learn from.
var Training = []Source{
	{Name: "wikigold", Licence: "CC BY 4.0", Files: []string{"ner/wikigold/wikigold.conll.txt"},
		Spec: Spec{Format: Columns, Types: conllTypes}},
	{Name: "btc", Licence: "CC BY 4.0",
		Files: []string{"ner/btc/a.conll", "ner/btc/b.conll", "ner/btc/e.conll", "ner/btc/f.conll", "ner/btc/g.conll", "ner/btc/h.conll"},
		Spec:  Spec{Format: Columns, Types: conllTypes}, Unannotated: []string{"MISC"}},
	{Name: "wnut17", Licence: "CC BY 4.0",
		Files: []string{"ner/wnut17/train.conll", "ner/wnut17/dev.conll", "ner/wnut17/test.conll"},
		Spec: Spec{Format: Columns, Types: map[string]string{"person": "PER", "location": "LOC", "corporation": "ORG",
			"group": "ORG", "product": "MISC", "creative-work": "MISC"}},
		Unannotated: []string{"MISC"}},
	{Name: "sec", Licence: "CC BY 3.0", Files: []string{"ner/sec/FIN5.txt", "ner/sec/FIN3.txt"},
		Spec: Spec{Format: Columns, Types: conllTypes}},
	{Name: "gum", Licence: "annotations CC BY 4.0; texts CC BY 4.0 (academic, court), CC BY 2.5 (Wikinews news, interviews), CC BY-SA 3.0 (Wikipedia bios, Wikivoyage)",
		Files: []string{"ner/gum/*.conllu"}, Spec: Spec{Format: GUM}, Unannotated: []string{"MISC"}, Titles: true,
		// With GUM the model measured CoNLL-2003 dev typed F1 0.745 and GMB
		// 0.689; without, 0.748 and 0.706 (its names are read from mention
		// brackets and parts of speech, see gum.go, less cleanly than the others').
		Optional: true},
	{Name: "uner", Licence: "CC BY-SA 4.0 (EWT), CC BY-SA 3.0 (PUD)",
		Files: []string{"ner/uner/ewt-en_ewt-ud-dev.iob2", "ner/uner/ewt-en_ewt-ud-test.iob2", "ner/uner/pud-en_pud-ud-test.iob2"},
		Spec:  Spec{Format: Columns, Comments: true, WordCol: 1, TagCol: 2, Types: conllTypes}, Unannotated: []string{"MISC"}},
}

// GUM lists its open-licence genres; see gumFiles.
var gumGenres = []string{"academic", "bio", "court", "interview", "news", "voyage"}

// Evaluation lists the corpora the model is measured on and never trained on.
var Evaluation = []Source{
	{Name: "conll2003-dev", Licence: "Reuters RCV1: measure only", Files: []string{"conll2003/valid.txt"},
		Spec: Spec{Format: Hashes, Types: conllTypes}},
	{Name: "conll2003-train", Licence: "Reuters RCV1: measure only", Files: []string{"conll2003/train.txt"},
		Spec: Spec{Format: Hashes, Types: conllTypes}},
	{Name: "gmb", Licence: "GMB 2.2.0 NER release: measure only", Files: []string{"gmb/gmb.csv"},
		Spec: Spec{Format: GMBCSV, Types: map[string]string{"per": "PER", "org": "ORG", "geo": "LOC",
			"gpe": "MISC", "art": "MISC", "eve": "MISC", "nat": "MISC"}}, Titles: true},
}

// Load reads every file of src under root.
func (src Source) Load(root string) ([]Sentence, error) {
	var out []Sentence
	for _, f := range src.Files {
		paths, err := filepath.Glob(filepath.Join(root, f))
		if err != nil {
			return nil, fmt.Errorf("corpus %s: %w", src.Name, err)
		}
		if len(paths) == 0 {
			return nil, fmt.Errorf("corpus %s: %s: %w", src.Name, filepath.Join(root, f), os.ErrNotExist)
		}
		for _, p := range paths { // Glob sorts: a stable order
			if src.Name == "gum" && !gumOpen(p) {
				continue
			}
			s, err := ReadFile(p, src.Spec)
			if err != nil {
				return nil, fmt.Errorf("corpus %s: %w", src.Name, err)
			}
			out = append(out, s...)
		}
	}
	return out, nil
}

// gumOpen keeps the GUM genres whose texts are openly licensed (no NC, no reddit).
func gumOpen(path string) bool {
	for _, g := range gumGenres {
		if strings.HasPrefix(filepath.Base(path), "GUM_"+g+"_") {
			return true
		}
	}
	return false
}

// Split puts every k-th sentence (k > 1) in the held-out part.
func Split(s []Sentence, k int) (train, dev []Sentence) {
	if k <= 1 {
		return s, nil
	}
	for i, x := range s {
		if i%k == k-1 {
			dev = append(dev, x)
		} else {
			train = append(train, x)
		}
	}
	return train, dev
}

// StripTitles drops leading titles from PER spans ("President", "Mr.",
// "Prime Minister"), for corpora such as GMB whose person names include them
// where CoNLL's do not. isTitle says whether a word is a title noun; the
// span loses every word up to its last title word or honorific, keeping at
// least its last word.
func StripTitles(s []Sentence, isTitle func(string) bool) {
	for _, x := range s {
		for _, sp := range Spans(x.Tags) {
			if sp.Type != "PER" || sp.End-sp.Start < 2 {
				continue
			}
			last := -1
			for i := sp.Start; i < sp.End-1; i++ {
				if isTitle(x.Words[i]) || honorific(x.Words[i]) {
					last = i
				}
			}
			if last < 0 {
				continue
			}
			for i := sp.Start; i <= last; i++ {
				x.Tags[i] = "O"
			}
			x.Tags[last+1] = "B-PER"
		}
	}
}

// honorific: an abbreviated title such as "Mr." or "Gen.".
func honorific(w string) bool {
	return strings.HasSuffix(w, ".") && len(w) <= 5 && len(w) >= 3 && w[0] >= 'A' && w[0] <= 'Z' && !strings.Contains(w[:len(w)-1], ".")
}
