package quantity

import (
	"regexp"
	"strings"

	"github.com/parallaxnews/parallax"
)

// SplitPiece tells whether the number of the quantity at sp is a piece of
// a number written with spaces around its marks, as tokenised text (ECB+)
// has it: "4 1 / 2 months", "2 . 7 GHz", "$2 , 199". Find reads the piece
// alone; it is no figure to compare or to rewrite.
func SplitPiece(text string, sp parallax.Span) bool {
	m := firstNumber.FindStringIndex(sp.Of(text))
	if m == nil {
		return false
	}
	if h := splitHead.FindString(text[max(0, sp.Start+m[0]-12) : sp.Start+m[0]]); h != "" {
		return !strings.HasSuffix(h, ", ") || m[1]-m[0] == 3 // after " , " only a group of three
	}
	tail := text[sp.Start+m[1]:]
	return splitTail.MatchString(tail) || groupTail.MatchString(tail) && len(sp.Of(text)) == m[1]
}

var (
	firstNumber = regexp.MustCompile(`\d+`)
	// what comes before the rest of a split number: "4 1 / ", "2 . ", "$2 , "
	// (not a year ending a sentence: "in 2010 . 7 people")
	splitHead = regexp.MustCompile(`\d ?/ ?$|(?:^|[^\d])\d{1,3} \. $|\d , $`)
	// the rest of a number after a spaced mark: " . 7", " / 2"; " , 199"
	// only when the figure has no words of its own after the number
	splitTail = regexp.MustCompile(`^ (?:\. \d|/ ?\d)|^/ ?\d`)
	groupTail = regexp.MustCompile(`^ , \d{3}\b`)
)
