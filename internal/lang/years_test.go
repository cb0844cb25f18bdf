package lang

import (
	"strconv"
	"testing"
)

func TestNamedYears(t *testing.T) {
	tests := []struct {
		text       string
		year       int
		name, key  string
		shouldFind bool
	}{
		{"Officers said the 1998 Harbour Accord still applies.", 1998, "Harbour Accord", "harbour accord", true},
		{"She was struck by a gray 2013 Varlo Sedan near the temple.", 2013, "Varlo Sedan", "varlo sedan", true},
		{"A gray 2013 Varlo Sedan heading north struck her.", 2013, "Varlo Sedan", "varlo sedan", true},
		{"He was present at a 1972 meeting with the aide.", 1972, "", "meet", true},
		{"He starred in the 1983 film Lowland Song before moving abroad.", 1983, "Lowland Song", "lowland song", true},
		{"Ferro admitted it in a 2005 Harbor Review article last spring.", 2005, "Harbor Review", "harbor review articl", true},
		{"It was the culmination of a 2005 peace deal that ended the war.", 2005, "", "peac deal", true},
		{"The coast was devastated by the quake-triggered tsunami of 2004, officials said.", 2004, "", "tsunami", true},
		{"The coast was devastated by the quake - triggered tsunami of 2004 .", 2004, "", "tsunami", true},
		{"He moved there in the fall of 2005 with his family.", 0, "", "", false},
		{"Labour won the 2024 general election by a landslide.", 0, "", "", false},
		{"He hosted the 2004 and 2005 Stage Awards on television.", 0, "", "", false},
		{"The win let them join the 2008 Harriers as the only such team.", 0, "", "", false},
		{"Officials said the 2000 residents were moved before dawn.", 0, "", "", false},
		{"In 2019 the mayor signed the Harbour Accord.", 0, "", "", false},
		{"The council met on March 3, 2021 to discuss the bridge.", 0, "", "", false},
		{"She won the 2019 Tour de Lumen after a crash.", 0, "", "", false},
		{"He missed most of the 2009 season with an injury.", 0, "", "", false},
	}
	for _, tt := range tests {
		got := NamedYears(tt.text)
		if !tt.shouldFind {
			if len(got) != 0 {
				t.Errorf("%q: found %+v", tt.text, got)
			}
			continue
		}
		if len(got) != 1 {
			t.Errorf("%q: found %d named years, want 1: %+v", tt.text, len(got), got)
			continue
		}
		g := got[0]
		if g.Year != tt.year || g.Name != tt.name || g.Key != tt.key || tt.text[g.YearStart:g.YearEnd] != strconv.Itoa(tt.year) {
			t.Errorf("%q: got year %d name %q key %q, want %d %q %q", tt.text, g.Year, g.Name, g.Key, tt.year, tt.name, tt.key)
		}
	}
}
