// Package group finds near-duplicate articles and groups articles about the
// same event into stories.
//
// Every document becomes a sparse TF-IDF vector over four families of
// features:
//
//   - content words: lowercased, accent-folded, stopwords dropped, stemmed
//     with snowball for English and Spanish; they are keyed by language, so
//     they only ever match within one language;
//   - names: capitalised words that do not merely start a sentence or sit in
//     a title-cased headline ("Francis Scott Key", "Key Bridge"), single
//     words and adjacent pairs, accent-folded;
//   - numbers, normalised ("20,000", "20.000" and, in tokenised text,
//     "20 , 000" are all 20000; "6 million", "six million" and "6 millones"
//     are 6000000);
//   - dates: years, month and day, year and month, in several languages.
//
// Names, numbers and dates cross languages where words do not: two
// documents in different languages are compared over those families only,
// so a Spanish article on an event joins its English story. Each family has
// its own weight (Options.Weights).
//
// Near-duplicates (wire copies, lightly edited reposts) are found with
// MinHash over four-word shingles and banded locality-sensitive hashing.
//
// Features in the lead (the headline and about the first sentence) count
// double, and pairs of adjacent content words ("cargo ship") are features
// too.
//
// Two entry points share all of this. Index is incremental: Add assigns one
// document at a time, comparing it only with the stories that share one of
// its most discriminative features (an inverted index with capped posting
// lists), so its cost does not grow with the number of stories seen; it
// lives in memory (NewIndex) or keeps its state in a State, the library's
// store (OpenIndex), of which it reads only what each document needs.
// Stories groups a whole batch at once: it builds the same candidate pairs,
// then clusters them by average linkage, which is better than the single
// greedy pass. Index.Regroup brings the two together: it groups the
// documents an Index placed since it last did again, with the other
// members of their stories and of the stories nearest them, by Stories. Both are deterministic: the same documents in the same order
// give the same result. Stories (or a Batch, which it feeds) reads the
// documents on all cores and keeps a compact form of each, not its text,
// and scores the candidate pairs on all cores: a million articles take
// minutes and a few gigabytes.
//
// Measured on the development sets beside the repository (see
// eval_test.go), Stories reaches a story BCubed F1 of 0.92 on ECB+ (982
// documents, 43 topics of two same-kind events each) and 0.96 on a sample
// of 84 news articles in five languages; an Index, 0.85 and 0.93.
package group

import (
	"math"
	"time"
)

// Doc is one article to group.
type Doc struct {
	ID    string // unique within a batch or an Index
	Title string // headline; skipped when Text already starts with it
	Text  string
	// Published is the publication time; zero when unknown. It only matters
	// when Options.Window is set.
	Published time.Time
	// Language is an ISO 639-1 code ("en", "es-MX"); "" to let the package
	// guess from function words.
	Language string
	// Names are entity names found by the analysis stage (optional); they
	// add to the names read from the text.
	Names []string
}

// Weights scale each feature family in the TF-IDF vectors. A Weights with
// every field zero selects the defaults, {Words: 1, Names: 1, Numbers: 0.6,
// Dates: 2}: names also count among the words, in their language, and dates
// weigh double, as they tell apart two events of the same kind. Otherwise a
// zero or negative weight leaves the family out.
type Weights struct {
	Words   float64 // content words
	Names   float64 // capitalised names
	Numbers float64 // numbers
	Dates   float64 // years and dates
}

var defaultWeights = Weights{Words: 1, Names: 1, Numbers: 0.6, Dates: 2}

// Options tune grouping. The zero value is ready to use.
type Options struct {
	// Threshold is the least similarity for documents to share a story: the
	// mean cosine similarity between the members of two clusters merged by
	// Stories, or between a document and the members of the story Index.Add
	// puts it in. Zero means DefaultThreshold for Stories and
	// DefaultIndexThreshold for an Index.
	Threshold float64
	// DuplicateThreshold is the least estimated Jaccard similarity of two
	// documents' four-word shingle sets for the later one to be a
	// near-duplicate of the earlier. Zero means 0.5.
	DuplicateThreshold float64
	// QueryTerms is how many of a document's most heavily weighted features
	// it is indexed and looked up by (half as many names, numbers and dates
	// are added). Zero means 32.
	QueryTerms int
	// PostingCap is how many entries each posting list of the candidate
	// index keeps, the most recent ones. Zero means 128.
	PostingCap int
	// MaxCandidates is how many candidate stories Index.Add scores in full,
	// those sharing the most weight of the query features; Stories compares
	// each document with four times as many earlier documents. Zero means 16.
	MaxCandidates int
	// Window, when positive, keeps a document out of stories whose dated
	// members were all published more than Window before or after it (in
	// Stories: no similarity is counted between documents published more
	// than Window apart). Undated documents are not affected, nor are
	// near-duplicates, which always join the story of what they copy.
	// Zero: no window.
	Window time.Duration
	// Weights scales each feature family; the zero value means the defaults.
	Weights Weights
}

// Default thresholds, chosen on the two development sets (ECB+ and a
// multilingual news sample) as the middle of the range good for both.
// An Index scores a document against stories built from vectors weighted
// when their members arrived, features then unique included, so its
// similarities run lower than those Stories computes over the whole batch.
const (
	DefaultThreshold      = 0.19
	DefaultIndexThreshold = 0.12
)

func (o Options) withDefaults(threshold float64) Options {
	if o.Threshold == 0 {
		o.Threshold = threshold
	}
	if o.DuplicateThreshold == 0 {
		o.DuplicateThreshold = 0.5
	}
	if o.QueryTerms <= 0 {
		o.QueryTerms = 32
	}
	if o.PostingCap <= 0 {
		o.PostingCap = 128
	}
	if o.MaxCandidates <= 0 {
		o.MaxCandidates = 16
	}
	if o.Weights == (Weights{}) {
		o.Weights = defaultWeights
	}
	return o
}

func (w Weights) array() *[numFamilies]float64 {
	var a [numFamilies]float64
	a[famWord], a[famName], a[famNum], a[famDate] = w.Words, w.Names, w.Numbers, w.Dates
	for i := range a {
		a[i] = math.Max(a[i], 0)
	}
	return &a
}

// Cluster is one story: the documents about one event.
type Cluster struct {
	ID   string   // "s1", "s2", … in order of first member
	Docs []string // member IDs, in input order
}

// Result is the outcome of grouping a batch.
type Result struct {
	// Clusters holds every document exactly once, single-document stories
	// included, ordered by their first member's position in the input.
	Clusters []Cluster
	// Story[i] is the ID of the cluster that holds docs[i].
	Story []string
	// DuplicateOf[i] is the ID of the earlier document that docs[i] nearly
	// copies, or "" when it copies none.
	DuplicateOf []string
}

// Stories groups a batch of documents into stories and links
// near-duplicates. The same documents in the same order always give the
// same result, whatever the number of cores. It is a Batch fed docs.
func Stories(docs []Doc, opt Options) Result {
	b := NewBatch(opt)
	for _, d := range docs {
		b.Add(d)
	}
	return b.Result()
}

// batchCandidates: Stories compares each document with this many times
// MaxCandidates earlier documents, those sharing the most query weight.
const batchCandidates = 4

// candidate is a story (or, in Stories, a document) and the weight of the
// query features it shares with the document looked up.
type candidate struct {
	story int32
	score float64
}

// topCandidates appends to buf the k candidates with the highest score
// (ties: the newest first), best first.
func topCandidates(score map[int32]float64, k int, buf []candidate) []candidate {
	better := func(a, b candidate) bool {
		return a.score > b.score || a.score == b.score && a.story > b.story
	}
	cands := buf[:0]
	for s, w := range score {
		c := candidate{s, w}
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

// minEdge is the least similarity worth keeping as an edge: lower ones
// change average-linkage means by almost nothing.
const minEdge = 0.02

func withinWindow(a, b time.Time, w time.Duration) bool {
	if w <= 0 || a.IsZero() || b.IsZero() {
		return true
	}
	d := a.Sub(b)
	return d <= w && d >= -w
}

// minDF is the least number of documents a feature must occur in to count
// in Stories: a feature of one document cannot make two similar, it only
// lengthens the vector.
const minDF = 2
