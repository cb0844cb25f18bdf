package analyze

import (
	"reflect"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/ner"
)

// TestEntitiesUnreadableLines: names in lines the capitalisation rules
// cannot read (results, lists) and the brackets around them.
func TestEntitiesUnreadableLines(t *testing.T) {
	checkTypes(t, "en", true, []typeCase{
		{"an abbreviated title with its dot", "But Mr. Quistberg says the pier will reopen next week.", "Quistberg", parallax.Person},
		{"a results line", "TENNIS RESULTS\nElena Voskova (Russia) beat Marta Lindqvist (Sweden) 6-4 6-2", "Marta Lindqvist", parallax.Person},
		{"a lower-case title before a name", "The club said on Monday that its spokesman Jorvik Quillane would not comment.", "Jorvik Quillane", parallax.Person},
		{"an acronym starting a sentence", "WHO says the patients are in stable condition. The agency sent two doctors.", "WHO", parallax.Organization},
		{"a nationality word before a place head", "The quake was centred under the Indian Ocean near the coast.", "Indian Ocean", parallax.Place},
		{"an article-prefixed name alone", "Officials said al-Quistara militants attacked the base on Monday.", "al-Quistara", parallax.Organization},
		{"a code with digits names a thing", "Officials said the Q7N3 strain had spread to two farms.", "Q7N3", parallax.Misc},
		{"a nationality word before an event head stays in the name", "She reached the final of the Australian Open on Friday.", "Australian Open", parallax.Event},
		{"a country in brackets is not an acronym", "TENNIS RESULTS\nElena Voskova (Russia) beat Marta Lindqvist (Sweden) 6-4 6-2", "Russia", parallax.Place},
		{"a company's legal form", "Shares in Quistrand Holding AG rose 4 percent on Monday.", "Quistrand Holding AG", parallax.Organization},
		{"a headline word in capitals is no organisation", "Farmers expect WHEAT prices to rise again this year.", "WHEAT", parallax.Misc},
		{"an acronym in capitals is an organisation", "Officials of the QVRA said the harbour would reopen.", "QVRA", parallax.Organization},
		{"a Finnish legal form", "Fertiliser maker Velmakka Oyj said profit would fall.", "Velmakka Oyj", parallax.Organization},
		{"a centre for a purpose is a body", "Researchers at the Quarnby Centre for Tidal Studies said the dyke held.", "Quarnby Centre for Tidal Studies", parallax.Organization},
		{"a league for a cause is a body", "The Velmora League for Clean Rivers said it would sue.", "Velmora League for Clean Rivers", parallax.Organization},
	})
}

func TestEntityNameParticles(t *testing.T) {
	tests := []struct {
		name, text, entity string
	}{
		{"an Arabic article", "Supporters of cleric Moqtada al-Sadrani marched on Friday.", "Moqtada al-Sadrani"},
		{"an Arabic article starts a name", "Police said a suspected al-Qarimat cell was operating in the city.", "al-Qarimat"},
		{"'and' inside an organisation's name", "On Monday the Food and Harbour Organization sent two delegates.", "Food and Harbour Organization"},
		{"a name ends before 'of' and a country", "In the final Yarnak Quistrand of Sweden beat the champion.", "Yarnak Quistrand"},
		{"a leading compound adjective is not part of a name", "The match ended when Top-seeded Ivo Quistrand retired hurt.", "Ivo Quistrand"},
		{"a word for a kind of person before a name", "On Sunday, Goalkeeper Yarnak Quistrand saved two penalties for the club.", "Yarnak Quistrand"},
		{"a Spanish month name is a given name in English", "The leader of the group, Julio Quistrand Varga, denied the charges.", "Julio Quistrand Varga"},
		{"a common noun before 'of' and a place names an institution", "He said so in an interview with the Voice of Canada on Monday.", "Voice of Canada"},
		{"a plural starting the sentence is not part of the name", "Images of the Quist Basin show a giant landslide near the coast.", "Quist Basin"},
		{"an abbreviated place before an institution", "The U.S. Geological Survey measured the quake at magnitude 6.", "U.S. Geological Survey"},
		{"'and' inside an institution's complement", "The Institute for Harbour Science and Coastal Security said the dunes were shrinking.", "Institute for Harbour Science and Coastal Security"},
		{"bin inside a name", "Officials said Osama bin Ladenqa was hiding in the hills.", "Osama bin Ladenqa"},
		{"a Portuguese particle after a given name", "On Monday, Luiz Inacio Lula da Silvano said the state should pay.", "Luiz Inacio Lula da Silvano"},
	}
	for _, tt := range tests {
		a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Text: tt.text, Language: "en"})
		if e := findEntity(a, tt.entity); e == nil {
			t.Errorf("%s: no entity %q in %v", tt.name, tt.entity, names(a))
		}
	}
}

func TestWholeRuns(t *testing.T) {
	tests := []struct {
		text  string
		spans [][2]string // the tagger's parts: text, type
		want  [][2]string
	}{
		{"Harbourton 1 FC Quistow 2", [][2]string{{"FC", "ORG"}}, [][2]string{{"FC Quistow", "ORG"}}},
		{"Marrowby 183 (J. Quistall 50)", [][2]string{{"Marrowby", "ORG"}, {"Quistall", "PER"}}, [][2]string{{"Marrowby", "ORG"}, {"J. Quistall", "PER"}}},
		{"Lindqvale Rovers 3 1 1 1", [][2]string{{"Lindqvale", "LOC"}, {"Rovers", "ORG"}}, [][2]string{{"Lindqvale Rovers", "ORG"}}},
		{"In Calloway: Westerhaven 2", [][2]string{{"Calloway", "LOC"}}, [][2]string{{"Calloway", "LOC"}}},
		// a line in capitals: split at "AT", widen to a known place
		{"CALLOWAY AT LOS ANGELES", [][2]string{{"CALLOWAY AT LOS", "ORG"}}, [][2]string{{"CALLOWAY", "ORG"}, {"LOS ANGELES", "ORG"}}},
	}
	for _, tt := range tests {
		d := newDoc(tt.text)
		var spans []ner.Span
		for _, sp := range tt.spans {
			i := strings.Index(tt.text, sp[0])
			spans = append(spans, ner.Span{Start: i, End: i + len(sp[0]), Type: sp[1]})
		}
		var got [][2]string
		for _, sp := range d.wholeRuns(0, spans) {
			got = append(got, [2]string{tt.text[sp.Start:sp.End], sp.Type})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestArabicNamesArePersons(t *testing.T) {
	for _, text := range []string{
		"Officials said Ayrat al-Quistawi was arrested on Monday near the border.",
		"The raid ended with the death of bombmaker Azrahi bin Quistan, police said.",
	} {
		a := analyzeText(t, text)
		found := false
		for _, e := range a.Entities {
			if strings.Contains(e.Name, "Quist") {
				found = true
				if e.Type != parallax.Person {
					t.Errorf("%q typed %s, want person", e.Name, e.Type)
				}
			}
		}
		if !found {
			t.Errorf("no name in %q: %v", text, names(a))
		}
	}
}

func TestHyphenatedModifierIsNoMention(t *testing.T) {
	a := analyzeText(t, "A Quistland-led force and an al-Quistara-linked group patrol the border, officials in Quistland said on Monday.")
	e := findEntity(a, "Quistland")
	if e == nil {
		t.Fatalf("no Quistland in %v", names(a))
	}
	if len(e.Mentions) != 1 {
		t.Errorf("Quistland has %d mentions, want 1 (not the one in Quistland-led)", len(e.Mentions))
	}
	if e := findEntity(a, "al-Quistara-linked"); e != nil {
		t.Errorf("the modifier al-Quistara-linked became an entity (%s)", e.Type)
	}
}

// TestTableTypesDoNotOverrideFirmTypes: a person named with a known given
// name stays a person when the tagger reads the name differently in a table.
func TestTableTypesDoNotOverrideFirmTypes(t *testing.T) {
	text := "TENNIS RESULTS\nLindsay Quistrand (U.S.) beat Marta Voskova (Russia) 6-4 6-2\nLindsay Quistrand said she had played well in the final on Sunday."
	a := analyzeText(t, text)
	e := findEntity(a, "Lindsay Quistrand")
	if e == nil || e.Type != parallax.Person {
		t.Errorf("Lindsay Quistrand: %+v, want a person", e)
	}
}

// TestNationalityBeforeOrgHead: a nationality word that starts an
// organisation's name stays in it; before any other name it is its own
// mention.
func TestNationalityBeforeOrgHead(t *testing.T) {
	a := analyzeText(t, "Rescuers said the jet of Canadian Airlines Flight 217 landed safely in Kessel on Monday.")
	if e := findEntity(a, "Canadian Airlines Flight 217"); e == nil {
		t.Errorf("the airline's flight lost its nationality word: %v", names(a))
	}
	a = analyzeText(t, "Police in Kessel arrested three members of the Venezuelan Tren de Aragua gang on Monday.")
	if e := findEntity(a, "Venezuelan Tren de Aragua"); e != nil {
		t.Errorf("the nationality word joined a gang's name: %v", names(a))
	}
}

// TestPlaceIsNoSurnameOfAName: a place named alone does not merge into a
// longer name that ends in it, in English or Spanish; a surname still does.
func TestPlaceIsNoSurnameOfAName(t *testing.T) {
	tests := []struct{ lang, text, alone, full string }{
		{"es", "El Consejo Quistral de Navarra aprobó el plan. Las empresas de Navarra lo celebraron.", "Navarra", "Consejo Quistral de Navarra"},
		{"en", "The Quistral Bank of Peru raised rates. Exporters in Peru said costs would rise.", "Peru", "Quistral Bank of Peru"},
	}
	for _, tt := range tests {
		a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Text: tt.text, Language: tt.lang})
		e := findEntity(a, tt.alone)
		if e == nil || e.Type != parallax.Place {
			t.Errorf("%q: %+v, want a place of its own; entities %v", tt.alone, e, names(a))
		}
	}
	a := analyzeText(t, "Marta Quistrand won the race. Quistrand said she was tired.")
	if e := findEntity(a, "Marta Quistrand"); e == nil || len(e.Mentions) < 2 {
		t.Errorf("the surname no longer merges: %v", names(a))
	}
}

// TestModifierAdjectives: a capitalised adjective before a noun (WordNet's
// proper adjectives) is misc, not a body or a place, unless it is a
// nationality word whose country the gazetteer knows.
func TestModifierAdjectives(t *testing.T) {
	checkTypes(t, "en", true, []typeCase{
		{"a former state's adjective", "Residents of the former Soviet republic of Quistavia waited for gas on Monday.", "Soviet", parallax.Misc},
		{"a faith's adjective", "Police in Velmora arrested two Islamic militants on Monday.", "Islamic", parallax.Misc},
		{"a continent's adjective", "Shares fell on Monday as Asian markets opened.", "Asian", parallax.Misc},
		{"before a noun that is also a verb of saying", "The Velmora Brotherhood calls for replacing the secular government of Quistavia with an Islamic state.", "Islamic", parallax.Misc},
		{"before another adjective", "The Kurdish regional government said the new contracts in Quistavia would be signed.", "Kurdish", parallax.Misc},
		{"a nationality word keeps its place", "On Monday, Afghan police arrested two men in Velmora.", "Afghan", parallax.Place},
		{"an acronym WordNet knows as a measure", "Quistavia's GDP growth slowed in the first quarter, the central bank of Velmora said.", "GDP", parallax.Misc},
		{"an acronym WordNet knows as a condition", "The clinic in Velmora treats AIDS patients from three provinces.", "AIDS", parallax.Misc},
		{"an acronym of a body stays one", "Officials of the QVRA said the harbour would reopen.", "QVRA", parallax.Organization},
	})
}

// TestHyphenatedTitles: a title with a hyphenated qualifier
// ("Secretary-General", "President-elect") is a title before a name.
func TestHyphenatedTitles(t *testing.T) {
	checkTypes(t, "en", true, []typeCase{
		{"secretary-general", "Velmoran Union Secretary-General Ban Quistmoon said the talks would go on for a week.", "Ban Quistmoon", parallax.Person},
		{"president-elect", "On Monday, President-elect Ana Quist said in Velmora that the new cabinet would be named within a week.", "Ana Quist", parallax.Person},
	})
	for _, w := range []string{"secretary-general", "attorney-general", "president-elect", "minister-designate"} {
		if !isTitle(w) {
			t.Errorf("isTitle(%q) = false", w)
		}
	}
	for _, w := range []string{"surgeon-general-ish", "well-elect", "-general"} {
		if isTitle(w) {
			t.Errorf("isTitle(%q) = true", w)
		}
	}
}

// TestVerbOfSayingOpensName: a verb of saying that opens the sentence is
// dropped from the name after it, but not a word of an institution's name
// that happens to be one ("State"), nor one after an article.
func TestVerbOfSayingOpensName(t *testing.T) {
	checkTypes(t, "en", true, []typeCase{
		{"after an article", "A State Department spokesman said the talks in Velmora would resume on Monday after a short break.", "State Department", parallax.Organization},
		{"an institution opens the sentence", "State Department officials said the talks in Velmora would resume on Monday after a short break.", "State Department", parallax.Organization},
		{"a verb of saying opens the sentence", "Said Marta Quist, the mayor of Velmora: the bridge will reopen next week.", "Marta Quist", parallax.Person},
	})
}

// TestMilitaryRanks: the enlisted and general ranks the AP Stylebook
// abbreviates (Pvt., Spc., Cpl., Brig.) are titles before a name.
func TestMilitaryRanks(t *testing.T) {
	checkTypes(t, "en", true, []typeCase{
		{"private", "Army Private Ana Quistberg was sentenced on Monday in Velmora for the abuse of prisoners.", "Ana Quistberg", parallax.Person},
		{"specialist", "The court in Velmora heard on Monday from Specialist Ivo Quistrand, who guarded the prison.", "Ivo Quistrand", parallax.Person},
	})
}

// TestWordNetBodies: a building's name that WordNet knows first as a body
// names the body; a building's name WordNet does not know stays a building.
func TestWordNetBodies(t *testing.T) {
	checkTypes(t, "en", false, []typeCase{
		{"a legislature named by its house", "The bill passed the House of Commons late on Tuesday after a long debate.", "House of Commons", parallax.Organization},
		{"the executive named by its residence", "A spokesman for the White House said the talks would resume in the spring.", "White House", parallax.Organization},
		{"a building WordNet does not know", "The fire spread to the Quistford Tower before crews arrived on Tuesday.", "Quistford Tower", parallax.Facility},
	})
}
