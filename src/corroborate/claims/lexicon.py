"""The vocabulary of the claims grammar: measures, victim groups, claimants.

Kept as plain data so a reader can audit (and extend) it without reading the matcher.
docs/claims.md lists the same vocabularies for users.
"""

from __future__ import annotations

from typing import Final

# --- victim groups ------------------------------------------------------------------------
# Normalised groups and their parent: facts are keyed by the top-level group, so "soldiers"
# and "police" figures are compared with "security forces" figures.
GROUP_PARENT: Final[dict[str, str]] = {
    "police": "security_forces",
    "soldiers": "security_forces",
    "children": "civilians",
}


def top_group(group: str) -> str:
    """The group facts are keyed by: sub-groups fold into their parent ("police")."""
    return GROUP_PARENT.get(group, group)

GROUPS: Final = (
    "militants",
    "security_forces",
    "police",
    "soldiers",
    "civilians",
    "children",
    "suspects",
    "victims",
    "people",
    "prisoners",
    "officials",
    "hostages",
    "journalists",
)

# Head nouns (plural and singular) -> group.
GROUP_NOUNS: Final[dict[str, str]] = {}
for _group, _words in {
    "militants": """taliban militant militants insurgent insurgents attacker attackers assailant
        assailants gunman gunmen rebel rebels fighter fighters terrorist terrorists bomber
        bombers separatist separatists jihadist jihadists extremist extremists raider raiders
        combatant combatants bandit bandits kidnapper kidnappers abductor abductors militiaman
        militiamen""",
    "security_forces": """personnel troops security paramilitary paramilitaries commando
        commandos guard guards forces serviceman servicemen troopers trooper army
        ranger rangers deputy deputies peacekeeper peacekeepers""",
    "soldiers": "soldier soldiers marine marines sailor sailors airman airmen",
    "police": """police policeman policemen policewoman policewomen cop cops constable
        constables""",
    "civilians": """civilian civilians resident residents villager villagers passenger
        passengers worker workers pilgrim pilgrims worshipper worshippers worshipers student
        students woman women man men bystander bystanders protester protesters demonstrators
        demonstrator patient patients tourist tourists migrant migrants refugee refugees
        shopper shoppers teacher teachers doctor doctors nurse nurses farmer farmers
        elderly family families spectators spectator motorist motorists pedestrian
        pedestrians customer customers clerk clerks owner owners neighbor neighbors neighbour
        neighbours friend friends relative relatives father mother son daughter brother
        sister husband wife girlfriend boyfriend cousin grandmother grandfather uncle aunt
        bystander cabbie patron patrons guest guests trader traders vendor vendors shopkeeper
        shopkeepers herder herders herdsman herdsmen vigilante vigilantes worshiper priest
        priests imam imams cleric clerics medic medics paramedic paramedics volunteer
        volunteers couple couples grandson grandsons granddaughter granddaughters stepson
        stepdaughter stepfather stepmother""",
    "children": """child children kid kids boy boys girl girls teenager teenagers teen teens
        infant infants baby babies toddler toddlers schoolchildren minor minors pupil pupils
        schoolgirl schoolgirls schoolboy schoolboys grader
        graders freshman freshmen sophomore sophomores first-grader second-grader
        third-grader fourth-grader fifth-grader sixth-grader seventh-grader eighth-grader
        ninth-grader tenth-grader first-graders second-graders third-graders fourth-graders
        fifth-graders sixth-graders seventh-graders eighth-graders ninth-graders juvenile
        juveniles""",
    "people": """people persons person individual individuals others casualties adult
        adults male males female females youth youths""",
    "suspects": """suspect suspects shooter shooters perpetrator perpetrators culprit culprits
        robber robbers intruder intruders""",
    "victims": "victim victims",
    "prisoners": "prisoner prisoners inmate inmates detainee detainees convict convicts",
    "officials": "official officials officer officers employee employees staff",
    "hostages": "hostage hostages captive captives abductee abductees",
    "journalists": "journalist journalists reporter reporters",
}.items():
    for _w in _words.split():
        GROUP_NOUNS[_w] = _group

# Two-word phrases that override their head noun.
GROUP_PHRASES: Final[dict[tuple[str, str], str]] = {
    ("police", "officers"): "police",
    ("police", "officer"): "police",
    ("police", "personnel"): "police",
    ("police", "officials"): "police",
    ("security", "officials"): "security_forces",
    ("security", "officers"): "security_forces",
    ("army", "officers"): "soldiers",
    ("army", "personnel"): "soldiers",
    ("military", "personnel"): "soldiers",
    ("suicide", "attackers"): "militants",
    ("suicide", "bombers"): "militants",
    ("security", "forces"): "security_forces",
    ("government", "forces"): "security_forces",
    ("family", "members"): "civilians",
    ("aid", "workers"): "civilians",
    ("migrant", "workers"): "civilians",
    ("government", "officials"): "officials",
    ("civilian", "official"): "officials",
}

# Modifiers that steer a generic head ("enemy soldiers", "civilian casualties").
GROUP_MODIFIERS: Final[dict[str, str]] = {
    "militant": "militants",
    "rebel": "militants",
    "insurgent": "militants",
    "taliban": "militants",
    "enemy": "militants",
    "civilian": "civilians",
    "police": "police",
    "army": "soldiers",
    "military": "soldiers",
    "security": "security_forces",
    "paramilitary": "security_forces",
}

# Settlements and sites: counts of places attacked.
PLACE_NOUNS: Final[dict[str, str]] = {}
for _group, _words in {
    "cities_and_towns": """city cities town towns village villages district districts
        province provinces region regions settlement settlements""",
    "locations": "location locations site sites place places area areas",
    "facilities": """post posts checkpoint checkpoints base bases station stations camp camps
        outpost outposts installation installations headquarters""",
}.items():
    for _w in _words.split():
        PLACE_NOUNS[_w] = _group

# Heads that make a number not a count of people or places (years, money, things, time).
OTHER_NOUNS: Final = frozenset(
    """hour hours day days week weeks month months year years minute minutes second seconds
    decade decades century centuries percent per cent kilometres kilometers km miles mile
    metres meters feet foot dollars dollar rupees rupee euros pounds usd vehicle vehicles
    car cars truck trucks bus buses house houses home homes shop shops building buildings
    property properties hideout hideouts compound compounds weapon weapons rifle rifles gun
    guns round rounds bullet bullets shot shots grenade grenades bomb bombs rocket rockets
    missile missiles drone drones tonnes tons kg kilograms pounds acres hectares times phase
    phases point points case cases incident incidents attack attacks raid raids operation
    operations statement statements video videos page pages million billion floor floors
    storey storeys tanks tank unit units bank banks office offices school schools hospital
    hospitals mosque mosques church churches shell shells naira motorcycle motorcycles cattle
    cows goats sheep livestock""".split()
)

# Person nouns that tell a sex ("his wife", "the boy"): read to tell two people apart.
FEMALE: Final = frozenset(
    """woman girl mother wife daughter sister grandmother female girlfriend aunt niece mom
    grandma policewoman waitress latina lady stepmother granddaughter""".split()
)
MALE: Final = frozenset(
    """man boy father husband son brother grandfather male boyfriend uncle nephew dad grandpa
    policeman waiter latino gentleman stepfather grandson""".split()
)

# --- measures ----------------------------------------------------------------------------
# Words that, after a count ("15 soldiers were killed", "3 dead"), give its measure.
PASSIVE_TRIGGERS: Final[dict[str, str]] = {}
for _measure, _words in {
    "killed": """killed dead died dies deceased perished slain neutralised neutralized murdered
        executed
        beheaded massacred drowned""",
    "injured": """injured wounded hurt hospitalised hospitalized maimed shot grazed""",
    "kidnapped": "kidnapped abducted seized",
    "captured": "captured recaptured",
    "arrested": "arrested detained apprehended rearrested",
    "freed": "freed released rescued",
    "missing": "missing unaccounted",
    "displaced": "displaced evacuated",
    "places_attacked": "attacked targeted struck raided stormed hit torched shelled bombed",
}.items():
    for _w in _words.split():
        PASSIVE_TRIGGERS[_w] = _measure

# Multi-word predicates after a count.
_PHRASES: Final = {
    "killed": """lost their lives|lost his life|lost her life|met their end|were shot dead|shot dead
        |shot and killed|shot to death|fatally shot|fatally wounded|pronounced dead|found dead
        |declared dead|shot , killed|fatally struck|fatally injured|killed in|gunned down
        |beaten to death|stabbed to death|burned to death|took his own life|took her own life
        |killed himself|killed herself|kills himself|kills herself|killed self|kills self
        |died of|succumbed to|passed away|passes away""",
    "injured": """sustained injuries|suffered injuries|sustained wounds|struck by
        |shot and wounded|shot and injured|in critical condition|in serious condition
        |in stable condition|in fair condition|non-life-threatening injuries|were hospitalized
        |was hospitalized|treated for|suffered a gunshot wound|suffered gunshot wounds
        |suffering from a gunshot wound|suffering from gunshot wounds|suffering a gunshot wound
        |recovering from a gunshot wound|recovering from gunshot wounds|recovering from injuries
        |recovering from his injuries|recovering from her injuries|recovering from his wounds
        |recovering from her wounds|recovering from wounds|recovering from minor injuries
        |recovering from being shot
        |grazed by|shot himself|shot herself|shoots himself|shoots herself|shot self|shoots self
        |hit by gunfire
        |hit by a bullet|hit by bullets|hit by a stray bullet|hit by stray bullets
        |hit by stray bullet|struck by a stray bullet|struck by stray bullet
        |receiving treatment|undergoing treatment|receiving medical treatment
        |receiving medical attention|underwent surgery|undergoing surgery|underwent emergency
        surgery|undergoing emergency surgery|in surgery|out of surgery|had surgery
        |had emergency surgery""",
    "kidnapped": "taken hostage|held hostage",
    "freed": """regained their freedom|regained freedom|regained his freedom|regained her freedom
        |set free|escaped from captivity|escaped captivity""",
    "captured": "taken captive|taken prisoner",
    "missing": "went missing",
    "displaced": """fled their homes|fled their villages|fled the fighting|fled the violence
        |forced from their homes|driven from their homes|forced to flee""",
}
# Multi-word predicates after a count, longest first ("was shot and killed" before "was shot").
PASSIVE_PHRASES: Final[list[tuple[tuple[str, ...], str]]] = sorted(
    (
        (tuple(phrase.split()), measure)
        for measure, text in _PHRASES.items()
        for phrase in text.split("|")
        if phrase.strip()
    ),
    key=lambda p: -len(p[0]),
)

# Words after "the number" / "the total" that make it a count of other than the dead or
# the hurt: "the number in custody rose to eight", "the total of those abducted".
TOLL_NOUNS: Final = {
    "custody": "arrested",
    "arrested": "arrested",
    "arrests": "arrested",
    "detained": "arrested",
    "detainees": "arrested",
    "abducted": "kidnapped",
    "kidnapped": "kidnapped",
    "hostages": "kidnapped",
    "missing": "missing",
    "displaced": "displaced",
}

# Nouns before "of" that give a measure: "the deaths of 3", "the murder of a man".
OF_NOUNS: Final[dict[str, str]] = {}
for _measure, _words in {
    "killed": """death deaths killing killings murder murders slaying slayings execution massacre
        body bodies""",
    "injured": "wounding injuring",
    "kidnapped": "abduction abductions kidnapping kidnappings",
    "arrested": "arrest arrests detention",
    "freed": "release rescue",
    "captured": "capture",
}.items():
    for _w in _words.split():
        OF_NOUNS[_w] = _measure

# Words that, before a count ("killed 15 soldiers", "the deaths of 3"), give its measure.
ACTIVE_TRIGGERS: Final[dict[str, str]] = {}
for _measure, _words in {
    "killed": """killed killing kill kills slew slaying murdered murdering executed executing
        murder neutralised neutralized neutralising neutralizing
        deaths death killings massacred""",
    "injured": """injured injuring injure injures wounded wounding wound wounds injuries shot
        shooting shoots hurt hurting hurts grazed grazing grazes""",
    "kidnapped": """kidnapped kidnapping kidnap abducted abducting abduct abduction seized
        seizing""",
    "captured": "captured capturing capture recaptured recapturing",
    "arrested": """arrested arresting arrest arrests detained detaining detain apprehended
        apprehending rearrested""",
    "freed": "freed freeing free released releasing release rescued rescuing rescue",
    "displaced": "displaced displacing",
    "places_attacked": """attacked attacking attack attacks targeted targeting target stormed
        storming raided raiding struck striking hit hitting assaults assault torched torching
        shelled shelling bombed bombing firebombed""",
}.items():
    for _w in _words.split():
        ACTIVE_TRIGGERS[_w] = _measure

# Triggers that count only people: "seized 150 villagers", but "seized 200 cattle" is no
# abduction (and an unknown noun after them is not taken for people).
PEOPLE_ONLY_TRIGGERS: Final = frozenset(["seized", "seizing"])

# Groups on the perpetrators' side: their dead and wounded are counted apart from victims.
PERPETRATOR_GROUPS: Final = frozenset(["suspects", "militants"])

# A death told without a count ("police investigate a fatal shooting"): at least one killed.
IMPLIED_DEATHS: Final = frozenset(
    [
        ("fatal", "shooting"),
        ("deadly", "shooting"),
        ("fatal", "stabbing"),
        ("deadly", "stabbing"),
        ("shooting", "death"),
        ("gunshot", "death"),
        ("a", "homicide"),
        ("in", "homicide"),
        ("homicide", "victim"),
        ("murder", "victim"),
        ("fatal", "victim"),
        # A charge or a case of murder is a death ("charged with murder", "charged in the
        # killing of", "the murder case"); "attempted murder" is none.
        ("with", "murder"),
        ("in", "murder"),
        ("in", "killing"),
        ("in", "slaying"),
        ("murder", "charge"),
        ("murder", "charges"),
        ("murder", "case"),
        ("murder", "trial"),
        # ... and so is one of manslaughter, a killing without intent ("charged with
        # manslaughter", "faces a manslaughter charge")
        ("with", "manslaughter"),
        ("manslaughter", "charge"),
        ("manslaughter", "charges"),
        ("manslaughter", "case"),
        ("manslaughter", "trial"),
    ]
)

# Measures that count people; "places_attacked" counts places.
PEOPLE_MEASURES: Final = frozenset(
    ["killed", "injured", "kidnapped", "captured", "arrested", "freed", "missing", "displaced"]
)

# Tokens that may stand between a count and its predicate ("15 soldiers were also killed").
AUX: Final = frozenset(
    """were was are is be been being have has had also reportedly allegedly all later
    subsequently initially either both confirmed believed feared thought said reported
    claimed to so far each critically seriously fatally badly slightly gravely mortally
    severely still now then later also apparently accidentally listed being found may might
    could would will remain remains remained currently discovered""".split()
)
HEDGE_WORDS: Final = {
    "reportedly": "reportedly",
    "allegedly": "allegedly",
    "believed": "believed",
    "feared": "feared",
    "thought": "believed",
    "unconfirmed": "unconfirmed",
}

# --- claimants -----------------------------------------------------------------------------
SPEECH_VERBS: Final = frozenset(
    """said says say told tell tells announced announces claimed claims stated states reported
    reports confirmed confirms added adds noted notes asserted asserts alleged alleges
    estimated estimates insisted insists declared declares revealed reveals disclosed
    maintained maintains acknowledged acknowledges admitted admits read reads tweeted posted
    wrote writes indicated indicates""".split()
)
GERUND_SPEECH: Final = frozenset(
    """saying claiming asserting adding alleging stating noting announcing reporting insisting
    declaring confirming estimating""".split()
)
# A denial is a stance on a figure only when it denies a statement ("denied targeting
# civilians", "rejected the accusations"), not a request ("denied bond").
DENIAL_VERBS: Final = frozenset("denied denies rejected rejects dismissed dismisses".split())
DENIED_OBJECTS: Final = frozenset(
    """accusation accusations allegation allegations claim claims report reports charge
    charges responsibility involvement targeting attacking killing that any""".split()
)
# Verbs of stance: a claimant only when no speech verb is found.
STANCE_VERBS: Final = (
    frozenset(
        """condemned condemns praised praises warned warns vowed vows described describes
        blamed blames accused accuses""".split()
    )
    | DENIAL_VERBS
)

_GENERIC_CLAIMANTS: Final = frozenset(["officials", "official", "authorities", "government"])

# Normalised claimant keys. Matched on the claimant's lowercased words (longest first).
CLAIMANT_ALIASES: Final[list[tuple[str, str]]] = sorted(
    [
        ("military media wing", "military"),
        ("inter-services public relations", "military"),
        ("ispr", "military"),
        ("armed forces", "military"),
        ("security forces", "military"),
        ("military", "military"),
        ("army", "military"),
        ("defence ministry", "military"),
        ("defense ministry", "military"),
        ("ministry of defence", "military"),
        ("pentagon", "military"),
        ("security officials", "security_officials"),
        ("security sources", "security_officials"),
        ("security official", "security_officials"),
        ("intelligence officials", "security_officials"),
        ("local officials", "local_officials"),
        ("local authorities", "local_officials"),
        ("district officials", "local_officials"),
        ("provincial officials", "provincial_officials"),
        ("police", "police"),
        ("sheriff", "police"),
        ("hospital", "medical"),
        ("hospital officials", "medical"),
        ("hospital staff", "medical"),
        ("hospital sources", "medical"),
        ("doctors", "medical"),
        ("medics", "medical"),
        ("health ministry", "medical"),
        ("health officials", "medical"),
        ("medical officials", "medical"),
        ("rescue officials", "rescuers"),
        ("rescuers", "rescuers"),
        ("witnesses", "witnesses"),
        ("witness", "witnesses"),
        ("residents", "witnesses"),
        ("officials", "officials"),
        ("authorities", "officials"),
        ("official", "officials"),
        ("government", "government"),
    ],
    # Institutions before the generic "officials" / "authorities" / "government".
    key=lambda a: (a[0] in _GENERIC_CLAIMANTS, -len(a[0])),
)

# Words that refer back to a claimant named earlier.
# Words that refer back to a party named before. A group's ("the group", "the rebels") is
# kept as written when no party was named before.
GROUP_ANAPHORS: Final = frozenset(
    [
        "the group", "the militants", "the rebels", "the organisation", "the organization",
        "the rights group", "the human rights group", "the watchdog", "the monitor",
        "the monitoring group", "the charity", "the aid group",
    ]
)  # fmt: skip
# Phrases, one per line: "the group" is an anaphor, "the" and "group" alone are not.
ANAPHORS: Final = GROUP_ANAPHORS | frozenset(
    line.strip()
    for line in """statement
    it
    they
    he
    she
    the statement
    its statement
    the post
    his post
    her post
    the report
    the group's statement
    the military's statement""".splitlines()
)

# News outlets relay claims rather than make them (unless they are the only source).
OUTLET_WORDS: Final = frozenset(
    """reuters afp ap press france-presse bbc cnn dawn tribune times post news herald guardian
    telegraph journal gazette express chronicle jazeera xinhua tass anadolu ani pti agency
    radio television tv channel wire""".split()
)

WEEKDAYS_LOWER: Final = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
