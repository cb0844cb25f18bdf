//go:build ignore

// gen_names_es.go rebuilds names_es.txt, the given names borne in Spain,
// from the npm package gender-detection-from-name (MIT), file names/es.js:
// 5,000 men's and 5,000 women's names, most frequent first, folded to
// lower-case ASCII. Kept: one-word names of three letters or more that are
// not an English noun (WordNet), a function word or a place the gazetteer
// knows; below the 300 most frequent of each sex, not an ordinary Spanish
// word either (Debian wspanish, which also lists "juan" and "pilar"), so
// that "Paz" or "Luz" stay words while "Pilar" and "Ángel" are names.
//
//	npm pack gender-detection-from-name && tar xzf gender-detection-from-name-*.tgz
//	go run gen_names_es.go -src package/names/es.js
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"regexp"
	"strings"

	"github.com/parallaxnews/parallax/internal/analyze/gazetteer"
	"github.com/parallaxnews/parallax/internal/lang"
)

func main() {
	src := flag.String("src", "package/names/es.js", "names/es.js of gender-detection-from-name")
	es := flag.String("spanish", "/usr/share/dict/spanish", "Spanish word list (Debian wspanish)")
	flag.Parse()
	b, err := os.ReadFile(*src)
	if err != nil {
		log.Fatal(err)
	}
	spanish := map[string]bool{}
	f, err := os.Open(*es)
	if err != nil {
		log.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := sc.Text(); w != "" && w == strings.ToLower(w) {
			spanish[gazetteer.Key(w)] = true
		}
	}
	f.Close()
	out, err := os.Create("names_es.txt")
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, "# Given names borne in Spain, folded, with F/M. Source: npm gender-detection-from-name 1.11.5 (MIT), names/es.js, less ordinary Spanish words (wspanish) below the 300 most frequent of each sex, English nouns (WordNet), function words and known places; see gen_names_es.go.")
	seen := map[string]bool{}
	rank := map[string]int{}
	re := regexp.MustCompile(`\['([^']+)', '(male|female)'\]`)
	for _, m := range re.FindAllStringSubmatch(string(b), -1) {
		name, g := m[1], "M"
		if m[2] == "female" {
			g = "F"
		}
		k := gazetteer.Key(name)
		if strings.Contains(k, " ") || len(k) < 3 || seen[k] {
			continue
		}
		seen[k] = true
		rank[g]++
		if spanish[k] && rank[g] > 300 || lang.Stopword(k) {
			continue
		}
		if _, ok := lang.NounClassesExact(k); ok {
			continue
		}
		if _, ok := gazetteer.Lookup(k); ok {
			continue
		}
		fmt.Fprintf(w, "%s\t%s\n", k, g)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
}
