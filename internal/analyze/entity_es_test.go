package analyze

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

// TestSpanishEntityTypes: Spanish names typed by their leading head, by a
// role noun in apposition, a verb of saying or a noun of an
// organisation's kind before them (fictional names).
func TestSpanishEntityTypes(t *testing.T) {
	checkTypes(t, "es", false, []typeCase{
		{"an organisation's head comes first", "Los técnicos del Banco Quistiano de Desarrollo revisaron ayer las cuentas del puerto.", "Banco Quistiano de Desarrollo", parallax.Organization},
		{"an organisation's head and an adjective", "La decisión del Comité Olímpico Quistiano llegó tarde para los atletas.", "Comité Olímpico Quistiano", parallax.Organization},
		{"a head and a place are no person", "El plan de la Junta de Quistalia fue aprobado por la mayoría.", "Junta de Quistalia", parallax.Organization},
		{"a facility's head comes first", "Los pasajeros esperaron tres horas en el Aeropuerto de Quistavilla por la niebla.", "Aeropuerto de Quistavilla", parallax.Facility},
		{"an event's head comes first", "El equipo ganó la Copa de Quistalia por segunda vez en su historia.", "Copa de Quistalia", parallax.Event},
		{"a role noun in apposition before the name", "El concejal de Hacienda, Ivo Quistán, presentó las cuentas del año.", "Ivo Quistán", parallax.Person},
		{"a role noun in apposition after the name", "Según los datos, Quistorres, portavoz de la asociación, pidió calma a los vecinos.", "Quistorres", parallax.Person},
		{"the subject of a verb of saying after it", "La reforma llegará en otoño, señaló Quistavides en la rueda de prensa.", "Quistavides", parallax.Person},
		{"a noun of an organisation's kind before the name", "Los accionistas de la petrolera quistiana Quistrobras votaron el plan.", "Quistrobras", parallax.Organization},
		{"a Spanish patronymic surname", "El plan fue defendido por Marcelo Quistánez en la reunión de la tarde.", "Marcelo Quistánez", parallax.Person},
		{"a town after a masculine article is its club", "El delantero marcó dos goles ante el Getafe el domingo por la tarde.", "Getafe", parallax.Organization},
		{"a listed town after a masculine article is its club", "Los aficionados del Valencia celebraron anoche la victoria en la plaza.", "Valencia", parallax.Organization},
		{"a country after a masculine article stays a country", "La delegación del Perú llegó ayer a la cumbre de ministros.", "Perú", parallax.Place},
		{"a listed town after a preposition of place stays a town", "La feria abrió en Valencia con tres días de retraso por la lluvia.", "Valencia", parallax.Place},
		{"a word before a town after the article is a club", "Los jugadores del Real Zaragoza entrenaron ayer a puerta cerrada.", "Real Zaragoza", parallax.Organization},
		{"a place's head and \"de\" before the name", "Los vecinos de la localidad de Quistarrúa cortaron la carretera.", "Quistarrúa", parallax.Place},
		{"a role noun and \"de\" before the name", "Según el presidente de Quistelnor, la fusión se cerrará en junio.", "Quistelnor", parallax.Organization},
		{"a town without an article stays a town", "La feria abrió en Getafe con tres días de retraso por la lluvia.", "Getafe", parallax.Place},
		{"a noun of an organisation's kind, then a quotation mark", "La noticia fue publicada ayer por el diario «Quistal Hoy» en su portada.", "Quistal Hoy", parallax.Organization},
		{"names listed after a plural noun of an organisation's kind", "El proyecto lo redactarán las empresas Quistrotec, Borvasa y Lindarco antes del verano.", "Lindarco", parallax.Organization},
		{"a name after an article, typed by nothing else, is an institution's", "Los agentes de la Quistaintza detuvieron ayer a dos hombres en el puerto.", "Quistaintza", parallax.Organization},
	})
	// a common noun the article also writes in lower case is no institution
	a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Language: "es",
		Text: "El consejo aprobó ayer el Plan Quistal de Obras del puerto. El plan costará dos millones, dijo el alcalde."})
	if e := findEntity(a, "Plan Quistal de Obras"); e != nil && e.Type == parallax.Organization {
		t.Errorf("%q typed %s", e.Name, e.Type)
	}
}

// TestSpanishTypesOnlyForSpanish: spanishTypes leaves an article in
// another language as the shared rules type it.
func TestSpanishTypesOnlyForSpanish(t *testing.T) {
	d := newDoc("The plan of the Junta de Quistalia was approved, said the mayor.")
	d.lang = "en"
	d.findMentions()
	d.resolveEntities()
	if len(d.ents) == 0 {
		t.Fatal("no entity found")
	}
	before := make([]string, len(d.ents))
	for i, e := range d.ents {
		before[i] = e.typ
	}
	d.spanishTypes()
	for i, e := range d.ents {
		if e.typ != before[i] {
			t.Errorf("spanishTypes retyped %q in an English article: %s -> %s", e.name, before[i], e.typ)
		}
	}
	d.lang = "es"
	d.spanishTypes()
	if d.ents[0].typ != parallax.Organization {
		t.Errorf("in a Spanish article %q is typed %s, want organization", d.ents[0].name, d.ents[0].typ)
	}
}

// TestAcronymBeforeComma: "Long Name (ACR, por sus siglas en inglés)"
// makes the acronym an alias of the long name.
func TestAcronymBeforeComma(t *testing.T) {
	a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Language: "es",
		Text: "La Junta de Seguridad Quistiana (JSQ, por sus siglas en inglés) abrió una investigación. La JSQ publicará su informe en mayo."})
	e := findEntity(a, "Junta de Seguridad Quistiana")
	if e == nil {
		t.Fatalf("no entity for the long name in %v", names(a))
	}
	found := false
	for _, al := range e.Aliases {
		found = found || al == "JSQ"
	}
	if !found {
		t.Errorf("aliases %v lack the acronym JSQ", e.Aliases)
	}
}

// TestSpanishCoordination: "y" between two names coordinates them, unless
// the whole is a place ("Castilla y León") or an institution's complement
// goes on ("Ministerio de Trabajo y Asuntos Sociales").
func TestSpanishCoordination(t *testing.T) {
	tests := []struct {
		text  string
		want  []string
		whole string
	}{
		{"Los ministros de Quistalia y Borvania firmaron el acuerdo en la capital.", []string{"Quistalia", "Borvania"}, ""},
		{"El acuerdo entre el Banco Quistiano y el Fondo Borvanés llegó tarde.", []string{"Banco Quistiano", "Fondo Borvanés"}, ""},
		{"La Junta de Castilla y León aprobó ayer el plan de los puertos.", nil, "Castilla y León"},
		{"El Ministerio de Trabajo y Asuntos Sociales publicó los datos del paro.", nil, "Ministerio de Trabajo y Asuntos Sociales"},
	}
	for _, tt := range tests {
		a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Text: tt.text, Language: "es"})
		for _, n := range tt.want {
			if findEntity(a, n) == nil {
				t.Errorf("%q: no entity %q in %v", tt.text, n, names(a))
			}
		}
		if tt.whole != "" && findEntity(a, tt.whole) == nil && !containsName(names(a), tt.whole) {
			t.Errorf("%q: no entity holding %q in %v", tt.text, tt.whole, names(a))
		}
	}
}

func containsName(ns []string, part string) bool {
	for _, n := range ns {
		if strings.Contains(n, part) {
			return true
		}
	}
	return false
}

// TestSpanishPlaceNames: CLDR's Spanish names of cities and regions.
func TestSpanishPlaceNames(t *testing.T) {
	for _, n := range []string{"Nueva York", "Moscú", "Centroamérica"} {
		a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Text: "La delegación viajó la semana pasada a " + n + " para cerrar el acuerdo.", Language: "es"})
		if e := findEntity(a, n); e == nil || e.Type != parallax.Place {
			t.Errorf("%q: entity %+v, want a place", n, e)
		}
	}
}

// TestSpanishListsAndInitialNames: a name listed with names of one type
// takes it; a sentence that opens with a name and a verb of saying keeps
// the name.
func TestSpanishListsAndInitialNames(t *testing.T) {
	a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Language: "es",
		Text: "Viajaron a la reunión los delegados de Alemania, Francia, Quistavia y Portugal."})
	if e := findEntity(a, "Quistavia"); e == nil || e.Type != parallax.Place {
		t.Errorf("Quistavia listed with countries: %+v, want a place", e)
	}
	a = (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Language: "es",
		Text: "El pleno votó el plan por la tarde. Quistorbe explicó que los cambios llegarán en otoño."})
	if e := findEntity(a, "Quistorbe"); e == nil || e.Type != parallax.Person {
		t.Errorf("Quistorbe before 'explicó': %+v, want a person", e)
	}
}

// TestHeadingGluedToDateline: a heading in capitals run into the dateline
// after it ("… EN EL PUERTO Quistavilla (Agencia)") is no one name: the
// place of the dateline is a name of its own.
func TestHeadingGluedToDateline(t *testing.T) {
	a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Language: "es",
		Text: "QUISTORRES PIDE CALMA TRAS EL INCENDIO EN EL PUERTO Quistavilla (Agencia).\nEl alcalde pidió calma a los vecinos de Quistavilla tras el incendio del martes."})
	if e := findEntity(a, "Quistavilla"); e == nil {
		t.Errorf("no entity Quistavilla in %v", names(a))
	}
	for _, e := range a.Entities {
		if strings.Contains(e.Name, "PUERTO Quistavilla") {
			t.Errorf("the heading and the dateline make one name: %q", e.Name)
		}
	}
	// two capitals before a name in title case still open it
	a = (&Analyzer{}).Analyze(&parallax.Article{ID: "a2", Language: "en",
		Text: "Shares of PT QSM Quistama Raya rose on Monday, the exchange said in a statement."})
	if findEntity(a, "PT QSM Quistama Raya") == nil {
		t.Errorf("no entity PT QSM Quistama Raya in %v", names(a))
	}
}

// TestSpanishInstitutionPurpose: an institution's head takes its purpose
// after "para", "por", "sin" or "contra" inside its name; an acronym after
// "por" names an agent, not a purpose (fictional names).
func TestSpanishInstitutionPurpose(t *testing.T) {
	a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Language: "es",
		Text: "La cumbre de la Organización para la Unidad Quistiana terminó ayer sin acuerdo. La moción fue defendida en el Parlamento por el PQS durante la tarde."})
	if e := findEntity(a, "Organización para la Unidad Quistiana"); e == nil || e.Type != parallax.Organization {
		t.Errorf("no organisation Organización para la Unidad Quistiana in %v", names(a))
	}
	if e := findEntity(a, "Parlamento por el PQS"); e != nil {
		t.Errorf("an agent after 'por' joined the name: %q", e.Name)
	}
}

// TestAcronymThenPerson: an acronym then a given name and a surname are
// two names ("el diputado del PQS Marta Quistán").
func TestAcronymThenPerson(t *testing.T) {
	a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Language: "es",
		Text: "La diputada del PQS Marta Quistán aseguró ayer que la ley llegará en otoño."})
	if e := findEntity(a, "Marta Quistán"); e == nil || e.Type != parallax.Person {
		t.Errorf("no person Marta Quistán in %v", names(a))
	}
	if e := findEntity(a, "PQS"); e == nil {
		t.Errorf("no entity PQS in %v", names(a))
	}
}

// TestTitleInCapitalsThenPerson: a title in capitals before a given name
// and a surname stays the title of the name ("CHAIRMAN Anna Quist"), not a
// name of its own nor part of hers.
func TestTitleInCapitalsThenPerson(t *testing.T) {
	a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Language: "en",
		Text: "He said CHAIRMAN Anna Quist would speak."})
	if e := findEntity(a, "Anna Quist"); e == nil || e.Type != parallax.Person {
		t.Errorf("no person Anna Quist in %v", names(a))
	}
}
