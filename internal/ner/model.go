package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// table is an open-addressing hash table from feature hash to width
// weights, each slot holding its key and weights together so that a lookup
// touches one cache line. tags holds one byte of each slot's key (0 when
// empty) so that a probe for an absent feature, the common case, reads a
// small array that stays in cache instead of the slots.
type table struct {
	slots []slot
	tags  []uint8
	mask  uint64
}

// tagOf is the byte of h kept in tags: never 0, which marks an empty slot.
func tagOf(h uint64) uint8 {
	if t := uint8(h >> 56); t != 0 {
		return t
	}
	return 1
}

type slot struct {
	key uint64
	w   [width]float32
}

func newTable(n int) table {
	size := 1
	for size < 2*n {
		size <<= 1
	}
	return table{slots: make([]slot, size), tags: make([]uint8, size), mask: uint64(size - 1)}
}

func (t *table) add(h uint64, w []float32) {
	i := h & t.mask
	for t.slots[i].key != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i].key = h
	if h != 0 {
		t.tags[i] = tagOf(h)
	}
	copy(t.slots[i].w[:], w)
}

// score adds the weights of the features fs to sc.
func (t *table) score(fs []uint64, sc *[width]float32) {
	if len(t.slots) == 0 {
		return
	}
	for _, h := range fs {
		if h == 0 {
			t.scoreZero(sc)
			continue
		}
		tg := tagOf(h)
		for i := h & t.mask; ; i = (i + 1) & t.mask {
			g := t.tags[i]
			if g == 0 {
				break
			}
			if g == tg && t.slots[i].key == h {
				for l := range sc {
					sc[l] += t.slots[i].w[l]
				}
				break
			}
		}
	}
}

// scoreZero looks up the feature hash 0 the way the table always has: its
// home slot 0 reads as keyed 0 whether filled or empty.
func (t *table) scoreZero(sc *[width]float32) {
	for l := range sc {
		sc[l] += t.slots[0].w[l]
	}
}

// The model file is gzip over: magic, feature version, row width, weight
// scale, then two sections (segmenter, typer), each a feature count and per
// feature (sorted by hash) the hash delta as a uvarint, a uvarint mask of
// the non-zero weights and each such weight as a zig-zag varint of
// weight/scale.
var magic = []byte("PXNER\x02")

// save writes the two weight sets, leaving out weights that quantise to 0.
func save(out io.Writer, seg, typ map[uint64][]float32) (int, error) {
	var maxAbs float32
	for _, m := range []map[uint64][]float32{seg, typ} {
		for _, w := range m {
			for _, x := range w {
				maxAbs = max(maxAbs, x, -x)
			}
		}
	}
	scale := maxAbs / 30000
	if scale == 0 {
		scale = 1
	}
	zw, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	sv := func(x int64) { bw.Write(buf[:binary.PutVarint(buf[:], x)]) }
	bw.Write(magic)
	uv(featureVersion)
	uv(width)
	uv(uint64(math.Float32bits(scale)))
	total := 0
	for _, feats := range []map[uint64][]float32{seg, typ} {
		keys := make([]uint64, 0, len(feats))
		q := map[uint64][width]int64{}
		for h, w := range feats {
			var r [width]int64
			nz := false
			for l, x := range w {
				r[l] = int64(math.Round(float64(x / scale)))
				nz = nz || r[l] != 0
			}
			if nz {
				keys = append(keys, h)
				q[h] = r
			}
		}
		slices.Sort(keys)
		uv(uint64(len(keys)))
		var last uint64
		for _, h := range keys {
			uv(h - last)
			last = h
			r := q[h]
			var m uint64
			for l, x := range r {
				if x != 0 {
					m |= 1 << l
				}
			}
			uv(m)
			for _, x := range r {
				if x != 0 {
					sv(x)
				}
			}
		}
		total += len(keys)
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return total, zw.Close()
}

// Load reads a model written by the trainer.
func Load(r io.Reader) (*Model, error) {
	lex, err := lexicon()
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != string(magic) {
		return nil, errors.New("model: not a Parallax NER model (bad magic)")
	}
	rd := func() uint64 {
		x, e := binary.ReadUvarint(br)
		if e != nil && err == nil {
			err = e
		}
		return x
	}
	if v := rd(); v != featureVersion {
		return nil, fmt.Errorf("model: feature version %d, this build computes version %d: retrain", v, featureVersion)
	}
	if n := rd(); n != width {
		return nil, fmt.Errorf("model: rows of %d weights, want %d", n, width)
	}
	scale := math.Float32frombits(uint32(rd()))
	if err != nil {
		return nil, fmt.Errorf("model header: %w", err)
	}
	m := &Model{lex: lex}
	for _, t := range []*table{&m.seg, &m.typ} {
		n := rd()
		if err != nil {
			return nil, fmt.Errorf("model: %w", err)
		}
		if n > 1<<26 {
			return nil, fmt.Errorf("model: implausible feature count %d", n)
		}
		*t = newTable(int(n))
		var h uint64
		var w [width]float32
		for i := uint64(0); i < n; i++ {
			h += rd()
			mask := rd()
			for l := range w {
				w[l] = 0
				if mask&(1<<l) != 0 {
					x, e := binary.ReadVarint(br)
					if e != nil {
						return nil, fmt.Errorf("model feature %d: %w", i, e)
					}
					w[l] = float32(x) * scale
				}
			}
			if err != nil {
				return nil, fmt.Errorf("model feature %d: %w", i, err)
			}
			t.add(h, w[:])
		}
	}
	return m, nil
}
