package main

// bcubed compares two groupings of the same items (item → cluster) with
// B-cubed precision, recall and F1: for each item, the share of its cluster
// in got that shares its cluster in want, and the other way round. Items in
// only one of the two are left out.
func bcubed[K comparable, C comparable](got, want map[K]C) (p, r, f float64) {
	type pair struct{ g, w C }
	both := map[pair]int{}
	gotSize, wantSize := map[C]int{}, map[C]int{}
	n := 0
	for k, g := range got {
		w, ok := want[k]
		if !ok {
			continue
		}
		both[pair{g, w}]++
		gotSize[g]++
		wantSize[w]++
		n++
	}
	if n == 0 {
		return 0, 0, 0
	}
	// Each of the c items of a (g, w) cell scores c/|g| and c/|w|.
	for k, c := range both {
		p += float64(c) * float64(c) / float64(gotSize[k.g])
		r += float64(c) * float64(c) / float64(wantSize[k.w])
	}
	p, r = p/float64(n), r/float64(n)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
