// Package pipeline runs the stages in order — analyze each article, group
// the articles into stories, compare each story — and assembles the report.
// Data flows one way; each stage is its own package.
package pipeline

import (
	"context"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze"
	"github.com/parallaxnews/parallax/internal/compare"
	"github.com/parallaxnews/parallax/internal/dates"
	"github.com/parallaxnews/parallax/internal/group"
	"github.com/parallaxnews/parallax/internal/quantity"
)

// Options tune a run. The zero value is the default behaviour.
type Options struct {
	// Workers analyse articles in parallel; 0 means one per CPU.
	Workers int
	// Group tunes story grouping.
	Group group.Options
	// OneStory puts every article in one story instead of grouping them.
	OneStory bool
	// Incremental groups the articles as the library does (IndexOptions):
	// one at a time, in order, through a group.Index, regrouping those
	// placed since the last regrouping every RegroupEvery articles and at
	// the end (group.Index.Regroup): the stories ingest makes of the same
	// articles in an empty library. Up to RegroupEvery articles, they are
	// those of the whole batch grouped at once (group.Stories).
	Incremental bool
}

// RegroupEvery is how many articles the library places before it groups
// again those placed since it last did, besides at the end of each run
// (ingest.Ingester.Flush).
const RegroupEvery = 5000

// IndexOptions are the options of the library's grouping index, whose
// window is window (0: DefaultWindow).
func IndexOptions(window time.Duration) group.Options {
	if window <= 0 {
		window = DefaultWindow
	}
	return group.Options{Window: window}
}

// DefaultWindow keeps articles published further apart than this in
// different stories: coverage of one event comes within days, while two
// fires six weeks apart are two events however alike their words.
const DefaultWindow = 30 * 24 * time.Hour

// NewAnalyzer returns the per-article analyser with every rule set wired in.
func NewAnalyzer() *analyze.Analyzer {
	return &analyze.Analyzer{
		Quantities: quantity.Find,
		Dates: func(text string, a *parallax.Article, lang string) []parallax.DateMention {
			return dates.Find(text, a.Published, lang)
		},
	}
}

// AnalyzeAll analyses articles in parallel, keeping their order.
func AnalyzeAll(arts []*parallax.Article, workers int) []*parallax.Analysis {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	an := NewAnalyzer()
	out := make([]*parallax.Analysis, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = an.Analyze(arts[i])
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// Doc is an analysed article as grouping sees it, names included.
func Doc(a *parallax.Analysis) group.Doc {
	d := group.Doc{ID: a.Article.ID, Title: a.Article.Title, Text: a.Article.Text, Published: a.Article.Published, Language: a.Language}
	for _, e := range a.Entities {
		d.Names = append(d.Names, e.Name)
	}
	return d
}

// Docs turns analysed articles into grouping input.
func Docs(as []*parallax.Analysis) []group.Doc {
	docs := make([]group.Doc, len(as))
	for i, a := range as {
		docs[i] = Doc(a)
	}
	return docs
}

// ArticleID is a stored article's ID as reports name it: "a12".
func ArticleID(id int64) string { return "a" + strconv.FormatInt(id, 10) }

// StoryID is a stored story's ID as reports name it: "s12".
func StoryID(id int64) string { return "s" + strconv.FormatInt(id, 10) }

// Grouping is how analysed articles fall into stories.
type Grouping struct {
	// Stories are compared in this order, each its article IDs in order.
	Stories []Members
	// Unassigned are articles in no story of two or more.
	Unassigned []string
	// DuplicateOf maps a copy's article ID to the article it copies.
	DuplicateOf map[string]string
}

// Members is one story's ID and its articles' IDs.
type Members struct {
	ID       string
	Articles []string
}

// Group groups analysed articles into stories (all in one with
// opt.OneStory), larger stories first and named s1, s2, … in that order; an
// article alone is unassigned.
func Group(as []*parallax.Analysis, opt Options) Grouping {
	g := Grouping{DuplicateOf: map[string]string{}}
	var clusters [][]string
	if opt.OneStory {
		all := make([]string, len(as))
		for i, a := range as {
			all[i] = a.Article.ID
		}
		clusters = [][]string{all}
	} else {
		gopt := opt.Group
		if gopt.Window == 0 {
			gopt.Window = DefaultWindow
		}
		var res group.Result
		if opt.Incremental {
			res = incremental(Docs(as), IndexOptions(gopt.Window))
		} else {
			res = group.Stories(Docs(as), gopt)
		}
		for i, d := range res.DuplicateOf {
			if d != "" {
				g.DuplicateOf[as[i].Article.ID] = d
			}
		}
		for _, c := range res.Clusters {
			clusters = append(clusters, c.Docs)
		}
	}
	// larger stories first; order within stays the input order
	sort.SliceStable(clusters, func(i, j int) bool { return len(clusters[i]) > len(clusters[j]) })
	// an article in no story of two or more is a story of its own, so that
	// its quotes, entities and figures are still reported
	for _, members := range clusters {
		g.Stories = append(g.Stories, Members{ID: "s" + strconv.Itoa(len(g.Stories)+1), Articles: members})
	}
	return g
}

// incremental groups docs one at a time through an Index, regrouping
// every RegroupEvery and at the end, as the library does, into a Result
// like group.Stories's.
func incremental(docs []group.Doc, opt group.Options) group.Result {
	ix := group.NewIndex(opt)
	res := group.Result{Story: make([]string, len(docs)), DuplicateOf: make([]string, len(docs))}
	storyOf := make([]string, len(docs))
	members := map[string][]int{} // story → documents, in order
	pos := map[string]int{}
	regroup := func() {
		res, err := ix.Regroup(context.Background(), func(_ context.Context, sid string) ([]group.Doc, error) {
			out := make([]group.Doc, len(members[sid]))
			for k, i := range members[sid] {
				out[k] = docs[i]
			}
			return out, nil
		})
		if err != nil {
			panic(err) // an Index in memory cannot fail
		}
		for _, m := range res.Moves {
			i := pos[m.Doc]
			members[m.From] = slices.DeleteFunc(members[m.From], func(j int) bool { return j == i })
			k, _ := slices.BinarySearch(members[m.To], i)
			members[m.To] = slices.Insert(members[m.To], k, i)
			storyOf[i] = m.To
		}
	}
	for i, d := range docs {
		sid, dup := ix.Add(d)
		res.DuplicateOf[i] = dup
		storyOf[i], pos[d.ID] = sid, i
		members[sid] = append(members[sid], i)
		if (i+1)%RegroupEvery == 0 {
			regroup()
		}
	}
	regroup()
	at := map[string]int{}
	for i, d := range docs {
		k, ok := at[storyOf[i]]
		if !ok {
			k = len(res.Clusters)
			at[storyOf[i]] = k
			res.Clusters = append(res.Clusters, group.Cluster{ID: "s" + strconv.Itoa(k+1)})
		}
		res.Clusters[k].Docs = append(res.Clusters[k].Docs, d.ID)
		res.Story[i] = res.Clusters[k].ID
	}
	return res
}

// Compare compares each story of g and assembles the report: every article
// of as (in order) with what it copies, the stories, the unassigned. It is
// the one path from analyses to a report, for `compare` and for the
// library's stories alike.
func Compare(as []*parallax.Analysis, g Grouping) *parallax.Report {
	rep := &parallax.Report{Generator: "parallax", Unassigned: []string{}, Stories: []parallax.Story{}}
	byID := make(map[string]*parallax.Analysis, len(as))
	for _, a := range as {
		byID[a.Article.ID] = a
		rep.Articles = append(rep.Articles, compare.Info(a, g.DuplicateOf[a.Article.ID]))
	}
	rep.Unassigned = append(rep.Unassigned, g.Unassigned...)
	for _, st := range g.Stories {
		in := compare.Input{ID: st.ID, DuplicateOf: g.DuplicateOf}
		for _, id := range st.Articles {
			if a := byID[id]; a != nil {
				in.Analyses = append(in.Analyses, a)
			}
		}
		if len(in.Analyses) == 0 {
			continue
		}
		rep.Stories = append(rep.Stories, compare.Story(in))
	}
	return rep
}

// Run analyses, groups and compares arts and returns the report.
func Run(arts []*parallax.Article, opt Options) *parallax.Report {
	as := AnalyzeAll(arts, opt.Workers)
	return Compare(as, Group(as, opt))
}
