package group

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"
)

// State is where an Index opened with OpenIndex keeps its state: values
// of a few kinds (StateMeta, …), each under an integer key. The library's
// stores implement it.
type State interface {
	// GroupState returns the stored values of kind under keys; keys with
	// no value are left out.
	GroupState(ctx context.Context, kind int, keys []int64) (map[int64][]byte, error)
}

// Kinds of State values.
const (
	StateMeta     = iota // key 0: the counts of documents and stories
	StateDF              // feature → the number of documents that have it
	StatePosting         // feature → the stories posted under it
	StateStory           // story number → its member sums and time range
	StateBucket          // LSH band key → the newest documents in the bucket
	StateDoc             // document number → its ID, story and MinHash signature
	StateDFLog           // log row number → document frequency changes not folded into StateDF yet
	StateDocNum          // document ID (DocKey) → its document number
	StateValueLog        // log row number → posting lists and buckets not written to StatePosting and StateBucket yet
)

// foldEntries is how many feature changes the log of document frequencies
// holds before they are folded into the frequencies (StateDF): some
// thousands of documents' (a document changes a few hundred). Each save
// appends one row to the log, at the end of its key range, instead of
// rewriting rows of StateDF all over a table that grows with the library
// (most of a document's features are new, under hashed keys); the fold
// rewrites them once for thousands of documents. Opening an index reads
// back the log, at most this many entries (a few megabytes). A variable
// for the tests.
var foldEntries = 1 << 20

// valueFoldEntries is how many posting lists and buckets the value log
// holds before they are written to their own kinds (StatePosting,
// StateBucket). A placement changes some twenty, under hashed keys, on
// pages all over tables that grow with the library, and a save writes
// every page it touched: the more the library holds, the fewer of a
// save's values share a page. Each save appends them to the log instead,
// one row at the end of its key range, and the fold writes them once for
// some ten thousand documents, each page once. The log's latest values
// are kept in memory (some tens of bytes each) and read back by opening
// the index. A variable for the tests.
var valueFoldEntries = 1 << 18

// SetLogCapacity sets how many entries the log of document frequencies
// and the log of posting lists and buckets hold before they are folded,
// for tests that want them folded often, and returns a function that
// restores the defaults.
func SetLogCapacity(frequencies, values int) (restore func()) {
	df, v := foldEntries, valueFoldEntries
	foldEntries, valueFoldEntries = frequencies, values
	return func() { foldEntries, valueFoldEntries = df, v }
}

// stateKey is a value's kind and key.
type stateKey struct {
	kind int
	key  int64
}

// LogEntries returns how many feature changes the log of document
// frequencies holds, and how many it holds before it is folded.
func (ix *Index) LogEntries() (n, capacity int) { return ix.logLen, foldEntries }

// ValueLogEntries returns how many posting lists and buckets the value
// log holds, and how many it holds before it is folded.
func (ix *Index) ValueLogEntries() (n, capacity int) { return ix.vlogLen, valueFoldEntries }

// Fold makes the next Pending fold the log of document frequencies into
// the frequencies, and the log of posting lists and buckets into theirs,
// however long they are.
func (ix *Index) Fold(ctx context.Context) error {
	if ix.state == nil {
		return nil
	}
	if err := ix.loadMeta(ctx); err != nil {
		ix.Forget()
		return err
	}
	if err := ix.prepareFold(ctx, true); err != nil {
		ix.Forget()
		return err
	}
	ix.vlogFold = ix.vlogLen > 0
	return nil
}

// StateValue is one value to save: Value nil deletes it.
type StateValue struct {
	Kind  int
	Key   int64
	Value []byte
}

// dirtySet records what Place changed since the last Pending; its maps are
// nil for an Index in memory, which has nothing to save.
type dirtySet struct {
	dfs      map[featKey]int32 // feature → documents that gained it
	postings map[featKey]bool
	stories  map[int64]bool
	buckets  map[uint64]bool
	docs     map[int64]bool
	docNums  map[string]bool
	meta     bool
}

func newDirtySet() dirtySet {
	return dirtySet{dfs: map[featKey]int32{}, postings: map[featKey]bool{}, stories: map[int64]bool{},
		buckets: map[uint64]bool{}, docs: map[int64]bool{}, docNums: map[string]bool{}}
}

func (d *dirtySet) docNum(id string) {
	if d.docNums != nil {
		d.docNums[id] = true
	}
}

func (d *dirtySet) df(tc []termCount) {
	if d.dfs != nil {
		for _, t := range tc {
			d.dfs[t.key]++
		}
	}
}

func (d *dirtySet) posting(k featKey) {
	if d.postings != nil {
		d.postings[k] = true
	}
}

func (d *dirtySet) story(n int64) {
	if d.stories != nil {
		d.stories[n] = true
	}
}

func (d *dirtySet) bucket(k uint64) {
	if d.buckets != nil {
		d.buckets[k] = true
	}
}

func (d *dirtySet) doc(n int64) {
	if d.docs != nil {
		d.docs[n] = true
	}
}

// Pending returns what changed since the last call, for the caller to save
// to the State, the counts last. When reset is true the State's index is
// to be replaced whole: what it holds must be deleted before these values
// are saved (OpenIndex found no index, and this is its first save). An
// Index in memory has nothing to save.
func (ix *Index) Pending() (values []StateValue, reset bool) {
	if ix.state == nil {
		return nil, false
	}
	d := &ix.dirty
	switch {
	case ix.fresh || ix.foldReady:
		// The frequencies themselves: those logged and those changed since.
		for k := range ix.logDF {
			if _, ok := d.dfs[k]; !ok {
				values = append(values, StateValue{StateDF, int64(k), binary.AppendUvarint(nil, uint64(ix.voc.df[k]))})
			}
		}
		for k := range d.dfs {
			values = append(values, StateValue{StateDF, int64(k), binary.AppendUvarint(nil, uint64(ix.voc.df[k]))})
		}
		for n := ix.logFirst; n < ix.logNext; n++ {
			values = append(values, StateValue{StateDFLog, n, nil})
		}
		ix.logFirst, ix.logDF, ix.logLen, ix.foldReady = ix.logNext, map[featKey]int32{}, 0, false
		d.meta = d.meta || !ix.fresh
	case len(d.dfs) > 0:
		values = append(values, StateValue{StateDFLog, ix.logNext, appendDeltas(d.dfs)})
		ix.logNext++
		for k, n := range d.dfs {
			ix.logDF[k] += n
		}
		ix.logLen += len(d.dfs)
		d.meta = true
	}
	// Posting lists and buckets: to the value log; when it is full, the
	// log's and these to their own kinds.
	logged := make([]StateValue, 0, len(d.postings)+len(d.buckets))
	for k := range d.postings {
		logged = append(logged, StateValue{StatePosting, int64(k), appendNums(nil, ix.postings[k])})
	}
	for k := range d.buckets {
		logged = append(logged, StateValue{StateBucket, int64(k), appendNums(nil, ix.buckets[k])})
	}
	switch {
	case ix.fresh:
		values = append(values, logged...)
	case ix.vlogFold || ix.vlogLen+len(logged) >= valueFoldEntries:
		for _, v := range logged {
			ix.vlog[stateKey{v.Kind, v.Key}] = v.Value
		}
		for k, v := range ix.vlog {
			values = append(values, StateValue{k.kind, k.key, v})
		}
		for n := ix.vlogFirst; n < ix.vlogNext; n++ {
			values = append(values, StateValue{StateValueLog, n, nil})
		}
		ix.vlogFirst, ix.vlog, ix.vlogLen, ix.vlogFold = ix.vlogNext, map[stateKey][]byte{}, 0, false
		d.meta = true
	case len(logged) > 0:
		values = append(values, StateValue{StateValueLog, ix.vlogNext, appendLogged(logged)})
		ix.vlogNext++
		for _, v := range logged {
			ix.vlog[stateKey{v.Kind, v.Key}] = v.Value
		}
		ix.vlogLen += len(logged)
		d.meta = true
	}
	for n := range d.stories {
		values = append(values, StateValue{StateStory, n, ix.stories[n].encode()})
	}
	for n := range d.docs {
		values = append(values, StateValue{StateDoc, n, ix.docs[n].encode()})
	}
	for id := range d.docNums {
		values = append(values, StateValue{StateDocNum, DocKey(id), binary.AppendUvarint(nil, uint64(ix.docNums[id]))})
	}
	// Map order is random; a sorted list is the same for the same changes.
	slices.SortFunc(values, func(a, b StateValue) int {
		if a.Kind != b.Kind {
			return a.Kind - b.Kind
		}
		switch {
		case a.Key < b.Key:
			return -1
		case a.Key > b.Key:
			return 1
		}
		return 0
	})
	if d.meta {
		meta := binary.AppendUvarint(nil, uint64(ix.voc.docs))
		meta = binary.AppendUvarint(meta, uint64(ix.nstories))
		meta = binary.AppendUvarint(meta, uint64(ix.logFirst))
		meta = binary.AppendUvarint(meta, uint64(ix.logNext))
		meta = binary.AppendUvarint(meta, uint64(ix.regroupFrom))
		meta = binary.AppendUvarint(meta, uint64(ix.vlogFirst))
		meta = binary.AppendUvarint(meta, uint64(ix.vlogNext))
		values = append(values, StateValue{StateMeta, 0, meta})
	}
	reset = ix.fresh
	ix.fresh = false
	ix.dirty = newDirtySet()
	return values, reset
}

// Forget drops what the Index read from its State and what it changed
// since the last Pending: the caller could not save it. The next Place
// reads the State again.
func (ix *Index) Forget() {
	if ix.state == nil {
		return
	}
	ix.voc = newVocab()
	ix.stories = map[int64]*story{}
	ix.postings = map[featKey][]int64{}
	ix.buckets = map[uint64][]int64{}
	ix.docs = map[int64]*indexedDoc{}
	ix.docNums = map[string]int64{}
	ix.dirty = newDirtySet()
	ix.logDF, ix.logLen, ix.foldReady = map[featKey]int32{}, 0, false
	ix.vlog, ix.vlogLen, ix.vlogFold = map[stateKey][]byte{}, 0, false
	ix.loaded = false
	if ix.fresh {
		// Nothing was saved: the rebuild starts again from nothing.
		ix.nstories, ix.regroupFrom = 0, 0
		ix.loaded = true
	}
}

// loadMeta reads the counts, unless the State holds no index.
func (ix *Index) loadMeta(ctx context.Context) error {
	if ix.state == nil || ix.loaded {
		return nil
	}
	m, err := ix.state.GroupState(ctx, StateMeta, []int64{0})
	if err != nil {
		return fmt.Errorf("read the grouping index: %w", err)
	}
	ix.loaded = true
	b, ok := m[0]
	if !ok {
		ix.fresh = true
		return nil
	}
	r := reader{b: b}
	docs, stories := r.uvarint(), r.uvarint()
	if r.err != nil {
		return r.err
	}
	ix.voc.docs, ix.nstories = int(docs), int64(stories)
	// An index saved before the log was kept has no log.
	ix.logFirst, ix.logNext, ix.regroupFrom = 0, 0, int64(docs)
	if len(r.b) > 0 {
		ix.logFirst, ix.logNext = int64(r.uvarint()), int64(r.uvarint())
		if r.err != nil || ix.logFirst > ix.logNext {
			return errBadState
		}
	}
	// An index saved before Regroup has nothing waiting for it.
	if len(r.b) > 0 {
		ix.regroupFrom = int64(r.uvarint())
		if r.err != nil || ix.regroupFrom > int64(docs) {
			return errBadState
		}
	}
	// One saved before the value log has no value log.
	ix.vlogFirst, ix.vlogNext = 0, 0
	if len(r.b) > 0 {
		ix.vlogFirst, ix.vlogNext = int64(r.uvarint()), int64(r.uvarint())
		if r.err != nil || ix.vlogFirst > ix.vlogNext {
			return errBadState
		}
	}
	if err := ix.loadLog(ctx); err != nil {
		return err
	}
	return ix.loadValueLog(ctx)
}

// loadValueLog reads the log of posting lists and buckets not folded yet.
func (ix *Index) loadValueLog(ctx context.Context) error {
	ix.vlog, ix.vlogLen = map[stateKey][]byte{}, 0
	if ix.vlogFirst == ix.vlogNext {
		return nil
	}
	keys := make([]int64, 0, ix.vlogNext-ix.vlogFirst)
	for n := ix.vlogFirst; n < ix.vlogNext; n++ {
		keys = append(keys, n)
	}
	m, err := ix.get(ctx, StateValueLog, keys)
	if err != nil {
		return err
	}
	for _, k := range keys {
		b, ok := m[k]
		if !ok {
			return fmt.Errorf("%w: row %d of the value log is missing", errBadState, k)
		}
		r := reader{b: b}
		n := r.uvarint()
		if n > uint64(len(b)) {
			return errBadState
		}
		for range n {
			kind := int(r.uvarint())
			key := int64(binary.LittleEndian.Uint64(r.bytes(8)))
			v := r.bytes(r.uvarint())
			if r.err != nil {
				return r.err
			}
			if kind != StatePosting && kind != StateBucket {
				return errBadState
			}
			// Rows are read in order: the last value of a key wins.
			ix.vlog[stateKey{kind, key}] = v
		}
		ix.vlogLen += int(n)
	}
	return nil
}

// appendLogged encodes a row of the value log: its length, then each
// value's kind, key (8 bytes) and value (its length first).
func appendLogged(vs []StateValue) []byte {
	size := binary.MaxVarintLen64
	for _, v := range vs {
		size += 2 + 8 + binary.MaxVarintLen64 + len(v.Value)
	}
	b := binary.AppendUvarint(make([]byte, 0, size), uint64(len(vs)))
	for _, v := range vs {
		b = binary.AppendUvarint(b, uint64(v.Kind))
		b = binary.LittleEndian.AppendUint64(b, uint64(v.Key))
		b = binary.AppendUvarint(b, uint64(len(v.Value)))
		b = append(b, v.Value...)
	}
	return b
}

// loadLog reads the log of document frequency changes not folded yet.
func (ix *Index) loadLog(ctx context.Context) error {
	ix.logDF, ix.logLen = map[featKey]int32{}, 0
	if ix.logFirst == ix.logNext {
		return nil
	}
	keys := make([]int64, 0, ix.logNext-ix.logFirst)
	for n := ix.logFirst; n < ix.logNext; n++ {
		keys = append(keys, n)
	}
	m, err := ix.get(ctx, StateDFLog, keys)
	if err != nil {
		return err
	}
	for _, k := range keys {
		b, ok := m[k]
		if !ok {
			return fmt.Errorf("%w: row %d of the frequency log is missing", errBadState, k)
		}
		r := reader{b: b}
		n := r.uvarint()
		if n > uint64(len(b)) {
			return errBadState
		}
		key := uint64(0)
		for range n {
			key += r.uvarint()
			ix.logDF[featKey(key)] += int32(r.uvarint())
		}
		if r.err != nil {
			return r.err
		}
		ix.logLen += int(n)
	}
	return nil
}

// appendDeltas encodes a log row: its length, then each feature (as the
// difference from the one before, in key order) and its change.
func appendDeltas(dfs map[featKey]int32) []byte {
	keys := make([]featKey, 0, len(dfs))
	for k := range dfs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := binary.AppendUvarint(make([]byte, 0, 8*len(keys)), uint64(len(keys)))
	prev := featKey(0)
	for _, k := range keys {
		b = binary.AppendUvarint(b, uint64(k-prev))
		b = binary.AppendUvarint(b, uint64(dfs[k]))
		prev = k
	}
	return b
}

// prepareFold makes the log ready to fold into the frequencies at the next
// Pending, once it is long enough: each logged feature's frequency must be
// known, so those not read yet are read now.
func (ix *Index) prepareFold(ctx context.Context, now bool) error {
	if ix.state == nil || ix.fresh || ix.foldReady || ix.logLen < foldEntries && !now {
		return nil
	}
	var keys []int64
	for k := range ix.logDF {
		if _, ok := ix.voc.df[k]; !ok {
			keys = append(keys, int64(k))
		}
	}
	if err := ix.loadDF(ctx, keys); err != nil {
		return err
	}
	ix.foldReady = true
	return nil
}

// loadDF reads the frequencies of keys: what StateDF holds plus what the
// log adds.
func (ix *Index) loadDF(ctx context.Context, keys []int64) error {
	m, err := ix.get(ctx, StateDF, keys)
	if err != nil {
		return err
	}
	for _, k := range keys {
		var df uint64
		if b, ok := m[k]; ok {
			var n int
			if df, n = binary.Uvarint(b); n <= 0 {
				return errBadState
			}
		}
		ix.voc.df[featKey(k)] = int32(df) + ix.logDF[featKey(k)]
	}
	return nil
}

var errBadState = errors.New("group: the stored grouping index is damaged")

// get reads the values of keys from the State, unless the Index is fresh:
// posting lists and buckets from the value log when it has them.
func (ix *Index) get(ctx context.Context, kind int, keys []int64) (map[int64][]byte, error) {
	if len(keys) == 0 || ix.fresh {
		return nil, nil
	}
	var logged map[int64][]byte
	if len(ix.vlog) > 0 && (kind == StatePosting || kind == StateBucket) {
		rest := make([]int64, 0, len(keys))
		for _, k := range keys {
			if v, ok := ix.vlog[stateKey{kind, k}]; ok {
				if logged == nil {
					logged = map[int64][]byte{}
				}
				logged[k] = v
			} else {
				rest = append(rest, k)
			}
		}
		if len(rest) == 0 {
			return logged, nil
		}
		keys = rest
	}
	m, err := ix.state.GroupState(ctx, kind, keys)
	if err != nil {
		return nil, fmt.Errorf("read the grouping index: %w", err)
	}
	if m == nil {
		m = map[int64][]byte{}
	}
	for k, v := range logged {
		m[k] = v
	}
	return m, nil
}

// loadFor reads what placing a document with features f needs first: the
// counts, its features' document frequencies, its LSH buckets and their
// documents.
func (ix *Index) loadFor(ctx context.Context, f *features, bandKeys *[bands]uint64, hasSig bool) error {
	if ix.state == nil {
		return nil
	}
	if err := ix.loadMeta(ctx); err != nil {
		return err
	}
	if err := ix.prepareFold(ctx, false); err != nil {
		return err
	}
	var keys []int64
	for _, kc := range f.counts {
		if _, ok := ix.voc.df[kc.key]; !ok {
			keys = append(keys, int64(kc.key))
		}
	}
	if err := ix.loadDF(ctx, keys); err != nil {
		return err
	}
	if !hasSig {
		return nil
	}
	keys = keys[:0]
	for _, k := range bandKeys {
		if _, ok := ix.buckets[k]; !ok {
			keys = append(keys, int64(k))
		}
	}
	m, err := ix.get(ctx, StateBucket, keys)
	if err != nil {
		return err
	}
	for _, k := range keys {
		nums, err := readNums(m[k])
		if err != nil {
			return err
		}
		ix.buckets[uint64(k)] = nums
	}
	keys = keys[:0]
	for _, k := range bandKeys {
		if isCommonBand(ix.buckets[k]) {
			continue
		}
		for _, j := range ix.buckets[k] {
			if _, ok := ix.docs[j]; !ok && !slices.Contains(keys, j) {
				keys = append(keys, j)
			}
		}
	}
	if m, err = ix.get(ctx, StateDoc, keys); err != nil {
		return err
	}
	for _, k := range keys {
		d, err := decodeDoc(m[k])
		if err != nil {
			return err
		}
		ix.docs[k] = d
	}
	return nil
}

// loadPostings reads the posting lists of features.
func (ix *Index) loadPostings(ctx context.Context, feats []featKey) error {
	if ix.state == nil {
		return nil
	}
	var keys []int64
	for _, k := range feats {
		if _, ok := ix.postings[k]; !ok {
			keys = append(keys, int64(k))
		}
	}
	m, err := ix.get(ctx, StatePosting, keys)
	if err != nil {
		return err
	}
	for _, k := range keys {
		nums, err := readNums(m[k])
		if err != nil {
			return err
		}
		ix.postings[featKey(k)] = nums
	}
	return nil
}

// loadStories reads stories.
func (ix *Index) loadStories(ctx context.Context, nums []int64) error {
	if ix.state == nil {
		return nil
	}
	var keys []int64
	for _, n := range nums {
		if _, ok := ix.stories[n]; !ok {
			keys = append(keys, n)
		}
	}
	m, err := ix.get(ctx, StateStory, keys)
	if err != nil {
		return err
	}
	for _, k := range keys {
		b, ok := m[k]
		if !ok {
			return fmt.Errorf("%w: story %d is missing", errBadState, k)
		}
		st, err := decodeStory(b)
		if err != nil {
			return err
		}
		ix.stories[k] = st
	}
	return nil
}

// appendNums encodes a list of numbers: its length, then each.
func appendNums(b []byte, nums []int64) []byte {
	b = binary.AppendUvarint(b, uint64(len(nums)))
	for _, n := range nums {
		b = binary.AppendVarint(b, n)
	}
	return b
}

// readNums decodes appendNums; nil is an empty list.
func readNums(b []byte) ([]int64, error) {
	if b == nil {
		return []int64{}, nil
	}
	r := reader{b: b}
	n := r.uvarint()
	if n > uint64(len(b)) {
		return nil, errBadState
	}
	nums := make([]int64, n)
	for i := range nums {
		nums[i] = r.varint()
	}
	return nums, r.err
}

// reader decodes values, remembering the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err, r.b = errBadState, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err, r.b = errBadState, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes(n uint64) []byte {
	if n > uint64(len(r.b)) {
		r.err, r.b = errBadState, nil
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func appendTime(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, 0)
	}
	b = append(b, 1)
	b = binary.AppendVarint(b, t.Unix())
	return binary.AppendUvarint(b, uint64(t.Nanosecond()))
}

func (r *reader) time() time.Time {
	if f := r.bytes(1); len(f) == 0 || f[0] == 0 {
		return time.Time{}
	}
	s := r.varint()
	ns := r.uvarint()
	return time.Unix(s, int64(ns)).UTC()
}

// appendSparse encodes a sparse vector: its length, the ids as deltas, the
// weights' bits, so that a loaded story scores exactly as the saved one.
func appendSparse(b []byte, s *sparse) []byte {
	b = binary.AppendUvarint(b, uint64(len(s.ids)))
	prev := uint64(0)
	for _, id := range s.ids {
		b = binary.AppendUvarint(b, uint64(id)-prev)
		prev = uint64(id)
	}
	for _, w := range s.ws {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(w))
	}
	return b
}

func (r *reader) sparse() sparse {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.err, r.b = errBadState, nil
		return sparse{}
	}
	s := sparse{ids: make([]featKey, n), ws: make([]float32, n)}
	prev := uint64(0)
	for i := range s.ids {
		prev += r.uvarint()
		s.ids[i] = featKey(prev)
	}
	for i := range s.ws {
		if w := r.bytes(4); len(w) == 4 {
			s.ws[i] = math.Float32frombits(binary.LittleEndian.Uint32(w))
		}
	}
	return s
}

func (st *story) encode() []byte {
	b := binary.AppendUvarint(nil, uint64(st.n))
	b = binary.AppendVarint(b, st.ext)
	b = appendTime(b, st.first)
	b = appendTime(b, st.last)
	b = binary.AppendUvarint(b, uint64(len(st.groups)))
	for i := range st.groups {
		g := &st.groups[i]
		b = binary.AppendUvarint(b, uint64(len(g.lang)))
		b = append(b, g.lang...)
		b = appendSparse(b, &g.full)
		b = appendSparse(b, &g.li)
	}
	return b
}

func decodeStory(b []byte) (*story, error) {
	r := reader{b: b}
	st := &story{n: int(r.uvarint()), ext: r.varint(), first: r.time(), last: r.time()}
	n := r.uvarint()
	if n > uint64(len(b)) {
		return nil, errBadState
	}
	st.groups = make([]langGroup, n)
	for i := range st.groups {
		g := &st.groups[i]
		g.lang = string(r.bytes(r.uvarint()))
		g.full = r.sparse()
		g.li = r.sparse()
	}
	return st, r.err
}

func (d *indexedDoc) encode() []byte {
	b := binary.AppendVarint(nil, d.story)
	b = binary.AppendUvarint(b, uint64(len(d.id)))
	b = append(b, d.id...)
	if !d.hasSig {
		return append(b, 0)
	}
	b = append(b, 1)
	for _, v := range d.sig {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

func decodeDoc(b []byte) (*indexedDoc, error) {
	if b == nil {
		return nil, fmt.Errorf("%w: a document is missing", errBadState)
	}
	r := reader{b: b}
	d := &indexedDoc{story: r.varint()}
	d.id = string(r.bytes(r.uvarint()))
	if f := r.bytes(1); len(f) == 1 && f[0] == 1 {
		d.hasSig = true
		for i := range d.sig {
			if w := r.bytes(4); len(w) == 4 {
				d.sig[i] = binary.LittleEndian.Uint32(w)
			}
		}
	}
	return d, r.err
}

// DocKey is the key a document's number is kept under (StateDocNum): the
// number of a library's article ID ("a12": 12), so that new articles' keys
// come last; another ID's hash, negative.
func DocKey(id string) int64 {
	if len(id) > 1 && id[0] == 'a' && id[1] != '0' {
		if n, err := strconv.ParseInt(id[1:], 10, 64); err == nil && n > 0 {
			return n
		}
	}
	h := uint64(fnvOffset)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return int64(h | 1<<63)
}

// docNum returns the number of the document id, 0 when it is unknown.
func (ix *Index) docNum(ctx context.Context, id string) (int64, error) {
	if n, ok := ix.docNums[id]; ok || ix.state == nil {
		return n, nil
	}
	k := DocKey(id)
	m, err := ix.get(ctx, StateDocNum, []int64{k})
	if err != nil {
		return 0, err
	}
	n := int64(0)
	if b, ok := m[k]; ok {
		v, w := binary.Uvarint(b)
		if w <= 0 {
			return 0, errBadState
		}
		n = int64(v)
		// Another ID of the same hash: not this document.
		if d, err := ix.loadDoc(ctx, n); err != nil {
			return 0, err
		} else if d == nil || d.id != id {
			n = 0
		}
	}
	ix.docNums[id] = n
	return n, nil
}

// loadDoc returns document n's record, nil when there is none.
func (ix *Index) loadDoc(ctx context.Context, n int64) (*indexedDoc, error) {
	if d, ok := ix.docs[n]; ok || ix.state == nil {
		return d, nil
	}
	m, err := ix.get(ctx, StateDoc, []int64{n})
	if err != nil {
		return nil, err
	}
	b, ok := m[n]
	if !ok {
		return nil, nil
	}
	d, err := decodeDoc(b)
	if err != nil {
		return nil, err
	}
	ix.docs[n] = d
	return d, nil
}
