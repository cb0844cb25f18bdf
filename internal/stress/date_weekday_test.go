package stress

import (
	"testing"

	"github.com/parallaxnews/parallax"
)

// A weekday of an undated article counts as the same day as a date that
// falls on it, and only then.
func TestSameWeekday(t *testing.T) {
	fri := parallax.DateMention{Text: "Friday", Relative: true}
	if !sameWeekday(fri, "2026-03-13", "en") { // a Friday
		t.Error("Friday, undated, vs 2026-03-13 (a Friday): not the same day")
	}
	if sameWeekday(fri, "2026-03-12", "en") {
		t.Error("Friday vs a Thursday: the same day")
	}
	if sameWeekday(parallax.DateMention{Text: "Friday", Date: "2026-03-06"}, "2026-03-13", "en") {
		t.Error("a placed Friday of another week: the same day")
	}
	if !sameWeekday(parallax.DateMention{Text: "Sunday"}, "2026-03-15", "en") {
		t.Error("Sunday, undated, vs 2026-03-15 (a Sunday): not the same day")
	}
}
