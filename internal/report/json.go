package report

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"

	"github.com/parallaxnews/parallax"
)

// JSON writes rep as indented JSON (two spaces), the form the scorer reads.
//
// It differs from a plain json.Marshal of rep in two ways: a quote whose
// Speaker is empty prints "speaker": null, and a list that is nil prints []
// rather than null, so a reader can always iterate. Fields keep the order
// report.go declares, and HTML characters are not escaped (the output is not
// meant for a web page; the HTML format is).
func JSON(w io.Writer, rep *parallax.Report) error {
	if rep == nil {
		rep = &parallax.Report{}
	}
	filled := withEmptyLists(reflect.ValueOf(*rep)).Interface().(parallax.Report)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(toJSONReport(&filled)); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// jsonReport, jsonStory and jsonQuote mirror parallax.Report, parallax.Story
// and parallax.StoryQuote field for field, in the same order, so that a quote
// can print a null speaker. TestJSONMirrorsReport fails when report.go gains a
// field these do not have.
type jsonReport struct {
	Generator  string                 `json:"generator,omitempty"`
	Stories    []jsonStory            `json:"stories"`
	Unassigned []string               `json:"unassigned"`
	Articles   []parallax.ArticleInfo `json:"articles,omitempty"`
	Errors     []parallax.InputError  `json:"errors,omitempty"`
}

type jsonStory struct {
	ID         string                   `json:"id"`
	Title      string                   `json:"title"`
	Articles   []parallax.ArticleInfo   `json:"articles"`
	Outlets    []string                 `json:"outlets"`
	Entities   []parallax.StoryEntity   `json:"entities"`
	Quotes     []jsonQuote              `json:"quotes"`
	Speakers   []parallax.Speaker       `json:"speakers"`
	Quantities []parallax.StoryQuantity `json:"quantities"`
	Dates      []parallax.StoryDate     `json:"dates"`
	Facts      []parallax.Fact          `json:"facts"`
	Conflicts  []parallax.Conflict      `json:"conflicts"`
	Framing    []parallax.OutletFraming `json:"framing"`
	Timeline   []parallax.TimelineEntry `json:"timeline"`
	Digest     []parallax.DigestLine    `json:"digest"`
}

type jsonQuote struct {
	Article string  `json:"article"`
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"` // nil when nobody can be named
	Cue     string  `json:"cue,omitempty"`
	Scare   bool    `json:"scare,omitempty"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
}

func toJSONReport(rep *parallax.Report) jsonReport {
	out := jsonReport{
		Generator:  rep.Generator,
		Stories:    make([]jsonStory, len(rep.Stories)),
		Unassigned: rep.Unassigned,
		Articles:   rep.Articles,
		Errors:     rep.Errors,
	}
	for i := range rep.Stories {
		st := &rep.Stories[i]
		js := jsonStory{
			ID:         st.ID,
			Title:      st.Title,
			Articles:   st.Articles,
			Outlets:    st.Outlets,
			Entities:   st.Entities,
			Quotes:     make([]jsonQuote, len(st.Quotes)),
			Speakers:   st.Speakers,
			Quantities: st.Quantities,
			Dates:      st.Dates,
			Facts:      st.Facts,
			Conflicts:  st.Conflicts,
			Framing:    st.Framing,
			Timeline:   st.Timeline,
			Digest:     st.Digest,
		}
		for j, q := range st.Quotes {
			jq := jsonQuote{Article: q.Article, Text: q.Text, Cue: q.Cue, Scare: q.Scare, Start: q.Start, End: q.End}
			if q.Speaker != "" {
				speaker := q.Speaker
				jq.Speaker = &speaker
			}
			js.Quotes[j] = jq
		}
		out.Stories[i] = js
	}
	return out
}

// withEmptyLists returns a copy of v in which every nil slice, at any depth,
// is an empty one. Pointers and maps are shared, not copied.
func withEmptyLists(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return reflect.MakeSlice(v.Type(), 0, 0)
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(withEmptyLists(v.Index(i)))
		}
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v) // unexported fields and scalars as they are
		for i := 0; i < v.NumField(); i++ {
			if out.Field(i).CanSet() {
				out.Field(i).Set(withEmptyLists(v.Field(i)))
			}
		}
		return out
	}
	return v
}
