package group

import (
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"testing"
	"time"
)

// memState is a State in a map, as a store keeps it.
type memState struct {
	values map[[2]int64][]byte
	reads  int // values read
	fail   bool
}

func newMemState() *memState { return &memState{values: map[[2]int64][]byte{}} }

func (m *memState) GroupState(_ context.Context, kind int, keys []int64) (map[int64][]byte, error) {
	if m.fail {
		return nil, fmt.Errorf("disk on fire")
	}
	out := map[int64][]byte{}
	for _, k := range keys {
		if v, ok := m.values[[2]int64{int64(kind), k}]; ok {
			out[k] = v
			m.reads++
		}
	}
	return out, nil
}

func (m *memState) save(values []StateValue, reset bool) {
	if reset {
		clear(m.values)
	}
	for _, v := range values {
		if v.Value == nil {
			delete(m.values, [2]int64{int64(v.Kind), v.Key})
		} else {
			m.values[[2]int64{int64(v.Kind), v.Key}] = v.Value
		}
	}
}

// TestIndexStateSamePlacements places documents through an Index kept in a
// State, opened again every few documents, and through one in memory: the
// stories, copies and story numbers must be the same.
// With short logs, they are folded several times along the way, and the
// frequencies, posting lists and buckets kept are those in memory.
func TestIndexStateSamePlacements(t *testing.T) {
	t.Run("log", func(t *testing.T) { testIndexStateSamePlacements(t) })
	t.Run("folded", func(t *testing.T) {
		defer SetLogCapacity(2000, 1500)()
		testIndexStateSamePlacements(t)
	})
	t.Run("values folded", func(t *testing.T) {
		defer SetLogCapacity(foldEntries, 700)()
		testIndexStateSamePlacements(t)
	})
}

func testIndexStateSamePlacements(t *testing.T) {
	docs := append(syntheticCorpus(600, 7), fixtureDocs...)
	opt := Options{PostingCap: 8, MaxCandidates: 4} // small caps: lists get cut
	mem := NewIndex(opt)
	st := newMemState()
	var ix *Index
	for i, d := range docs {
		if i%97 == 0 {
			var ok bool
			var err error
			ix, ok, err = OpenIndex(context.Background(), opt, st)
			if err != nil {
				t.Fatal(err)
			}
			if ok != (i > 0) {
				t.Fatalf("doc %d: OpenIndex found an index: %v, want %v", i, ok, i > 0)
			}
		}
		wantStory, wantDup := mem.Add(d)
		story, dup, err := ix.Place(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		if story != wantStory || dup != wantDup {
			t.Fatalf("doc %d (%s): kept in a State: %s, %q; in memory: %s, %q", i, d.ID, story, dup, wantStory, wantDup)
		}
		st.save(ix.Pending())
	}
	if mem.Stats().Duplicates == 0 || mem.Stats().Stories < 10 {
		t.Fatalf("weak test: %+v", mem.Stats())
	}
	// The frequencies as kept: folded ones plus the log's.
	ix, _, err := OpenIndex(context.Background(), opt, st)
	if err != nil {
		t.Fatal(err)
	}
	kept := maps.Clone(ix.logDF)
	rows, folded := 0, 0
	for k, v := range st.values {
		switch k[0] {
		case StateDF:
			df, _ := binary.Uvarint(v)
			kept[featKey(k[1])] += int32(df)
			folded++
		case StateDFLog:
			rows++
		}
	}
	if !maps.Equal(kept, mem.voc.df) {
		t.Errorf("%d frequencies kept, %d in memory, or some differ", len(kept), len(mem.voc.df))
	}
	t.Logf("%d frequencies folded, %d log rows of %d entries", folded, rows, ix.logLen)
	if foldEntries < 1<<10*4 && (folded == 0 || ix.logLen >= foldEntries+len(mem.voc.df)) {
		t.Errorf("the log was not folded: %d folded, %d entries", folded, ix.logLen)
	}

	// The posting lists and buckets as kept: written ones, replaced by the
	// value log's.
	values := map[stateKey][]byte{}
	written, rows := 0, 0
	for k, v := range st.values {
		switch k[0] {
		case StatePosting, StateBucket:
			values[stateKey{int(k[0]), k[1]}] = v
			written++
		case StateValueLog:
			rows++
		}
	}
	maps.Copy(values, ix.vlog)
	want := map[stateKey][]byte{}
	for k, p := range mem.postings {
		want[stateKey{StatePosting, int64(k)}] = appendNums(nil, p)
	}
	for k, b := range mem.buckets {
		want[stateKey{StateBucket, int64(k)}] = appendNums(nil, b)
	}
	if !maps.EqualFunc(values, want, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Errorf("%d posting lists and buckets kept, %d in memory, or some differ", len(values), len(want))
	}
	t.Logf("%d posting lists and buckets written, %d log rows of %d entries", written, rows, ix.vlogLen)
	if valueFoldEntries < 1<<10 && (written == 0 || ix.vlogLen >= valueFoldEntries+len(want)) {
		t.Errorf("the value log was not folded: %d written, %d entries", written, ix.vlogLen)
	}
	// Unfolded, only the first save (of a new index) writes them.
	if valueFoldEntries > 1<<16 && (written > len(want)/10 || rows == 0) {
		t.Errorf("a long value log: %d posting lists and buckets written, %d log rows", written, rows)
	}
}

// TestIndexStateForget: a Place whose changes were not saved is forgotten,
// and the next Place reads the State again.
func TestIndexStateForget(t *testing.T) {
	docs := fixtureDocs
	ctx := context.Background()
	st := newMemState()
	ix, _, err := OpenIndex(ctx, Options{}, st)
	if err != nil {
		t.Fatal(err)
	}
	mem := NewIndex(Options{})
	for _, d := range docs[:3] {
		mem.Add(d)
		if _, _, err := ix.Place(ctx, d); err != nil {
			t.Fatal(err)
		}
		st.save(ix.Pending())
	}
	saved := maps.Clone(st.values)
	// Placed but never saved: forgotten.
	if _, _, err := ix.Place(ctx, docs[3]); err != nil {
		t.Fatal(err)
	}
	ix.Forget()
	st.fail = true
	if _, _, err := ix.Place(ctx, docs[3]); err == nil {
		t.Fatal("Place with a failing State: no error")
	}
	st.fail = false
	if !maps.EqualFunc(saved, st.values, func(a, b []byte) bool { return string(a) == string(b) }) {
		t.Fatal("the State changed without a save")
	}
	for _, d := range docs[3:] {
		want, wantDup := mem.Add(d)
		got, dup, err := ix.Place(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if got != want || dup != wantDup {
			t.Errorf("%s: %s %q after a forgotten Place, want %s %q", d.ID, got, dup, want, wantDup)
		}
		st.save(ix.Pending())
	}
}

// TestIndexStateBind: the caller's story IDs come back after reopening.
func TestIndexStateBind(t *testing.T) {
	ctx := context.Background()
	st := newMemState()
	ix, _, _ := OpenIndex(ctx, Options{}, st)
	docs := fixtureDocs
	sid, _, err := ix.Place(ctx, docs[0])
	if err != nil {
		t.Fatal(err)
	}
	ix.Bind(sid, 4711)
	st.save(ix.Pending())
	ix2, ok, err := OpenIndex(ctx, Options{}, st)
	if err != nil || !ok {
		t.Fatalf("OpenIndex = %v, %v", ok, err)
	}
	sid2, _, err := ix2.Place(ctx, docs[3]) // the same flood: joins the story
	if err != nil {
		t.Fatal(err)
	}
	if sid2 != sid || ix2.Bound(sid2) != 4711 {
		t.Errorf("reopened: %s bound to %d, want %s bound to 4711", sid2, ix2.Bound(sid2), sid)
	}
}

// boilerplateDocs returns n fictional articles of n different events,
// each of made-up words of its own, two days apart, all ending with the
// same footer.
func boilerplateDocs(n int) []Doc {
	syl := []string{"ka", "lo", "mer", "da", "vin", "tor", "sa", "bel", "ri", "no", "gan", "ves", "ul", "ha", "mon", "tre"}
	word := func(i, j int) string {
		x := uint(i*7919 + j*104729 + 1)
		w := ""
		for range 4 {
			w += syl[x%uint(len(syl))]
			x /= uint(len(syl))
		}
		return w
	}
	footer := "Readers may share this page with friends and family. The newsroom welcomes corrections, tips and letters sent through the contact form at the foot of every page of this site, and answers each of them within two working days."
	docs := make([]Doc, n)
	for i := range docs {
		text := ""
		for j := range 40 {
			text += word(i, j) + " "
		}
		docs[i] = Doc{ID: fmt.Sprintf("b%d", i), Title: word(i, 99) + " " + word(i, 98), Text: text + ".\n" + footer,
			Published: time.Date(2031, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 2*i)}
	}
	return docs
}

// TestCommonBand: a band that documents of many stories share (a footer)
// stops being compared and filled, in memory and kept in a State alike;
// copies are still found, and the many copies of one text leave their
// bands as they are.
func TestCommonBand(t *testing.T) {
	docs := boilerplateDocs(60)
	repost := docs[3]
	repost.ID, repost.Title = "repost", "Another headline"
	docs = append(docs, repost)
	opt := Options{Window: 24 * time.Hour} // one story an event
	mem := NewIndex(opt)
	st := newMemState()
	var ix *Index
	for i, d := range docs {
		if i%7 == 0 {
			var err error
			if ix, _, err = OpenIndex(context.Background(), opt, st); err != nil {
				t.Fatal(err)
			}
		}
		wantStory, wantDup := mem.Add(d)
		story, dup, err := ix.Place(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		if story != wantStory || dup != wantDup {
			t.Fatalf("doc %d: kept in a State: %s, %q; in memory: %s, %q", i, story, dup, wantStory, wantDup)
		}
		st.save(ix.Pending())
		if d.ID == "repost" && dup != docs[3].ID {
			t.Errorf("the repost copies %q, want %q", dup, docs[3].ID)
		}
	}
	if s := mem.Stats(); s.Stories <= commonBandStories || s.Duplicates != 1 {
		t.Fatalf("weak test: %+v, want more than %d stories and the one copy", s, commonBandStories)
	}
	common := 0
	for _, b := range mem.buckets {
		if isCommonBand(b) {
			common++
		} else if len(b) > commonBandStories {
			t.Errorf("a bucket of %d documents is not common", len(b))
		}
	}
	if common == 0 {
		t.Error("no band is common")
	}
	// Many copies of one text: one story, its bands stay.
	copies := NewIndex(Options{})
	for i := range 2 * bucketCap {
		d := docs[5]
		d.ID = fmt.Sprintf("copy%d", i)
		if _, dup := copies.Add(d); i > 0 && dup == "" {
			t.Fatalf("copy %d is not found a copy", i)
		}
	}
	for k, b := range copies.buckets {
		if isCommonBand(b) || len(b) != bucketCap {
			t.Fatalf("bucket %x holds %v, want the %d newest copies", k, b, bucketCap)
		}
	}
}
