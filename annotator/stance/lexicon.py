"""Language data for stance: negators, modality, contrast, direction words and a small
argument/sentiment lexicon. Hand-written, general English; nothing here is about any one
article, person or question.

Words are matched after lower-casing; entries ending in "*" match any word with that prefix
(see `features.LexiconMatcher`).
"""

from __future__ import annotations

# Words that negate what follows (a few tokens ahead).
NEGATORS: frozenset[str] = frozenset(["not", "no", "never", "n't", "nor", "none", "nothing", "nobody", "neither", "without", "cannot", "cant", "wont", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "shouldnt", "wouldnt", "couldnt", "mustnt", "hardly", "barely", "rarely"])

# Words saying something is missing or absent (negation of existence).
LACK: frozenset[str] = frozenset(["lack", "lacks", "lacking", "lacked", "absence", "absent", "missing", "fails", "fail", "failed", "failing", "unable"])

# Modal verbs of obligation/recommendation (the speaker wants something done).
OBLIGATION: frozenset[str] = frozenset(["should", "must", "need", "needs", "needed", "ought", "essential", "vital", "necessary", "crucial", "imperative"])

# Possibility / hedging: a weaker commitment.
HEDGES: frozenset[str] = frozenset(["may", "might", "could", "perhaps", "possibly", "maybe", "arguably", "likely", "unlikely", "probably", "seems", "seem", "appears", "suggest", "suggests", "suggesting", "unclear", "ambiguous", "uncertain", "whether"])

# Contrast markers: what follows often carries the speaker's point.
CONTRAST: frozenset[str] = frozenset(["but", "however", "although", "though", "yet", "nevertheless", "nonetheless", "whereas", "instead", "rather", "despite"])

# Words pointing back to an earlier sentence: a quote with one needs its context.
ANAPHORS: frozenset[str] = frozenset(["this", "that", "these", "those", "it", "its", "they", "them", "their", "such", "he", "she", "him", "her", "so", "there"])

# Question words that make "support" mean being AGAINST the target
# ("Should we ban X?" -> support = against X).
AGAINST_WORDS: frozenset[str] = frozenset(["ban", "bans", "banned", "banning", "abolish", "abolished", "abolishing", "abolition", "prohibit", "prohibited", "prohibiting", "prohibition", "outlaw", "outlawed", "forbid", "forbidden", "restrict", "restricted", "restricting", "restriction", "restrictions", "limit", "limited", "limiting", "curb", "curbed", "scrap", "scrapped", "scrapping", "eliminate", "eliminated", "abandon", "abandoned", "end", "ended", "ending", "stop", "stopped", "stopping", "cancel", "cancelled", "criminalize", "criminalise", "criminalized", "criminalised", "illegal", "remove", "removed", "reduce", "reduced", "cut", "cuts", "drop", "dropped", "oppose", "against", "reject", "rejected", "halt", "phase", "harmful", "harm", "harms", "bad", "dangerous", "threat", "threatens", "evil", "wrong", "worse", "unfair", "unjust", "disaster", "destructive", "overrated"])

# Generic positive / negative evaluation words used in arguments. Prefix entries end in "*".
POSITIVE: frozenset[str] = frozenset(["good", "great", "better", "best", "benefit*", "beneficial", "advantage*", "help", "helps", "helped", "helpful", "improve*", "effective", "efficient", "success*", "succeed*", "positive", "progress", "protect*", "safe", "safer", "safety", "secure", "fair", "just", "right", "valuable", "value*", "worth", "worthwhile", "important", "essential", "vital", "necessary", "useful", "support*", "promot*", "encourag*", "enabl*", "empower*", "strengthen*", "boost*", "gain*", "opportunit*", "freedom*", "right", "rights", "healthy", "health*", "save", "saves", "saving", "prosper*", "growth", "grow*", "innovat*", "sensible", "sufficient", "adequate", "optimal", "ideal", "ideally", "reasonable", "justified", "legitimate", "credible", "robust", "coherent", "cohesive", "clear", "strong", "stronger", "sustainable", "affordable", "reliable", "achiev*", "welcome", "deter*", "reassur*", "enhanc*", "sense"])

NEGATIVE: frozenset[str] = frozenset(["bad", "worse", "worst", "harm*", "damag*", "danger*", "risk*", "threat*", "problem*", "costly", "expensive", "waste*", "wasteful", "fail*", "failure*", "ineffective", "inefficient", "unfair", "unjust", "wrong", "dangerous", "destroy*", "destructive", "hurt*", "kill*", "violen*", "abuse*", "exploit*", "corrupt*", "crime*", "criminal*", "unsafe", "insecure", "negative", "poor", "poverty", "disadvantage*", "burden*", "undermin*", "weaken*", "erod*", "threaten*", "lose", "loses", "losing", "loss", "losses", "lack*", "insufficient", "inadequate", "flaw*", "overlook*", "ignor*", "neglect*", "mislead*", "misguided", "naive", "unrealistic", "unworkable", "impossible", "difficult", "hard", "useless", "pointless", "unnecessary", "excessive", "overly", "premature", "reckless", "irresponsible", "ambiguous", "unclear", "vague", "incoherent", "confus*", "chaos", "chaotic", "crisis", "concern*", "worr*", "fear*", "afraid", "doubt*", "sceptic*", "skeptic*", "marginali*", "isolat*", "reluctant", "temporary", "merely", "illegal", "immoral", "unethical", "discriminat*", "oppress*", "restrict*", "censor*", "infring*", "violat*", "invasi*", "deplet*", "collaps*", "decline*", "suffer*"])

# Function words ignored when measuring overlap between a question and a text.
STOPWORDS: frozenset[str] = frozenset(["a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "over", "under", "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "have", "has", "had", "having", "it", "its", "it's", "this", "that", "these", "those", "there", "their", "they", "them", "he", "she", "his", "her", "him", "we", "us", "our", "you", "your", "i", "me", "my", "mine", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "if", "then", "than", "so", "such", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "not", "no", "yes", "also", "just", "very", "more", "most", "much", "many", "some", "any", "all", "each", "every", "both", "either", "neither", "other", "others", "another", "same", "own", "only", "about", "above", "after", "again", "against", "before", "below", "between", "during", "through", "up", "down", "out", "off", "once", "here", "further", "too", "s", "t", "don", "now", "even", "still", "yet", "while", "because", "until", "whether", "per", "via", "upon", "within", "without", "among", "amongst", "across", "along", "around", "house", "believes", "would", "this-house", "we'd", "let", "lets", "make", "made", "get", "got", "one", "ones"])
