package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/view"
)

// TextOptions control the terminal report.
type TextOptions struct {
	// Width is the number of columns to wrap to: 0 means 80, and anything
	// under 40 counts as 40. The caller finds the terminal's width.
	Width int
	// Color adds ANSI colours and bold; leave it off when the output is not
	// a terminal.
	Color bool
	// Directory describes the outlets for the coverage bar; nil: none.
	Directory view.Directory
}

const (
	defaultWidth = 80
	minWidth     = 40
)

// ANSI styles.
const (
	ansiBold    = "1"
	ansiDim     = "2"
	ansiRed     = "31"
	ansiGreen   = "32"
	ansiYellow  = "33"
	ansiMagenta = "35"
	ansiCyan    = "36"
	ansiTitle   = "1;4"
)

// Text writes a report meant to be read in a terminal: per story a header
// with its dates and counts, then the summary (at most eight lines: what
// the outlets agree on and what they dispute, each tagged with the fact or
// conflict below that holds its evidence), the cited digest, the conflicts
// in the outlets' words, and the details: the articles, the facts several
// outlets report, what only one reports, who is quoted saying what, how
// each outlet frames it, and a timeline. Lines are wrapped to opts.Width.
func Text(w io.Writer, rep *parallax.Report, opts TextOptions) error {
	if rep == nil {
		rep = &parallax.Report{}
	}
	t := &textWriter{width: opts.Width, color: opts.Color, dir: opts.Directory}
	if t.width == 0 {
		t.width = defaultWidth
	}
	if t.width < minWidth {
		t.width = minWidth
	}
	cat := newCatalog(rep)

	t.line(t.style(ansiBold, "PARALLAX COVERAGE REPORT"))
	summary := []string{plural(len(rep.Stories), "story", "stories"), plural(len(cat.order), "article", "articles")}
	if len(rep.Unassigned) > 0 {
		summary = append(summary, fmt.Sprintf("%d unassigned", len(rep.Unassigned)))
	}
	if len(rep.Errors) > 0 {
		summary = append(summary, plural(len(rep.Errors), "unreadable input", "unreadable inputs"))
	}
	if rep.Generator != "" {
		summary = append(summary, "by "+rep.Generator)
	}
	t.para("", "", t.style(ansiDim, strings.Join(summary, " · ")))

	for i := range rep.Stories {
		t.story(cat, &rep.Stories[i])
	}
	if len(rep.Unassigned) > 0 {
		t.blank()
		t.heading("NOT IN ANY STORY")
		for _, id := range rep.Unassigned {
			a := cat.info[id]
			t.para("  "+t.style(ansiDim, id)+"  ", "      ", articleLine(a, id))
		}
	}
	if len(rep.Errors) > 0 {
		t.blank()
		t.heading("INPUTS NOT READ")
		for _, e := range rep.Errors {
			t.para("  • ", "    ", inputProblem(e))
		}
	}
	_, err := w.Write(t.buf.Bytes())
	return err
}

func (t *textWriter) story(cat *catalog, st *parallax.Story) {
	v := view.Build(st, view.Options{Articles: cat.all, Directory: t.dir})
	rule := strings.Repeat("═", t.width)
	t.blank()
	t.line(rule)
	t.para("", "", t.style(ansiTitle, "STORY "+st.ID+" · "+v.Title))
	t.para("", "", storySub(v))
	t.line(rule)

	t.section("SUMMARY", "what the outlets agree on and what they dispute")
	if v.Summary.Len() == 0 {
		t.none()
	}
	for _, l := range v.Summary.Agreed {
		t.para("  "+t.style(ansiGreen, "✓")+" ", "    ", l.Text+" "+t.style(ansiDim, "— "+agreedCount(l)+" ["+strings.TrimPrefix(l.Anchor, "fact-")+"]"))
	}
	for _, l := range v.Summary.Disputed {
		line := t.style(ansiRed, view.KindLabel(l.Kind)) + ": " + l.Text + " — " + sidesText(l.Sides)
		if l.Review != nil {
			line += " (" + reviewText(l.Review) + ")"
		}
		t.para("  "+t.style(ansiRed, "✗")+" ", "    ", line+t.style(ansiDim, " [conflict "+strings.TrimPrefix(l.Anchor, "conflict-")+"]"))
	}
	for _, n := range v.OnlyBy {
		t.para("  ", "  ", t.style(ansiYellow, n))
	}

	t.section("DIGEST", "each line cites the outlets that report it")
	if len(v.Digest) == 0 {
		t.none()
	}
	for _, d := range v.Digest {
		var tags []string
		for _, c := range d.Cites {
			tags = append(tags, t.style(ansiCyan, "["+keepTogether(c.Label)+"]"))
		}
		text := d.Text
		if len(tags) > 0 {
			text += " " + strings.Join(tags, " ")
		}
		t.para("  • ", "    ", text)
		if d.Disputed != "" {
			t.para("    "+t.style(ansiRed, "disputed:")+" ", "      ", d.Disputed)
		}
	}

	t.section("DISPUTED", "where outlets disagree, in their words")
	if len(v.Conflicts) == 0 {
		t.none()
	}
	for i := range v.Conflicts {
		t.conflict(&v.Conflicts[i])
	}

	t.section("ARTICLES", "")
	for _, a := range v.Articles {
		meta := []string{t.style(ansiCyan, a.Label)}
		if a.Published != "" {
			meta = append(meta, a.Published)
		} else {
			meta = append(meta, "date unknown")
		}
		if a.Language != "" {
			meta = append(meta, a.Language)
		}
		if a.Words > 0 {
			meta = append(meta, plural(a.Words, "word", "words"))
		}
		if a.DuplicateOf != "" {
			meta = append(meta, "copy of "+a.DuplicateOf)
		}
		if a.Unanalysed > 0 {
			meta = append(meta, fmt.Sprintf("last %d bytes not analysed (too long)", a.Unanalysed))
		}
		t.para("  "+t.style(ansiDim, padRight(a.ID, 4))+" ", "       ", strings.Join(meta, " · "))
		if a.Title != "" {
			t.para("       ", "       ", "“"+a.Title+"”")
		}
	}
	for _, bar := range v.Coverage {
		var segs []string
		for _, sg := range bar.Segments {
			segs = append(segs, fmt.Sprintf("%s %d", sg.Value, sg.Articles))
		}
		if bar.Unknown > 0 {
			segs = append(segs, fmt.Sprintf("unknown %d", bar.Unknown))
		}
		t.para("  "+bar.Name+": ", "    ", strings.Join(segs, " · "))
	}

	t.section("AGREED", "facts more than one outlet reports")
	if len(v.Matrix) == 0 {
		t.none()
	}
	for _, r := range v.Matrix {
		t.para("  "+t.style(ansiGreen, "•")+" ", "    ", r.Summary+t.style(ansiDim, " ("+r.Kind+") ["+factTag(r.ID)+"]"))
		who := "reported by " + strings.Join(t.each(ansiCyan, r.Outlets), ", ")
		if len(r.Omitted) > 0 {
			who += " · not in " + strings.Join(r.Omitted, ", ")
		}
		t.para("    ", "    ", who)
		t.evidence("    ", r.Evidence)
	}

	t.section("ONLY IN …", "what one outlet reports and the others leave out")
	if len(v.Exclusives) == 0 {
		t.none()
	}
	for _, g := range v.Exclusives {
		head := "Only in " + t.style(ansiCyan, g.Label)
		if len(g.Others) > 0 {
			head += " · left out by " + strings.Join(g.Others, ", ")
		}
		t.para("  ", "  ", head)
		for _, f := range g.Facts {
			t.para("    "+t.style(ansiMagenta, "•")+" ", "      ", f.Summary+t.style(ansiDim, " ("+f.Kind+")"))
			if f.Verbatim {
				continue
			}
			for _, e := range f.Evidence {
				t.para("      ", "       ", "“"+e.Text+"”")
			}
		}
	}

	t.section("QUOTES BY SPEAKER", "")
	if len(v.Speakers)+len(v.Anonymous)+len(v.Scare) == 0 {
		t.none()
	}
	for _, sp := range v.Speakers {
		t.para("  ", "  ", t.style(ansiBold, sp.Name))
		for _, g := range sp.Quotes {
			t.para("    • ", "      ", "“"+g.Text+"”")
			for _, vr := range g.Variants {
				line := t.style(ansiCyan, vr.Outlet) + ": “" + vr.Text + "”"
				if vr.Cue != "" {
					line += t.style(ansiDim, " — "+vr.Cue)
				}
				if vr.Differs {
					line += t.style(ansiYellow, " (worded differently)")
				}
				t.para("      ", "        ", line)
			}
		}
	}
	if len(v.Anonymous) > 0 {
		t.para("  ", "  ", t.style(ansiBold, "Nobody named"))
		for _, q := range v.Anonymous {
			t.para("    • ", "      ", t.style(ansiCyan, q.Outlet)+": “"+q.Text+"”")
		}
	}
	if len(v.Scare) > 0 {
		t.para("  ", "  ", t.style(ansiBold, "Scare quotes")+t.style(ansiDim, " (words an outlet keeps at a distance)"))
		for _, q := range v.Scare {
			t.para("    • ", "      ", t.style(ansiCyan, q.Outlet)+": “"+q.Text+"”")
		}
	}

	t.section("FRAMING", "how each outlet tells it")
	if len(v.Framing) == 0 {
		t.none()
	}
	for _, fr := range v.Framing {
		stats := []string{
			plural(fr.Words, "word", "words"),
			percent(fr.Attributed) + " of sentences attributed",
			plural(fr.Quotes, "quote", "quotes"),
		}
		t.para("  ", "  ", t.style(ansiCyan, fr.Label)+" · "+strings.Join(stats, " · "))
		t.signals("hedges", fr.Hedges)
		t.signals("loaded", fr.Loaded)
		t.signals("opinion", fr.Opinion)
		if len(fr.TopEntities) > 0 {
			t.para("    names most: ", "      ", strings.Join(fr.TopEntities, ", "))
		}
	}

	t.section("TIMELINE", "")
	if len(v.Timeline) == 0 {
		t.none()
	}
	for _, e := range v.Timeline {
		src := ""
		if len(e.Sources) > 0 {
			var ls []string
			for _, c := range e.Sources {
				ls = append(ls, c.Label)
			}
			src = " " + t.style(ansiDim, "["+strings.Join(ls, ", ")+"]")
		}
		t.para("  "+padRight(e.Date, 11)+" ", strings.Repeat(" ", 14), e.Summary+src)
	}
}

func (t *textWriter) conflict(c *view.Conflict) {
	head := fmt.Sprintf("%d. ", c.N)
	title := t.style(ansiRed, c.Kind)
	if c.Subject != "" {
		title += " · " + t.style(ansiBold, c.Subject)
	}
	if c.Summary != "" {
		title += " · " + c.Summary
	}
	indent := strings.Repeat(" ", 2+len(head))
	t.para("  "+head, indent, title)
	if c.Review != nil {
		t.para(indent+t.style(ansiYellow, "reviewed: "), indent+"  ", reviewText(c.Review))
	}

	const gap = " │ "
	n := len(c.Sides)
	avail := t.width - len(indent)
	colWidth := 0
	if n > 1 {
		colWidth = (avail - (n-1)*utf8.RuneCountInString(gap)) / n
	}
	if n < 2 || colWidth < 24 {
		// Too narrow for columns: one side after another.
		for i, side := range c.Sides {
			label := fmt.Sprintf("side %c: ", 'A'+i)
			t.para(indent+label, indent+"        ", t.style(ansiCyan, side.Label()))
			for _, e := range side.Evidence {
				t.para(indent+"  ", indent+"   ", "“"+e.Text+"”")
			}
		}
		return
	}
	cols := make([][]string, n)
	height := 0
	for i, side := range c.Sides {
		var lines []string
		for _, h := range wrapLine(side.Label(), colWidth) {
			lines = append(lines, t.style(ansiCyan, h))
		}
		for _, e := range side.Evidence {
			lines = append(lines, wrapLine("“"+e.Text+"”", colWidth)...)
		}
		cols[i] = lines
		height = max(height, len(lines))
	}
	for row := 0; row < height; row++ {
		var b strings.Builder
		b.WriteString(indent)
		for i := range cols {
			cell := ""
			if row < len(cols[i]) {
				cell = cols[i][row]
			}
			if i < n-1 {
				b.WriteString(cell + strings.Repeat(" ", max(0, colWidth-visibleWidth(cell))) + t.style(ansiDim, gap))
			} else {
				b.WriteString(cell)
			}
		}
		t.line(strings.TrimRight(b.String(), " "))
	}
}

// evidence prints each piece of evidence with its outlet.
func (t *textWriter) evidence(indent string, evs []view.Ev) {
	for _, e := range evs {
		t.para(indent+t.style(ansiCyan, e.Outlet)+": ", indent+"  ", "“"+e.Text+"”")
	}
}

func (t *textWriter) signals(name string, evs []view.Ev) {
	if len(evs) == 0 {
		return
	}
	var words []string
	seen := map[string]int{}
	for _, e := range evs {
		w := e.Text
		if _, ok := seen[w]; !ok {
			words = append(words, w)
		}
		seen[w]++
	}
	for i, w := range words {
		s := "“" + w + "”"
		if seen[w] > 1 {
			s += fmt.Sprintf(" ×%d", seen[w])
		}
		words[i] = s
	}
	t.para("    "+name+": ", "      ", t.style(ansiYellow, strings.Join(words, ", ")))
}

// textWriter builds the terminal report.
type textWriter struct {
	buf   bytes.Buffer
	width int
	color bool
	dir   view.Directory
}

func (t *textWriter) style(code, s string) string {
	if !t.color || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (t *textWriter) each(code string, ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = t.style(code, s)
	}
	return out
}

func (t *textWriter) line(s string) {
	t.buf.WriteString(s)
	t.buf.WriteByte('\n')
}

func (t *textWriter) blank() { t.buf.WriteByte('\n') }

func (t *textWriter) heading(s string) { t.line(t.style(ansiBold, s)) }

func (t *textWriter) section(name, about string) {
	t.blank()
	s := t.style(ansiBold, name)
	if about != "" {
		s += t.style(ansiDim, " · "+about)
	}
	t.para("", "  ", s)
}

func (t *textWriter) none() { t.line("  " + t.style(ansiDim, "none")) }

// para writes text wrapped to the width: the first line after first, the
// others after rest.
func (t *textWriter) para(first, rest, text string) {
	lines := wrapWidths(text, t.width-visibleWidth(first), t.width-visibleWidth(rest))
	if len(lines) == 0 {
		t.line(strings.TrimRight(first, " "))
		return
	}
	for i, l := range lines {
		if i == 0 {
			t.line(first + l)
		} else {
			t.line(rest + l)
		}
	}
}

// nbsp joins words that wrapLine keeps on one line.
const nbsp = "\u00a0"

// keepTogether makes s one word for wrapLine.
func keepTogether(s string) string { return strings.ReplaceAll(s, " ", nbsp) }

// wrapLine breaks text into lines of at most width visible characters.
func wrapLine(text string, width int) []string { return wrapWidths(text, width, width) }

// wrapWidths breaks text at spaces into a first line of at most first
// visible characters and others of at most rest; a word longer than that
// gets a line of its own. Words joined by keepTogether stay on one line and
// print with plain spaces.
func wrapWidths(text string, first, rest int) []string {
	width := max(first, 10)
	var lines []string
	var cur strings.Builder
	curWidth := 0
	for _, word := range strings.Split(text, " ") {
		if word == "" {
			continue
		}
		word = strings.ReplaceAll(word, nbsp, " ")
		ww := visibleWidth(word)
		if curWidth > 0 && curWidth+1+ww > width {
			lines = append(lines, cur.String())
			cur.Reset()
			curWidth = 0
			width = max(rest, 10)
		}
		if curWidth > 0 {
			cur.WriteByte(' ')
			curWidth++
		}
		cur.WriteString(word)
		curWidth += ww
	}
	if curWidth > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// visibleWidth counts the characters of s a terminal shows: ANSI escape
// sequences take no room.
func visibleWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			j := i + 1
			if j < len(s) && s[j] == '[' {
				j++
				for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
					j++
				}
				i = j + 1
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}

func padRight(s string, n int) string {
	return s + strings.Repeat(" ", max(0, n-visibleWidth(s)))
}
