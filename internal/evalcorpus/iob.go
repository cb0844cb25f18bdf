package evalcorpus

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/read"
)

// NERDoc is one document of an entity corpus, detokenised, with its gold
// mentions.
type NERDoc struct {
	Name    string
	Article *parallax.Article
	Gold    []Mention
}

// Mention is a gold entity mention: its span in bytes of the article text
// and the corpus' own label ("PER", "geo", …).
type Mention struct {
	Span  parallax.Span
	Label string
}

// sentence is one tokenised sentence with its IOB tags.
type sentence struct {
	Tokens []string
	Tags   []string
}

// LoadCoNLL reads CoNLL-2003 files (token first, NE tag last, blank lines
// between sentences, -DOCSTART- lines between documents). every keeps every
// n-th document in file order.
func LoadCoNLL(files []string, every int) ([]NERDoc, error) {
	var out []NERDoc
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			return nil, fmt.Errorf("conll: %w", err)
		}
		docs, err := readCoNLL(f, file)
		f.Close()
		if err != nil {
			return nil, err
		}
		if len(docs) == 0 {
			return nil, fmt.Errorf("conll %s: no documents (expected CoNLL-2003 columns with -DOCSTART- lines)", file)
		}
		base := file[strings.LastIndexByte(file, '/')+1:]
		for i, sents := range docs {
			if every > 1 && i%every != 0 {
				continue
			}
			d, err := buildNERDoc(fmt.Sprintf("%s#%d", base, i+1), sents)
			if err != nil {
				return nil, fmt.Errorf("conll %s document %d: %w", file, i+1, err)
			}
			out = append(out, *d)
		}
	}
	return out, nil
}

// readCoNLL splits a CoNLL file into documents of sentences.
func readCoNLL(r io.Reader, name string) ([][]sentence, error) {
	var docs [][]sentence
	var cur []sentence
	var s sentence
	flushSent := func() {
		if len(s.Tokens) > 0 {
			cur = append(cur, s)
		}
		s = sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(cur) > 0 {
			docs = append(docs, cur)
		}
		cur = nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			flushSent()
			continue
		}
		f := strings.Fields(line)
		if f[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("conll %s:%d: want a token and a tag, got %q", name, n, line)
		}
		s.Tokens = append(s.Tokens, f[0])
		s.Tags = append(s.Tags, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	flushDoc()
	return docs, nil
}

// buildNERDoc detokenises the sentences into an article, one sentence a
// line, and turns IOB tags into gold mentions.
func buildNERDoc(name string, sents []sentence) (*NERDoc, error) {
	var b strings.Builder
	var gold []Mention
	for si, s := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		spans := detokenize(&b, s.Tokens)
		var open *Mention
		prevType := "O"
		for i, tag := range s.Tags {
			prefix, typ, ok := strings.Cut(tag, "-")
			if tag == "O" || !ok {
				if tag != "O" {
					return nil, fmt.Errorf("sentence %d token %q: bad tag %q", si+1, s.Tokens[i], tag)
				}
				open, prevType = nil, "O"
				continue
			}
			switch prefix {
			case "B", "I":
			default:
				return nil, fmt.Errorf("sentence %d token %q: bad tag %q", si+1, s.Tokens[i], tag)
			}
			// IOB1 starts a chunk with I- after another type; IOB2 always with B-
			if prefix == "B" || open == nil || typ != prevType {
				gold = append(gold, Mention{Span: spans[i], Label: typ})
				open = &gold[len(gold)-1]
			} else {
				open.Span.End = spans[i].End
			}
			prevType = typ
		}
	}
	text := b.String()
	a, err := read.Text(name, []byte(text))
	if err != nil {
		return nil, err
	}
	if a.Text != text {
		return nil, fmt.Errorf("detokenised text changed when read")
	}
	a.ID = name
	return &NERDoc{Name: name, Article: a, Gold: gold}, nil
}

var (
	noSpaceBefore = set(", . ; : ! ? ) ] } % 's 'S n't N'T 're 've 'll 'd 'm 'RE 'VE 'LL 'D 'M '' ...")
	noSpaceAfter  = set("( [ { $ # `` US$ C$ A$ ¿ ¡")
)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// detokenize writes tokens as prose and returns each token's span.
// Straight double quotes alternate: an opening one sticks to the next
// token, a closing one to the previous.
func detokenize(b *strings.Builder, toks []string) []parallax.Span {
	spans := make([]parallax.Span, len(toks))
	glue := true // no space before the next token
	quoteOpen := false
	for i, t := range toks {
		space := !glue
		closing := false
		switch {
		case t == `"`:
			if quoteOpen {
				space, closing = false, true
			}
		case noSpaceBefore[t]:
			space = false
		case t == "'" && i > 0 && strings.HasSuffix(toks[i-1], "s"):
			space = false // the genitive of a plural: farmers '
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		spans[i] = parallax.Span{Start: b.Len(), End: b.Len() + len(t)}
		b.WriteString(t)
		glue = noSpaceAfter[t]
		if t == `"` {
			if !closing {
				glue = true
			}
			quoteOpen = !quoteOpen
		}
	}
	return spans
}
