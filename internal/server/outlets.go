package server

import (
	"context"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/view"
)

// Outlets are not stored on their own: they are read from the stories'
// reports. The list of every outlet is built by reading the reports of the
// most recently updated stories (at most maxOutletScan) and kept until a
// story's comparison changes.

const maxOutletScan = 5000

// outletStats is one outlet across the stories read.
type outletStats struct {
	Name       string    `json:"name"`
	Stories    int       `json:"stories"`
	Articles   int       `json:"articles"`
	Exclusives int       `json:"exclusives"` // facts only it reports
	Omissions  int       `json:"omissions"`  // facts others report and it does not
	Conflicts  int       `json:"conflicts"`  // disagreements it is a side of
	Hedges     int       `json:"hedges"`
	Loaded     int       `json:"loaded"`
	Opinion    int       `json:"opinion"`
	Words      int       `json:"words"`
	Attributed float64   `json:"attributed_share"` // mean share of attributed sentences
	Last       time.Time `json:"-"`

	attributedSum float64
	framed        int
}

// HedgesPer1000 is how often the outlet hedges, per thousand words.
func (o *outletStats) HedgesPer1000() float64 {
	if o.Words == 0 {
		return 0
	}
	return float64(o.Hedges) * 1000 / float64(o.Words)
}

type outletCache struct {
	mu      sync.Mutex
	key     string
	list    []*outletStats
	scanned int
	partial bool // more stories than were read
}

// outletList returns every outlet, most stories first, and how many
// stories were read to find them.
func (s *Server) outletList(ctx context.Context) ([]*outletStats, int, bool, error) {
	latest, err := s.store.Stories(ctx, parallax.StoryFilter{Limit: 1})
	if err != nil {
		return nil, 0, false, err
	}
	key := "empty"
	if len(latest) > 0 {
		key = strconv.FormatInt(latest[0].ID, 10) + "@" + latest[0].Updated.UTC().Format(time.RFC3339Nano)
	}
	c := s.outlets
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.key == key && c.list != nil {
		return c.list, c.scanned, c.partial, nil
	}
	stats := map[string]*outletStats{}
	scanned := 0
	partial := false
	const page = 200
	for off := 0; ; off += page {
		list, err := s.store.Stories(ctx, parallax.StoryFilter{Limit: page, Offset: off})
		if err != nil {
			return nil, 0, false, err
		}
		for _, info := range list {
			if scanned >= maxOutletScan {
				partial = true
				break
			}
			scanned++
			d, err := s.loadReport(ctx, info.ID)
			if err != nil {
				return nil, 0, false, err
			}
			if d.st == nil {
				continue
			}
			for name, v := range storyOutletViews(d) {
				o := stats[strings.ToLower(name)]
				if o == nil {
					o = &outletStats{Name: name}
					stats[strings.ToLower(name)] = o
				}
				o.add(v, info)
			}
		}
		if len(list) < page || partial {
			break
		}
	}
	out := make([]*outletStats, 0, len(stats))
	for _, o := range stats {
		o.finish()
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Stories != out[j].Stories {
			return out[i].Stories > out[j].Stories
		}
		return out[i].Name < out[j].Name
	})
	c.key, c.list, c.scanned, c.partial = key, out, scanned, partial
	return out, scanned, partial, nil
}

func (o *outletStats) add(v *outletStory, info parallax.StoryInfo) {
	o.Stories++
	o.Articles += v.Articles
	o.Exclusives += len(v.Exclusives)
	o.Omissions += len(v.Omissions)
	o.Conflicts += len(v.Conflicts)
	o.Hedges += len(v.Hedges)
	o.Loaded += v.Loaded
	o.Opinion += v.Opinion
	o.Words += v.Words
	if v.Framed {
		o.attributedSum += v.Attributed
		o.framed++
	}
	if info.Last.After(o.Last) {
		o.Last = info.Last
	}
}

func (o *outletStats) finish() {
	if o.framed > 0 {
		o.Attributed = o.attributedSum / float64(o.framed)
	}
}

// outletStory is what one outlet did in one story.
type outletStory struct {
	StoryID    int64
	Title      string
	Articles   int
	Exclusives []factView
	Omissions  []factView // the facts it leaves out, in the words of those that report them
	Conflicts  []outletConflict
	Hedges     []view.Ev
	Loaded     int
	Opinion    int
	Words      int
	Attributed float64
	Framed     bool
}

// factView is a fact as the outlet page lists it.
type factView struct {
	Summary  string
	Kind     string
	Outlets  string
	Evidence []view.Ev
}

type outletConflict struct {
	Kind    string
	Summary string
	Own     []view.Ev // this outlet's side
	Other   []view.Ev // the other sides
}

// storyOutletViews splits a story's view by outlet. Evidence links use
// the report's offsets, since the texts are not loaded here.
func storyOutletViews(d *storyData) map[string]*outletStory {
	v := view.Build(d.st, view.Options{
		Articles:     d.rep.Articles,
		EvidenceHref: func(_, id string, start, end int) string { return spanHref(id, start, end) },
		ArticleHref:  articleIDHref,
		TrustOffsets: true,
	})
	title := oneLine(d.info.Title)
	if title == "" {
		title = v.Title
	}
	views := map[string]*outletStory{}
	get := func(o string) *outletStory {
		x := views[o]
		if x == nil {
			x = &outletStory{StoryID: d.info.ID, Title: title}
			views[o] = x
		}
		return x
	}
	outletOf := map[string]string{}
	for _, a := range v.Articles {
		outletOf[a.ID] = a.Outlet
		if a.DuplicateOf == "" {
			get(a.Outlet).Articles++
		}
	}
	for _, ex := range v.Exclusives {
		o := outletOf[ex.Article]
		if o == "" {
			o = ex.Label
		}
		for _, f := range ex.Facts {
			fv := factView{Summary: f.Summary, Kind: f.Kind, Outlets: o, Evidence: f.Evidence}
			get(o).Exclusives = append(get(o).Exclusives, fv)
			for _, other := range ex.Others {
				get(other).Omissions = append(get(other).Omissions, fv)
			}
		}
	}
	for _, r := range v.Matrix {
		fv := factView{Summary: r.Summary, Kind: r.Kind, Outlets: strings.Join(r.Outlets, ", "), Evidence: r.Evidence}
		for _, o := range r.Omitted {
			get(o).Omissions = append(get(o).Omissions, fv)
		}
	}
	for _, c := range v.Conflicts {
		sideOf := map[string]int{}
		for i, side := range c.Sides {
			for _, e := range side.Evidence {
				if _, ok := sideOf[outletOf[e.Article]]; !ok && outletOf[e.Article] != "" {
					sideOf[outletOf[e.Article]] = i
				}
			}
		}
		for o, i := range sideOf {
			oc := outletConflict{Kind: c.Kind, Summary: c.Summary, Own: c.Sides[i].Evidence}
			for j, side := range c.Sides {
				if j != i {
					oc.Other = append(oc.Other, side.Evidence...)
				}
			}
			x := get(o)
			x.Conflicts = append(x.Conflicts, oc)
		}
	}
	for _, fr := range v.Framing {
		x := get(fr.Outlet)
		x.Hedges = append(x.Hedges, fr.Hedges...)
		x.Loaded += len(fr.Loaded)
		x.Opinion += len(fr.Opinion)
		x.Words += fr.Words
		x.Attributed = fr.Attributed
		x.Framed = true
	}
	return views
}

// outletPage is one outlet across the stories it covered.
type outletPage struct {
	base
	Name       string
	Stats      *outletStats
	Stories    []*outletStory
	Offset     int
	NextOffset int // 0 when there is no next page
	PrevOffset int // -1 when this is the first page
}

const outletPageSize = 20

// outletStories reads the stories an outlet covered, newest first, and
// what it did in each.
// loadOutlet gathers what the outlet page and the outlet API show: a page of
// the outlet's stories and its figures; an outlet with no story is ENOTFOUND.
func (s *Server) loadOutlet(ctx context.Context, name string, limit, offset int) ([]*outletStory, bool, *outletStats, error) {
	stories, more, err := s.outletStories(ctx, name, limit, offset)
	if err != nil {
		return nil, false, nil, err
	}
	if len(stories) == 0 && offset == 0 {
		return nil, false, nil, parallax.Errorf(parallax.ENOTFOUND, "no outlet called %q in the library", clip(name, 80))
	}
	stats, err := s.outletStatsFor(ctx, name)
	return stories, more, stats, err
}

func (s *Server) outletStories(ctx context.Context, name string, limit, offset int) ([]*outletStory, bool, error) {
	list, err := s.store.Stories(ctx, parallax.StoryFilter{Outlet: name, Limit: limit + 1, Offset: offset})
	if err != nil {
		return nil, false, err
	}
	more := len(list) > limit
	if more {
		list = list[:limit]
	}
	var out []*outletStory
	for _, info := range list {
		d, err := s.loadReport(ctx, info.ID)
		if err != nil {
			return nil, false, err
		}
		if d.st == nil {
			out = append(out, &outletStory{StoryID: info.ID, Title: oneLine(info.Title)})
			continue
		}
		for o, v := range storyOutletViews(d) {
			if strings.EqualFold(o, name) {
				out = append(out, v)
				break
			}
		}
	}
	return out, more, nil
}

// outletStatsFor finds one outlet in the list; nil when it is not there.
func (s *Server) outletStatsFor(ctx context.Context, name string) (*outletStats, error) {
	list, _, _, err := s.outletList(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range list {
		if strings.EqualFold(o.Name, name) {
			return o, nil
		}
	}
	return nil, nil
}

type outletsPage struct {
	base
	Outlets []*outletStats
	Scanned int
	Partial bool
}

func (s *Server) handleOutlets(w http.ResponseWriter, r *http.Request) {
	list, scanned, partial, err := s.outletList(r.Context())
	if err != nil {
		s.error(w, r, err)
		return
	}
	p := outletsPage{base: s.base(r, "Outlets"), Outlets: list, Scanned: scanned, Partial: partial}
	p.Nav = "outlets"
	s.render(w, r, http.StatusOK, "outlets", p)
}

func (s *Server) handleOutlet(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	offset, err := intParam(r, "offset", 0, 0, 1<<30)
	if err != nil {
		s.error(w, r, err)
		return
	}
	stories, more, stats, err := s.loadOutlet(r.Context(), name, outletPageSize, offset)
	if err != nil {
		s.error(w, r, err)
		return
	}
	p := outletPage{base: s.base(r, name), Name: name, Stats: stats, Stories: stories, Offset: offset, PrevOffset: -1}
	if stats != nil {
		p.Name = stats.Name
		p.Title = stats.Name
	}
	if more {
		p.NextOffset = offset + outletPageSize
	}
	if offset > 0 {
		p.PrevOffset = max(0, offset-outletPageSize)
	}
	p.Nav = "outlets"
	s.render(w, r, http.StatusOK, "outlet", p)
}

// storyRow is a story as listed on the home page and by the API.
type storyRow struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Articles  int     `json:"articles"`
	Outlets   int     `json:"outlets"`
	Conflicts int     `json:"conflicts"`
	First     *string `json:"first"`
	Last      *string `json:"last"`
	Updated   *string `json:"updated"`
}

func timeJSON(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

func storyRowOf(info parallax.StoryInfo) storyRow {
	return storyRow{ID: "s" + strconv.FormatInt(info.ID, 10), Title: oneLine(info.Title), Articles: info.Articles,
		Outlets: info.Outlets, Conflicts: info.Conflicts, First: timeJSON(info.First), Last: timeJSON(info.Last),
		Updated: timeJSON(info.Updated)}
}

// jsonOutletStory is an outlet's part in one story, for the API.
type jsonOutletStory struct {
	Story      string               `json:"story"`
	Title      string               `json:"title"`
	Articles   int                  `json:"articles"`
	Exclusives []jsonFact           `json:"exclusives"`
	Omissions  []jsonFact           `json:"omissions"`
	Conflicts  []jsonOutletConflict `json:"conflicts"`
	Hedges     []jsonEvidence       `json:"hedges"`
	Words      int                  `json:"words"`
}

type jsonFact struct {
	Summary    string         `json:"summary"`
	Kind       string         `json:"kind"`
	ReportedBy string         `json:"reported_by"`
	Evidence   []jsonEvidence `json:"evidence"`
}

type jsonOutletConflict struct {
	Kind    string         `json:"kind"`
	Summary string         `json:"summary"`
	Own     []jsonEvidence `json:"own"`
	Other   []jsonEvidence `json:"other"`
}

// jsonEvidence is a piece of evidence with the page that shows it.
type jsonEvidence struct {
	Outlet string `json:"outlet"`
	Text   string `json:"text"`
	Link   string `json:"link,omitempty"`
}

func jsonEvs(evs []view.Ev) []jsonEvidence {
	out := make([]jsonEvidence, 0, len(evs))
	for _, e := range evs {
		out = append(out, jsonEvidence{Outlet: e.Outlet, Text: e.Text, Link: e.Href})
	}
	return out
}

func jsonFacts(fs []factView) []jsonFact {
	out := make([]jsonFact, 0, len(fs))
	for _, f := range fs {
		out = append(out, jsonFact{Summary: f.Summary, Kind: f.Kind, ReportedBy: f.Outlets, Evidence: jsonEvs(f.Evidence)})
	}
	return out
}

func jsonOutletStoryOf(v *outletStory) jsonOutletStory {
	j := jsonOutletStory{Story: "s" + strconv.FormatInt(v.StoryID, 10), Title: v.Title, Articles: v.Articles,
		Exclusives: jsonFacts(v.Exclusives), Omissions: jsonFacts(v.Omissions), Hedges: jsonEvs(v.Hedges),
		Conflicts: []jsonOutletConflict{}, Words: v.Words}
	for _, c := range v.Conflicts {
		j.Conflicts = append(j.Conflicts, jsonOutletConflict{Kind: c.Kind, Summary: c.Summary, Own: jsonEvs(c.Own), Other: jsonEvs(c.Other)})
	}
	return j
}
