package analyze

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
)

func sentences(text string) []string {
	var out []string
	for _, s := range splitSentences(text) {
		out = append(out, s.Span.Of(text))
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The mayor spoke. Then she left.", []string{"The mayor spoke.", "Then she left."}},
		{"Gov. Ana Ruiz and Dr. Teo Park met in the U.S. capital. They agreed.", []string{"Gov. Ana Ruiz and Dr. Teo Park met in the U.S. capital.", "They agreed."}},
		{"Donald J. Trump spoke at 9 a.m. on Friday.", []string{"Donald J. Trump spoke at 9 a.m. on Friday."}},
		{"“We will rebuild. We always do,” said the mayor. Crews arrived.", []string{"“We will rebuild. We always do,” said the mayor.", "Crews arrived."}},
		{"Headline without a stop\nFirst line of the body. Second.", []string{"Headline without a stop", "First line of the body.", "Second."}},
		{"Was it arson? Nobody knows!", []string{"Was it arson?", "Nobody knows!"}},
		{"It cost 2.5 million dollars. Nobody paid.", []string{"It cost 2.5 million dollars.", "Nobody paid."}},
		// tokenised text spells abbreviations token by token
		{"The ferry left at 7 p . m . Friday from the pier . It sank .", []string{"The ferry left at 7 p . m . Friday from the pier .", "It sank ."}},
		{"The ferry left at 7 p . m . The crew stayed .", []string{"The ferry left at 7 p . m .", "The crew stayed ."}},
		{"Plan b . Then plan c .", []string{"Plan b .", "Then plan c ."}},
	}
	for _, tt := range tests {
		got := sentences(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The ferry caught fire on Tuesday and the crew said that the passengers were safe after the blaze.", "en"},
		{"El transbordador se incendió el martes y la tripulación dijo que los pasajeros estaban a salvo en el puerto.", "es"},
		{"Die Fähre fing am Dienstag Feuer und die Besatzung sagte, dass die Passagiere in Sicherheit sind.", "de"},
		{"O navio pegou fogo na terça-feira e a tripulação disse que os passageiros estão em segurança.", "pt"},
		{"42", ""},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.in); got != tt.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

const ferry = `Fire on the Marigold Star
The Port Authority of Calloway (PAC) said on Tuesday that the ferry Marigold Star burned for three hours. Harbour Master Elena Voss told reporters the crew acted fast.
“Everyone on the upper deck got off in minutes,” Voss said. She added: “We were lucky.”
Mayor Tomas Brandt called the response “heroic.” “We will rebuild the pier,” said the mayor.
Calloway’s Governor Ruth Okafor visited the pier. “The inquiry starts tomorrow,” the governor said.
The alleged arsonist, a 34-year-old deckhand, was arrested, according to the Calloway Police Department.
Brandt said the Port Authority of Calloway would pay for repairs. The PAC has not commented.`

func analyzeText(t *testing.T, text string) *parallax.Analysis {
	t.Helper()
	return (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Text: text})
}

// typeCase is a name in a fictional text and the type it should get.
type typeCase struct{ name, text, entity, typ string }

// checkTypes analyses each case's text in language lang ("" leaves it to
// detection) and checks the entity's type; sameName also wants the
// entity's canonical name to be the one looked for, not a longer one.
func checkTypes(t *testing.T, lang string, sameName bool, cases []typeCase) {
	t.Helper()
	for _, tt := range cases {
		a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Text: tt.text, Language: lang})
		e := findEntity(a, tt.entity)
		if e == nil {
			t.Errorf("%s: no entity %q in %v", tt.name, tt.entity, names(a))
			continue
		}
		if e.Type != tt.typ {
			t.Errorf("%s: %q typed %s, want %s", tt.name, tt.entity, e.Type, tt.typ)
		}
		if sameName && e.Name != tt.entity {
			t.Errorf("%s: %q merged into %q", tt.name, tt.entity, e.Name)
		}
	}
}

func findEntity(a *parallax.Analysis, name string) *parallax.Entity {
	for i := range a.Entities {
		e := &a.Entities[i]
		if e.Name == name {
			return e
		}
		for _, al := range e.Aliases {
			if al == name {
				return e
			}
		}
	}
	return nil
}

func TestEntities(t *testing.T) {
	a := analyzeText(t, ferry)
	tests := []struct {
		form, name, typ string
	}{
		{"Elena Voss", "Elena Voss", parallax.Person},
		{"Voss", "Elena Voss", parallax.Person},
		{"Tomas Brandt", "Tomas Brandt", parallax.Person},
		{"Brandt", "Tomas Brandt", parallax.Person},
		{"Ruth Okafor", "Ruth Okafor", parallax.Person},
		{"PAC", "Port Authority of Calloway", parallax.Organization},
		{"Calloway Police Department", "Calloway Police Department", parallax.Organization},
	}
	for _, tt := range tests {
		e := findEntity(a, tt.form)
		if e == nil {
			t.Errorf("entity %q not found; have %v", tt.form, names(a))
			continue
		}
		if e.Name != tt.name || e.Type != tt.typ {
			t.Errorf("entity %q = %q (%s), want %q (%s)", tt.form, e.Name, e.Type, tt.name, tt.typ)
		}
	}
	// words that only start a sentence or a headline are not names
	for _, junk := range []string{"Fire", "Everyone", "The", "Harbour Master", "Mayor", "We"} {
		if e := findEntity(a, junk); e != nil {
			t.Errorf("%q should not be an entity (got %+v)", junk, e.Name)
		}
	}
	for _, e := range a.Entities {
		for _, sp := range e.Mentions {
			if got := sp.Of(ferry); got == "" {
				t.Errorf("entity %q has an invalid mention span %v", e.Name, sp)
			}
		}
	}
}

func names(a *parallax.Analysis) []string {
	var out []string
	for _, e := range a.Entities {
		out = append(out, e.Name)
	}
	return out
}

func TestQuotes(t *testing.T) {
	a := analyzeText(t, ferry)
	want := map[string]struct {
		speaker string
		scare   bool
	}{
		"Everyone on the upper deck got off in minutes,": {"Elena Voss", false},
		"We were lucky.":               {"Elena Voss", false},
		"heroic.":                      {"Tomas Brandt", false}, // the words the verb of saying gives him
		"We will rebuild the pier,":    {"Tomas Brandt", false},
		"The inquiry starts tomorrow,": {"Ruth Okafor", false},
	}
	got := map[string]parallax.Quote{}
	for _, q := range a.Quotes {
		got[q.Text] = q
		if q.Span.Of(ferry) != q.Text {
			t.Errorf("quote %q: span gives %q", q.Text, q.Span.Of(ferry))
		}
	}
	for text, w := range want {
		q, ok := got[text]
		if !ok {
			t.Errorf("quote %q not found; have %v", text, a.Quotes)
			continue
		}
		if q.Speaker != w.speaker || q.Scare != w.scare {
			t.Errorf("quote %q: speaker %q scare %v, want %q %v (cue %q)", text, q.Speaker, q.Scare, w.speaker, w.scare, q.Cue)
		}
	}
}

func TestSignals(t *testing.T) {
	a := analyzeText(t, ferry)
	kinds := map[string]string{}
	for _, s := range a.Signals {
		kinds[s.Text] = s.Kind
		if s.Span.Of(ferry) != s.Text {
			t.Errorf("signal %q: span gives %q", s.Text, s.Span.Of(ferry))
		}
	}
	if k := kindOf(kinds, "alleged arsonist"); k != "hedge" {
		t.Errorf("\"alleged arsonist\" kind = %q, want hedge; signals %v", k, kinds)
	}
	if k := kindOf(kinds, "according to"); k != "hedge" {
		t.Errorf("\"according to\" kind = %q, want hedge; signals %v", k, kinds)
	}
	attributed := 0
	for _, s := range a.Sentences {
		if s.Attributed {
			attributed++
		}
	}
	if attributed == 0 || attributed == len(a.Sentences) {
		t.Errorf("attributed sentences = %d of %d, want some but not all", attributed, len(a.Sentences))
	}
}

func kindOf(kinds map[string]string, prefix string) string {
	for text, k := range kinds {
		if strings.HasPrefix(strings.ToLower(text), prefix) {
			return k
		}
	}
	return ""
}

func FuzzAnalyze(f *testing.F) {
	f.Add(ferry)
	f.Add("“unclosed quote, said nobody")
	f.Add("\"a\" \"b\" 'c' ‘d’ «e» „f“")
	f.Add("U.S. A. B. C. D.")
	f.Add("\xff\xfe broken utf8 “x”")
	f.Fuzz(func(t *testing.T, text string) {
		a := (&Analyzer{}).Analyze(&parallax.Article{Text: text})
		check := func(what string, sp parallax.Span) {
			if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
				t.Fatalf("%s: span %v out of range for %d bytes", what, sp, len(text))
			}
		}
		for _, s := range a.Sentences {
			check("sentence", s.Span)
		}
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				check("entity "+e.Name, m)
			}
		}
		for _, q := range a.Quotes {
			check("quote", q.Span)
			if q.Span.Of(text) != q.Text {
				t.Fatalf("quote text %q != span text %q", q.Text, q.Span.Of(text))
			}
			if utf8.ValidString(text) && !utf8.ValidString(q.Text) {
				t.Fatalf("quote %q cuts a character", q.Text)
			}
		}
		for _, s := range a.Signals {
			check("signal", s.Span)
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	text := strings.Repeat(ferry+"\n", 3) // about 2,000 characters
	a := &parallax.Article{Text: text}
	an := &Analyzer{}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		an.Analyze(a)
	}
}

func TestSpeakersInContext(t *testing.T) {
	tests := []struct {
		name, text, quote, speaker string
	}{
		{"apposition after the verb", `«Fue la peor mañana del puerto», dijo la alcaldesa, Helena Varga, en el muelle.`, "Fue la peor mañana del puerto", "Helena Varga"},
		{"unsaid subject", `El jefe de bomberos, Daniel Okafor, elogió a la tripulación. «Hicieron su trabajo», afirmó.`, "Hicieron su trabajo", "Daniel Okafor"},
		{"cue in another clause", `Mayor Helena Varga described the fire as "the worst morning in years" and said the city would help.`, "the worst morning in years", "Helena Varga"},
		{"cue opening the next sentence", `Senator Ana Ruiz blamed the regulator. "Why did nobody act?" She asked on her blog.`, "Why did nobody act?", "Ana Ruiz"},
		{"subject of the sentence before", `Tomas Brandt arrived as the first mayor since Ruth Okafor. "We will rebuild," he said.`, "We will rebuild,", "Tomas Brandt"},
		{"second part after the cue", "“The pier held,” Marta Quist said. “The ferry did not.”", "The ferry did not.", "Marta Quist"},
		{"interrupted by its cue", "“We were lucky,” said Marta Quist, “and the crew was quick.”", "and the crew was quick.", "Marta Quist"},
		{"continuing paragraph", "“The pier held,” Marta Quist said.\n\n“Nobody expected the fire to spread so fast.”", "Nobody expected the fire to spread so fast.", "Marta Quist"},
		{"a name in the cue's description does not break the continuation", "“The pier held,” said Marta Quist, a supporter of Ivo Stanek. “The ferry did not.”", "The ferry did not.", "Marta Quist"},
		{"another quotation's words are not a cue", "“Those who back Ivo Stanek are wrong,” said Sen. Marta Quist, R-S.C. “I get that.”", "I get that.", "Marta Quist"},
		{"a partial quotation inside the clause keeps the cue", "Marta Quist said the “harbour people” “did a fine job.”", "did a fine job.", "Marta Quist"},
		{"a name the entity rules missed, in the subject slot", "The pier closed on Monday. “The pier will reopen,” Gov. Quistborg replied.", "The pier will reopen,", "Quistborg"},
		{"a pronoun chain goes back to its first name", "Mayor Ivo Stanek toured the pier on Monday. He praised the crew, unlike Tomas Brandt. He plans to rebuild it by June. “We will not wait,” he said.", "We will not wait,", "Ivo Stanek"},
		{"the article's pronouns tell an open given name's sex", "Robin Vale opened the inquiry on Monday. She said her office would publish everything, and she thanked her staff. Later, Robin Vale met Ivo Stanek at the harbour. “We will rebuild,” he said.", "We will rebuild,", "Ivo Stanek"},
		{"a headline's speaker before a colon", "Quist: Pier ‘Will Reopen in June’\n\nMayor Marta Quist spoke at the harbour on Monday.", "Will Reopen in June", "Marta Quist"},
		{"a headline's speech verb in title case", "Marta Quist Says Pier ‘Will Reopen Soon’\n\nMayor Marta Quist spoke at the harbour on Monday.", "Will Reopen Soon", "Marta Quist"},
		{"the asker of a question is not its answer's speaker", "Harbour news.\n\nAsked by Ivo Stanek whether the pier was safe, Mayor Marta Quist replied, “It is safe.”", "It is safe.", "Marta Quist"},
		{"a participle continues the verb before it", "Harbour news.\n\nMayor Ivo Stanek will visit the pier, Ana Ruiz said, adding that it was “the safest in the region.”", "the safest in the region.", "Ana Ruiz"},
		{"a verb of saying used as a noun is no cue", "Harbour news.\n\nThe pier reopened on Monday, and Ivo Stanek joined the talks on the “harbour renewal plan for the next decade.”", "harbour renewal plan for the next decade.", ""},
		{"Spanish: the addressee before the subject", "La alcaldesa Helena Varga visitó el muelle el lunes por la mañana. «No hubo heridos», dijo a la prensa el jefe de bomberos, Daniel Okafor.", "No hubo heridos", "Daniel Okafor"},
		{"Spanish: the addressee and an unsaid subject", "La alcaldesa Helena Varga visitó el muelle el lunes por la mañana. «Nadie esperaba un fuego así», aseguró a los periodistas.", "Nadie esperaba un fuego así", "Helena Varga"},
		{"Spanish: según after the quotation", "El fuego empezó el domingo por la noche en el puerto. «El muelle reabrirá en junio», según Daniel Okafor, jefe de bomberos.", "El muelle reabrirá en junio", "Daniel Okafor"},
		{"Spanish: a verb opening the sentence, its subject unsaid", "El ministro Tomás Brandt llegó al puerto por la tarde. Explicó que «el seguro cubrirá todos los daños».", "el seguro cubrirá todos los daños", "Tomás Brandt"},
		{"a description ends before an auxiliary", "Harbour news.\n\nIn her speech on Monday, the two-term mayor will say “the pier is ours again.”", "the pier is ours again.", "the two-term mayor"},
		{"a state abbreviation in the apposition", "Harbour news.\n\n“The pier is safe,” Sen. Ana Ruiz, D-Ore., said on Monday.", "The pier is safe,", "Ana Ruiz"},
		{"a quotation signed with a dash", "What readers told us about the pier.\n\n“Nobody asked the fishermen what they needed.” ― Ana Ruiz\n“The new pier is a gift to the town.” ― Ivo Stanek\n", "The new pier is a gift to the town.", "Ivo Stanek"},
		{"the subject after the verb ends where a clause begins", "Harbour news.\n\nMayor Ana Ruiz closed the pier. “It must reopen,” said harbour pilot Dan Golvach when asked about Ana Ruiz.", "It must reopen,", "Dan Golvach"},
		{"a name before a colon", "Harbour news.\n\nThe pollsters agree - Ana Ruiz: “Keep calling voters until the last day.”", "Keep calling voters until the last day.", "Ana Ruiz"},
		{"a description whose head doubles as a verb", "Harbour news.\n\n“Repairs will take a year,” the congressional report said on Monday.", "Repairs will take a year,", "the congressional report"},
		{"a nationality word modifies the subject", "Harbour news.\n\nOfficials doubt the Mexican government agreed to \"pay the full cost\" of the pier.", "pay the full cost", ""},
		{"a party adjective is no speaker", "Harbour news.\n\nThe auditor rated 32% of Republican claims as \"false\" last year.", "false", ""},
		{"a pronoun in a later cue refers to the main clause's subject", "Harbour news.\n\nIn a memo, Mayor Ivo Stanek conceded that Tomas Brandt had won the first vote, an outcome which, he said, \"we had long expected.\"", "we had long expected.", "Ivo Stanek"},
		{"a name after a preposition and its titles is no referent", "Harbour news.\n\nWhen asked about rival presidential nominee Ivo Stanek, Mayor Tomas Brandt said he expected voters to say \"no thanks\" to the plan.", "no thanks", "Tomas Brandt"},
		{"a show's name after its noun is no quotation of the network", "Harbour news.\n\nAna Ruiz was joined by Ivo Stanek, star of the Harbour TV reality show \"Deck Hands.\"", "Deck Hands.", ""},
		{"a plural subject's base form still cues", "Harbour news.\n\nThe harbour pilots say \"the pier is safe.\"", "the pier is safe.", "The harbour pilots"},
		{"a relative pronoun's antecedent speaks", "Harbour news.\n\nStanek won his first endorsement from a colleague, from Tomas Brandt, who declared that \"the mayor is right.\"", "the mayor is right.", "Tomas Brandt"},
		{"a relative pronoun's antecedent named by a description", "Harbour news.\n\nIn Westport, Mayor Ivo Stanek endured a lecture from the harbour master, who said that the pier had been \"the best in the region\" for years.", "the best in the region", "the harbour master"},
		{"a relative pronoun after a head that names no person gives nobody", "Harbour news.\n\nMayor Ivo Stanek spoke to a source familiar with the talks, who added that the board seemed \"rattled\" by it.", "rattled", ""},
		{"a participle after a name joined by and has that name for subject", "Harbour news.\n\nBoth men issued a statement, Mayor Ivo Stanek saying he was \"very encouraged\" and Tomas Brandt calling it a \"great meeting.\"", "great meeting.", "Tomas Brandt"},
		{"a name inside another quotation is no subject", "Harbour news.\n\nHolding open a book, Ivo Stanek said, \"I just want to ask you this.\"\n\nWhen someone in the audience shouted, “Brandt,” Stanek joked, again using an exaggerated accent, “Amen, brother! Come on up!”\n\nTomas Brandt was not there.", "Amen, brother! Come on up!", "Ivo Stanek"},
		{"the writer's I is nobody the text names", "Harbour news.\n\nMy lawyer, Ivo Stanek, sat beside me in court. “Your Honor,” I said, “I would like to answer the question.”", "I would like to answer the question.", ""},
		{"a relative clause after the quotation is no speaker", "Harbour news.\n\nBefore the crash the crew sent a \"mayday\" call that let the harbour stop the ferries, Mayor Ana Ruiz said.", "mayday", ""},
		{"a possessive is no referent", "Harbour news.\n\nMayor Ana Ruiz says she admired Helena Varga’s courage in what she calls a \"long fight\" for the pier.", "long fight", "Ana Ruiz"},
		{"a surname that is also a title", "Harbour news.\n\n“We will rebuild the pier,” Mr. King added.", "We will rebuild the pier,", "King"},
		{"a possessive name and a noun as speaker", "Harbour news.\n\n“The pier is safe,” Stanek’s office said in a statement.", "The pier is safe,", "Stanek’s office"},
		{"another quotation's words do not push the verb out of reach", "Harbour news.\n\nMayor Ana Ruiz said that “the old pier held through the whole night of the storm,” and that, on Ivo Stanek’s ferry, its crew “did everything right.”", "did everything right.", "Ana Ruiz"},
		{"a transcript's turn names its speaker", "Mayor Ana Ruiz spoke to Harbour Radio on Sunday. A transcript follows.\n\n“HOST: Will the pier reopen?\n\n“RUIZ: It will reopen in June, and nobody will pay for it but the insurers.”", "RUIZ: It will reopen in June, and nobody will pay for it but the insurers.", "Ana Ruiz"},
		{"a transcript's turn of someone unknown is no continuation", "Mayor Ana Ruiz spoke to Harbour Radio on Sunday. A transcript follows.\n\n“RUIZ: It will reopen in June.”\n\n“HOST: And who pays for it?”", "HOST: And who pays for it?", ""},
		{"a person three paragraphs back is too far for a pronoun", "The pier closed on Monday after the storm. Mayor Ivo Stanek was away.\n\nRepairs began on Tuesday. The cranes arrived on Wednesday. The divers came on Thursday.\n\nThe harbour reopened to ferries on Friday. Crowds watched from the quay.\n\n“We will rebuild the old pier,” he said.", "We will rebuild the old pier,", ""},
		{"a description, then the name in commas", "Harbour news.\n\n“The pier will reopen in June,” Mayor Ana Ruiz’s deputy, Ivo Stanek, said on Monday.", "The pier will reopen in June,", "Ivo Stanek"},
		{"an opening glyph typed as the closing mark", "Harbour news.\n\n“It is unusual,“ said Ana Ruiz, the harbour master. “Nobody expected it.”", "It is unusual,", "Ana Ruiz"},
		{"a possessive is not the speaker", "Harbour news.\n\nThe chair said Ivo Stanek’s plan would fail, adding that it was “too expensive for the town.”", "too expensive for the town.", "The chair"},
		{"a title with a conjunction after the verb", "Harbour news.\n\n“Nobody was hurt,” said Harbour Fire and Rescue Chief Ana Ruiz on Monday.", "Nobody was hurt,", "Ana Ruiz"},
		{"an infinitive is a verb, not a noun after a preposition", "Harbour news.\n\nMayor Ana Ruiz took to the radio to criticize the report as “a work of fiction.”", "a work of fiction.", "Ana Ruiz"},
		{"the article's protagonist when no one is near", "Mayor Ana Ruiz reopened the pier. Ruiz thanked the divers. Ruiz then met the fishermen.\n\nThe storm had closed the harbour for a week. The water rose by two metres. The boats stayed in.\n\nThe cranes left on Friday. The ferries came back on Saturday. The cafés opened again.\n\n“We did it together,” she said.", "We did it together,", "Ana Ruiz"},
		{"continuation broken by another person", "“The pier held,” Marta Quist said.\n\nIvo Stanek, the harbour master, arrived an hour later.\n\n“Nobody expected the fire to spread so fast.”", "Nobody expected the fire to spread so fast.", ""},
		{"running on into the next paragraph", "“The pier held and the crew was quick.\n\n“We will rebuild it by summer,” Marta Quist said.", "The pier held and the crew was quick.", "Marta Quist"},
		{"description between name and verb", "“The bridge is safe,” Jane Roe, the city's director of engineering, said on Monday.", "The bridge is safe,", "Jane Roe"},
		{"brackets between name and verb", "“The bridge is safe,” Rep. Jane Roe (D-Ore.) said.", "The bridge is safe,", "Jane Roe"},
		{"a description as speaker", "“We have no record of the permit,” the port authority said in a statement.", "We have no record of the permit,", "the port authority"},
		{"a description after the verb", "“Nobody told us,” said a former harbour official.", "Nobody told us,", "a former harbour official"},
		{"a description before the colon", "Another resident wrote: “The smoke reached our street within minutes.”", "The smoke reached our street within minutes.", "Another resident"},
		{"mixed quotation marks", `“We are going to rebuild the pier," Marta Quist said.`, "We are going to rebuild the pier,", "Marta Quist"},
		{"a cue after a closing question mark", "The pier closed on Monday. “Is the pier safe? Nobody knows!” the harbour master wrote on Monday.", "Is the pier safe? Nobody knows!", "the harbour master"},
		{"the verb opens the sentence", "The inquiry opened on Monday. Said Marta Quist, “Nobody has told us anything.”", "Nobody has told us anything.", "Marta Quist"},
		{"cue in the sentence before", "Marta Quist said in a statement on Monday.\n“The pier will reopen in June.”", "The pier will reopen in June.", "Marta Quist"},
		{"a description after the verb, however long its relative clause", "Harbour news.\n\n“The tide was wrong,” said a harbour pilot who has worked on the river for twenty years and knows every pier.", "The tide was wrong,", "a harbour pilot"},
		{"a verb of saying after an infinitive's to", "Harbour news.\n\nThe letter from the port goes on to say: “Repairs will take a year.”", "Repairs will take a year.", "The letter from the port"},
		{"a participle continues a described subject", "Harbour news.\n\nIn June, the port authority issued a statement to the fishermen saying that “repairs will take a year.”", "repairs will take a year.", "the port authority"},
		{"a second verb after an adverb shares the sentence's subject", "Harbour news.\n\nMayor Ana Ruiz visited the Stanek Harbour ferry and later said, “It is safe.”", "It is safe.", "Ana Ruiz"},
		{"a name after a preposition is no subject of a participle", "Harbour news.\n\nMayor Ivo Stanek stayed at home. The fishermen marched past the house of Ivo Stanek, chanting, “Open the pier!”", "Open the pier!", "The fishermen"},
		{"a person named right before a participle is its subject", "Harbour news.\n\nThe ad ends with footage of Ivo Stanek saying, “Vote for the pier.”", "Vote for the pier.", "Ivo Stanek"},
		{"a cue closing the sentence past other words", "Harbour news.\n\nStanek “has every right to ask for the money,” just as the mayor did in June, Marta Quist added.", "has every right to ask for the money,", "Marta Quist"},
		{"English: a phrase after the verb holds no subject", "Harbour news.\n\nMayor Ana Ruiz toured the pier on Monday. “The pier is safe,” said at a harbour event this month.", "The pier is safe,", "Ana Ruiz"},
		{"a description right before the verb, not a name before it", "Harbour news.\n\n“The pier is safe,” Ana Ruiz said as a fisherman shouted: “Then walk on it!”", "Then walk on it!", "a fisherman"},
		{"a possessive description, then the name between commas", "Harbour news.\n\nMayor Ana Ruiz was away. Her deputy, Ivo Stanek, said: “The pier is safe.”", "The pier is safe.", "Ivo Stanek"},
		{"a pronoun subject after an opening phrase continues the chain", "Mayor Ivo Stanek toured the pier on Monday. Asked who should run the harbour, he named Tomas Brandt. “He knows every boat,” he said.", "He knows every boat,", "Ivo Stanek"},
		{"a name that modifies a noun for people is not the sentence's person", "Mayor Tomas Brandt opened the pier.\n\nBrandt adviser Ivo Stanek spoke after the vote. “The pier will reopen,” he said.", "The pier will reopen,", "Ivo Stanek"},
		{"a name the entity rules missed, before a description in commas", "Harbour news.\n\nBrook, who attended the meeting on Monday, said that “the pier must reopen.”", "the pier must reopen.", "Brook"},
		{"two titles joined by 'and' after an abbreviation", "Harbour news.\n\n“The pier held,” said former Harbour Gov. and Port Authority Chairman Ivo Stanek.", "The pier held,", "Ivo Stanek"},
		{"a quotation filling the paragraph after reported speech", "Harbour news.\n\nMayor Ana Ruiz said that the pier would reopen in June.\n\n“That is because the storm spared the pilings.”", "That is because the storm spared the pilings.", "Ana Ruiz"},
		{"a name reporting a clause opened by a pronoun tells its sex", "Robin Vale met Ivo Stanek and Ana Ruiz at the harbour. Robin Vale told the harbour board that she would fund the pier. Robin Vale and Ivo Stanek left. Robin Vale asked Ivo Stanek about the cranes. “We will rebuild,” he said.", "We will rebuild,", "Ivo Stanek"},
		{"a name and a description in commas opening the next sentence", "Harbour news.\n\n“Who will pay for the pier?” Ana Ruiz, the harbour master, asked on Monday.", "Who will pay for the pier?", "Ana Ruiz"},
		{"a clause going on after the quotation is no cue", "Harbour news.\n\nMayor Ana Ruiz urged the board to act “before the storms” to tell the fishermen the pier is safe.", "before the storms", "Ana Ruiz"},
		{"a verb-like noun after an organisation's name is no cue", "Harbour news.\n\nMayor Ana Ruiz was away. Ivo Stanek, on the Harbour Radio program: “The pier is safe.”", "The pier is safe.", "Ivo Stanek"},
		{"a noun compound before the quotation is no cue", "Harbour news.\n\nIvo Stanek, the host of the harbour reality show “Pier Pressure,” toured the docks.", "Pier Pressure,", ""},
		{"a headline's speaker before a colon, the line not all in title case", "Ruiz: harbour board ‘is waving the white flag’\n\nMayor Ana Ruiz spoke at the harbour on Monday.", "is waving the white flag", "Ana Ruiz"},
		{"a plural description without a determiner", "Harbour news.\n\n“The pier was never safe,” federal inspectors wrote in the report.", "The pier was never safe,", "federal inspectors"},
		{"a quotation running on past its paragraph takes the cue before it", "Harbour news.\n\nThe harbour master, Ana Ruiz, wrote in her report:\n\n“The pier held through the night and the crew was quick.\n\n“Nobody was hurt.”", "The pier held through the night and the crew was quick.", "Ana Ruiz"},
		{"an abbreviated title stands for the description", "Harbour news.\n\nGov. Ivo Stanek toured the pier on Monday. “It held,” the governor said.", "It held,", "Ivo Stanek"},
		{"'it' is no person", "Harbour news.\n\nMayor Ana Ruiz met the board on Monday. The inspectors' report came out later. “The pier is unsafe,” it said.", "The pier is unsafe,", ""},
		{"'they' are no single person", "Harbour news.\n\nMayor Ana Ruiz met the fishermen on Monday. “The pier is unsafe,” they said.", "The pier is unsafe,", ""},
		{"a verb of saying used as a noun does not continue into a second verb", "Harbour news.\n\nMayor Tomas Brandt met Ana Ruiz. He called on her to leave her post and said, “The pier is not safe with her.”", "The pier is not safe with her.", "Tomas Brandt"},
		{"a verb-like noun after a capitalised modifier and a determiner", "Harbour news.\n\nMayor Ana Ruiz answered Ivo Stanek in a thick Northern accent: “We rebuilt it ourselves.”", "We rebuilt it ourselves.", "Ana Ruiz"},
		{"two descriptions in commas between the name and the verb", "Harbour news.\n\n“The pier is ours,” Ana Ruiz, the harbour master, one of the plaintiffs, said on Monday.", "The pier is ours,", "Ana Ruiz"},
		{"a bracket, then a description in commas", "Harbour news.\n\n“The pier is ours,” Rep. Ana Ruiz (D-Ore.), a member of the harbour panel, said on Monday.", "The pier is ours,", "Ana Ruiz"},
		{"a name with titles opening the sentence after a quotation", "Harbour news.\n\n“The pier is open again!” Board Chair Ana Ruiz said as the ferry docked.", "The pier is open again!", "Ana Ruiz"},
		{"a dollar sign inside the speaker's description", "Harbour news.\n\n“We want the pier back,” Pier for $5 organiser Ana Ruiz told reporters.", "We want the pier back,", "Ana Ruiz"},
		{"a long subject after the quotation", "Harbour news.\n\n“The pilings will not hold another winter,” senior harbour engineer Ana Ruiz of the safety institute in the old northern port wrote in May.", "The pilings will not hold another winter,", "Ana Ruiz"},
		{"a quotation filling its paragraph, signed on the next line", "Mayor Ana Ruiz and Ivo Stanek debated the pier on Monday.\n\n“The pier must reopen before the summer.”\n\n- Ana Ruiz.\n\nThe debate went on for an hour.", "The pier must reopen before the summer.", "Ana Ruiz"},
		{"a plural description opening the sentence", "Harbour news.\n\nResidents shouted: “Open the pier!”", "Open the pier!", "Residents"},
		{"a senator's state after the name is not the speaker", "Harbour news.\n\n“We need the pier,” said Sen. Tom Harlan of Delaware. “It is old.”", "We need the pier,", "Tom Harlan"},
		{"a place and its state in commas between the name and the verb", "Harbour news.\n\nMary Clark, during a town meeting in Columbus, Ohio, said she was “going to close the pier for a whole year,” while explaining her plan.", "going to close the pier for a whole year,", "Mary Clark"},
		{"a place modifying a description is not the speaker", "Harbour news.\n\n“We need the pier,” the Vermont senator said.", "We need the pier,", "the Vermont senator"},
		{"a name modifying a noun is not the pronoun's referent", "Harbour news.\n\nMayor John Harlan said on Monday that he would go ahead with the Clark meeting, although he wrote that he “rejects the plan for the pier.”", "rejects the plan for the pier.", "John Harlan"},
		{"a named asker after a continuation", "“The pier held,” Marta Quist said. “The ferry did not.”\n\n“Who paid for the repairs?” Ivo Stanek asked, turning to the mayor.", "Who paid for the repairs?", "Ivo Stanek"},
	}
	for _, tt := range tests {
		a := analyzeText(t, tt.text)
		found := false
		for _, q := range a.Quotes {
			if q.Text == tt.quote {
				found = true
				if q.Speaker != tt.speaker {
					t.Errorf("%s: speaker %q (cue %q), want %q", tt.name, q.Speaker, q.Cue, tt.speaker)
				}
			}
		}
		if !found {
			t.Errorf("%s: quote %q not found in %+v", tt.name, tt.quote, a.Quotes)
		}
	}
}

func TestEntityNamesAndTypes(t *testing.T) {
	tests := []struct {
		name, lang, text, entity, typ string
	}{
		{"a country in the article's language", "it", "Il Giappone ha inviato aiuti al porto di Calloway.", "Giappone", parallax.Place},
		{"a country in English", "en", "Japan sent aid to the port of Calloway on Monday.", "Japan", parallax.Place},
		{"the head before 'of'", "en", "The Ministry of Harbour Affairs closed the pier on Monday.", "Ministry of Harbour Affairs", parallax.Organization},
		{"a plural of persons ends a team", "en", "The Calloway Mariners beat the visitors on Sunday.", "Calloway Mariners", parallax.Organization},
		{"a nationality word as a surname", "en", "Mark Cuban owns the team. Cuban said he would stay.", "Mark Cuban", parallax.Person},
		{"a name ends before 'of' and a place", "en", "The victim was named as 34-year-old Maynor Quist of Owings Mills by police.", "Maynor Quist", parallax.Person},
	}
	for _, tt := range tests {
		checkTypes(t, tt.lang, false, []typeCase{{tt.name, tt.text, tt.entity, tt.typ}})
	}
	// a kicker in capitals is not a name
	a := analyzeText(t, "READ ALSO\nThe pier reopened on Monday.")
	for _, e := range a.Entities {
		if strings.EqualFold(e.Name, "read also") {
			t.Errorf("the kicker %q became an entity", e.Name)
		}
	}
}

func TestPronounNotAfterPreposition(t *testing.T) {
	text := "Cardinal Ana Ruiz, 69, was chosen to succeed Pope Clara Quill. Standing at the balcony of Clara Quill’s old palace, she told the crowd, “Peace be with you.”"
	a := analyzeText(t, text)
	for _, q := range a.Quotes {
		if q.Text == "Peace be with you." && q.Speaker != "Ana Ruiz" {
			t.Errorf("speaker %q, want Ana Ruiz (not the name after 'of')", q.Speaker)
		}
	}
}

// TestTitlesAreNotStatements: which quotations are statements (shown with
// their speaker) and which are names or scare quotes.
func TestTitlesAreNotStatements(t *testing.T) {
	tests := []struct {
		name, text, quote string
		scare             bool
	}{
		{"a show's name", "Harbour news.\n\nSpeaking on “Harbour Tonight With Ana Ruiz,” Mayor Marta Quist said the pier would reopen.", "Harbour Tonight With Ana Ruiz,", true},
		{"a book's title", "Harbour news.\n\nHer memoir, “The Long Night of the Pier,” sold well.", "The Long Night of the Pier,", true},
		{"a one-word title after a possessive", "Harbour news.\n\nSpeaking on Harbour Radio’s “Tidewatch,” Mayor Marta Quist said the pier would reopen.", "Tidewatch,", true},
		{"a show named after a noun-used verb", "Harbour news.\n\nBy 2012 Ivo Stanek was hosting a new program, “The Harbour Hour,” on local radio.", "The Harbour Hour,", true},
		{"a programme told, the hearer before the words", "Harbour news.\n\n\"We have to rebuild the pier,\" Mayor Ana Ruiz told \"Harbour Tonight With Tom Bell\" after the vote.", "Harbour Tonight With Tom Bell", true},
		{"a slogan chanted", "Harbour news.\n\nProtesters outside the hall kept chanting “Save the Old Pier.”", "Save the Old Pier.", false},
		{"Spanish: a short statement, its comma outside the marks", "El fuego empezó el domingo por la noche en el puerto de la ciudad.\n\n«No hubo heridos», dijo el jefe de bomberos, Daniel Okafor.", "No hubo heridos", false},
		{"a sentence in sentence case", "Harbour news.\n\nMayor Marta Quist said: “The pier will reopen in June.”", "The pier will reopen in June.", false},
	}
	for _, tt := range tests {
		a := analyzeText(t, tt.text)
		found := false
		for _, q := range a.Quotes {
			if q.Text == tt.quote {
				found = true
				if q.Scare != tt.scare {
					t.Errorf("%s: %q scare %v, want %v", tt.name, q.Text, q.Scare, tt.scare)
				}
			}
		}
		if !found {
			t.Errorf("%s: quote %q not found in %+v", tt.name, tt.quote, a.Quotes)
		}
	}
}

// TestShortQuotesAfterAVerbOfSaying: a few quoted words that a verb of
// saying introduces are the speaker's words, not scare quotes.
func TestShortQuotesAfterAVerbOfSaying(t *testing.T) {
	tests := []struct {
		name, text, quote, speaker string
		scare                      bool
	}{
		{"a name the speaker gives", "Harbour news.\n\nMayor Ana Ruiz called the plan “a disaster” on Monday.", "a disaster", "Ana Ruiz", false},
		{"a word inside reported speech", "Harbour news.\n\nThe harbour board told the council that the leak had been “fixed” within a week.", "fixed", "The harbour board", false},
		{"no verb of saying", "Harbour news.\n\nThe so-called “harbour tax” will rise in June.", "harbour tax", "", true},
		{"a passive's subject is not the speaker", "Harbour news.\n\nMayor Ana Ruiz has been called “reckless” by the fishermen.", "reckless", "", true},
		{"a naming verb after the noun it describes", "Harbour news.\n\nMayor Ana Ruiz wrote a play called “harbour blues” in 2010.", "harbour blues", "", true},
		{"a progressive is no passive", "Harbour news.\n\nMayor Ana Ruiz is calling the plan “a disaster” this week.", "a disaster", "Ana Ruiz", false},
		{"an infinitive's subject is another", "Harbour news.\n\nMayor Ana Ruiz asked the board to call the pier “safe” in its report.", "safe", "", true},
	}
	for _, tt := range tests {
		a := analyzeText(t, tt.text)
		found := false
		for _, q := range a.Quotes {
			if q.Text == tt.quote {
				found = true
				if q.Scare != tt.scare || !tt.scare && q.Speaker != tt.speaker {
					t.Errorf("%s: %q scare %v speaker %q (cue %q), want scare %v speaker %q", tt.name, q.Text, q.Scare, q.Speaker, q.Cue, tt.scare, tt.speaker)
				}
			}
		}
		if !found {
			t.Errorf("%s: quote %q not found in %+v", tt.name, tt.quote, a.Quotes)
		}
	}
}

// TestMentionNameAfterAWrongMerge: when the entity rules merge two people
// (through a shared affiliation), a speaker keeps the name the cue gives.
func TestMentionNameAfterAWrongMerge(t *testing.T) {
	d := newDoc("Rep. Steve Israel and Rep. Gregory Meeks spoke. “The pier matters,” Meeks added.")
	d.findMentions()
	d.resolveEntities()
	israel, meeks := -1, -1
	for i, e := range d.ents {
		switch e.name {
		case "Steve Israel":
			israel = i
		case "Gregory Meeks":
			meeks = i
		}
	}
	if israel < 0 || meeks < 0 {
		t.Fatalf("entities not found: %+v", d.ents)
	}
	// merge Meeks into Israel's entity, as a wrong alias link would
	for i := range d.mentions {
		if d.mentions[i].entity == meeks {
			d.mentions[i].entity = israel
		}
	}
	d.ents[israel].forms["Gregory Meeks"] = true
	for i := range d.mentions {
		if d.mentions[i].text == "Meeks" {
			if got := d.mentionName(i); got != "Gregory Meeks" {
				t.Errorf("mentionName = %q, want Gregory Meeks", got)
			}
			return
		}
	}
	t.Fatal("no mention of Meeks")
}
