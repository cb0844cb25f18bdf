package evalcorpus

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
)

// nlpToken is one CoreNLP token: its character offsets (code points, as
// CoreNLP counts them for text without astral characters) and POS tag.
type nlpToken struct {
	Begin, End int
	POS        string
	NER        string
}

// nlpMention is one mention of a coreference chain: sentence and token
// indexes are 1-based, End exclusive, as CoreNLP writes them.
type nlpMention struct {
	Sentence, Start, End, Head int
	Text                       string
	Representative             bool
}

// coreNLP is what the evaluation needs from a CoreNLP XML document.
type coreNLP struct {
	Sents  [][]nlpToken
	Chains [][]nlpMention
}

// parseCoreNLP reads CoreNLP's XML output line by line. The files are
// large (about 1 MB per article) and regular, one element a line, so a
// line scanner reads them an order of magnitude faster than encoding/xml;
// only tokens (offsets, POS, NER) and coreference chains are kept.
func parseCoreNLP(r io.Reader, name string) (*coreNLP, error) {
	doc := &coreNLP{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var tok *nlpToken
	var men *nlpMention
	depth := 0 // <coreference> nesting: 1 is the list, 2 a chain
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) < 3 || line[0] != '<' {
			continue
		}
		tag, val := xmlLine(line)
		var err error
		switch {
		case depth == 0 && bytes.HasPrefix(line, []byte(`<sentence id=`)):
			doc.Sents = append(doc.Sents, nil)
			tok = nil
		case depth == 0 && bytes.HasPrefix(line, []byte(`<token id=`)) && len(doc.Sents) > 0:
			s := &doc.Sents[len(doc.Sents)-1]
			*s = append(*s, nlpToken{})
			tok = &(*s)[len(*s)-1]
		case depth == 0 && tok != nil && tag == "CharacterOffsetBegin":
			tok.Begin, err = strconv.Atoi(val)
		case depth == 0 && tok != nil && tag == "CharacterOffsetEnd":
			tok.End, err = strconv.Atoi(val)
		case depth == 0 && tok != nil && tag == "POS":
			tok.POS = val
		case depth == 0 && tok != nil && tag == "NER":
			tok.NER = val
		case depth == 0 && bytes.Equal(line, []byte(`</tokens>`)):
			tok = nil
		case bytes.Equal(line, []byte(`<coreference>`)):
			depth++
			if depth == 2 {
				doc.Chains = append(doc.Chains, nil)
			}
		case bytes.Equal(line, []byte(`</coreference>`)):
			depth--
		case depth == 2 && bytes.HasPrefix(line, []byte(`<mention`)):
			c := &doc.Chains[len(doc.Chains)-1]
			*c = append(*c, nlpMention{Representative: bytes.Contains(line, []byte(`representative="true"`))})
			men = &(*c)[len(*c)-1]
		case depth == 2 && men != nil && tag == "sentence":
			men.Sentence, err = strconv.Atoi(val)
		case depth == 2 && men != nil && tag == "start":
			men.Start, err = strconv.Atoi(val)
		case depth == 2 && men != nil && tag == "end":
			men.End, err = strconv.Atoi(val)
		case depth == 2 && men != nil && tag == "head":
			men.Head, err = strconv.Atoi(val)
		case depth == 2 && men != nil && tag == "text":
			men.Text = xmlUnescape(val)
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %s: %w", name, n, tag, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	for _, c := range doc.Chains {
		for _, m := range c {
			if m.Sentence < 1 || m.Sentence > len(doc.Sents) || m.Start < 1 || m.End <= m.Start || m.End-1 > len(doc.Sents[m.Sentence-1]) {
				return nil, fmt.Errorf("%s: coreference mention %q points outside the tokens", name, m.Text)
			}
		}
	}
	return doc, nil
}

// xmlLine splits "<tag>value</tag>" into tag and value; other lines give "".
func xmlLine(line []byte) (tag, val string) {
	end := bytes.IndexByte(line, '>')
	if end < 2 || line[end-1] == '/' {
		return "", ""
	}
	name := line[1:end]
	if bytes.IndexByte(name, ' ') >= 0 {
		return "", ""
	}
	rest := line[end+1:]
	closing := append(append([]byte("</"), name...), '>')
	if !bytes.HasSuffix(rest, closing) {
		return "", ""
	}
	return string(name), string(rest[:len(rest)-len(closing)])
}

var xmlEntities = [][2]string{{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", `"`}, {"&apos;", "'"}, {"&amp;", "&"}}

func xmlUnescape(s string) string {
	if bytes.IndexByte([]byte(s), '&') < 0 {
		return s
	}
	for _, e := range xmlEntities {
		s = string(bytes.ReplaceAll([]byte(s), []byte(e[0]), []byte(e[1])))
	}
	return s
}
