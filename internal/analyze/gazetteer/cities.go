package gazetteer

//go:generate go run gen_cities.go

import (
	_ "embed"
	"strings"
	"sync"
)

// cities.tsv: the world's towns and cities from GeoNames (CC BY 4.0), one
// folded name a line, sorted; see gen_cities.go.
//
//go:embed cities.tsv
var citiesTSV string

// City is what the gazetteer knows of a town or city name. Where several
// places bear the name, it describes the most populous.
type City struct {
	Country string // ISO 3166-1 alpha-2
	Pop     int    // population class: log10 of the number of people (4: 10,000 to 99,999)
	Kind    byte   // 'C' a capital, 'A' the seat of an administrative division, 'X' a section of a city, 'P' another place
	Flags   string // why the name may be something else: g given name, n starts with one, e English word, s Spanish word, p surname; "-" none
}

// Ambiguous reports whether the name is also a given name, a surname or an
// ordinary English or Spanish word ("Florence", "Reading", "Pinto"), so
// that it names a city only on other evidence.
func (c City) Ambiguous() bool { return c.Flags != "-" }

var (
	cityOnce  sync.Once
	cityLines []uint32 // offsets of the data lines in citiesTSV
)

// LookupCity returns what the gazetteer knows of a town or city name
// ("Vigo", "Sabadell", "Juiz de Fora").
func LookupCity(name string) (City, bool) {
	cityOnce.Do(indexCities)
	// fold into a buffer on the stack: no allocation for a name that is
	// no town's, which most are
	var buf [64]byte
	kb := appendKey(buf[:0], name)
	if len(kb) > 4 && string(kb[:4]) == "the " {
		kb = kb[4:]
	}
	lines := cityLines
	lo, hi := 0, len(lines)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cityKey(lines[m]) < string(kb) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(lines) || cityKey(lines[lo]) != string(kb) {
		return City{}, false
	}
	// key, country, class and kind, flags
	line := citiesTSV[lines[lo]+uint32(len(kb))+1:]
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if len(line) < 7 || line[2] != '\t' || line[5] != '\t' {
		return City{}, false
	}
	return City{Country: line[:2], Pop: int(line[3] - '0'), Kind: line[4], Flags: line[6:]}, true
}

func cityKey(off uint32) string {
	s := citiesTSV[off:]
	if i := strings.IndexByte(s, '\t'); i >= 0 {
		return s[:i]
	}
	return s
}

func indexCities() {
	lines := make([]uint32, 0, strings.Count(citiesTSV, "\n"))
	for off := 0; off < len(citiesTSV); {
		end := strings.IndexByte(citiesTSV[off:], '\n')
		if end < 0 {
			end = len(citiesTSV) - off
		}
		if end > 0 && citiesTSV[off] != '#' {
			lines = append(lines, uint32(off))
		}
		off += end + 1
	}
	cityLines = lines
}
