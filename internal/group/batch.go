package group

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Batch groups a batch of documents given one at a time: Result does what
// Stories does. Documents are read as they come, on all cores, and only
// what grouping needs of them is kept (their feature ids and counts and a
// MinHash signature, one or two kilobytes, not their text), so a million
// articles fit in a few gigabytes. The result depends only on the
// documents and their order, not on the number of cores.
//
// Call Result exactly once; a Batch is not safe for concurrent use.
type Batch struct {
	opt Options
	fw  *[numFamilies]float64

	cur  []Doc // the chunk being filled
	sent int   // chunks handed to the workers
	ids  []string
	pub  []time.Time

	todo      chan batchJob
	done      chan *chunk
	workers   sync.WaitGroup
	committed chan struct{}
	keyBufs   sync.Pool // []featKey buffers handed back by the committer

	// Owned by the committer until Result.
	vocab   map[featKey]termID
	df      []int32 // by term index
	langs   map[string]uint16
	chunks  []*chunk
	pending map[int]*chunk
}

// termID is a feature's dense number in a Batch: its family in the top two
// bits, its index (order of first occurrence) below.
type termID uint32

const termIndexBits = 30

func (t termID) family() int { return int(t >> termIndexBits) }
func (t termID) index() int  { return int(t & (1<<termIndexBits - 1)) }

// chunkSize is how many documents a worker reads at a time.
const chunkSize = 256

// chunk holds the compact features of chunkSize consecutive documents.
type chunk struct {
	seq  int
	n    int
	off  []int32   // features of document k: [off[k], off[k+1])
	keys []featKey // as extracted; replaced by ids when committed
	ids  []termID  // sorted within each document once weighed
	cnt  []uint8   // occurrences (lead occurrences count double), at most 255
	lang []uint16
	str  []string // languages as extracted, until committed
	sig  []shortSig
	sigd []bool // has a signature

	// Set when weighed: each document's vector is its ids with weight
	// tfw[cnt]·idf[index]·fw[family], divided by norm.
	norm, li2, w2 []float64 // li2, w2: squared norms of the unit vector's parts
	topOff        []int32
	tops          []termID // the query features, heaviest first
	edges         []edge
}

// NewBatch returns an empty Batch.
func NewBatch(opt Options) *Batch {
	opt = opt.withDefaults(DefaultThreshold)
	return &Batch{opt: opt, fw: opt.Weights.array(), vocab: map[featKey]termID{}, langs: map[string]uint16{}, pending: map[int]*chunk{}}
}

// Add appends a document to the batch.
func (b *Batch) Add(d Doc) {
	b.ids = append(b.ids, d.ID)
	b.pub = append(b.pub, d.Published)
	b.cur = append(b.cur, d)
	if len(b.cur) == chunkSize {
		b.send()
	}
}

// send hands the current chunk to the workers, starting them on first use.
func (b *Batch) send() {
	if b.todo == nil {
		workers := runtime.GOMAXPROCS(0)
		b.todo = make(chan batchJob, workers)
		b.done = make(chan *chunk, workers)
		b.committed = make(chan struct{})
		for range workers {
			b.workers.Go(b.work)
		}
		go b.commit()
	}
	b.todo <- batchJob{b.sent, b.cur}
	b.sent++
	b.cur = make([]Doc, 0, chunkSize)
}

// batchJob is a chunk of documents to read and its number.
type batchJob struct {
	seq  int
	docs []Doc
}

// work extracts the features of whole chunks.
func (b *Batch) work() {
	x := newExtractor()
	for job := range b.todo {
		var keys []featKey
		if p, ok := b.keyBufs.Get().(*[]featKey); ok {
			keys = *p
		}
		b.done <- extractChunk(x, job.seq, job.docs, keys)
	}
}

// extractChunk computes the compact features of docs. keys, when not nil,
// is a buffer to reuse for the feature keys.
func extractChunk(x *extractor, seq int, docs []Doc, keys []featKey) *chunk {
	c := &chunk{seq: seq, n: len(docs), off: make([]int32, 1, len(docs)+1), str: make([]string, len(docs)),
		sig: make([]shortSig, len(docs)), sigd: make([]bool, len(docs))}
	c.keys = keys[:0]
	cnt := x.cntBuf[:0]
	for k := range docs {
		f := x.extractUnsorted(&docs[k])
		c.str[k] = f.lang
		sig, ok := minhash(f.words)
		c.sig[k], c.sigd[k] = sig.short(), ok
		for _, kc := range f.counts {
			c.keys = append(c.keys, kc.key)
			cnt = append(cnt, uint8(min(kc.n, math.MaxUint8)))
		}
		c.off = append(c.off, int32(len(c.keys)))
		docs[k] = Doc{} // let the text go
	}
	c.cnt = slices.Clone(cnt)
	x.cntBuf = cnt
	return c
}

// commit numbers the features of the chunks in their order, so that the
// numbering, and everything after it, does not depend on which worker
// finished first.
func (b *Batch) commit() {
	defer close(b.committed)
	for c := range b.done {
		b.pending[c.seq] = c
		for {
			c, ok := b.pending[len(b.chunks)]
			if !ok {
				break
			}
			delete(b.pending, c.seq)
			b.number(c)
			b.chunks = append(b.chunks, c)
		}
	}
}

// number replaces the chunk's feature keys by term ids and counts their
// document frequencies.
func (b *Batch) number(c *chunk) {
	c.ids = make([]termID, len(c.keys))
	for k, key := range c.keys {
		id, ok := b.vocab[key]
		if !ok {
			if len(b.df) == 1<<termIndexBits {
				panic("group: more than 2³⁰ distinct features in one batch")
			}
			id = termID(key.family())<<termIndexBits | termID(len(b.df))
			b.vocab[key] = id
			b.df = append(b.df, 0)
		}
		b.df[id.index()]++
		c.ids[k] = id
	}
	keys := c.keys
	b.keyBufs.Put(&keys)
	c.keys = nil
	c.lang = make([]uint16, c.n)
	for k, l := range c.str {
		i, ok := b.langs[l]
		if !ok {
			i = uint16(min(len(b.langs), math.MaxUint16))
			b.langs[l] = i
		}
		c.lang[k] = i
	}
	c.str = nil
}

// Result groups the documents added, as Stories does.
func (b *Batch) Result() Result {
	switch {
	case b.todo == nil && len(b.cur) > 0:
		// A small batch: read it here rather than start workers.
		c := extractChunk(newExtractor(), 0, b.cur, nil)
		b.number(c)
		b.chunks = append(b.chunks, c)
	case len(b.cur) > 0:
		b.send()
	}
	b.cur = nil
	if b.todo != nil {
		close(b.todo)
		b.workers.Wait()
		close(b.done)
		<-b.committed
	}
	n := len(b.ids)
	res := Result{Story: make([]string, n), DuplicateOf: make([]string, n)}
	if n == 0 {
		return res
	}
	b.vocab = nil
	g := &batchGroup{Batch: b, n: n, idf: make([]float64, len(b.df))}
	for i, df := range b.df {
		g.idf[i] = idf(n, int(df))
	}
	dup := g.duplicates()
	g.collect()
	forEachChunk(b.chunks, func(_ int, c *chunk) { g.weigh(c) })
	g.index()
	scratch := make([]scoreScratch, len(b.chunks))
	forEachChunk(b.chunks, func(w int, c *chunk) { g.candidates(c, dup, &scratch[w]) })
	g.postOff, g.postDoc = nil, nil
	edges := make([][]edge, len(b.chunks))
	for k, c := range b.chunks {
		edges[k] = c.edges
		b.chunks[k] = nil // the vectors are no longer needed
	}
	g.collect()
	roots := averageLink(n, edges, b.opt.Threshold)

	clusterOf := map[int32]int{}
	for i, r := range roots {
		c, ok := clusterOf[r]
		if !ok {
			c = len(res.Clusters)
			clusterOf[r] = c
			res.Clusters = append(res.Clusters, Cluster{ID: "s" + strconv.Itoa(c+1)})
		}
		res.Clusters[c].Docs = append(res.Clusters[c].Docs, b.ids[i])
		res.Story[i] = res.Clusters[c].ID
		if dup[i] >= 0 {
			res.DuplicateOf[i] = b.ids[dup[i]]
		}
	}
	return res
}

// forEachChunk calls f on every chunk, on all cores; w numbers the calling
// worker from 0, below GOMAXPROCS and len(chunks).
func forEachChunk(chunks []*chunk, f func(w int, c *chunk)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range min(runtime.GOMAXPROCS(0), len(chunks)) {
		wg.Go(func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= len(chunks) {
					return
				}
				f(w, chunks[k])
			}
		})
	}
	wg.Wait()
}

// batchGroup is the state of Result.
type batchGroup struct {
	*Batch
	n       int
	idf     []float64 // by term index
	postOff []int64   // by term index: the postings of term t are postDoc[postOff[t]:postOff[t+1]]
	postDoc []int32   // documents, ascending, that have the term among their query features
}

// collect runs the garbage collector after a phase of a large batch has
// dropped a large part of what it held, so that the next phase reuses that
// memory instead of growing the heap towards twice what is live.
func (g *batchGroup) collect() {
	if g.n >= 1<<16 {
		runtime.GC()
	}
}

// doc returns the chunk and position of document i.
func (g *batchGroup) doc(i int32) (*chunk, int) {
	return g.chunks[int(i)/chunkSize], int(i) % chunkSize
}

// duplicates returns, for each document, the earlier document it nearly
// copies (the most similar, the earliest on ties), or -1. For each band of
// the signatures, the documents are sorted by band key, and each is
// compared with the bucketCap before it in its bucket: the same pairs an
// lsh built in document order compares.
func (g *batchGroup) duplicates() []int32 {
	type found struct {
		best []int32
		sim  []float64
	}
	workers := min(runtime.GOMAXPROCS(0), bands)
	per := make([]found, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			f := found{best: make([]int32, g.n), sim: make([]float64, g.n)}
			for i := range f.best {
				f.best[i] = -1
			}
			type entry struct {
				key uint64
				doc int32
			}
			entries := make([]entry, 0, g.n)
			for {
				band := int(next.Add(1)) - 1
				if band >= bands {
					break
				}
				entries = entries[:0]
				for ci, c := range g.chunks {
					for k := range c.n {
						if c.sigd[k] {
							entries = append(entries, entry{c.sig[k].bandKey(band), int32(ci*chunkSize + k)})
						}
					}
				}
				slices.SortFunc(entries, func(a, b entry) int {
					if c := cmp.Compare(a.key, b.key); c != 0 {
						return c
					}
					return cmp.Compare(a.doc, b.doc)
				})
				for p, e := range entries {
					ci, k := g.doc(e.doc)
					sig := &ci.sig[k]
					for q := p - 1; q >= 0 && q >= p-bucketCap && entries[q].key == e.key; q-- {
						j := entries[q].doc
						cj, kj := g.doc(j)
						s := sig.jaccard(&cj.sig[kj])
						if better := s > f.sim[e.doc] || s == f.sim[e.doc] && j < f.best[e.doc]; s >= g.opt.DuplicateThreshold && (f.best[e.doc] < 0 || better) {
							f.best[e.doc], f.sim[e.doc] = j, s
						}
					}
				}
			}
			per[w] = f
		})
	}
	wg.Wait()
	dup := per[0].best
	for _, f := range per[1:] {
		for i, j := range f.best {
			if j >= 0 && (dup[i] < 0 || f.sim[i] > per[0].sim[i] || f.sim[i] == per[0].sim[i] && j < dup[i]) {
				dup[i], per[0].sim[i] = j, f.sim[i]
			}
		}
	}
	for _, c := range g.chunks {
		c.sig, c.sigd = nil, nil
	}
	return dup
}

// tfw[n] is the term-frequency factor 1 + ln n.
var tfw = func() (t [256]float64) {
	for n := 1; n < len(t); n++ {
		t[n] = 1 + math.Log(float64(n))
	}
	return t
}()

// raw is the weight of a feature before normalisation.
func (g *batchGroup) raw(id termID, n uint8) float64 {
	return tfw[n] * g.idf[id.index()] * g.fw[id.family()]
}

// weigh drops the features seen in fewer than minDF documents (they cannot
// make two documents similar), sorts each document's features by id,
// computes the norms and picks the query features.
func (g *batchGroup) weigh(c *chunk) {
	c.norm, c.li2, c.w2 = make([]float64, c.n), make([]float64, c.n), make([]float64, c.n)
	c.topOff = make([]int32, 1, c.n+1)
	var pack, keys []uint64
	var ws []featWeight
	out := int32(0)
	for k := range c.n {
		pack = pack[:0]
		for f := c.off[k]; f < c.off[k+1]; f++ {
			id := c.ids[f]
			if g.df[id.index()] >= minDF && g.fw[id.family()] > 0 {
				pack = append(pack, uint64(id)<<8|uint64(c.cnt[f]))
			}
		}
		slices.Sort(pack)
		c.off[k] = out
		var li2, w2 float64
		for _, p := range pack {
			id, n := termID(p>>8), uint8(p)
			c.ids[out], c.cnt[out] = id, n
			out++
			w := g.raw(id, n)
			if id.family() == famWord {
				w2 += w * w
			} else {
				li2 += w * w
			}
		}
		norm := math.Sqrt(li2 + w2)
		c.norm[k] = norm
		if norm > 0 {
			li2 /= norm * norm
			w2 /= norm * norm
		}
		c.li2[k], c.w2[k] = li2, w2
		ws = ws[:0]
		for _, p := range pack {
			id := termID(p >> 8)
			ws = append(ws, featWeight{g.unit(id, uint8(p), norm), id})
		}
		c.tops, keys = appendQuery(c.tops, ws, g.opt.QueryTerms, keys)
		c.topOff = append(c.topOff, int32(len(c.tops)))
	}
	c.off[c.n] = out
	c.ids = slices.Clip(c.ids[:out])
	c.cnt = slices.Clip(c.cnt[:out])
	c.tops = slices.Clip(c.tops)
}

// featWeight is a feature and its weight in a unit vector.
type featWeight struct {
	w  float32
	id termID
}

// weights appends the weights of document k's features, in id order.
func (g *batchGroup) weights(c *chunk, k int, out []featWeight) []featWeight {
	norm := c.norm[k]
	for f := c.off[k]; f < c.off[k+1]; f++ {
		out = append(out, featWeight{g.unit(c.ids[f], c.cnt[f], norm), c.ids[f]})
	}
	return out
}

// unit is the weight of a feature in a unit vector of the given norm.
func (g *batchGroup) unit(id termID, n uint8, norm float64) float32 {
	if norm == 0 {
		return float32(g.raw(id, n))
	}
	return float32(float64(float32(g.raw(id, n))) / norm)
}

// appendQuery appends the features a document is looked up and indexed by,
// as vec.query picks them: the k heaviest, plus the k/2 heaviest names,
// numbers and dates; ties break on the id. sortKeys is scratch space.
func appendQuery(out []termID, ws []featWeight, k int, sortKeys []uint64) ([]termID, []uint64) {
	// Weights are positive, so their bits order as the floats do: one
	// ascending sort of (^weight, id) puts the heaviest first.
	sortKeys = sortKeys[:0]
	for _, x := range ws {
		sortKeys = append(sortKeys, uint64(^math.Float32bits(x.w))<<32|uint64(x.id))
	}
	slices.Sort(sortKeys)
	li := 0
	for n, key := range sortKeys {
		id := termID(key)
		switch {
		case n < k:
			out = append(out, id)
			if id.family() != famWord {
				li++
			}
		case li < k/2 && id.family() != famWord:
			out = append(out, id)
			li++
		}
		if n >= k && li >= k/2 {
			break
		}
	}
	return out, sortKeys
}

// index builds the posting lists: for each term, the documents that have
// it among their query features, in document order.
func (g *batchGroup) index() {
	g.postOff = make([]int64, len(g.df)+1)
	for _, c := range g.chunks {
		for _, t := range c.tops {
			g.postOff[t.index()+1]++
		}
	}
	for t := 1; t < len(g.postOff); t++ {
		g.postOff[t] += g.postOff[t-1]
	}
	g.postDoc = make([]int32, g.postOff[len(g.df)])
	fill := slices.Clone(g.postOff[:len(g.df)])
	for ci, c := range g.chunks {
		for k := range c.n {
			for _, t := range c.tops[c.topOff[k]:c.topOff[k+1]] {
				g.postDoc[fill[t.index()]] = int32(ci*chunkSize + k)
				fill[t.index()]++
			}
		}
	}
}

// scoreScratch is one worker's dense accumulator of candidate scores.
type scoreScratch struct {
	score   []float64 // by document; 0 when untouched
	touched []int32
	cands   []candidate
	ws      []featWeight
}

// candidates computes the edges from each document of c to earlier ones:
// those that share one of its query features among the PostingCap latest
// to have it, the batchCandidates·MaxCandidates sharing the most query
// weight, and its near-duplicate (similarity 1).
func (g *batchGroup) candidates(c *chunk, dup []int32, s *scoreScratch) {
	if s.score == nil {
		s.score = make([]float64, g.n)
	}
	k0 := int32(c.seq * chunkSize)
	for k := range c.n {
		i := k0 + int32(k)
		s.ws = g.weights(c, k, s.ws[:0])
		for _, t := range c.tops[c.topOff[k]:c.topOff[k+1]] {
			p, _ := slices.BinarySearchFunc(s.ws, t, func(x featWeight, t termID) int { return cmp.Compare(x.id, t) })
			w := float64(s.ws[p].w)
			list := g.postDoc[g.postOff[t.index()]:g.postOff[t.index()+1]]
			at, _ := slices.BinarySearch(list, i)
			for _, j := range list[max(0, at-g.opt.PostingCap):at] {
				if s.score[j] == 0 {
					s.touched = append(s.touched, j)
				}
				s.score[j] += w
			}
		}
		s.cands = topScores(s.score, s.touched, batchCandidates*g.opt.MaxCandidates, s.cands[:0])
		for _, j := range s.touched {
			s.score[j] = 0
		}
		s.touched = s.touched[:0]
		linked := false
		for _, cd := range s.cands {
			j := cd.story
			if !withinWindow(g.pub[i], g.pub[j], g.opt.Window) {
				continue
			}
			sim := g.cosine(c, k, s.ws, j)
			if dup[i] == j {
				sim, linked = 1, true
			}
			if sim >= minEdge {
				c.edges = append(c.edges, edge{j, i, float32(sim)})
			}
		}
		if d := dup[i]; d >= 0 && !linked {
			c.edges = append(c.edges, edge{d, i, 1})
		}
	}
	c.edges = slices.Clip(c.edges)
}

// topScores appends to buf the k documents in touched with the highest
// score (ties: the latest first), best first.
func topScores(score []float64, touched []int32, k int, buf []candidate) []candidate {
	better := func(a, b candidate) bool {
		return a.score > b.score || a.score == b.score && a.story > b.story
	}
	cands := buf[:0]
	for _, j := range touched {
		c := candidate{j, score[j]}
		if len(cands) == k && !better(c, cands[k-1]) {
			continue
		}
		if len(cands) < k {
			cands = append(cands, c)
		}
		n := len(cands) - 1
		for ; n > 0 && better(c, cands[n-1]); n-- {
			cands[n] = cands[n-1]
		}
		cands[n] = c
	}
	return cands
}

// cosine is the similarity of document k of c, whose weights are ws, and
// document j, as cosine() computes it for two vecs.
func (g *batchGroup) cosine(c *chunk, k int, ws []featWeight, j int32) float64 {
	cj, kj := g.doc(j)
	ids := cj.ids[cj.off[kj]:cj.off[kj+1]]
	cnt := cj.cnt[cj.off[kj]:cj.off[kj+1]]
	norm := cj.norm[kj]
	var li, w float64
	a, b := 0, 0
	for a < len(ws) && b < len(ids) {
		switch {
		case ws[a].id < ids[b]:
			a++
		case ws[a].id > ids[b]:
			b++
		default:
			p := float64(ws[a].w) * float64(g.unit(ids[b], cnt[b], norm))
			if ids[b].family() == famWord {
				w += p
			} else {
				li += p
			}
			a++
			b++
		}
	}
	li2a, w2a, li2b, w2b := c.li2[k], c.w2[k], cj.li2[kj], cj.w2[kj]
	if c.lang[k] == cj.lang[kj] && w2a > 0 && w2b > 0 {
		d := math.Sqrt((li2a + w2a) * (li2b + w2b))
		if d == 0 {
			return 0
		}
		return (li + w) / d
	}
	d := math.Sqrt(li2a * li2b)
	if d == 0 {
		return 0
	}
	return min(1, crossBoost*li/d)
}
