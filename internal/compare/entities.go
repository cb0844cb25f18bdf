package compare

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze/gazetteer"
	"github.com/parallaxnews/parallax/internal/lang"
)

// entityIndex merges the entities of a story's articles: same folded form,
// a surname and its full name, an acronym and its expansions.
type entityIndex struct {
	parent []int
	items  []entItem
	byKey  map[string]int // folded form → item
	groups map[int][]int
}

type entItem struct {
	art  *parallax.Analysis
	ent  *parallax.Entity
	keys []string
}

// foldKey folds a name for matching across outlets: case, accents, dots,
// middle initials, doubled letters and y/i ("Yassir" and "Yasir").
func foldKey(s string) string {
	k := gazetteer.Key(s)
	var b strings.Builder
	var prev rune
	for _, r := range k {
		if r == 'y' {
			r = 'i'
		}
		if r == prev && r != ' ' {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	k = b.String()
	f := strings.Fields(k)
	if len(f) > 2 {
		out := f[:0]
		for i, w := range f {
			if i > 0 && i < len(f)-1 && len([]rune(w)) == 1 {
				continue
			}
			out = append(out, w)
		}
		f = out
	}
	return strings.Join(f, " ")
}

func (x *entityIndex) find(i int) int {
	for x.parent[i] != i {
		x.parent[i] = x.parent[x.parent[i]]
		i = x.parent[i]
	}
	return i
}

func (x *entityIndex) union(a, b int) {
	ra, rb := x.find(a), x.find(b)
	if ra != rb {
		if ra < rb {
			x.parent[rb] = ra
		} else {
			x.parent[ra] = rb
		}
	}
}

func mergeEntities(arts []*parallax.Analysis) *entityIndex {
	x := &entityIndex{byKey: map[string]int{}}
	for _, a := range arts {
		for i := range a.Entities {
			e := &a.Entities[i]
			it := entItem{art: a, ent: e}
			it.keys = append(it.keys, foldKey(e.Name))
			for _, al := range e.Aliases {
				it.keys = append(it.keys, foldKey(al))
			}
			x.items = append(x.items, it)
			x.parent = append(x.parent, len(x.parent))
		}
	}
	for i, it := range x.items {
		if j, ok := x.byKey[it.keys[0]]; ok {
			x.union(i, j)
		} else {
			x.byKey[it.keys[0]] = i
		}
	}
	// an alias joins its owners, unless it is the short form of two
	// different people ("Gomes" for Gary Gomes in one article and for
	// Katherine Gomes in another)
	owners := map[string][]int{}
	var aliasKeys []string
	for i, it := range x.items {
		for _, k := range it.keys[1:] {
			if len(owners[k]) == 0 {
				aliasKeys = append(aliasKeys, k)
			}
			owners[k] = append(owners[k], i)
		}
	}
	for _, k := range aliasKeys {
		if x.ambiguousAlias(owners[k]) {
			continue
		}
		for _, i := range owners[k] {
			if j, ok := x.byKey[k]; ok {
				x.union(i, j)
			} else {
				x.byKey[k] = i
			}
		}
	}
	// spellings that differ only in a dropped last letter or a missing
	// middle name are one person: "Maynor Suazo Sandoval", "Maynor Yassir
	// Suazo Sandoval", "Maynor Yassir Suazo Sandova"
	var persons []int
	for i, it := range x.items {
		if it.ent.Type == parallax.Person && len(strings.Fields(it.keys[0])) >= 2 {
			persons = append(persons, i)
		}
	}
	for a := 0; a < len(persons); a++ {
		for b := a + 1; b < len(persons); b++ {
			i, j := persons[a], persons[b]
			if x.find(i) != x.find(j) && samePerson(x.items[i].keys[0], x.items[j].keys[0]) {
				x.union(i, j)
			}
		}
	}
	// a lone surname joins the one full name that ends with it; a short
	// form joins the longer name it ends ("Dali" and "MV Dali")
	full := map[string][]int{}
	for i, it := range x.items {
		if it.ent.Type != parallax.Person && len(strings.Fields(it.keys[0])) > 3 {
			continue
		}
		for _, k := range it.keys {
			f := strings.Fields(k)
			if len(f) >= 2 {
				for n := 1; n <= 2 && n < len(f); n++ {
					sur := strings.Join(f[len(f)-n:], " ")
					full[sur] = append(full[sur], i)
				}
			}
		}
	}
	for i, it := range x.items {
		if len(strings.Fields(it.keys[0])) > 2 {
			continue
		}
		if cands := full[it.keys[0]]; len(cands) > 0 {
			roots := map[int]bool{}
			for _, c := range cands {
				roots[x.find(c)] = true
			}
			other := x.items[cands[0]].ent.Type
			// a person's full name inside a longer untyped one is the
			// name of a thing after them ("Aeropuerto Ronald Quist")
			named := it.ent.Type == parallax.Person && other != parallax.Person && strings.Contains(it.keys[0], " ")
			if len(roots) == 1 && !named && (it.ent.Type == other || it.ent.Type == parallax.Misc || other == parallax.Misc) {
				x.union(i, cands[0])
			}
		}
	}
	x.mergeShortForms()
	x.mergeModified()
	x.mergeGivenNames()
	x.groups = map[int][]int{}
	for i := range x.items {
		r := x.find(i)
		x.groups[r] = append(x.groups[r], i)
	}
	return x
}

// siteHeads are the generic head nouns of places and structures in every
// language the layer has ("River", "Airport", "río", "puente").
var siteHeads = lang.Union(lang.Words("place_heads"), lang.Words("facility_heads"))

// mergeShortForms joins a place's or a structure's short name to the one
// longer name in the story that holds its words in order and ends with the
// same word ("Key Bridge" / "Francis Scott Key Bridge", "Reagan National
// Airport" / "Ronald Reagan Washington National Airport"), or that is the
// short name with a generic head before or after it ("Potomac" / "Potomac
// River" / "río Potomac"). Longer organisation names are left out here: a
// shorter organisation name inside one is often another body ("Supreme
// Court" / "Florida Supreme Court"). A short name that fits two different
// longer ones stays apart.
func (x *entityIndex) mergeShortForms() {
	site := func(t string) bool { return t == parallax.Place || t == parallax.Facility }
	var long []int
	for i, it := range x.items {
		if site(it.ent.Type) && len(strings.Fields(it.keys[0])) >= 2 {
			long = append(long, i)
		}
	}
	for i, it := range x.items {
		if t := it.ent.Type; !site(t) && t != parallax.Misc {
			continue
		}
		short := strings.Fields(it.keys[0])
		roots := map[int]bool{}
		cand := -1
		for _, j := range long {
			lf := strings.Fields(x.items[j].keys[0])
			if len(lf) <= len(short) || x.find(j) == x.find(i) || !shortFormOf(short, lf) {
				continue
			}
			roots[x.find(j)] = true
			cand = j
		}
		if len(roots) == 1 {
			x.union(i, cand)
		}
	}
}

// mergeModified joins an untyped name that ends with another entity's
// whole name of two words or more to that entity: a name's modifiers stand
// before it ("U.S. Army UH-60 Black Hawk", "Sikorsky Black Hawk" are the
// Black Hawk), so the longer form narrows the shorter one and names the
// same thing. Not for people, whose names are typed when known (a
// person's name after other words is another name: "Aeroporto Ronald
// Reagan").
func (x *entityIndex) mergeModified() {
	for i, it := range x.items {
		if it.ent.Type != parallax.Misc {
			continue
		}
		f := strings.Fields(it.keys[0])
		for n := 1; n <= len(f)-2; n++ {
			j, ok := x.byKey[strings.Join(f[n:], " ")]
			if !ok {
				continue
			}
			if x.items[j].ent.Type != parallax.Person {
				x.union(i, j)
			}
			break
		}
	}
}

// mergeGivenNames joins a person named by a given name alone ("Sir Keir")
// to the one person of the same article whose full name begins with it.
func (x *entityIndex) mergeGivenNames() {
	for i, it := range x.items {
		if it.ent.Type != parallax.Person || strings.Contains(it.keys[0], " ") || !gazetteer.GivenName(it.ent.Name) {
			continue
		}
		cand, n := -1, 0
		for j, jt := range x.items {
			if jt.art != it.art || jt.ent.Type != parallax.Person || j == i {
				continue
			}
			if first, _, ok := strings.Cut(jt.keys[0], " "); ok && first == it.keys[0] {
				if cand < 0 || x.find(j) != x.find(cand) {
					n++
				}
				cand = j
			}
		}
		if n == 1 {
			x.union(i, cand)
		}
	}
}

// shortFormOf: short is long without a generic head at either end, or
// holds long's words in order with long's last word.
func shortFormOf(short, long []string) bool {
	if len(long) == len(short)+1 {
		if siteHeads.Has(long[len(long)-1]) && slices.Equal(short, long[:len(short)]) ||
			siteHeads.Has(long[0]) && slices.Equal(short, long[1:]) {
			return true
		}
	}
	if len(short) < 2 || short[len(short)-1] != long[len(long)-1] {
		return false
	}
	j := 0
	for _, w := range long {
		if j < len(short) && w == short[j] {
			j++
		}
	}
	return j == len(short)
}

// ambiguousAlias: the owners of one alias include two people whose full
// names are different people's.
func (x *entityIndex) ambiguousAlias(owners []int) bool {
	for a := 0; a < len(owners); a++ {
		for b := a + 1; b < len(owners); b++ {
			i, j := x.items[owners[a]], x.items[owners[b]]
			if i.ent.Type != parallax.Person || j.ent.Type != parallax.Person {
				continue
			}
			ki, kj := i.keys[0], j.keys[0]
			if len(strings.Fields(ki)) >= 2 && len(strings.Fields(kj)) >= 2 && ki != kj && !samePerson(ki, kj) {
				return true
			}
		}
	}
	return false
}

// canonical returns the story-wide name of the entity an article calls name.
func (x *entityIndex) canonical(name string) string {
	i, ok := x.byKey[foldKey(name)]
	if !ok {
		return name
	}
	return x.groupName(x.find(i))
}

// groupOf returns the group id of a name, or -1.
func (x *entityIndex) groupOf(name string) int {
	i, ok := x.byKey[foldKey(name)]
	if !ok {
		return -1
	}
	return x.find(i)
}

// ownerOf is the group of the organisation whose whole name begins a
// longer name ("American Airlines" in "American Airlines Flight 5342",
// "Kessel University" in "Kessel University Press"): a mention of the one
// names the other too. -1 when there is none.
func (x *entityIndex) ownerOf(name string) int {
	f := strings.Fields(name)
	for n := len(f) - 1; n >= 2; n-- {
		g := x.groupOf(strings.Join(f[:n], " "))
		if g >= 0 && x.items[g].ent.Type == parallax.Organization {
			return g
		}
	}
	return -1
}

func (x *entityIndex) groupName(root int) string {
	counts := map[string]int{}
	typ := x.items[root].ent.Type
	for _, i := range x.groups[root] {
		e := x.items[i].ent
		counts[e.Name] += len(e.Mentions) + 1
	}
	best := ""
	for n, c := range counts {
		switch {
		case best == "":
			best = n
		case typ == parallax.Person && len(strings.Fields(n)) != len(strings.Fields(best)):
			if len(strings.Fields(n)) == 2 || len(strings.Fields(best)) != 2 && len(n) > len(best) {
				best = n
			}
		case c > counts[best] || c == counts[best] && n < best:
			best = n
		}
	}
	return best
}

func (s *story) entities() []parallax.StoryEntity {
	var out []parallax.StoryEntity
	x := s.ents
	for root, members := range x.groups {
		se := parallax.StoryEntity{Name: x.groupName(root)}
		forms := map[string]bool{}
		arts := map[string]bool{}
		types := map[string]int{}
		for _, i := range members {
			it := x.items[i]
			forms[it.ent.Name] = true
			for _, a := range it.ent.Aliases {
				forms[a] = true
			}
			arts[it.art.Article.ID] = true
			types[it.ent.Type] += len(it.ent.Mentions)
			se.Mentions += len(it.ent.Mentions)
		}
		delete(forms, se.Name)
		se.Aliases = slices.Sorted(maps.Keys(forms))
		se.Articles = s.sortArticles(arts)
		se.Type = bestType(types)
		out = append(out, se)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].Articles) != len(out[j].Articles) {
			return len(out[i].Articles) > len(out[j].Articles)
		}
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func bestType(types map[string]int) string {
	score := func(t string) int {
		if t == parallax.Misc {
			return 0 // any informed type beats "misc"
		}
		return types[t]
	}
	best := ""
	for t := range types {
		if best == "" || score(t) > score(best) || score(t) == score(best) && t < best {
			best = t
		}
	}
	return best
}

// sortArticles returns ids in the story's article order.
func (s *story) sortArticles(ids map[string]bool) []string {
	var out []string
	for _, a := range s.arts {
		if ids[a.Article.ID] {
			out = append(out, a.Article.ID)
		}
	}
	return out
}

// samePerson: the same first name and the same last name, one of them
// missing a middle name or the last letter.
func samePerson(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if fa[0] != fb[0] && !yeForm(fa[0], fb[0]) {
		return false
	}
	if len(fa) > len(fb) {
		fa, fb = fb, fa
	}
	// every word of the shorter name appears, in order, in the longer one
	j := 0
	for n, w := range fa {
		if n == 0 {
			w = fb[0] // the first names matched above
		}
		for j < len(fb) && !closeWord(w, fb[j]) {
			j++
		}
		if j == len(fb) {
			return false
		}
		j++
	}
	// "Maynor Suazo" is "Maynor Yassir Suazo Sandoval" without the middle
	// name and the second surname
	return closeWord(fa[len(fa)-1], fb[len(fb)-1]) || len(fa) >= 2 && len(fb)-len(fa) <= 2
}

// yeForm: two transliterations of one Russian or Ukrainian name whose
// first letter is Е, written "Ye" by BGN/PCGN and the press and "E" by
// ISO 9 and many European papers ("Yevgenia"/"Evgenia", "Yelena"/"Elena";
// keys fold y to i).
func yeForm(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 4 && a[0] == 'e' && b == "i"+a
}

func closeWord(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 5 && len(b) == len(a)+1 && strings.HasPrefix(b, a)
}
