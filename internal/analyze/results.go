package analyze

import (
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/analyze/gazetteer"
)

// Sports results and standings tables name teams, mostly after their town
// ("Westerhaven 2 Calloway 1", "Calloway 12 8 3 1 24 9 27"): a name that a
// score follows in such a line is a team, an organisation, whatever its
// town is. The patterns, in lines the rules cannot read (see unreadable):
//   - a match: two names or more, each followed by a score;
//   - a standings row: the line's first name followed by three numbers or more;
//   - a fixture: two names joined by "v", "vs" or "at" and nothing else.
// A name inside brackets (a scorer, a country) is left alone, and so is a
// person's full name (a known given name first: darts, golf, snooker).

// markTeams sets the team flag on the mentions of results lines.
func (d *doc) markTeams() {
	mi := 0
	for si := range d.sents {
		toks := d.sentTokens(si)
		for mi < len(d.mentions) && d.mentions[mi].sent < si {
			mi++
		}
		first := mi
		last := mi
		for last < len(d.mentions) && d.mentions[last].sent == si {
			last++
		}
		if last-first < 1 || !d.unreadable(si) {
			continue
		}
		var scored []int   // mentions followed by a score
		var brackets []int // mentions right after a racer and the racer's country
		standing, fixture := -1, false
		depth, ti := 0, 0
		names := 0
		for k := first; k < last; k++ {
			mn := &d.mentions[k]
			// brackets opened before the mention
			for ; ti < len(toks) && toks[ti].start < mn.start; ti++ {
				switch d.text[toks[ti].start:toks[ti].end] {
				case "(", "[":
					depth++
				case ")", "]":
					depth--
				}
			}
			if depth > 0 {
				continue
			}
			// "Ivo Quist (Calloway) Westerhaven Motors 1:54.3": the team
			// a racer rides for, after where the racer is from
			if ti >= 3 && d.text[toks[ti-1].start:toks[ti-1].end] == ")" && k > first && d.mentions[k-1].end <= toks[ti-1].start {
				if open := d.bracketOpen(toks, ti-1); open > 0 && k-2 >= first && d.mentions[k-2].end == toks[open-1].end {
					brackets = append(brackets, k)
				}
			}
			names++
			nx := ti
			for nx < len(toks) && toks[nx].start < mn.end {
				nx++
			}
			n := 0
			for j := nx; j < len(toks) && (isScore(d.text, toks[j]) || toks[j].kind == tPunct && d.text[toks[j].start:toks[j].end] == "." && n > 0); j++ {
				if toks[j].kind == tNum {
					n++
				}
			}
			if n >= 1 {
				scored = append(scored, k)
			}
			if n >= 3 && names == 1 {
				standing = k
			}
			// a fixture: this name, "v", and one more name that ends the line
			if names == 1 && nx+1 < len(toks) && joinsFixture(toks[nx].low) && k+1 < last &&
				d.mentions[k+1].start == toks[nx+1].start && d.mentions[k+1].end >= toks[len(toks)-1].start {
				fixture = true
			}
		}
		var teams []int
		switch {
		case fixture:
			teams = []int{first, first + 1}
		case len(scored) >= 2:
			teams = scored
		case standing >= 0:
			teams = []int{standing}
		}
		teams = append(teams, brackets...)
		for _, k := range teams {
			if k < last && !personName(d.mentions[k].text) {
				d.mentions[k].team = true
			}
		}
	}
}

// bracketOpen returns the index of the "(" that the ")" at toks[c] closes, -1 when none.
func (d *doc) bracketOpen(toks []token, c int) int {
	for j := c - 1; j >= 0; j-- {
		switch d.text[toks[j].start:toks[j].end] {
		case "(":
			return j
		case ")":
			return -1
		}
	}
	return -1
}

// isScore: a whole number of one to three digits.
func isScore(text string, t token) bool {
	return t.kind == tNum && t.end-t.start <= 3 && isNumber(text[t.start:t.end])
}

func joinsFixture(low string) bool { return fixtureJoiners.Has(low) }

// personName: two words or more, the first a known given name.
func personName(s string) bool {
	f := strings.Fields(s)
	return len(f) >= 2 && gazetteer.GivenName(f[0])
}

// teamType types as organisations the entities named as teams.
func (d *doc) teamType() {
	for i := range d.ents {
		e := &d.ents[i]
		if len(e.roles) > 0 {
			continue
		}
		teams := 0
		for _, mi := range e.mentions {
			if d.mentions[mi].team {
				teams++
			}
		}
		// a town named as a team once and otherwise as a place ("CALLOWAY
		// 1996-08-22", a dateline) stays a place
		if teams > 0 && 2*teams >= len(e.mentions) {
			e.typ = parallax.Organization
		}
	}
}
