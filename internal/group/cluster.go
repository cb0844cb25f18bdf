package group

import (
	"container/heap"
	"math"
	"slices"
)

// edge is the similarity of two documents that share a discriminative
// feature. Pairs without an edge have similarity 0.
type edge struct {
	a, b int32
	sim  float32
}

// adjEntry is a neighbour and the summed similarity to it.
type adjEntry struct {
	nbr int32
	sum float32
}

// averageLink clusters n items by average-linkage agglomeration over a
// sparse similarity graph: it repeatedly merges the two clusters whose
// mean pairwise similarity (pairs without an edge count 0) is highest,
// while that mean is at least threshold. It returns each item's cluster
// as the smallest item index in it. Ties break on the cluster indexes, so
// the result depends only on the input.
//
// The graph is kept as one flat adjacency array (8 bytes a half-edge); a
// merged cluster gets its own list, the sum of its parts'. Neighbours'
// lists are not rewritten on a merge: entries naming a merged item are
// mapped to its cluster when read.
func averageLink(n int, edges [][]edge, threshold float64) []int32 {
	off := make([]int64, n+1)
	for _, es := range edges {
		for _, e := range es {
			if e.a != e.b {
				off[e.a+1]++
				off[e.b+1]++
			}
		}
	}
	for i := 1; i <= n; i++ {
		off[i] += off[i-1]
	}
	flat := make([]adjEntry, off[n])
	fill := slices.Clone(off[:n])
	for _, es := range edges {
		for _, e := range es {
			if e.a != e.b {
				flat[fill[e.a]] = adjEntry{e.b, e.sim}
				fill[e.a]++
				flat[fill[e.b]] = adjEntry{e.a, e.sim}
				fill[e.b]++
			}
		}
	}
	fill = nil
	l := linker{
		off: off, flat: flat, lists: make([][]adjEntry, n),
		parent: make([]int32, n), size: make([]int32, n), ver: make([]int32, n),
	}
	for i := range l.parent {
		l.parent[i] = int32(i)
		l.size[i] = 1
	}
	h := &pairHeap{}
	for a := range n {
		for _, e := range l.combined(int32(a), -1) {
			if int32(a) < e.nbr && float64(e.sum) >= threshold {
				h.items = append(h.items, pair{int32(a), e.nbr, float64(e.sum), 0, 0})
			}
		}
	}
	heap.Init(h)
	for h.Len() > 0 {
		p := heap.Pop(h).(pair)
		if l.ver[p.a] != p.va || l.ver[p.b] != p.vb || l.parent[p.a] != p.a || l.parent[p.b] != p.b {
			continue
		}
		// merge b into a (a < b)
		a, b := p.a, p.b
		l.parent[b] = a
		l.size[a] += l.size[b]
		l.ver[a]++
		l.ver[b]++
		merged := slices.Clone(l.combined(a, b))
		l.lists[a], l.lists[b] = merged, nil
		for _, e := range merged {
			c := e.nbr
			avg := float64(e.sum) / (float64(l.size[a]) * float64(l.size[c]))
			if avg < threshold {
				continue
			}
			x, y := a, c
			if y < x {
				x, y = y, x
			}
			heap.Push(h, pair{x, y, avg, l.ver[x], l.ver[y]})
		}
	}
	out := make([]int32, n)
	for i := range out {
		out[i] = l.find(int32(i))
	}
	return out
}

// linker is the state of averageLink.
type linker struct {
	off     []int64
	flat    []adjEntry   // item i's neighbours: flat[off[i]:off[i+1]]
	lists   [][]adjEntry // a merged cluster's neighbours, by its root
	parent  []int32
	size    []int32
	ver     []int32
	scratch []adjEntry
	keys    []uint64
}

func (l *linker) find(x int32) int32 {
	for l.parent[x] != x {
		l.parent[x] = l.parent[l.parent[x]]
		x = l.parent[x]
	}
	return x
}

func (l *linker) row(x int32) []adjEntry {
	if l.lists[x] != nil {
		return l.lists[x]
	}
	return l.flat[l.off[x]:l.off[x+1]]
}

// combined returns the neighbours of cluster a, and of b when b ≥ 0 (b
// being merged into a), as clusters, each once with the summed
// similarity, in cluster order. The slice is reused by the next call.
func (l *linker) combined(a, b int32) []adjEntry {
	// Sorting (cluster, similarity bits) packed in one word orders the
	// entries of one cluster the same way whatever order they came in, so
	// their float sum does too.
	keys := l.keys[:0]
	for _, x := range [2]int32{a, b} {
		if x < 0 {
			continue
		}
		for _, e := range l.row(x) {
			if c := l.find(e.nbr); c != a {
				keys = append(keys, uint64(c)<<32|uint64(math.Float32bits(e.sum)))
			}
		}
	}
	slices.Sort(keys)
	out := l.scratch[:0]
	for _, k := range keys {
		c, s := int32(k>>32), math.Float32frombits(uint32(k))
		if n := len(out) - 1; n >= 0 && out[n].nbr == c {
			out[n].sum += s
		} else {
			out = append(out, adjEntry{c, s})
		}
	}
	l.keys, l.scratch = keys, out
	return out
}

type pair struct {
	a, b   int32
	avg    float64
	va, vb int32
}

type pairHeap struct{ items []pair }

func (h *pairHeap) Len() int { return len(h.items) }
func (h *pairHeap) Less(i, j int) bool {
	x, y := h.items[i], h.items[j]
	if x.avg != y.avg {
		return x.avg > y.avg
	}
	if x.a != y.a {
		return x.a < y.a
	}
	return x.b < y.b
}
func (h *pairHeap) Swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *pairHeap) Push(x any)    { h.items = append(h.items, x.(pair)) }
func (h *pairHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}
