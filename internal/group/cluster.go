package group

import "container/heap"

// edge is the similarity of two documents that share a discriminative
// feature. Pairs without an edge have similarity 0.
type edge struct {
	a, b int32
	sim  float64
}

// averageLink clusters n items by average-linkage agglomeration over a
// sparse similarity graph: it repeatedly merges the two clusters whose
// mean pairwise similarity (pairs without an edge count 0) is highest,
// while that mean is at least threshold. It returns each item's cluster
// as the smallest item index in it. Ties break on the cluster indexes, so
// the result depends only on the input.
func averageLink(n int, edges []edge, threshold float64) []int32 {
	size := make([]int32, n)
	ver := make([]int32, n)
	adj := make([]map[int32]float64, n)
	for i := range size {
		size[i] = 1
	}
	for _, e := range edges {
		if e.a == e.b {
			continue
		}
		for _, p := range [2][2]int32{{e.a, e.b}, {e.b, e.a}} {
			if adj[p[0]] == nil {
				adj[p[0]] = map[int32]float64{}
			}
			adj[p[0]][p[1]] += e.sim
		}
	}
	h := &pairHeap{}
	for a := range adj {
		for b, s := range adj[a] {
			if int32(a) < b && s >= threshold {
				h.items = append(h.items, pair{int32(a), b, s, 0, 0})
			}
		}
	}
	heap.Init(h)
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	for h.Len() > 0 {
		p := heap.Pop(h).(pair)
		if ver[p.a] != p.va || ver[p.b] != p.vb || parent[p.a] != p.a || parent[p.b] != p.b {
			continue
		}
		// merge b into a (a < b)
		a, b := p.a, p.b
		parent[b] = a
		size[a] += size[b]
		ver[a]++
		ver[b]++
		delete(adj[a], b)
		for c, s := range adj[b] {
			if c == a {
				continue
			}
			adj[a][c] += s
			delete(adj[c], b)
			adj[c][a] += s
		}
		adj[b] = nil
		for c, s := range adj[a] {
			avg := s / (float64(size[a]) * float64(size[c]))
			if avg < threshold {
				continue
			}
			x, y := a, c
			if y < x {
				x, y = y, x
			}
			heap.Push(h, pair{x, y, avg, ver[x], ver[y]})
		}
	}
	out := make([]int32, n)
	for i := range out {
		r := int32(i)
		for parent[r] != r {
			r = parent[r]
		}
		out[i] = r
	}
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
