// Package evalcorpus scores the per-article analysis (quotes with their
// speakers, typed entity mentions) on public annotated news corpora. It
// turns each corpus into articles plus gold annotations (adapters), runs the
// analyser the caller passes in (the pipeline's, so what is measured is what
// ships) and compares (scorers). Corpus text is read from disk at run time
// and never stored in the repository.
//
// # Quotes (PolNeAR)
//
// A PolNeAR attribution (brat standoff: Source, Cue, Content spans joined by
// an Attribution relation) is a gold DIRECT quote when more than half of the
// letters and digits of its Content lie inside quotation marks. Marks are
// paired per paragraph: “…”, «…», „…“, straight "…", and curly ‘…’ where the
// ‘ follows a non-letter and the ’ is not followed by a letter (so
// apostrophes are not marks); marks nested inside a passage are part of it.
// The gold unit is one quoted passage (the words inside one pair of marks)
// of such a Content, at least half of whose letters lie in the Content: a
// statement quoted in two pieces around “he said” is two gold quotes with
// the same speaker. Its speaker is the Source text (where an annotator
// swapped the two labels, a Source that is only a verb of saying — "said",
// "According to" — and a Cue that holds a name, the Cue is read as the
// Source); an attribution without a
// Source (PolNeAR's Attribution-no-source) yields quotes that count for
// quote recall only. When several annotators' .ann files exist for one text,
// the first by file name is used.
//
// System quotes are the analysis' non-scare quotes (scare quotes are not
// shown as statements by the report). A system quote matches a gold quote
// when their inner spans share a byte.
//
// A system speaker is right for a gold source when, after lower-casing,
// dropping a possessive 's and removing function words, pronouns and
// honorifics or titles (Mr., Sen., President, …), the two share a token:
// "Hillary Clinton" is right for "Clinton" and for "Hillary Clinton's
// campaign". When the gold source is a pronoun or a nominal (its last
// token is not tagged NNP/NNPS by the corpus' CoreNLP annotation, e.g. "he",
// "the Republican nominee"), the mentions of the CoreNLP coreference chain
// the source belongs to count as well; the chain's representative mention is
// shown as the gold speaker in errors (the first of its mentions that
// holds a name when the representative does not). The rule is lenient by
// design (last names count, so "Bill Clinton" is right for "Clinton"); it
// never credits a quote without a speaker. A source without any name word
// (a pronoun: "he", "I") whose chain holds no name either cannot be judged:
// such quotes, like those of an attribution without a Source, count for
// quote recall only. So too a "he" or "she" whose chain holds no token that
// CoreNLP's own NER tags PERSON ("he" → "Romare Bearden Park", "she" →
// "another Jan. 17, 2013"): a personal pronoun names a person, and such a
// chain is a coreference error that names nobody.
//
// Metrics: quote recall = gold quotes matched by a system quote / gold
// quotes; attributed recall = gold quotes with a judgeable source matched
// by a system quote whose speaker is right / gold quotes with a judgeable
// source; speaker accuracy = of those matched by a system quote that has a
// speaker, the share whose speaker is right; precision = system quotes with
// a speaker that are right / system quotes with a speaker, where a system
// quote is judged against the attribution whose Content holds it: the gold
// direct quote it matches, else the attribution that is not direct whose
// Content it overlaps most (a partial quote inside reported speech: "Ruiz
// said the plan was “a disaster”" is Ruiz's words by PolNeAR's definition
// of Content, what the Source is reported to have said). A system quote in
// no attribution is wrong; one whose attribution has no judgeable source is
// left out. precision_direct is the stricter figure used before, which
// judges a system quote right only when it matches a gold direct quote.
//
// # Entities (CoNLL-2003, GMB)
//
// Each document (CoNLL: split at -DOCSTART-; GMB: ten consecutive
// sentences, as the public GMB-derived tables drop the text boundaries) is
// detokenised into prose, one
// sentence a line, no space before , . ; : ! ? ) 's n't and the like, no
// space after ( $ and an opening quote, keeping each token's byte span. Gold
// mentions are the IOB chunks (IOB1 and IOB2 both read). System mentions are
// the spans of every parallax.Entity mention. Corpora disagree on what a
// mention includes, so on both sides spans lose spaces, enclosing
// punctuation, a leading "the" or lower-case compass word ("eastern
// Sudan"), a possessive 's and leading titles ("Mr.", "mayor" before a person,
// "Prime Minister", and before a person's name a rank spelt out, "Major
// General": CoNLL leaves them out, GMB keeps them). A system mention
// matches a gold one when the spans are then equal.
//
// Typed scores use three classes: person (parallax.Person; CoNLL PER, GMB
// per), organisation (parallax.Organization; ORG, org) and place
// (parallax.Place and parallax.Facility; LOC, geo). A system mention of any
// other kind (misc, group, work, law, event, program) is not a prediction
// for the three classes; gold CoNLL MISC and GMB gpe/art/eve/nat/tim
// mentions are ignored on both sides: a system mention whose span equals an
// ignored gold mention is dropped. The "gmb+gpe" variant maps GMB gpe to
// place instead. The "conll prose" variant scores only mentions on prose
// lines (IsProse), leaving out the results tables and headlines that make
// up much of CoNLL-2003. Untyped scores compare every system mention, whatever its
// kind, with every gold person/organisation/place mention.
package evalcorpus
