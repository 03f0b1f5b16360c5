"""Language data for quote extraction and attribution: reporting verbs, titles, pronouns,
group nouns, the words that mark a speaker as an expert. General English news usage only.
"""

from __future__ import annotations

import re

# fmt: off
# Reporting verbs that introduce a clause ("X said (that) ...", "..., X said").
# Each entry: base, 3rd person, past, -ing. Multi-word cues are in CUE_PHRASES.
_SPEECH = [
    ("say", "says", "said", "saying"),
    ("tell", "tells", "told", "telling"),
    ("add", "adds", "added", "adding"),
    ("note", "notes", "noted", "noting"),
    ("argue", "argues", "argued", "arguing"),
    ("claim", "claims", "claimed", "claiming"),
    ("insist", "insists", "insisted", "insisting"),
    ("suggest", "suggests", "suggested", "suggesting"),
    ("warn", "warns", "warned", "warning"),
    ("explain", "explains", "explained", "explaining"),
    ("write", "writes", "wrote", "writing"),
    ("report", "reports", "reported", "reporting"),
    ("announce", "announces", "announced", "announcing"),
    ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    ("admit", "admits", "admitted", "admitting"),
    ("assert", "asserts", "asserted", "asserting"),
    ("contend", "contends", "contended", "contending"),
    ("caution", "cautions", "cautioned", "cautioning"),
    ("emphasize", "emphasizes", "emphasized", "emphasizing"),
    ("emphasise", "emphasises", "emphasised", "emphasising"),
    ("stress", "stresses", "stressed", "stressing"),
    ("state", "states", "stated", "stating"),
    ("declare", "declares", "declared", "declaring"),
    ("maintain", "maintains", "maintained", "maintaining"),
    ("confirm", "confirms", "confirmed", "confirming"),
    ("deny", "denies", "denied", "denying"),
    ("concede", "concedes", "conceded", "conceding"),
    ("recall", "recalls", "recalled", "recalling"),
    ("complain", "complains", "complained", "complaining"),
    ("allege", "alleges", "alleged", "alleging"),
    ("reveal", "reveals", "revealed", "revealing"),
    ("indicate", "indicates", "indicated", "indicating"),
    ("predict", "predicts", "predicted", "predicting"),
    ("observe", "observes", "observed", "observing"),
    ("remark", "remarks", "remarked", "remarking"),
    ("conclude", "concludes", "concluded", "concluding"),
    ("respond", "responds", "responded", "responding"),
    ("reply", "replies", "replied", "replying"),
    ("counter", "counters", "countered", "countering"),
    ("tweet", "tweets", "tweeted", "tweeting"),
    ("testify", "testifies", "testified", "testifying"),
    ("continue", "continues", "continued", "continuing"),
    ("ask", "asks", "asked", "asking"),
    ("question", "questions", "questioned", "questioning"),
    ("believe", "believes", "believed", "believing"),
    ("think", "thinks", "thought", "thinking"),
    ("fear", "fears", "feared", "fearing"),
    ("worry", "worries", "worried", "worrying"),
    ("hope", "hopes", "hoped", "hoping"),
    ("promise", "promises", "promised", "promising"),
    ("pledge", "pledges", "pledged", "pledging"),
    ("vow", "vows", "vowed", "vowing"),
    ("urge", "urges", "urged", "urging"),
    ("propose", "proposes", "proposed", "proposing"),
    ("recommend", "recommends", "recommended", "recommending"),
    ("advise", "advises", "advised", "advising"),
    ("demand", "demands", "demanded", "demanding"),
    ("charge", "charges", "charged", "charging"),
    ("accuse", "accuses", "accused", "accusing"),
    ("boast", "boasts", "boasted", "boasting"),
    ("joke", "jokes", "joked", "joking"),
    ("quip", "quips", "quipped", "quipping"),
    ("exclaim", "exclaims", "exclaimed", "exclaiming"),
    ("blurt", "blurts", "blurted", "blurting"),
    ("mention", "mentions", "mentioned", "mentioning"),
    ("lament", "laments", "lamented", "lamenting"),
    ("reiterate", "reiterates", "reiterated", "reiterating"),
    ("speculate", "speculates", "speculated", "speculating"),
    ("surmise", "surmises", "surmised", "surmising"),
    ("reckon", "reckons", "reckoned", "reckoning"),
    ("assure", "assures", "assured", "assuring"),
    ("show", "shows", "showed", "showing"),
    ("find", "finds", "found", "finding"),
    ("expect", "expects", "expected", "expecting"),
    ("know", "knows", "knew", "knowing"),
    ("feel", "feels", "felt", "feeling"),
    ("read", "reads", "read", "reading"),
    ("post", "posts", "posted", "posting"),
    ("opine", "opines", "opined", "opining"),
    ("muse", "muses", "mused", "musing"),
    ("implore", "implores", "implored", "imploring"),
    ("plead", "pleads", "pleaded", "pleading"),
    ("shout", "shouts", "shouted", "shouting"),
    ("yell", "yells", "yelled", "yelling"),
    ("chant", "chants", "chanted", "chanting"),
    ("scoff", "scoffs", "scoffed", "scoffing"),
    ("retort", "retorts", "retorted", "retorting"),
    ("recount", "recounts", "recounted", "recounting"),
    ("reason", "reasons", "reasoned", "reasoning"),
    ("posit", "posits", "posited", "positing"),
    ("theorize", "theorizes", "theorized", "theorizing"),
    ("concur", "concurs", "concurred", "concurring"),
    ("protest", "protests", "protested", "protesting"),
    ("proclaim", "proclaims", "proclaimed", "proclaiming"),
    ("elaborate", "elaborates", "elaborated", "elaborating"),
    ("clarify", "clarifies", "clarified", "clarifying"),
    ("whisper", "whispers", "whispered", "whispering"),
    ("gush", "gushes", "gushed", "gushing"),
    ("sigh", "sighs", "sighed", "sighing"),
    ("snap", "snaps", "snapped", "snapping"),
    ("rail", "rails", "railed", "railing"),
    ("marvel", "marvels", "marveled", "marveling"),
    ("wonder", "wonders", "wondered", "wondering"),
    ("doubt", "doubts", "doubted", "doubting"),
    ("tout", "touts", "touted", "touting"),
    ("brag", "brags", "bragged", "bragging"),
    ("comment", "comments", "commented", "commenting"),
    ("inform", "informs", "informed", "informing"),
    ("remind", "reminds", "reminded", "reminding"),
    ("signal", "signals", "signaled", "signaling"),
    ("hint", "hints", "hinted", "hinting"),
    ("imply", "implies", "implied", "implying"),
    ("threaten", "threatens", "threatened", "threatening"),
    ("refuse", "refuses", "refused", "refusing"),
    ("agree", "agrees", "agreed", "agreeing"),
    ("remember", "remembers", "remembered", "remembering"),
    ("fume", "fumes", "fumed", "fuming"),
    ("exhort", "exhorts", "exhorted", "exhorting"),
    ("beam", "beams", "beamed", "beaming"),
    ("interject", "interjects", "interjected", "interjecting"),
    ("crack", "cracks", "cracked", "cracking"),
    ("snipe", "snipes", "sniped", "sniping"), ("vent", "vents", "vented", "venting"),
    ("gripe", "gripes", "griped", "griping"), ("grumble", "grumbles", "grumbled", "grumbling"),
    ("aver", "avers", "averred", "averring"), ("fret", "frets", "fretted", "fretting"),
    ("confess", "confesses", "confessed", "confessing"), ("murmur", "murmurs", "murmured", "murmuring"),
    ("mutter", "mutters", "muttered", "muttering"), ("recognize", "recognizes", "recognized", "recognizing"),

]

# Verbs that take a bare clause after them ("X said the plan failed"); the others need
# "that" (or a quote) to introduce their content, so "hoped to win" is not reported speech.
BARE_CLAUSE = {
    "say", "tell", "add", "argue", "claim", "insist", "suggest", "warn", "write", "think",
    "believe", "predict", "note", "explain", "assert", "contend", "acknowledge", "admit",
    "declare", "maintain", "fear", "caution", "stress", "emphasize", "emphasise", "conclude",
    "reckon", "concede", "announce", "report", "state", "respond", "reply", "counter", "tweet",
    "continue", "complain", "observe", "remark", "recall", "reveal", "confirm", "indicate",
    "hope", "know", "feel", "show", "find", "estimate", "expect", "worry", "agree", "promise",
    "pledge", "vow", "assure", "lament", "reiterate", "speculate", "doubt", "imply", "hint",
    "allege", "aver", "confess", "fret", "gripe", "grumble", "opine", "posit", "proclaim",
    "surmise", "theorize", "testify", "retort", "muse", "marvel", "snipe", "express confidence",
    "express doubt",
}
# Verbs of writing whose bare object is often a thing made ("wrote the bill", "published a
# report"): their bare content needs a verb to be reported words.
WRITING = {"write", "publish", "pen"}
# Verbs whose content is only taken when introduced by "that" or a quote.
THAT_ONLY = {"agree", "remember", "estimate", "expect", "know", "feel", "hope", "worry", "recognize",
             "fear", "promise", "pledge", "vow", "mention", "read", "post", "threaten", "refuse",
             "express confidence", "express doubt"}
# Speech acts of commitment whose "to ..." clause is the reported content ("vowed to repeal").
TO_CLAUSE = {"vow", "promise", "threaten", "refuse", "agree", "pledge"}
# Irregular past tenses: a clause's verb no "-ed" shows ("the rain came late"), so no bare noun phrase.
IRREGULAR_PAST = {"came", "went", "got", "made", "took", "gave", "began", "became", "kept", "held", "ran", "knew", "grew", "fell", "rose", "paid",
                  "met", "sent", "spent", "stood", "brought", "bought", "built", "felt", "heard", "led", "meant", "sat", "wrote", "spoke", "broke",
                  "chose", "drove", "fought", "caught", "taught", "sold", "struck", "told", "thought", "said", "found", "won", "lost", "left"}
# What a pledge gives rather than says: "pledged to send more aid", "pledged to help fund the
# pier" report resources committed (a donor's pledge), an act, not a position in words.
GIVING_VERBS = {"provide", "give", "send", "supply", "donate", "contribute", "pay", "fund", "finance", "enhance",
                "increase", "boost", "spend", "lend"}
# Speech verbs with a common sense that is not speech ("admitting more students", "adding
# staff", "finding a buyer"): after "by", their bare content must hold a verb to be speech.
OTHER_SENSE = {"admit", "add", "show", "find", "maintain", "observe", "feel", "know", "state"}
# Cues whose participle frames only a quotation ("posting “...”", not "by posting attacks on ...").
WEAK_ING = {"post", "read"}
# Verbs that only frame a direct quote ("“...,” she continued"), never indirect content.
QUOTE_ONLY = {"interject", "crack", "beam", "fume", "exhort", "continue", "joke", "quip", "exclaim", "blurt", "ask", "question", "post", "read", "boast"}
# Verbs of stance or intent whose object (a noun phrase or "to ..." clause) PolNeAR-style
# attribution treats as the reported content: "X called for a ban", "Y wants to leave".
_OBJECT = [
    ("want", "wants", "wanted", "wanting"), ("urge", "urges", "urged", "urging"),
    ("propose", "proposes", "proposed", "proposing"), ("endorse", "endorses", "endorsed", "endorsing"),
    ("criticize", "criticizes", "criticized", "criticizing"), ("criticise", "criticises", "criticised", "criticising"),
    ("praise", "praises", "praised", "praising"), ("blame", "blames", "blamed", "blaming"),
    ("defend", "defends", "defended", "defending"), ("reject", "rejects", "rejected", "rejecting"),
    ("dismiss", "dismisses", "dismissed", "dismissing"), ("condemn", "condemns", "condemned", "condemning"),
    ("welcome", "welcomes", "welcomed", "welcoming"), ("slam", "slams", "slammed", "slamming"),
    ("blast", "blasts", "blasted", "blasting"), ("applaud", "applauds", "applauded", "applauding"),
    ("demand", "demands", "demanded", "demanding"), ("accuse", "accuses", "accused", "accusing"),
    ("deny", "denies", "denied", "denying"), ("predict", "predicts", "predicted", "predicting"),
    ("recommend", "recommends", "recommended", "recommending"), ("question", "questions", "questioned", "questioning"),
    ("acknowledge", "acknowledges", "acknowledged", "acknowledging"), ("suggest", "suggests", "suggested", "suggesting"),
    ("decline", "declines", "declined", "declining"),
    ("support", "supports", "supported", "supporting"), ("oppose", "opposes", "opposed", "opposing"),
    ("attack", "attacks", "attacked", "attacking"), ("denounce", "denounces", "denounced", "denouncing"),
    ("cite", "cites", "cited", "citing"), ("prefer", "prefers", "preferred", "preferring"),
    ("highlight", "highlights", "highlighted", "highlighting"), ("discuss", "discusses", "discussed", "discussing"),
    ("mention", "mentions", "mentioned", "mentioning"), ("tout", "touts", "touted", "touting"),
    # predictions with a noun-phrase object: "doesn't expect a sale before spring"
    ("expect", "expects", "expected", "expecting"), ("forecast", "forecasts", "forecasted", "forecasting"),
    ("anticipate", "anticipates", "anticipated", "anticipating"),
    ("express", "expresses", "expressed", "expressing"), ("project", "projects", "projected", "projecting"),
    ("laud", "lauds", "lauded", "lauding"), ("hail", "hails", "hailed", "hailing"),
    ("decry", "decries", "decried", "decrying"), ("bemoan", "bemoans", "bemoaned", "bemoaning"),
    ("chide", "chides", "chided", "chiding"), ("scold", "scolds", "scolded", "scolding"),
    ("mock", "mocks", "mocked", "mocking"), ("deride", "derides", "derided", "deriding"),
    ("ridicule", "ridicules", "ridiculed", "ridiculing"), ("echo", "echoes", "echoed", "echoing"),
]
OBJECT_VERBS: dict[str, str] = {}
for _entry in _OBJECT:
    for _f in _entry:
        OBJECT_VERBS.setdefault(_f, _entry[0])
OBJECT_PHRASES = [
    ("called for", "call for"), ("calls for", "call for"), ("calling for", "call for"),
    ("called on", "call on"), ("calls on", "call on"), ("calling on", "call on"),
    ("talked about", "talk about"), ("talks about", "talk about"), ("talking about", "talk about"),
    ("spoke about", "speak about"), ("speaks about", "speak about"), ("spoke of", "speak about"),
    ("laid out", "lay out"), ("lays out", "lay out"), ("laying out", "lay out"),
    ("spelled out", "spell out"), ("spells out", "spell out"), ("spelling out", "spell out"),
    ("focused on", "focus on"), ("focuses on", "focus on"), ("pushed for", "push for"),
    ("pushes for", "push for"), ("argued for", "argue for"), ("argues for", "argue for"),
    ("would like", "would like"), ("warned against", "warn against"), ("warned of", "warn of"),
    ("referred to", "refer to"), ("referring to", "refer to"), ("pointed to", "point to"),
    ("points to", "point to"), ("pointing to", "point to"), ("refers to", "refer to"), ("insisted on", "insist on"), ("asked for", "ask for"),
    # attitudes a copula reports ("was openly critical of the levy")
    ("critical of", "be critical of"), ("supportive of", "be supportive of"),
    ("skeptical of", "be skeptical of"), ("sceptical of", "be skeptical of"), ("dismissive of", "be dismissive of"), ("wary of", "be wary of"),
]
# Verbs of speaking with a preposition: the object is what was talked about or asked for.
for _verb, _forms in [
    ("complain about", ("complained", "complains", "complaining")), ("warn about", ("warned", "warns", "warning")),
    ("boast about", ("boasted", "boasts", "boasting")), ("brag about", ("bragged", "brags", "bragging")),
    ("joke about", ("joked", "jokes", "joking")), ("comment on", ("commented", "comments", "commenting")),
    ("rail against", ("railed", "rails", "railing")), ("speak out against", ("spoke out", "speaks out", "speaking out")),
    ("lash out at", ("lashed out", "lashes out", "lashing out")), ("weigh in on", ("weighed in", "weighs in", "weighing in")),
    ("advocate for", ("advocated", "advocates", "advocating")), ("press for", ("pressed", "presses", "pressing")),
    ("lobby for", ("lobbied", "lobbies", "lobbying")), ("apologize for", ("apologized", "apologizes", "apologizing")),
    ("talk about", ("talk",)), ("speak about", ("speaking", "spoke at length")), ("speak of", ("spoke", "speaks", "speaking")),
    ("talk of", ("talked", "talks", "talking")), ("speak out about", ("spoke out", "speaks out", "speaking out")),
    ("express support for", ("expressed support", "expresses support", "expressing support")),
    ("voice support for", ("voiced support", "voices support", "voicing support")),
    ("push for", ("pushing",)), ("call for", ("call",)), ("focus on", ("focusing",)),
    ("agree with", ("agreed", "agrees", "agreeing")), ("disagree with", ("disagreed", "disagrees", "disagreeing")),
    ("side with", ("sided", "sides", "siding")),
]:
    _prep = _verb.split()[-1]
    for _f in _forms:
        OBJECT_PHRASES.append((f"{_f} {_prep}", _verb))
# How someone presents themselves: "cast himself as a reformer", "has framed herself as ...".
for _verb, _forms in [
    ("cast", ("cast", "casts", "casting")), ("frame", ("frame", "frames", "framed", "framing")),
    ("paint", ("paint", "paints", "painted", "painting")), ("present", ("present", "presents", "presented", "presenting")),
    ("position", ("positions", "positioned", "positioning")), ("pitch", ("pitches", "pitched", "pitching")),
    ("style", ("styles", "styled", "styling")), ("tout", ("touts", "touted", "touting")),
]:
    for _f in _forms:
        for _self in ("himself", "herself", "themselves", "itself"):
            OBJECT_PHRASES.append((f"{_f} {_self} as", f"{_verb} oneself as"))


VERB_FORMS: dict[str, str] = {}
for _entry in _SPEECH:
    for _f in _entry:
        VERB_FORMS.setdefault(_f, _entry[0])
# "scientists agree that ...": a plural present "agree" states a consensus, not a speech event;
# "state"/"states" are nearly always the noun.
for _noun_like in ("agree", "state", "states"):
    del VERB_FORMS[_noun_like]

# Forms that are also common nouns ("his claims", "the state"): a cue only right after a
# pronoun, a name or a group noun.
AMBIGUOUS_FORMS = {
    "state", "states", "report", "reports", "question", "questions", "post", "posts", "charge",
    "charges", "note", "notes", "fear", "fears", "hope", "hopes", "worry", "worries", "promise",
    "promises", "pledge", "pledges", "vow", "vows", "claim", "claims", "counter", "show", "shows",
    "find", "finds", "remark", "remarks", "demand", "demands", "reply", "replies", "joke",
    "jokes", "tweet", "tweets", "read", "reads", "warning", "finding", "reading", "posting",
    "writing", "questioning", "reporting", "feeling", "thinking", "concern", "stress", "stresses",
    "answer", "answers", "insists", "feel", "feels", "know", "knows", "think", "say", "hint", "hints",
    "call", "calls", "comment", "comments",
    "believe", "expect", "tell", "add", "write", "ask",
}
PASSIVE_AUX = {"was", "were", "is", "are", "be", "been", "being", "get", "got", "gets"}

# Multi-word cues: (phrase, lemma). The phrase is matched as written (case-insensitive).
CUE_PHRASES = [
    ("went on to say", "say"), ("goes on to say", "say"), ("pointed out", "point out"),
    ("points out", "point out"), ("pointing out", "point out"), ("point out", "point out"),
    ("expressed concern", "express concern"), ("expresses concern", "express concern"),
    ("expressing concern", "express concern"), ("expressed doubt", "express doubt"),
    ("expresses doubt", "express doubt"), ("expressing doubt", "express doubt"),
    ("expressed confidence", "express confidence"), ("expresses confidence", "express confidence"),
    ("expressing confidence", "express confidence"), ("made clear", "make clear"),
    ("makes clear", "make clear"), ("making clear", "make clear"),
    ("left no doubt", "make clear"), ("leaves no doubt", "make clear"), ("leaving no doubt", "make clear"),
    ("put it", "put"), ("puts it", "put"), ("shot back", "shoot back"), ("fired back", "fire back"),
    ("blurted out", "blurt"), ("blurts out", "blurt"), ("cried out", "exclaim"), ("cries out", "exclaim"),
    ("called for", "call for"), ("calls for", "call for"), ("calling for", "call for"),
    ("called on", "call on"), ("calls on", "call on"), ("calling on", "call on"),
    ("spelled out", "spell out"), ("laid out", "lay out"), ("summed up", "sum up"),
    ("wrote back", "write"), ("chimed in", "chime in"), ("chimes in", "chime in"),
    ("said in a statement", "say"), ("says in a statement", "say"), ("said in an interview", "say"),
    ("went on", "continue"), ("goes on", "continue"), ("followed up", "follow up"),
    ("as reported by", "report"), ("as first reported by", "report"),
    ("issued a statement", "say"), ("issues a statement", "say"), ("released a statement", "say"),
    ("releases a statement", "say"),
] + [
    # "His view is that ...": a held view stated as the speaker's (the possessor speaks)
    (f"{noun} {verb}", "say")
    for noun in ("view", "argument", "position", "contention", "conclusion", "belief", "prediction", "verdict")
    for verb in ("is", "was")
]
VIEW_NOUNS = {"view", "argument", "position", "contention", "conclusion", "belief", "prediction", "verdict"}


# Verbs that describe someone or something with a quoted label ("called it “...”").
NAMING_VERBS = {"call", "calls", "called", "calling", "describe", "describes", "described",
                "describing", "characterize", "characterizes", "characterized", "characterizing",
                "characterise", "characterises", "characterised", "characterising", "dub",
                "dubs", "dubbed", "dubbing", "label", "labels", "labeled", "labelled", "labeling",
                "brand", "brands", "branded", "branding", "termed",
                "portray", "portrays", "portrayed", "portraying", "pronounce", "pronounces", "pronounced",
                "deem", "deems", "deemed"}

# Words allowed between the subject and its reporting verb ("X has also said").
AUX = {"has", "have", "had", "was", "is", "were", "are", "would", "will", "could", "might",
       "may", "did", "does", "do", "also", "later", "then", "previously", "repeatedly", "recently",
       "once", "again", "further", "already", "often", "earlier", "still", "even", "flatly",
       "simply", "not", "never", "always", "just", "too", "been", "being", "reportedly",
       "who", "which", "however", "now", "since", "first", "publicly", "privately", "quickly",
       "initially", "originally", "subsequently", "eventually", "finally", "both", "all", "here", "there", "long",
       # verbs that take the cue's -ing form ("kept asking", "began arguing")
       "kept", "keeps", "began", "begins", "started", "starts", "continued", "continues"}
# contracted negations ("doesn't think", "didn’t expect"), with either apostrophe
AUX |= {f"{w}n{ap}t" for w in ("does", "do", "did", "would", "could", "should", "has", "have", "had", "is", "was")
        for ap in ("'", "’")} | {f"{w}{ap}t" for w in ("won", "can") for ap in ("'", "’")}

# possessive determiners and the pronoun of their owner ("his view" -> he)
POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "their": "they"}

PRONOUNS = {"he": "he", "she": "she", "they": "they", "i": "i", "we": "we"}

# Nouns for unnamed groups of speakers; kept as groups, never given to a person.
GROUP_NOUNS = {
    "experts", "analysts", "officials", "observers", "critics", "economists", "diplomats",
    "sources", "people", "residents", "voters", "lawmakers", "legislators", "leaders",
    "scientists", "researchers", "investigators", "prosecutors", "aides", "advisers",
    "advisors", "strategists", "insiders", "commentators", "historians", "scholars",
    "academics", "activists", "supporters", "opponents", "protesters", "democrats",
    "republicans", "conservatives", "liberals", "members", "delegates", "donors", "staffers",
    "witnesses", "doctors", "lawyers", "attorneys", "pollsters",
    "participants", "respondents", "americans", "citizens", "workers", "students", "parents",
    "executives", "authorities", "governments", "countries", "nations", "allies", "others",
    "polls", "surveys", "studies", "reports", "documents", "records",
    "data", "figures", "numbers", "statistics", "estimates", "forecasts", "generals",
    "commanders", "organizers", "organisers", "spokespeople", "representatives", "senators",
    "governors", "candidates", "campaigns", "agencies", "groups", "unions", "companies",
    "firms", "banks", "percent", "regulators", "forecasters", "demographers", "majority", "minority", "half", "third", "quarter", "backers", "rivals", "skeptics",
    "proponents", "advocates", "progressives", "moderates", "independents",
    "demonstrators", "marchers", "picketers", "strikers", "hecklers", "attendees", "spectators",
    "onlookers", "fans",
    "evangelicals", "catholics", "muslims", "christians", "jews", "women", "men", "youth", "investors", "traders", "markets", "police", "officers", "judges",
    "veterans", "employees", "immigrants", "retirees", "farmers", "teachers", "nurses",
    "viewers", "readers", "users", "callers", "consumers", "customers", "shoppers", "taxpayers",
    "homeowners", "owners", "businesses", "families", "caucusgoers", "primary-goers", "congressmen", "justices", "insurers", "hospitals", "states", "cities",
    "politicians", "officeholders", "legislatures", "parties", "mayors", "ministers", "economies",
    "many", "most", "some", "both", "several", "few",
}

# What a person says or finds: after a person's possessive ("Ann Kim's statement said ...",
# "her remarks suggested ...", "her research shows ..."), the person is the speaker.
# Documents ("Ann Kim's memo", "the bank's report") stay the speaker as written: a document's
# voice may be more than one person's.
AUTHORED_NOUNS = {
    "comment", "comments", "remark", "remarks", "statement", "statements", "tweet", "tweets",
    "speech", "testimony", "message", "words", "answer", "reply", "response", "work", "research",
    "findings", "analysis", "study", "calculations", "estimate", "estimates",
}

# Singular nouns that head a described speaker or an organisation ("a spokesman", "the report").
SPEAKER_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "official", "aide", "adviser", "advisor",
    "analyst", "expert", "source", "statement", "report", "study", "survey", "poll", "campaign",
    "committee", "department", "ministry", "agency", "government", "administration", "office",
    "court", "judge", "lawyer", "attorney", "prosecutor", "director", "chairman", "chairwoman",
    "chair", "president", "leader", "senator", "governor", "minister", "secretary", "candidate",
    "nominee", "website", "memo", "letter", "document", "filing", "lawsuit", "complaint",
    "affidavit", "release", "article", "editorial", "newspaper", "network", "company", "firm",
    "group", "organization", "organisation", "party", "council", "board", "commission", "panel",
    "team", "staff", "analysis", "review", "investigation", "index", "paper", "blog", "post",
    "tweet", "account", "ad", "advertisement", "video", "book", "speech", "interview", "announcement",
    "economist", "professor", "researcher", "scientist", "historian", "strategist", "pollster",
    "consultant", "operative", "activist", "critic", "supporter", "member", "friend", "officer",
    "mother", "father", "wife", "husband", "son", "daughter", "man", "woman", "person", "voter", "resident",
    "worker", "owner", "manager", "executive", "founder", "host", "anchor", "reporter", "writer",
    "author", "columnist", "editor", "data", "figures", "census", "bureau", "institute", "center",
    "centre", "foundation", "union", "association", "embassy", "white", "house",
    "kremlin", "pentagon", "police", "army", "military", "employee", "staffer", "delegate", "student",
    "teacher", "veteran", "volunteer", "organizer", "lawmaker", "legislator", "observer", "insider",
    "donor", "neighbor", "neighbour", "customer", "parent", "doctor", "nurse", "farmer", "protester",
    "attendee", "caller", "viewer", "reader",
}

# Nouns for documents, counts and studies that "show", "find" or "report" something; with one
# of these as subject, forms that are usually nouns ("shows", "finds", "reports") are cues.
# Role nouns that name a person ("the mayor of ...", "a professor at ..."): with one of these
# before "of"/"at", the place or institution after it is the person's affiliation.
PERSON_ROLES = {
    "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "strategist", "lawyer",
    "attorney", "manager", "chairman", "chairwoman", "chair", "director", "senator", "secretary",
    "official", "analyst", "professor", "economist", "columnist", "commentator", "pollster",
    "consultant", "aide", "chief", "leader", "president", "governor", "minister", "ambassador",
    "founder", "executive", "officer", "head", "member", "mayor", "judge", "prosecutor",
    "researcher", "fellow", "expert", "historian", "scientist", "editor", "lecturer", "dean",
    "commissioner", "sheriff", "person", "resident", "owner", "partner", "teacher", "student",
    "ally", "friend", "confidant", "confidante",
}
# Occupations and relations that say a name is a person's when an appositive or a copula
# gives one ("Ann Kim, an engineer at ...", "Ann Kim is a planner for ..."): the role nouns,
# and those that never head an affiliation.
PERSON_NOUNS = PERSON_ROLES | {
    "engineer", "planner", "architect", "designer", "doctor", "nurse", "surgeon", "dentist",
    "farmer", "rancher", "writer", "author", "reporter", "journalist", "lawmaker", "legislator",
    "candidate", "nominee", "volunteer", "organizer", "organiser", "pastor", "rabbi", "priest",
    "imam", "coach", "banker", "trader", "investor", "entrepreneur", "accountant", "auditor",
    "inspector", "programmer", "veteran", "retiree", "mother", "father", "parent", "neighbor",
    "neighbour", "worker", "employee", "staffer", "colleague", "instructor", "tutor",
    "counselor", "counsellor", "surveyor", "actuary", "broker", "mechanic", "pilot", "builder",
    "contractor", "developer", "physician", "scholar", "graduate", "tenant", "driver", "shopper",
    "commuter", "patient", "fisherman", "miner", "rider", "woman", "man", "voter", "supporter", "activist",
}


# Words before a group's noun that its name drops ("the", "some", "hundreds of", "about 200"):
# "Some local growers" -> "local growers", "Hundreds of nurses" -> "nurses".
DETERMINERS = frozenset(
    ["the", "a", "an", "some", "many", "most", "several", "other", "these", "those", "both", "all", "few", "his", "her", "their", "its", "our", "top", "senior"]
)
NUMBER_WORDS = frozenset(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "dozen", "dozens", "hundreds", "thousands", "millions", "scores", "handful", "couple"]
)
#: words that count a group before its noun: "about 200 protesters", "at least 50 workers"
COUNT_WORDS = NUMBER_WORDS | {"about", "around", "roughly", "nearly", "almost", "over", "least"}
#: group nouns that are a share of people, not people counted ("a third", "the majority")
SHARE_WORDS = frozenset({"majority", "minority", "half", "third", "quarter", "percent"})


def plural(noun: str) -> str:
    """The plural of an English noun of this lexicon: spokesman -> spokesmen, ally -> allies,
    coach -> coaches, engineer -> engineers."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


# A plural occupation is a group, like those listed ("Planners interviewed by the Ledger
# said", "Engineers at the plant say"); words that also head other things stay out.
GROUP_NOUNS |= {plural(n) for n in PERSON_NOUNS - {"chief", "head", "chair", "person", "fellow", "friend"}}
SOURCE_NOUNS = {
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "analysis",
    "analyses", "data", "figures", "numbers", "statistics", "document", "documents", "records",
    "memo", "memos", "filing", "filings", "review", "investigation", "audit", "census", "count",
    "tally", "research", "results", "estimate", "estimates", "projections", "forecast",
    "forecasts", "model", "models", "emails", "e-mails", "letter", "letters", "video", "footage",
    "transcript", "transcripts", "assessment", "evaluation", "paper",
    "index", "chart", "map", "graphic", "tracker", "average", "averages", "evidence", "rankings",
    "newspaper", "newspapers", "magazine", "editorial", "article", "column", "book", "website", "ad",
    "ads", "statement", "complaint", "lawsuit", "indictment", "ruling", "opinion", "polling",
}

# Lower-case words of a description written before a name ("campaign spokeswoman X",
# "election lawyer Y"): they may sit between a cue and the name of an inverted speaker.
ROLE_WORDS = {
    "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "strategist", "lawyer",
    "attorney", "manager", "campaign", "chairman", "chairwoman", "chair", "director", "senator",
    "secretary", "candidate", "nominee", "official", "analyst", "professor", "economist", "host",
    "co-host", "anchor", "columnist", "commentator", "pollster", "operative", "consultant", "aide",
    "chief", "deputy", "senior", "former", "presidential", "political", "frontrunner",
    "front-runner", "hopeful", "leader", "president", "vice", "governor", "congressman",
    "congresswoman", "representative", "lawmaker", "minister", "ambassador", "general",
    "activist", "author", "writer", "reporter", "editor", "founder", "co-founder", "executive",
    "officer", "head", "member", "mayor", "judge", "justice", "prosecutor", "investigator",
    "researcher", "fellow", "expert", "historian", "scientist", "voter", "supporter", "delegate",
    "press", "staff", "staffer", "communications", "national", "security", "policy", "foreign",
    "economic", "top", "longtime", "veteran", "retired", "election", "state", "party", "assistant",
    "associate", "contributor", "correspondent", "organizer", "organiser",
    "pastor", "rabbi", "bishop", "doctor", "student", "owner", "ceo", "cfo", "coo", "chairperson",
    "commissioner", "superintendent", "sheriff", "detective", "colonel", "lieutenant", "captain",
    "sergeant", "admiral", "diplomat", "envoy", "negotiator", "pundit", "blogger", "producer", "comedian", "actor", "actress", "singer", "coach", "player", "mogul", "magnate",
    "billionaire", "businessman", "businesswoman", "developer", "entrepreneur", "investor",
    "banker", "trader", "worker", "resident", "mother", "father", "wife", "husband", "son",
    "daughter", "brother", "sister", "friend", "neighbor", "neighbour", "colleague", "partner",
    "counsel", "surgeon", "nurse", "teacher", "principal", "dean", "provost",
    "chancellor", "trustee", "treasurer", "clerk", "registrar", "speaker", "whip", "majority",
    "minority", "republican", "democratic", "conservative", "liberal", "progressive", "gop",
    "white", "house", "federal", "u.s.", "us", "international", "regional", "local", "county",
    "city", "district", "legal", "media", "digital", "data", "research", "acting",
    "interim", "incoming", "outgoing", "then", "then-", "his", "her", "their", "its", "our",
    "ranking", "junior", "lead", "visiting", "adjunct", "emeritus", "ally",
}

# Titles written before a name; dropped from canonical names.
TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "senator", "sen", "rep", "representative", "gov", "governor", "minister",
    "prime", "general", "gen", "lt", "col", "colonel", "maj", "major", "capt", "captain", "adm",
    "admiral", "sgt", "chancellor", "mayor", "judge", "justice", "rev", "reverend", "father",
    "pope", "king", "queen", "prince", "princess", "secretary", "ambassador", "chairman",
    "chairwoman", "chief", "commissioner", "speaker", "leader", "former", "deputy", "assistant",
    "attorney", "state", "sheriff", "detective", "officer", "coach", "bishop", "rabbi", "imam",
    "sen.", "rep.", "gov.", "dr.", "mr.", "mrs.", "ms.", "prof.", "gen.", "candidate", "nominee",
    "frontrunner", "front-runner", "hopeful", "congressman", "congresswoman", "councilman",
    "councilwoman", "premier", "president-elect", "treasurer", "director", "head",
    "councillor", "councilor", "alderman", "alderwoman", "assemblyman", "assemblywoman",
    "assemblymember", "supervisor", "delegate",
}
GENDER_TITLES = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "sir": "he", "dame": "she",
                 "lord": "he", "lady": "she", "king": "he", "queen": "she", "prince": "he",
                 "princess": "she", "father": "he", "congressman": "he", "congresswoman": "she",
                 "chairman": "he", "chairwoman": "she", "councilman": "he", "councilwoman": "she"}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md"}

# Lower-case words that may sit inside a name ("Marta von der Heide").
NAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "del", "la", "le", "du", "bin",
                  "al", "ibn", "dos", "das", "y", "ter", "zu"}

# Capitalised words that begin sentences or name things, never a person's name.
NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "with", "but", "and", "or", "so",
    "yet", "however", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "our", "my", "your", "when", "while", "after", "before",
    "since", "as", "if", "although", "though", "because", "despite", "during", "until", "what",
    "who", "why", "how", "where", "which", "there", "here", "then", "now", "still", "also",
    "even", "both", "each", "every", "all", "some", "many", "most", "other", "another", "such",
    "one", "two", "three", "four", "five", "no", "not", "nor", "meanwhile", "instead", "indeed",
    "moreover", "nonetheless", "nevertheless", "regardless", "without", "within", "about",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "today", "yesterday", "tomorrow", "last", "next", "first", "asked",
    "according", "speaking", "writing", "earlier", "later", "separately", "overall",
    "ultimately", "finally", "ideally", "like", "unlike", "among", "under", "over",
    "into", "through", "against", "toward", "towards", "upon", "via", "per", "do", "does", "did",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "should", "must", "might", "let", "just", "only", "again", "yes", "oh",
    "well", "thus", "hence", "therefore", "once", "twice", "perhaps", "maybe", "sources",
}


# Abbreviations that end with a full stop but do not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt",
    "adm", "sgt", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev",
    "u.s", "u.k", "u.n", "e.g", "i.e", "d.c", "a.m", "p.m", "approx", "dept", "est", "fig",
    "assn", "bros", "pres", "supt", "univ", "ave", "blvd", "rd",
}

# Capitalised labels that open a line with a colon without naming a speaker ("Note: ...").
LABEL_WORDS = {"Note", "Update", "Updated", "Correction", "Clarification", "Q", "A", "Photo", "Photos",
               "Video", "Related", "Read", "Watch", "Source", "Sources", "Editor", "Editors", "Disclosure",
               "Warning", "Sign", "Follow", "Also", "Listen", "See", "More", "Contact", "Email", "Advertisement",
               "Caption", "Credit", "Image", "Graphic", "Map", "Chart", "Table", "Step", "Part", "Chapter",
               "Question", "Answer", "Topic", "Subject", "Location", "Date", "Time", "Tags", "Filed", "Posted",
               "Here", "Bottom", "Translation", "Background", "Context", "Example", "Reminder", "Spoiler",
               "Breaking", "Exclusive", "Opinion", "Analysis", "Editorial", "Live", "Transcript", "Full",
               "Contributing", "Wow", "Boom", "Ouch", "Yikes", "Bonus", "Plus", "Meanwhile"}

# Quoted words shorter than this, without the punctuation of speech, are terms or scare quotes.
MIN_SPEECH_WORDS = 3


# fmt: on


def alternation(words) -> str:
    """A regex alternation of the words that prefers the longest ("said in" wins over "said"),
    written as a trie ("sa(?:id(?: in)?|ys)"): Python's `re` tries a flat alternation word by
    word at every position, and these lists run to hundreds of words."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        parts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not parts:
            return ""
        if len(parts) == 1 and "" not in node:
            return parts[0]
        return "(?:" + "|".join(parts) + ")" + ("?" if "" in node else "")

    return build(trie)
