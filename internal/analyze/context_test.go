package analyze

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax"
)

// TestContextTypes: the words around a name the rules can only guess at
// type it; a nationality or faith word before a head noun stays untyped.
func TestContextTypes(t *testing.T) {
	checkTypes(t, "", false, []typeCase{
		{"a group noun before the name", "Engineering concern Velmarkt said on Friday its order book had grown.", "Velmarkt", parallax.Organization},
		{"a newspaper before the name", "The report in the newspaper Quistanka Vreme said the talks had failed.", "Quistanka Vreme", parallax.Organization},
		{"a party after the name", "Deputies of the Quistaron party walked out of the chamber on Monday.", "Quistaron", parallax.Organization},
		{"an airport after the name", "A fire closed Marta Quistwyk airport for two hours on Monday.", "Marta Quistwyk", parallax.Facility},
		{"a faith word before a head stays no organisation", "They met leaders of the dominant Shi'ite alliance on Monday.", "Shi'ite", parallax.Misc},
	})
}

// TestLocatedPlaceKeepsType: a place named after "in" stays a place when
// the learned tagger retypes the rules' names (the project's example
// article, whose town the tagger's typer reads as a person's name).
func TestLocatedPlaceKeepsType(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "..", "examples", "lisgarrow-herald.txt"))
	if err != nil {
		t.Fatalf("example article: %v", err)
	}
	a := analyzeText(t, string(text))
	if e := findEntity(a, "Lisgarrow"); e == nil || e.Type != parallax.Place {
		t.Errorf("Lisgarrow: %+v, want a place", e)
	}
}

// TestRoleAfterName: a name right before a role noun names the body the
// role serves, unless it is a person's or a town's.
func TestRoleAfterName(t *testing.T) {
	tests := []struct{ text, name, typ string }{
		{"Quistfinec CEO Stephen Frater told reporters in a statement on Monday.", "Quistfinec", parallax.Organization},
		{"A Quistain spokesman told reporters the deal was done.", "Quistain", parallax.Organization},
		{"Rome mayor Walter Quistelli opened the bridge on Monday.", "Rome", parallax.Place},
	}
	for _, tt := range tests {
		a := analyzeText(t, tt.text)
		if e := findEntity(a, tt.name); e == nil || e.Type != tt.typ {
			t.Errorf("%q: %+v, want %s; entities %v", tt.name, e, tt.typ, names(a))
		}
	}
}

// TestPlaceHeadOf: a name after a place's head noun and "of" is a place;
// after "site of" or "manager of" it is not made one.
func TestPlaceHeadOf(t *testing.T) {
	a := analyzeText(t, "A bomb exploded at a market in the coastal town of Bou Quistoun on Sunday.")
	if e := findEntity(a, "Bou Quistoun"); e == nil || e.Type != parallax.Place {
		t.Errorf("Bou Quistoun: %+v, want a place; entities %v", e, names(a))
	}
	a = analyzeText(t, "He was named manager of Quistofi on Monday after the defeat.")
	if e := findEntity(a, "Quistofi"); e != nil && e.Type == parallax.Place {
		t.Errorf("Quistofi typed a place after \"manager of\"")
	}
}
