package group

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// The dev sets live beside the repository, in ../shared/corpus/dev.

type devRecord struct {
	URL      string `json:"url"`
	Title    string `json:"title"`
	Text     string `json:"maintext"`
	Language string `json:"language"`
}

type devGold struct {
	Stories []struct {
		Name     string   `json:"name"`
		Articles []string `json:"articles"`
	} `json:"stories"`
	Distractors []string `json:"distractors"`
}

// devDir returns ../shared/corpus/dev, or skips.
func devDir(t testing.TB) string { return filepath.Join(sharedtest.Dir(t), "corpus", "dev") }

// loadDev reads a JSON Lines dev set. Documents get opaque IDs ("a1", …):
// grouping never sees the URL. urls[i] is docs[i]'s URL as score.py keys it.
func loadDev(t testing.TB, path string) (docs []Doc, urls []string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r devRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		docs = append(docs, Doc{ID: "a" + strconv.Itoa(len(docs)+1), Title: r.Title, Text: r.Text, Language: r.Language})
		urls = append(urls, strings.TrimRight(r.URL, "/"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs, urls
}

func loadGold(t testing.TB, path string) devGold {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g devGold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}

// bcubed mirrors story_bcubed_f1 in score.py: the gold articles are the
// gold stories' members plus each distractor as its own story; an article
// the prediction does not place is a singleton.
func bcubed(g devGold, predicted map[string]string) (p, r, f1 float64) {
	goldOf := map[string]string{}
	for i, s := range g.Stories {
		for _, a := range s.Articles {
			goldOf[a] = "g" + strconv.Itoa(i)
		}
	}
	for _, a := range g.Distractors {
		goldOf[a] = "d:" + a
	}
	predOf := map[string]string{}
	for a := range goldOf {
		if c, ok := predicted[a]; ok {
			predOf[a] = "p:" + c
		} else {
			predOf[a] = "missing:" + a
		}
	}
	predSize := map[string]int{}
	goldSize := map[string]int{}
	both := map[[2]string]int{}
	for a := range goldOf {
		predSize[predOf[a]]++
		goldSize[goldOf[a]]++
		both[[2]string{predOf[a], goldOf[a]}]++
	}
	for a := range goldOf {
		n := float64(both[[2]string{predOf[a], goldOf[a]}])
		p += n / float64(predSize[predOf[a]])
		r += n / float64(goldSize[goldOf[a]])
	}
	p /= float64(len(goldOf))
	r /= float64(len(goldOf))
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// storyOfURL maps each document's URL to its predicted story.
func storyOfURL(res Result, urls []string) map[string]string {
	m := make(map[string]string, len(urls))
	for i, u := range urls {
		m[u] = res.Story[i]
	}
	return m
}

// writeReport writes res as a report score.py reads, when
// PARALLAX_GROUP_REPORTS names a directory.
func writeReport(t testing.TB, name string, docs []Doc, urls []string, res Result) {
	dir := os.Getenv("PARALLAX_GROUP_REPORTS")
	if dir == "" {
		return
	}
	type art struct {
		ID     string `json:"id"`
		Source string `json:"source"`
	}
	type story struct {
		ID       string `json:"id"`
		Articles []art  `json:"articles"`
	}
	index := map[string]int{}
	for i, d := range docs {
		index[d.ID] = i
	}
	rep := struct {
		Stories    []story  `json:"stories"`
		Unassigned []string `json:"unassigned"`
	}{Unassigned: []string{}}
	for _, c := range res.Clusters {
		s := story{ID: c.ID}
		for _, id := range c.Docs {
			s.Articles = append(s.Articles, art{ID: id, Source: urls[index[id]]})
		}
		rep.Stories = append(rep.Stories, s)
	}
	b, err := json.MarshalIndent(rep, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".report.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDevSets groups the two dev sets with the default options, in one
// batch and through an Index, and checks story BCubed F1 against the gold.
// The batch floors are the project's targets, which the library's way
// (an Index regrouping each run's documents at its end) must reach too;
// the Index floors guard against regressions of the single greedy pass.
func TestDevSets(t *testing.T) {
	dev := devDir(t)
	for _, tc := range []struct {
		name       string
		floor      float64 // Stories
		indexFloor float64 // Index
	}{
		{"ecbplus", 0.88, 0.82},
		{"coverage", 0.90, 0.90},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, urls := loadDev(t, filepath.Join(dev, tc.name+".jsonl"))
			gold := loadGold(t, filepath.Join(dev, tc.name+".gold.json"))
			res := Stories(docs, Options{})
			writeReport(t, tc.name, docs, urls, res)
			p, r, f1 := bcubed(gold, storyOfURL(res, urls))
			t.Logf("%s, Stories: %d docs, %d stories, BCubed P %.3f R %.3f F1 %.3f", tc.name, len(docs), len(res.Clusters), p, r, f1)
			if f1 < tc.floor {
				t.Errorf("%s: Stories story BCubed F1 = %.3f, want ≥ %.2f", tc.name, f1, tc.floor)
			}
			ix := NewIndex(Options{})
			byURL := map[string]string{}
			for i, d := range docs {
				byURL[urls[i]], _ = ix.Add(d)
			}
			p, r, f1 = bcubed(gold, byURL)
			t.Logf("%s, Index: %d stories, BCubed P %.3f R %.3f F1 %.3f", tc.name, ix.Stats().Stories, p, r, f1)
			if f1 < tc.indexFloor {
				t.Errorf("%s: Index story BCubed F1 = %.3f, want ≥ %.2f", tc.name, f1, tc.indexFloor)
			}
			// The library: an Index regrouping each run's documents (runs
			// of every size, the last one whole) at the run's end.
			for _, run := range []int{len(docs), 100, 20} {
				tr := newTracked(NewIndex(Options{}))
				regrouped := 0
				for i, d := range docs {
					tr.place(t, d)
					if (i+1)%run == 0 || i == len(docs)-1 {
						regrouped += tr.regroup(t).Docs
					}
				}
				byURL := map[string]string{}
				for i, d := range docs {
					byURL[urls[i]] = tr.storyOf[d.ID]
				}
				p, r, f1 = bcubed(gold, byURL)
				t.Logf("%s, Index regrouped every %d (%.1f documents regrouped per document): BCubed P %.3f R %.3f F1 %.3f",
					tc.name, run, float64(regrouped)/float64(len(docs)), p, r, f1)
				if f1 < tc.floor {
					t.Errorf("%s: Index regrouped every %d: story BCubed F1 = %.3f, want ≥ %.2f", tc.name, run, f1, tc.floor)
				}
			}
		})
	}
}
