package group

// MinHash over word shingles finds near-duplicates: wire copies and lightly
// edited reposts. A document's signature holds, for each of sigSize hash
// functions, the least hash of its shingles (runs of shingleSize words);
// the share of equal slots in two signatures estimates the Jaccard
// similarity of their shingle sets. Locality-sensitive hashing splits the
// signature into bands; documents that agree on a whole band are
// candidates, so candidates are found without comparing all pairs.
const (
	shingleSize = 4
	sigSize     = 64
	bands       = 16
	bandRows    = sigSize / bands
)

type signature [sigSize]uint32

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// minhash computes the signature of a sequence of word hashes. ok is false
// when the text is too short to have a meaningful signature.
func minhash(words []uint64) (sig signature, ok bool) {
	if len(words) < shingleSize+4 {
		return sig, false
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for i := 0; i+shingleSize <= len(words); i++ {
		h := uint64(0x9e3779b97f4a7c15)
		for _, w := range words[i : i+shingleSize] {
			h = mix(h ^ w)
		}
		// Derive the sigSize hash values two at a time from h.
		for k := 0; k < sigSize; k += 2 {
			x := mix(h + uint64(k+1)*0x9e3779b97f4a7c15)
			if lo := uint32(x); lo < sig[k] {
				sig[k] = lo
			}
			if hi := uint32(x >> 32); hi < sig[k+1] {
				sig[k+1] = hi
			}
		}
	}
	return sig, true
}

// jaccard estimates the Jaccard similarity of the shingle sets.
func (s *signature) jaccard(o *signature) float64 {
	eq := 0
	for i := range s {
		if s[i] == o[i] {
			eq++
		}
	}
	return float64(eq) / sigSize
}

// shortSig keeps the low 16 bits of each value of a signature, as b-bit
// minwise hashing does (Li and König, "b-Bit Minwise Hashing", 2010): two
// values agree by chance with probability 2⁻¹⁶, which moves a Jaccard
// estimate by about 0.0001 on average, for half the memory.
type shortSig [sigSize]uint16

func (s *signature) short() (o shortSig) {
	for i, v := range s {
		o[i] = uint16(v)
	}
	return o
}

func (s *shortSig) jaccard(o *shortSig) float64 {
	eq := 0
	for i := range s {
		if s[i] == o[i] {
			eq++
		}
	}
	return float64(eq) / sigSize
}

// bandKey is the hash of band b.
func (s *shortSig) bandKey(b int) uint64 {
	h := uint64(b+1) * 0x9e3779b97f4a7c15
	for _, v := range s[b*bandRows : (b+1)*bandRows] {
		h = mix(h ^ uint64(v))
	}
	return h
}

// bandKeys returns one hash per band, the band number mixed in.
func (s *signature) bandKeys() [bands]uint64 {
	var keys [bands]uint64
	for b := range keys {
		keys[b] = s.bandKey(b)
	}
	return keys
}

// bandKey is the hash of band b.
func (s *signature) bandKey(b int) uint64 {
	h := uint64(b+1) * 0x9e3779b97f4a7c15
	for _, v := range s[b*bandRows : (b+1)*bandRows] {
		h = mix(h ^ uint64(v))
	}
	return h
}

// bucketCap bounds how many documents of one bucket are compared.
const bucketCap = 32
