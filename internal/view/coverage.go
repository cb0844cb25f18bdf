package view

import (
	"sort"
	"strings"
)

// The coverage bar: a story's articles broken down by what the user's
// outlets file says of their outlets (country, owner, language, labels),
// and a "covered only by" note when every article whose outlet the file
// knows shares one value that the file says is not the only one (a
// blindspot: the others did not cover it).

// dimensions lists the fixed dimensions in the order bars show them.
var dimensions = []string{"country", "owner", "language"}

func (b *builder) coverage(v *Story) {
	dir := b.opt.Directory
	if dir == nil {
		return
	}
	type count struct {
		articles int
		outlets  []string
	}
	type art struct {
		outlet string
		vals   map[string]string
	}
	var arts []art
	labelDims := map[string]bool{}
	for _, a := range b.st.Articles {
		if a.DuplicateOf != "" {
			continue // a copy is not another outlet's coverage
		}
		o := b.outletOf(a.ID)
		vals := map[string]string{}
		if in, ok := dir.Lookup(o); ok {
			vals["country"], vals["owner"], vals["language"] = in.Country, in.Owner, in.Language
			for k, x := range in.Labels {
				vals[k] = x
				labelDims[k] = true
			}
		}
		arts = append(arts, art{o, vals})
	}
	total := len(arts)
	perDim := map[string]map[string]*count{}
	for _, a := range arts {
		for d, x := range a.vals {
			if x = strings.TrimSpace(x); x == "" {
				continue
			}
			if perDim[d] == nil {
				perDim[d] = map[string]*count{}
			}
			c := perDim[d][x]
			if c == nil {
				c = &count{}
				perDim[d][x] = c
			}
			c.articles++
			if lb := b.display(a.outlet); !containsString(c.outlets, lb) {
				c.outlets = append(c.outlets, lb)
			}
		}
	}
	for _, d := range allDims(labelDims) {
		vals := perDim[d]
		if len(vals) == 0 {
			continue
		}
		bar := Bar{Name: d, Unknown: total}
		for x, c := range vals {
			bar.Segments = append(bar.Segments, Segment{Value: x, Articles: c.articles, Outlets: c.outlets})
			bar.Unknown -= c.articles
		}
		sort.Slice(bar.Segments, func(i, j int) bool {
			si, sj := bar.Segments[i], bar.Segments[j]
			if si.Articles != sj.Articles {
				return si.Articles > sj.Articles
			}
			return si.Value < sj.Value
		})
		v.Coverage = append(v.Coverage, bar)
		if len(bar.Segments) == 1 && dir.Values(d) > 1 {
			v.OnlyBy = append(v.OnlyBy, onlyNote(d, bar.Segments[0].Value))
		}
	}
}

// allDims is the fixed dimensions, then the labels by name.
func allDims(labels map[string]bool) []string {
	out := append([]string(nil), dimensions...)
	var ls []string
	for k := range labels {
		if !containsString(dimensions, k) {
			ls = append(ls, k)
		}
	}
	sort.Strings(ls)
	return append(out, ls...)
}

func onlyNote(dim, value string) string {
	switch dim {
	case "country":
		return "Covered only by outlets in " + value
	case "owner":
		return "Covered only by outlets owned by " + value
	case "language":
		return "Covered only by outlets in language " + value
	}
	return "Covered only by outlets with " + dim + " " + value
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
