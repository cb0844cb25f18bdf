package analyze

import (
	"strings"

	"github.com/parallaxnews/parallax/internal/lang"
)

// The word lists live in the language layer (internal/lang); these are the
// ones the analysis reads, loaded once.
var (
	// startWords start sentences and never begin a name.
	startWords = lang.Words("openers")
	// connectors may sit inside a name: "Tren de Aragua", "Secretary of State".
	connectors = lang.Words("name_connectors")
	// timeAdverbs stand between a speaker and a verb of saying: "later said".
	timeAdverbs = lang.Words("time_adverbs", "en")
	// vehicleNameFillers stand between a vehicle noun and its name: "the
	// container ship Quist Star".
	vehicleNameFillers = lang.Words("vehicle_name_fillers", "en")
	// roleWords are titles that precede a person's name.
	roleWords = lang.Words("titles")
	// labels are all-capitals page furniture, not names.
	labels          = lang.Words("page_labels")
	facilityHeads   = lang.Words("facility_heads")
	orgHeads        = lang.Words("org_heads")
	lawHeads        = lang.Words("law_heads")
	eventHeads      = lang.Words("event_heads")
	placeHeads      = lang.Words("place_heads")
	vehicleNouns    = lang.Words("vehicle_nouns")
	namingVerbs     = lang.Words("naming_verbs")
	numberedHeads   = lang.Words("numbered_heads")
	locativePreps   = lang.Words("locative_preps")
	speechVerbs     = lang.Words("speech_verbs")
	speechVerbsMore = lang.Words("speech_verbs_extra")
	pronouns        = lang.Words("pronouns")
	clauseOpeners   = lang.Words("clause_openers", "en")
	collectiveHeads = lang.Words("collective_heads")
	utteranceNouns  = lang.Words("utterance_nouns")
	accordingTo     = lang.Words("according_to")
	prepositions    = lang.Words("prepositions")
	determiners     = lang.Words("determiners")
	titleMinorWords = lang.Words("title_minor_words")
	courtesyTitles  = lang.Words("courtesy_titles")
	legalForms      = lang.Words("legal_forms", "en")
	// conceptAcronyms name a measure, a condition or a time ("GDP", "AIDS").
	conceptAcronyms = lang.Words("concept_acronyms", "en")
	// relativePronouns open a clause on the noun before them.
	relativePronouns = lang.Words("relative_pronouns")
	possessives      = lang.Words("possessives", "en", "es")
	clauseBoundaries = lang.Words("clause_boundaries")
	fixtureJoiners   = lang.Words("fixture_joiners", "en")
	agentPreps       = lang.Words("agent_prepositions", "en")
	clausePreps      = lang.Words("clause_prepositions", "en")
	// endings of adjectives of nationality and doctrine, and of party
	// adjectives no given name has
	nationalitySuffixes = lang.Words("nationality_suffixes", "en").Entries()
	partySuffixes       = lang.Words("party_adjective_suffixes", "en").Entries()
	hedgeTerms          = phrases{lang.Words("hedges")}
	loadedTerms         = phrases{lang.Words("loaded")}
	pejoratives         = phrases{lang.Words("pejoratives")}
	opinionTerms        = phrases{lang.Words("opinion")}
	// signalStarts answers in one lookup whether any of the four framing
	// lists could match at a word, which most words cannot.
	signalStarts = lang.Union(hedgeTerms.s, loadedTerms.s, pejoratives.s, opinionTerms.s)
	// anySpeechVerb is speechVerbs and speechVerbsMore in one lookup.
	anySpeechVerb = lang.Union(speechVerbs, speechVerbsMore)
	// attributionVerbs are the past forms news copy attributes words with
	// ("said", "told", "wrote").
	attributionVerbs = lang.Words("attribution_verbs", "en")
	// hearerVerbs put the hearer first: "told “Harbour Tonight”".
	hearerVerbs = lang.Words("hearer_verbs", "en")
	// impersonalPronouns name no one person of the text: "it", "they", "I".
	impersonalPronouns = lang.Words("impersonal_pronouns", "en")
	// adjectiveLikeSuffixes end English adjectives ("financial", "famous").
	adjectiveLikeSuffixes = lang.Words("adjective_like_suffixes", "en").Entries()
	// nameArticlePrefixes are the Arabic article as written before a name
	// ("al-", "ash-").
	nameArticlePrefixes = lang.Words("name_article_prefixes", "en").Entries()
	// personParticles sit inside persons' names ("da", "bin").
	personParticles = lang.Words("name_particles", "en")
	// ofWords are "of" and its Spanish forms, before the place a name is of.
	ofWords = lang.Words("date_of", "en", "es")
	// esMasculineArticles are "el" and its contractions "del", "al".
	esMasculineArticles = lang.Words("masculine_articles", "es")
)

// calendarWords are month and weekday names (English, Spanish, German), not names.
func calendarWord(w string) bool {
	for _, l := range [...]string{"en", "es", "de"} {
		if _, ok := lang.Month(l, w); ok {
			return true
		}
		if _, ok := lang.Weekday(l, w); ok {
			return true
		}
	}
	return false
}

// langPrepositions and langDeterminers are the lists of the article's
// language (all languages' when unknown), where the union would mislead:
// Spanish "a" is a preposition, English "a" an article.
func langPrepositions(l string) *lang.Set {
	if s, ok := prepositionsByLang[l]; ok {
		return s
	}
	return prepositions
}

func langDeterminers(l string) *lang.Set {
	if s, ok := determinersByLang[l]; ok {
		return s
	}
	return determiners
}

// the languages that have both lists
var prepositionsByLang, determinersByLang = func() (map[string]*lang.Set, map[string]*lang.Set) {
	p, d := map[string]*lang.Set{}, map[string]*lang.Set{}
	for _, l := range [...]string{"en", "es"} {
		p[l], d[l] = lang.Words("prepositions", l), lang.Words("determiners", l)
	}
	return p, d
}()

func isSpeechVerb(w string) bool { return anySpeechVerb.Has(w) }

// titlePrefixes are the English prefixes that make a new title of an old one
// ("archbishop", "protodeacon", "vice-chancellor", "co-founder").
var titlePrefixes = lang.Words("title_prefixes", "en").Entries()

// isTitle reports whether w (lower case) is a title written before a name:
// listed, or a listed title behind a title-forming prefix.
func isTitle(w string) bool {
	if roleWords.Has(w) {
		return true
	}
	for _, p := range titlePrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 4 && roleWords.Has(rest) {
			return true
		}
	}
	// "secretary-general", "attorney-general", "president-elect",
	// "minister-designate": a title with a hyphenated qualifier
	for _, s := range titleSuffixes {
		if head, ok := strings.CutSuffix(w, s); ok && head != "" && isTitle(head) {
			return true
		}
	}
	return false
}

// titleSuffixes are the hyphenated qualifiers that make a title of a title
// (style guides hyphenate "secretary-general", "president-elect").
var titleSuffixes = lang.Words("title_suffixes", "en").Entries()
