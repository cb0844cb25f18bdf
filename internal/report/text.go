package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
)

// TextOptions control the terminal report.
type TextOptions struct {
	// Width is the number of columns to wrap to: 0 means 80, and anything
	// under 40 counts as 40. The caller finds the terminal's width.
	Width int
	// Color adds ANSI colours and bold; leave it off when the output is not
	// a terminal.
	Color bool
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
// with its outlets and dates, then what the outlets agree on, where they
// disagree, what only one outlet reports, who is quoted saying what, how
// each outlet frames the story, a timeline and a neutral digest citing its
// sources. Lines are wrapped to opts.Width.
func Text(w io.Writer, rep *parallax.Report, opts TextOptions) error {
	if rep == nil {
		rep = &parallax.Report{}
	}
	t := &textWriter{width: opts.Width, color: opts.Color}
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
			t.para("  • ", "    ", oneLine(e.Input)+": "+oneLine(e.Problem))
		}
	}
	_, err := w.Write(t.buf.Bytes())
	return err
}

func articleLine(a parallax.ArticleInfo, id string) string {
	parts := []string{outletOf(a, id)}
	if a.Published != "" {
		parts = append(parts, a.Published)
	}
	if a.Title != "" {
		parts = append(parts, "“"+oneLine(a.Title)+"”")
	}
	return strings.Join(parts, " · ")
}

func (t *textWriter) story(cat *catalog, st *parallax.Story) {
	l := newLabeler(cat, st)
	rule := strings.Repeat("═", t.width)
	t.blank()
	t.line(rule)
	title := "STORY " + st.ID
	if st.Title != "" {
		title += " · " + oneLine(st.Title)
	}
	t.para("", "", t.style(ansiTitle, title))
	var sub []string
	if d := dateRange(st); d != "" {
		sub = append(sub, d)
	}
	sub = append(sub, plural(len(l.outlets), "outlet", "outlets"), plural(len(st.Articles), "article", "articles"))
	t.para("", "", strings.Join(sub, " · "))
	t.line(rule)
	for _, a := range st.Articles {
		meta := []string{t.style(ansiCyan, l.label(a.ID))}
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
		t.para("  "+t.style(ansiDim, padRight(a.ID, 4))+" ", "       ", strings.Join(meta, " · "))
		if a.Title != "" {
			t.para("       ", "       ", "“"+oneLine(a.Title)+"”")
		}
	}

	shared, only := l.split(st)

	t.section("AGREED", "facts more than one outlet reports")
	if len(shared) == 0 {
		t.none()
	}
	for _, f := range shared {
		t.para("  "+t.style(ansiGreen, "•")+" ", "    ", oneLine(f.Summary)+t.style(ansiDim, " ("+f.Kind+")"))
		who := "reported by " + strings.Join(t.each(ansiCyan, l.factOutlets(f)), ", ")
		if len(f.Omitted) > 0 {
			who += " · not in " + strings.Join(f.Omitted, ", ")
		}
		t.para("    ", "    ", who)
		t.evidence("    ", l, f.Evidence)
	}

	t.section("DISPUTED", "where outlets disagree")
	if len(st.Conflicts) == 0 {
		t.none()
	}
	for i := range st.Conflicts {
		t.conflict(l, i+1, &st.Conflicts[i])
	}

	t.section("ONLY IN …", "what one outlet reports and the others leave out")
	if len(only) == 0 {
		t.none()
	}
	for _, g := range only {
		var others []string
		for _, o := range l.outlets {
			if o != g.Outlet {
				others = append(others, o)
			}
		}
		head := "Only in " + t.style(ansiCyan, g.Outlet)
		if len(others) > 0 {
			head += " · left out by " + strings.Join(others, ", ")
		}
		t.para("  ", "  ", head)
		for _, f := range g.Facts {
			t.para("    "+t.style(ansiMagenta, "•")+" ", "      ", oneLine(f.Summary)+t.style(ansiDim, " ("+f.Kind+")"))
			for _, e := range f.Evidence {
				t.para("      ", "       ", "“"+oneLine(e.Text)+"”")
			}
		}
	}

	named, anonymous, scare := speakerGroups(st)
	t.section("QUOTES BY SPEAKER", "")
	if len(named)+len(anonymous)+len(scare) == 0 {
		t.none()
	}
	cues := quoteCues(st)
	for _, sp := range named {
		t.para("  ", "  ", t.style(ansiBold, oneLine(sp.Name)))
		for _, g := range sp.Quotes {
			t.para("    • ", "      ", "“"+oneLine(g.Text)+"”")
			for _, v := range g.Variants {
				line := t.style(ansiCyan, l.label(v.Article)) + ": “" + oneLine(v.Text) + "”"
				if c := cues[cueKey(v.Article, v.Start)]; c != "" {
					line += t.style(ansiDim, " — "+oneLine(c))
				}
				if oneLine(v.Text) != oneLine(g.Text) {
					line += t.style(ansiYellow, " (worded differently)")
				}
				t.para("      ", "        ", line)
			}
		}
	}
	if len(anonymous) > 0 {
		t.para("  ", "  ", t.style(ansiBold, "Nobody named"))
		for _, q := range anonymous {
			t.para("    • ", "      ", t.style(ansiCyan, l.label(q.Article))+": “"+oneLine(q.Text)+"”")
		}
	}
	if len(scare) > 0 {
		t.para("  ", "  ", t.style(ansiBold, "Scare quotes")+t.style(ansiDim, " (words an outlet keeps at a distance)"))
		for _, q := range scare {
			t.para("    • ", "      ", t.style(ansiCyan, l.label(q.Article))+": “"+oneLine(q.Text)+"”")
		}
	}

	t.section("FRAMING", "how each outlet tells it")
	if len(st.Framing) == 0 {
		t.none()
	}
	for _, fr := range st.Framing {
		outlet := fr.Outlet
		if outlet == "" {
			outlet = l.label(fr.Article)
		}
		stats := []string{
			plural(fr.Words, "word", "words"),
			percent(fr.AttributedShare) + " of sentences attributed",
			plural(fr.QuoteCount, "quote", "quotes"),
		}
		t.para("  ", "  ", t.style(ansiCyan, outlet)+" · "+strings.Join(stats, " · "))
		t.signals("hedges", fr.Hedges)
		t.signals("loaded", fr.Loaded)
		t.signals("opinion", fr.Opinion)
		if len(fr.TopEntities) > 0 {
			t.para("    names most: ", "      ", strings.Join(fr.TopEntities, ", "))
		}
	}

	t.section("TIMELINE", "")
	if len(st.Timeline) == 0 {
		t.none()
	}
	for _, e := range st.Timeline {
		src := ""
		if ls := l.labels(e.Evidence); len(ls) > 0 {
			src = " " + t.style(ansiDim, "["+strings.Join(ls, ", ")+"]")
		}
		t.para("  "+padRight(e.Date, 11)+" ", strings.Repeat(" ", 14), oneLine(e.Summary)+src)
	}

	t.section("DIGEST", "each line cites the outlets that report it")
	if len(st.Digest) == 0 {
		t.none()
	}
	for _, d := range st.Digest {
		cites := l.labelsOf(d.Cites)
		if len(cites) == 0 {
			cites = l.labels(d.Evidence)
		}
		var tags []string
		for _, c := range cites {
			tags = append(tags, t.style(ansiCyan, "["+keepTogether(c)+"]"))
		}
		text := oneLine(d.Text)
		if len(tags) > 0 {
			text += " " + strings.Join(tags, " ")
		}
		t.para("  • ", "    ", text)
		if d.Disputed != "" {
			t.para("    "+t.style(ansiRed, "disputed:")+" ", "      ", oneLine(d.Disputed))
		}
	}
}

func (t *textWriter) conflict(l labeler, n int, c *parallax.Conflict) {
	head := fmt.Sprintf("%d. ", n)
	title := t.style(ansiRed, c.Kind)
	if c.Subject != "" {
		title += " · " + t.style(ansiBold, oneLine(c.Subject))
	}
	if c.Summary != "" {
		title += " · " + oneLine(c.Summary)
	}
	indent := strings.Repeat(" ", 2+len(head))
	t.para("  "+head, indent, title)

	const gap = " │ "
	n = len(c.Sides)
	avail := t.width - len(indent)
	colWidth := 0
	if n > 1 {
		colWidth = (avail - (n-1)*utf8.RuneCountInString(gap)) / n
	}
	if n < 2 || colWidth < 24 {
		// Too narrow for columns: one side after another.
		for i, side := range c.Sides {
			label := fmt.Sprintf("side %c: ", 'A'+i)
			t.para(indent+label, indent+"        ", t.style(ansiCyan, strings.Join(l.labels(side), ", ")))
			for _, e := range side {
				t.para(indent+"  ", indent+"   ", "“"+oneLine(e.Text)+"”")
			}
		}
		return
	}
	cols := make([][]string, n)
	height := 0
	for i, side := range c.Sides {
		var lines []string
		for _, h := range wrapLine(strings.Join(l.labels(side), ", "), colWidth) {
			lines = append(lines, t.style(ansiCyan, h))
		}
		for _, e := range side {
			lines = append(lines, wrapLine("“"+oneLine(e.Text)+"”", colWidth)...)
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
func (t *textWriter) evidence(indent string, l labeler, evs []parallax.Evidence) {
	for _, e := range evs {
		t.para(indent+t.style(ansiCyan, l.label(e.Article))+": ", indent+"  ", "“"+oneLine(e.Text)+"”")
	}
}

func (t *textWriter) signals(name string, evs []parallax.Evidence) {
	if len(evs) == 0 {
		return
	}
	var words []string
	seen := map[string]int{}
	for _, e := range evs {
		w := oneLine(e.Text)
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

func quoteCues(st *parallax.Story) map[string]string {
	cues := map[string]string{}
	for _, q := range st.Quotes {
		if q.Cue != "" {
			cues[cueKey(q.Article, q.Start)] = q.Cue
		}
	}
	return cues
}

func cueKey(article string, start int) string { return fmt.Sprintf("%s@%d", article, start) }

// textWriter builds the terminal report.
type textWriter struct {
	buf   bytes.Buffer
	width int
	color bool
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
