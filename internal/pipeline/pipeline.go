// Package pipeline runs the stages in order — analyze each article, group
// the articles into stories, compare each story — and assembles the report.
// Data flows one way; each stage is its own package.
package pipeline

import (
	"runtime"
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

// Docs turns analysed articles into grouping input, names included.
func Docs(as []*parallax.Analysis) []group.Doc {
	docs := make([]group.Doc, len(as))
	for i, a := range as {
		d := group.Doc{ID: a.Article.ID, Title: a.Article.Title, Text: a.Article.Text, Published: a.Article.Published, Language: a.Language}
		for _, e := range a.Entities {
			d.Names = append(d.Names, e.Name)
		}
		docs[i] = d
	}
	return docs
}

// Run analyses, groups and compares arts and returns the report.
func Run(arts []*parallax.Article, opt Options) *parallax.Report {
	as := AnalyzeAll(arts, opt.Workers)
	rep := &parallax.Report{Generator: "parallax", Unassigned: []string{}, Stories: []parallax.Story{}}
	dupOf := map[string]string{}
	var clusters [][]int
	if opt.OneStory {
		all := make([]int, len(as))
		for i := range all {
			all[i] = i
		}
		clusters = [][]int{all}
	} else {
		g := opt.Group
		if g.Window == 0 {
			g.Window = DefaultWindow
		}
		res := group.Stories(Docs(as), g)
		idx := map[string]int{}
		for i, a := range as {
			idx[a.Article.ID] = i
		}
		for i, d := range res.DuplicateOf {
			if d != "" {
				dupOf[as[i].Article.ID] = d
			}
		}
		for _, c := range res.Clusters {
			var members []int
			for _, id := range c.Docs {
				members = append(members, idx[id])
			}
			clusters = append(clusters, members)
		}
	}
	for _, a := range as {
		rep.Articles = append(rep.Articles, compare.Info(a, dupOf[a.Article.ID]))
	}
	// larger stories first; order within stays the input order
	sort.SliceStable(clusters, func(i, j int) bool { return len(clusters[i]) > len(clusters[j]) })
	// an article in no story of two or more is a story of its own, so that
	// its quotes, entities and figures are still reported
	n := 0
	for _, members := range clusters {
		n++
		in := compare.Input{ID: "s" + strconv.Itoa(n), DuplicateOf: dupOf}
		for _, m := range members {
			in.Analyses = append(in.Analyses, as[m])
		}
		rep.Stories = append(rep.Stories, compare.Story(in))
	}
	return rep
}
