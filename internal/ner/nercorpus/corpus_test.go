package nercorpus

import (
	"reflect"
	"strings"
	"testing"
)

func TestToBIO(t *testing.T) {
	types := map[string]string{"PER": "PER", "ORG": "ORG", "person": "PER", "corporation": "ORG"}
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"IOB1", []string{"I-PER", "I-PER", "O", "I-ORG", "B-ORG"}, []string{"B-PER", "I-PER", "O", "B-ORG", "B-ORG"}},
		{"IOB2", []string{"B-PER", "I-PER", "B-PER"}, []string{"B-PER", "I-PER", "B-PER"}},
		{"IO", []string{"person", "person", "O", "corporation"}, []string{"B-PER", "I-PER", "O", "B-ORG"}},
		{"unmapped type", []string{"B-time", "I-time", "B-person"}, []string{"O", "O", "B-PER"}},
		{"type change", []string{"I-PER", "I-ORG"}, []string{"B-PER", "B-ORG"}},
	}
	for _, tt := range tests {
		if got := toBIO(tt.in, types); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: toBIO(%v) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestReadFormats(t *testing.T) {
	cols := "-DOCSTART- -X- O O\n\nAnika NNP B-PER\nSorel NNP I-PER\nspoke VBD O\n\nVelmora NNP B-LOC\n"
	got, err := Read(strings.NewReader(cols), Spec{Format: Columns, Types: conllTypes})
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{{[]string{"Anika", "Sorel", "spoke"}, []string{"B-PER", "I-PER", "O"}}, {[]string{"Velmora"}, []string{"B-LOC"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Columns: got %v, want %v", got, want)
	}
	uner := "# sent_id = x\n1\tAnika\tB-PER\t-\ta\n2\tSorel\tI-PER\t-\ta\n"
	got, err = Read(strings.NewReader(uner), Spec{Format: Columns, Comments: true, WordCol: 1, TagCol: 2, Types: conllTypes})
	if err != nil || len(got) != 1 || got[0].Words[1] != "Sorel" || got[0].Tags[1] != "I-PER" {
		t.Errorf("UNER columns: got %v, %v", got, err)
	}
	hashes := "Anika###B-PER Sorel###I-PER left###O\n"
	got, err = Read(strings.NewReader(hashes), Spec{Format: Hashes, Types: conllTypes})
	if err != nil || !reflect.DeepEqual(got[0].Tags, []string{"B-PER", "I-PER", "O"}) {
		t.Errorf("Hashes: got %v, %v", got, err)
	}
	csv := "Sentence #,Word,POS,Tag\nSentence: 1,President,NNP,B-per\n,Sorel,NNP,I-per\n,left,VBD,O\nSentence: 2,Velmora,NNP,B-geo\n"
	got, err = Read(strings.NewReader(csv), Spec{Format: GMBCSV, Types: map[string]string{"per": "PER", "geo": "LOC"}})
	if err != nil || len(got) != 2 || got[1].Tags[0] != "B-LOC" {
		t.Fatalf("GMBCSV: got %v, %v", got, err)
	}
	StripTitles(got, func(w string) bool { return w == "President" })
	if !reflect.DeepEqual(got[0].Tags, []string{"O", "B-PER", "O"}) {
		t.Errorf("StripTitles: got %v", got[0].Tags)
	}
	if _, err := Read(strings.NewReader("Anika\n"), Spec{Format: Columns}); err == nil {
		t.Error("Columns without a label: no error")
	}
	if _, err := Read(strings.NewReader("Anika Sorel\n"), Spec{Format: Hashes}); err == nil {
		t.Error("Hashes without ###: no error")
	}
}

// A fictional GUM-style document: a named organisation inside an unnamed
// person mention, a named place, and a common-noun mention that is no name.
func TestReadGUM(t *testing.T) {
	doc := strings.Join([]string{
		"# sent_id = x-1",
		"1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\tEntity=(1-person-new-x-x-3-coref(2-organization-new-x-x-1-sgl-Velmoran_Shipping",
		"2\tVelmoran\tVelmoran\tPROPN\tNNP\t_\t3\tcompound\t_\t_",
		"3\tShipping\tShipping\tPROPN\tNNP\t_\t4\tcompound\t_\tEntity=2)",
		"4\tchief\tchief\tNOUN\tNN\t_\t5\tnsubj\t_\tEntity=1)",
		"5\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_",
		"6\tVelmora\tVelmora\tPROPN\tNNP\t_\t5\tobj\t_\tEntity=(3-place-new-x-x-1-sgl-Velmora)",
		"7\tand\tand\tCCONJ\tCC\t_\t8\tcc\t_\t_",
		"8\tthe\tthe\tDET\tDT\t_\t9\tdet\t_\tEntity=(4-place-new-x-x-1-sgl",
		"9\tharbour\tharbour\tNOUN\tNN\t_\t6\tconj\t_\tEntity=4)",
		"", ""}, "\n")
	got, err := Read(strings.NewReader(doc), Spec{Format: GUM})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"O", "B-ORG", "I-ORG", "O", "O", "B-LOC", "O", "O", "O"}
	if len(got) != 1 || !reflect.DeepEqual(got[0].Tags, want) {
		t.Errorf("GUM: got %v, want %v", got, want)
	}
}

func TestScore(t *testing.T) {
	s := NewScore()
	s.Add([]string{"B-PER", "I-PER", "O", "B-ORG", "O", "B-MISC"},
		[]string{"B-PER", "I-PER", "O", "B-LOC", "O", "O"})
	if s.All.TP != 1 || s.All.FP != 1 || s.All.FN != 1 || s.WrongTyp != 1 {
		t.Errorf("counts: %+v wrong type %d", s.All, s.WrongTyp)
	}
	if s.Untyped.TP != 2 {
		t.Errorf("untyped TP %d, want 2", s.Untyped.TP)
	}
	if f := s.ByType["PER"].F1(); f != 1 {
		t.Errorf("PER F1 %v, want 1", f)
	}
	if got := Spans([]string{"B-PER", "B-PER", "I-PER", "O"}); len(got) != 2 || got[1] != (Span{1, 3, "PER"}) {
		t.Errorf("Spans: %v", got)
	}
	tr, dv := Split(make([]Sentence, 20), 10)
	if len(tr) != 18 || len(dv) != 2 {
		t.Errorf("Split: %d/%d", len(tr), len(dv))
	}
}
