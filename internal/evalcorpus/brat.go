package evalcorpus

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// bratSpan is a text-bound annotation ("T3\tContent 13 98;100 120\t…"),
// its fragments in code points as brat writes them.
type bratSpan struct {
	ID    string
	Type  string
	Frags [][2]int
	Text  string
}

// bratEvent is an event line ("E1\tAttribution:T4 Content:T3 Cue:T2
// Source:T1"): its type is the first role's, Args the rest by role.
type bratEvent struct {
	ID      string
	Type    string
	Trigger string
	Args    map[string]string
}

// parseBrat reads brat standoff annotations. Lines it does not know
// (notes, attributes, continuation lines of a span text holding a newline)
// are skipped; a malformed T or E line is an error naming the line.
func parseBrat(r io.Reader, name string) (map[string]*bratSpan, []bratEvent, error) {
	spans := map[string]*bratSpan{}
	var events []bratEvent
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if len(line) < 2 || line[1] < '0' || line[1] > '9' {
			continue
		}
		f := strings.Split(line, "\t")
		switch line[0] {
		case 'T':
			if len(f) < 2 {
				return nil, nil, fmt.Errorf("%s:%d: span line without fields", name, n)
			}
			typ, rest, ok := strings.Cut(f[1], " ")
			if !ok {
				return nil, nil, fmt.Errorf("%s:%d: span %s has no offsets", name, n, f[0])
			}
			s := &bratSpan{ID: f[0], Type: typ}
			if len(f) > 2 {
				s.Text = f[2]
			}
			for _, fr := range strings.Split(rest, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(fr), " ")
				start, err1 := strconv.Atoi(a)
				end, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || start < 0 || end < start {
					return nil, nil, fmt.Errorf("%s:%d: span %s: bad offsets %q", name, n, f[0], fr)
				}
				s.Frags = append(s.Frags, [2]int{start, end})
			}
			spans[s.ID] = s
		case 'E':
			if len(f) < 2 {
				return nil, nil, fmt.Errorf("%s:%d: event line without fields", name, n)
			}
			e := bratEvent{ID: f[0], Args: map[string]string{}}
			for i, arg := range strings.Fields(f[1]) {
				role, id, ok := strings.Cut(arg, ":")
				if !ok {
					return nil, nil, fmt.Errorf("%s:%d: event %s: bad argument %q", name, n, f[0], arg)
				}
				if i == 0 {
					e.Type, e.Trigger = role, id
					continue
				}
				e.Args[role] = id
			}
			events = append(events, e)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", name, err)
	}
	return spans, events, nil
}
