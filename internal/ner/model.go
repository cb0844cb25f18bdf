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

// table is an open-addressing hash table from feature hash to a row of
// nLabels weights.
type table struct {
	keys []uint64
	rows []int32
	w    []float32
	mask uint64
}

func newTable(n int) table {
	size := 1
	for size < 2*n {
		size <<= 1
	}
	return table{keys: make([]uint64, size), rows: make([]int32, size), w: make([]float32, 0, n*nLabels), mask: uint64(size - 1)}
}

func (t *table) add(h uint64, w []float32) {
	i := h & t.mask
	for t.keys[i] != 0 {
		i = (i + 1) & t.mask
	}
	t.keys[i] = h
	t.rows[i] = int32(len(t.w) / nLabels)
	t.w = append(t.w, w...)
}

func (t *table) row(h uint64) []float32 {
	if len(t.keys) == 0 {
		return nil
	}
	i := h & t.mask
	for {
		k := t.keys[i]
		if k == h {
			r := int(t.rows[i]) * nLabels
			return t.w[r : r+nLabels : r+nLabels]
		}
		if k == 0 {
			return nil
		}
		i = (i + 1) & t.mask
	}
}

// The model file is gzip over: magic, feature version, label count, weight
// scale, feature count, then per feature (sorted by hash) the hash delta as a
// uvarint, a uvarint mask of the labels with a non-zero weight and each such
// weight as a zig-zag varint of weight/scale.
var magic = []byte("PXNER\x01")

// save writes features whose quantised weights are not all zero.
func save(out io.Writer, feats map[uint64][]float32, scale float32) (int, error) {
	keys := make([]uint64, 0, len(feats))
	q := map[uint64][nLabels]int64{}
	for h, w := range feats {
		var r [nLabels]int64
		nz := false
		for l, x := range w {
			r[l] = int64(math.Round(float64(x / scale)))
			if r[l] != 0 {
				nz = true
			}
		}
		if nz {
			keys = append(keys, h)
			q[h] = r
		}
	}
	slices.Sort(keys)
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
	uv(nLabels)
	uv(uint64(math.Float32bits(scale)))
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
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return len(keys), zw.Close()
}

// Temperature scales scores before the softmax that decode and confidences
// use; Load copies it into the model.
var Temperature float32 = 1

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
	if n := rd(); n != nLabels {
		return nil, fmt.Errorf("model: %d labels, want %d", n, nLabels)
	}
	scale := math.Float32frombits(uint32(rd()))
	n := rd()
	if err != nil {
		return nil, fmt.Errorf("model header: %w", err)
	}
	if n > 1<<26 {
		return nil, fmt.Errorf("model: implausible feature count %d", n)
	}
	t := newTable(int(n))
	var h uint64
	var w [nLabels]float32
	for i := uint64(0); i < n; i++ {
		h += rd()
		m := rd()
		for l := range w {
			w[l] = 0
			if m&(1<<l) != 0 {
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
	return &Model{tab: t, lex: lex, temp: Temperature}, nil
}
