"""The claims grammar, one invented sentence per rule.

Each row: a sentence and the claims expected from it as
(measure, group, value, qualifier, claimant_key); an empty list means "no claim".
"""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

from corroborate.claims import claimant_key, extract_claims
from corroborate.claims import period as period_module
from corroborate.claims.counts import article_counts
from corroborate.claims.numbers import parse_quantity
from corroborate.claims.period import resolve
from corroborate.geo import find_places
from corroborate.model import Article, Period

CASES: list[tuple[str, list[tuple[str, str, int | None, str, str | None]]]] = [
    # measures, active and passive
    ("Gunmen killed 12 villagers overnight.", [("killed", "civilians", 12, "exact", None)]),
    ("Five soldiers were killed in the ambush.", [("killed", "soldiers", 5, "exact", None)]),
    ("Three people died in the blaze.", [("killed", "people", 3, "exact", None)]),
    ("At least 40 people were injured.", [("injured", "people", 40, "at_least", None)]),
    ("The blast wounded 17 shoppers.", [("injured", "civilians", 17, "exact", None)]),
    (
        "Nine students were kidnapped from the school.",
        [("kidnapped", "civilians", 9, "exact", None)],
    ),
    ("Rebels abducted 14 aid workers.", [("kidnapped", "civilians", 14, "exact", None)]),
    ("Troops captured 8 fighters near the border.", [("captured", "militants", 8, "exact", None)]),
    ("Police arrested 23 suspects after the riot.", [("arrested", "suspects", 23, "exact", None)]),
    ("The raid freed 30 hostages.", [("freed", "hostages", 30, "exact", None)]),
    ("Six officers were still missing on Monday.", [("missing", "officials", 6, "exact", None)]),
    (
        "The attackers struck 12 villages.",
        [("places_attacked", "cities_and_towns", 12, "exact", None)],
    ),
    ("Seven civilians lost their lives.", [("killed", "civilians", 7, "exact", None)]),
    ("Two guards sustained injuries.", [("injured", "security_forces", 2, "exact", None)]),
    ("The clashes left 33 people dead.", [("killed", "people", 33, "exact", None)]),
    ("The deaths of 4 miners were confirmed.", [("killed", "people", 4, "exact", None)]),
    ("The deaths of 4 civilians were confirmed.", [("killed", "civilians", 4, "exact", None)]),
    ("The attack claimed the lives of 19 pilgrims.", [("killed", "civilians", 19, "exact", None)]),
    ("Eleven people killed", [("killed", "people", 11, "exact", None)]),
    ("The dead were six civilians.", [("killed", "civilians", 6, "exact", None)]),
    (
        "Doctors said 17 injured people were treated.",
        [("injured", "people", 17, "exact", "medical")],
    ),
    ("The morgue received 12 bodies.", [("killed", "people", 12, "exact", None)]),
    # qualifiers and number forms
    ("More than 120 people have been killed.", [("killed", "people", 120, "more_than", None)]),
    ("Up to 50 militants were killed.", [("killed", "militants", 50, "up_to", None)]),
    (
        "About 200 villagers were displaced.",
        [("displaced", "civilians", 200, "approximately", None)],
    ),
    ("Nearly 90 people were injured.", [("injured", "people", 90, "approximately", None)]),
    ("Fewer than 10 people were hurt.", [("injured", "people", 10, "less_than", None)]),
    ("Between 10 and 12 people died.", [("killed", "people", 10, "range", None)]),
    ("Dozens of soldiers were killed.", [("killed", "soldiers", None, "vague", None)]),
    ("Hundreds of people were displaced.", [("displaced", "people", None, "vague", None)]),
    ("Two dozen policemen were wounded.", [("injured", "police", 24, "exact", None)]),
    ("A dozen militants were killed.", [("killed", "militants", 12, "exact", None)]),
    ("Twenty-five prisoners were freed.", [("freed", "prisoners", 25, "exact", None)]),
    ("1,200 people were displaced.", [("displaced", "people", 1200, "exact", None)]),
    ("One hundred and five people were killed.", [("killed", "people", 105, "exact", None)]),
    ("A man was killed.", [("killed", "civilians", 1, "exact", None)]),
    ("No one was hurt in the blast.", [("injured", "people", 0, "exact", None)]),
    ("10 to 12 people were killed.", [("killed", "people", 10, "range", None)]),
    # groups
    ("Nine police officers were killed.", [("killed", "police", 9, "exact", None)]),
    ("15 security personnel were killed.", [("killed", "security_forces", 15, "exact", None)]),
    ("8 army personnel were killed.", [("killed", "soldiers", 8, "exact", None)]),
    ("3 suicide attackers were killed.", [("killed", "militants", 3, "exact", None)]),
    (
        "Approximately 10 police and security personnel were killed.",
        [("killed", "security_forces", 10, "approximately", None)],
    ),
    ("Four women and children were killed.", [("killed", "civilians", 4, "exact", None)]),
    ("12 civilian casualties were reported.", []),
    # coordination and parts
    (
        "The army said 15 soldiers and 18 civilians were killed.",
        [
            ("killed", "soldiers", 15, "exact", "military"),
            ("killed", "civilians", 18, "exact", "military"),
        ],
    ),
    (
        "Officials said the attack killed 33 people, including 18 civilians and 15 policemen.",
        [
            ("killed", "civilians+security_forces", 33, "exact", "officials"),
            ("killed", "civilians", 18, "exact", "officials"),
            ("killed", "police", 15, "exact", "officials"),
        ],
    ),
    (
        "Gunmen killed 5 guards and 2 drivers.",
        [("killed", "security_forces", 5, "exact", None), ("killed", "people", 2, "exact", None)],
    ),
    (
        "The attack killed 9 police, while 30 people were injured.",
        [("killed", "police", 9, "exact", None), ("injured", "people", 30, "exact", None)],
    ),
    # claimants
    ("Police said two people were killed.", [("killed", "people", 2, "exact", "police")]),
    (
        "According to hospital officials, 14 people died.",
        [("killed", "people", 14, "exact", "medical")],
    ),
    (
        "Seven soldiers were killed, the army said.",
        [("killed", "soldiers", 7, "exact", "military")],
    ),
    (
        "The Northern Freedom Front (NFF) said it had killed 40 soldiers.",
        [("killed", "soldiers", 40, "exact", "nff")],
    ),
    (
        "The group claimed responsibility, saying 12 guards were killed.",
        [("killed", "security_forces", 12, "exact", "group")],
    ),
    (
        "Governor Ana Ruiz, speaking to reporters, said 6 people were killed.",
        [("killed", "people", 6, "exact", "ana_ruiz")],
    ),
    (
        "Three civilians were killed, Reuters reported.",
        [("killed", "civilians", 3, "exact", "reuters")],
    ),
    # numbers that are not counts
    ("The province covers 44% of the country.", []),
    ("The town has 240 million people.", []),
    ("The insurgency began in 1948.", []),
    ("Fighters held the town for ten hours.", []),
    ("A 12-year-old boy was among the wounded.", []),
    ("The market opens at 10 a.m. every day.", []),
    ("Militants set fire to 23 vehicles.", []),
    ("They destroyed more than 30 government properties.", []),
    ("Operation Storm 2 began on Monday.", []),
    ("The city received $5 million in aid.", []),
    ("Four security officials, speaking to Reuters, said the attacks were foiled.", []),
    ("Troops raided two militant hideouts.", []),
    # a quoted figure
    (
        'The army said it killed "more than 200 militia fighters".',
        [("killed", "militants", 200, "more_than", "military")],
    ),
    # a participle before a compound noun; the verb after the set is the part's measure
    ("Three abducted aid workers were found.", [("kidnapped", "civilians", 3, "exact", None)]),
    (
        "Two of the three kidnapped aid workers were freed on Saturday.",
        [("freed", "people", 2, "exact", None)],
    ),
    # "200 displaced people were abducted": the verb tells the measure, not the description
    ("Then 200 displaced people were abducted.", [("kidnapped", "people", 200, "exact", None)]),
    ("The floods left 200 displaced people.", [("displaced", "people", 200, "exact", None)]),
    # conflict reporting's words for the dead and their victims
    (
        'The army said it had "neutralised" 12 terrorists.',
        [("killed", "militants", 12, "exact", "military")],
    ),
    ("Bandits killed a vigilante.", [("killed", "civilians", 1, "exact", None)]),
    ("Gunmen abducted 30 pupils.", [("kidnapped", "children", 30, "exact", None)]),
    ("Five peacekeepers were wounded.", [("injured", "security_forces", 5, "exact", None)]),
    # who "put the toll at" a figure claims it
    (
        "Hospital sources put the death toll at 31, while the chairman said 44 bodies were found.",
        [
            ("killed", "people", 31, "exact", "medical"),
            ("killed", "people", 44, "exact", "chairman"),
        ],
    ),
    # a bare number after a part ("including 14 children") refers to the whole
    (
        "Doctors said 58 people, including 14 children, had died, and 97 were being treated.",
        [
            ("killed", "civilians", 58, "exact", "medical"),
            ("killed", "children", 14, "exact", "medical"),
            ("injured", "people", 97, "exact", "medical"),
        ],
    ),
    # a part of the captives: what befell them is the predicate's
    (
        "Police said 18 of the abductees had escaped.",
        [("freed", "hostages", 18, "exact", "police")],
    ),
    (
        "Ten of the kidnapped passengers were released on Tuesday.",
        [("freed", "civilians", 10, "exact", None)],
    ),
    (
        "The governor said 30 of those abducted had regained their freedom.",
        [("freed", "hostages", 30, "exact", "governor")],
    ),
    # ... and with no predicate of their own they are still captives
    ("Ten of the kidnapped were women.", [("kidnapped", "hostages", 10, "exact", None)]),
    # escaping frees only a captive
    ("Two suspects escaped from the scene.", []),
    # "seized" counts people, never things or animals
    (
        "Bandits seized 150 villagers and 200 cattle.",
        [("kidnapped", "civilians", 150, "exact", None)],
    ),
    ("Troops seized 20 rifles.", []),
    (
        "About 150 villagers were seized by bandits.",
        [("kidnapped", "civilians", 150, "approximately", None)],
    ),
    ("Troops killed 11 bandits.", [("killed", "militants", 11, "exact", None)]),
    # "others" after a named side are more of it; after "a man" they are anyone
    (
        "At least 47 civilians died and 80 others were injured.",
        [
            ("killed", "civilians", 47, "at_least", None),
            ("injured", "civilians", 80, "exact", None),
        ],
    ),
    (
        "A man was killed and two others were injured.",
        [("killed", "civilians", 1, "exact", None), ("injured", "people", 2, "exact", None)],
    ),
    # a bare number after a list is of the whole list
    (
        "The army said 12 soldiers and four volunteers were killed and 25 were wounded.",
        [
            ("killed", "soldiers", 12, "exact", "military"),
            ("killed", "civilians", 4, "exact", "military"),
            ("injured", "civilians+security_forces", 25, "exact", "military"),
        ],
    ),
    (
        "Five soldiers and three policemen were killed and 20 were wounded.",
        [
            ("killed", "soldiers", 5, "exact", None),
            ("killed", "police", 3, "exact", None),
            ("injured", "security_forces", 20, "exact", None),
        ],
    ),
    # a toll told far from its number
    (
        "The death toll from Sunday's attack on a military base in the northern town of Dori"
        " has risen to 51 soldiers.",
        [("killed", "soldiers", 51, "exact", None)],
    ),
    (
        "About 3,000 residents have fled their homes, the United Nations said.",
        [("displaced", "civilians", 3000, "approximately", "united_nations")],
    ),
    ("Two men fled the scene on foot.", []),
    # a count by "the number of ..."; a toll right after "toll" (a headline's shorthand)
    (
        "The number of injured rose to 53, the service said.",
        [("injured", "people", 53, "exact", "service")],
    ),
    ("The number of people killed has climbed to 14.", [("killed", "people", 14, "exact", None)]),
    (
        "Dnipro strike: death toll at least nine, dozens hurt",
        [("killed", "people", 9, "at_least", None), ("injured", "people", None, "vague", None)],
    ),
    ("The number of rockets fired rose to 40.", []),
    # who lives in a place is no casualty
    ("Dnipro, a city of about 1 million people, has been struck repeatedly.", []),
    ("The town, home to 30,000 people, was shelled overnight.", []),
    ("A village of 400 residents was attacked at dawn.", []),
    # "a" opens a count of its own in a list
    (
        "Gunmen killed three children and a police officer.",
        [("killed", "children", 3, "exact", None), ("killed", "police", 1, "exact", None)],
    ),
    (
        "The blast killed two soldiers and a civilian.",
        [("killed", "soldiers", 2, "exact", None), ("killed", "civilians", 1, "exact", None)],
    ),
    (
        "He is suspected of shooting a woman and a child to death.",
        [("killed", "civilians", 1, "exact", None), ("killed", "children", 1, "exact", None)],
    ),
    (
        "He shot a man and a woman dead.",
        [("killed", "civilians", 1, "exact", None), ("killed", "civilians", 1, "exact", None)],
    ),
    (
        "Police shot two suspects, one of them dead.",  # "dead" is the part's, not the list's
        [("injured", "suspects", 2, "exact", None), ("killed", "suspects", 1, "exact", None)],
    ),
    # "among the dead": parts of a toll told before, each with its own group
    (
        "Nine people were killed. Among the dead were three children and a police officer.",
        [
            ("killed", "people", 9, "exact", None),
            ("killed", "children", 3, "exact", None),
            ("killed", "police", 1, "exact", None),
        ],
    ),
    (
        "At least 12 people died. Two soldiers were among those killed, the army said.",
        [
            ("killed", "people", 12, "at_least", None),
            ("killed", "soldiers", 2, "exact", "military"),
        ],
    ),
    ("Three children were among the dead.", []),  # with no toll told, no figure
    # "Of those killed, 24 were shot": how some of the dead died, not 24 more hurt
    (
        "Police said 31 people had been killed. Of those killed, 24 were shot by police.",
        [("killed", "people", 31, "exact", "police"), ("killed", "people", 24, "exact", None)],
    ),
    # "the commission" refers back to the commission named in full; a long name's key is
    # its initials, as its acronym would be
    (
        "The Kenya National Commission on Human Rights said 31 people died. Two people are"
        " missing, the commission said.",
        [("killed", "people", 31, "exact", "knchr"), ("missing", "people", 2, "exact", "knchr")],
    ),
    (
        "Amnesty International said 16 people were shot dead. The rights group said more than"
        " 400 were injured.",
        [
            ("killed", "people", 16, "exact", "amnesty_international"),
            ("injured", "people", 400, "more_than", "amnesty_international"),
        ],
    ),
    # a place set on fire or shelled is attacked
    (
        "Protesters torched two police stations.",
        [("places_attacked", "facilities", 2, "exact", None)],
    ),
    (
        "Artillery shelled four villages.",
        [("places_attacked", "cities_and_towns", 4, "exact", None)],
    ),
    ("The mob torched two cars.", []),
    # a bare total has parts too, and passes no measure of theirs on to itself
    (
        "The death toll rose to 12, including a child.",
        [("killed", "people", 12, "exact", None), ("killed", "children", 1, "exact", None)],
    ),
    (
        "Police said only that two, including the woman killed, were in their thirties.",
        [("killed", "civilians", 1, "exact", "police")],
    ),
    # the verb after an object's aside is the subject's: the two agents were shot
    (
        "Teen who shot 4, including 2 ATF agents, is killed by police.",
        [("injured", "people", 4, "exact", None), ("injured", "people", 2, "exact", None)],
    ),
    (
        "He shot four others, including one who died.",
        [("injured", "people", 4, "exact", None), ("killed", "people", 1, "exact", None)],
    ),
    # being treated is being hurt
    (
        "Five soldiers are undergoing treatment at a military hospital.",
        [("injured", "soldiers", 5, "exact", None)],
    ),
    (
        "Doctors said 23 people were receiving treatment for machete wounds.",
        [("injured", "people", 23, "exact", "medical")],
    ),
    # a day a count was reached by is no figure, nor the count's day
    (
        "Police said 100 people were killed as of June 15 and 163 were shot.",
        [("killed", "people", 100, "exact", "police"), ("injured", "people", 163, "exact",
                                                         "police")],
    ),
    # inmates who escape are freed, and those caught again are captured or arrested
    ("A total of 412 inmates escaped.", [("freed", "prisoners", 412, "exact", None)]),
    ("Two suspects escaped.", []),
    (
        "Troops had recaptured 48 of the escaped inmates.",
        [("captured", "prisoners", 48, "exact", None)],
    ),
    ("Police said 96 prisoners had been rearrested.",
     [("arrested", "prisoners", 96, "exact", "police")]),
    # running totals of other measures than the dead and the hurt
    ("The number of people abducted rose to 40.", [("kidnapped", "people", 40, "exact", None)]),
    (
        "The number of people missing after the attack stood at 12.",
        [("missing", "people", 12, "exact", None)],
    ),
    # a name's possessive leads a noun phrase as "his" does
    ("Jada's father was also shot multiple times.", [("injured", "civilians", 1, "exact", None)]),
    ("Smith’s brother was wounded.", [("injured", "civilians", 1, "exact", None)]),
    (
        "A Polk County Sheriff's deputy was wounded by shrapnel.",
        [("injured", "security_forces", 1, "exact", None)],
    ),
    # the person a noun phrase names next, set off by commas, is the same person ...
    (
        "His father, 32-year-old James Page, was also shot.",
        [("injured", "civilians", 1, "exact", None)],
    ),
    # ... and so are the people a count names
    (
        "Two men, James Smith, 32, and Tom Jones, 40, were shot.",
        [("injured", "civilians", 2, "exact", None)],
    ),
    (
        "Two men, 26-year-old Alex Cole and 22-year-old Rafael Diaz, both of Utica, were arrested.",
        [("arrested", "civilians", 2, "exact", None)],
    ),
    # a death from illness is no killing
    ("In July, her father died after a long battle with kidney failure.", []),
    # a name with "has" / "had been" before its predicate
    ("Ronnie Bowers, 16, has died.", [("killed", "people", 1, "exact", None)]),
    ("Ann Lee had been shot twice.", [("injured", "people", 1, "exact", None)]),
    # "shot at" is fired on, not hit; "shot at a party", "shot at least twice" are wounds
    ("He was shot at but the bullets missed him.", []),
    ("A house on Elm Street had been shot at numerous times.", []),
    ("Two officers were shot at by a gunman.", []),
    ("A man was shot at a party on Sunday.", [("injured", "civilians", 1, "exact", None)]),
    ("He was shot at least twice.", [("injured", "people", 1, "exact", None)]),
    # the one person shot is the one killed
    ("The gunman shot a clerk, killing him.", [("killed", "civilians", 1, "exact", None)]),
    ("A man shot his wife, killing her.", [("killed", "civilians", 1, "exact", None)]),
    (
        "A man shot his wife, killing him.",  # (the pronoun is someone else)
        [("injured", "civilians", 1, "exact", None), ("killed", "civilians", 1, "exact", None)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_sentence(sentence: str, expected: list) -> None:
    art = Article.create(sentence, "t.txt")
    got = [(c.measure, c.group, c.value, c.qualifier, c.claimant_key) for c in extract_claims(art)]
    assert got == expected


def test_spans_point_at_sentence_and_number() -> None:
    text = "Storms hit the coast. Officials said at least 12 fishermen were missing."
    art = Article.create(text, "t.txt")
    (claim,) = extract_claims(art)
    assert text[claim.span.start : claim.span.end] == claim.text
    assert text[claim.number_span.start : claim.number_span.end] == "at least 12"
    assert claim.text.startswith("Officials said")


def test_claimant_carried_from_earlier_statement() -> None:
    text = (
        "The Sahel Defence Front said in a statement that it attacked the base. "
        "The statement said 31 soldiers were killed."
    )
    (claim,) = extract_claims(Article.create(text, "t.txt"))
    assert claim.claimant == "The Sahel Defence Front"
    assert claim.claimant_key == "sdf"


def test_headline_restated_in_body_counts_once() -> None:
    art = Article.create(
        "Police said at least 9 people were killed in the raid.",
        "t.txt",
        title="Nine killed in raid",
    )
    claims = extract_claims(art)
    assert [(c.section, c.value) for c in claims] == [("body", 9)]


def test_headline_only_figure_is_kept() -> None:
    art = Article.create("The raid happened at dawn.", "t.txt", title="Nine killed in raid")
    (claim,) = extract_claims(art)
    assert claim.section == "title" and claim.value == 9
    assert art.title is not None
    assert art.title[claim.number_span.start : claim.number_span.end] == "Nine"


@pytest.mark.parametrize(
    ("sentence", "kind", "pub", "expected"),
    [
        (
            "On Saturday 5 people were killed.",
            "weekday",
            "2026-02-01",
            ("2026-01-31", "2026-01-31"),
        ),
        (
            "On Saturday 5 people were killed.",
            "weekday",
            "2026-01-31",
            ("2026-01-31", "2026-01-31"),
        ),
        (
            "Over the past 48 hours, 5 people were killed.",
            "span",
            "2026-02-01",
            ("2026-01-31", "2026-02-01"),
        ),
        (
            "A day after the raid, 5 people were killed.",
            "relative_day",
            "2026-02-01",
            ("2026-01-31", "2026-01-31"),
        ),
        ("On March 3, 5 people were killed.", "date", "2026-03-10", ("2026-03-03", "2026-03-03")),
        ("5 people were killed.", "unstated", "2026-03-10", ("2026-03-10", "2026-03-10")),
    ],
)
def test_period(sentence: str, kind: str, pub: str, expected: tuple[str, str]) -> None:
    (claim,) = extract_claims(Article.create(sentence, "t.txt"))
    assert claim.period.kind == kind
    day = dt.date.fromisoformat(pub)
    resolved = resolve(claim.period, pub=day, event_day=None if kind == "weekday" else day)
    assert (resolved.start, resolved.end) == expected


def test_cumulative_toll() -> None:
    text = (
        "Earlier, 41 militants were killed, bringing the total number of militants killed to 133."
    )
    claims = extract_claims(Article.create(text, "t.txt"))
    total = next(c for c in claims if c.value == 133)
    assert total.period.cumulative and total.group == "militants"


@pytest.mark.parametrize(
    ("words", "value", "end"),
    [
        ("two dozen x", 24, 2),
        ("a dozen x", 12, 2),
        ("half a dozen", 6, 3),
        ("twenty-five x", 25, 1),
        ("one hundred and five", 105, 4),
        ("1,200 x", 1200, 1),
        ("2.5 million", 2_500_000, 2),
        ("a hundred x", 100, 2),
    ],
)
def test_numbers(words: str, value: int, end: int) -> None:
    q = parse_quantity(words.split(), 0)
    assert q is not None and (q.value, q.end) == (value, end)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Pakistan's military", "military"),
        ("the Inter-Services Public Relations (ISPR)", "military"),
        ("Balochistan Liberation Army", "bla"),
        ("local officials", "local_officials"),
        ("Interior Minister Mohsin Naqvi", "mohsin_naqvi"),
        ("hospital officials", "medical"),
        # an acronym before its description names the party
        ("JNIM, the Sahel branch of al Qaeda", "jnim"),
        ("The Group for the Support of Islam and Muslims (JNIM)", "jnim"),
    ],
)
def test_claimant_key(text: str, key: str) -> None:
    assert claimant_key(text) == key


def test_unresolvable_period_keeps_words() -> None:
    p = Period(kind="weekday", text="Friday", weekday=4)
    assert resolve(p, pub=None, event_day=None).key == "weekday:friday"


def test_named_subset_is_not_a_rival_figure() -> None:
    from corroborate import analyse

    text = "The army said 92 militants, including three suicide attackers, were killed."
    (event,) = analyse([Article.create(text, "t.txt")]).events
    facts = {f.group: [v.value for v in f.values] for f in event.facts}
    assert facts == {"militants": [92], "militants (suicide attackers)": [3]}
    assert not any(f.conflict for f in event.facts)


# Crime-report language (single and named victims), more measures, forms and traps.
MORE: list[tuple[str, list[tuple[str, str, int | None, str, str | None]]]] = [
    ("A man was shot and killed on Friday night.", [("killed", "civilians", 1, "exact", None)]),
    ("A 23-year-old woman was shot in the leg.", [("injured", "civilians", 1, "exact", None)]),
    ("The 64-year-old victim was shot in the back.", [("injured", "victims", 1, "exact", None)]),
    ("Man shot outside convenience store", [("injured", "civilians", 1, "exact", None)]),
    ("Woman shot, killed in West Philadelphia", [("killed", "civilians", 1, "exact", None)]),
    ("He was pronounced dead at the scene.", [("killed", "people", 1, "exact", None)]),
    ("She died at the hospital.", [("killed", "people", 1, "exact", None)]),
    ("Joel Ramos, a 26-year-old man, died Sunday.", [("killed", "civilians", 1, "exact", None)]),
    (
        "Police said 45-year-old Dan Byrd was shot and killed.",
        [("killed", "people", 1, "exact", "police")],
    ),
    ("Watkins was killed on Jan. 11.", [("killed", "people", 1, "exact", None)]),
    ("Rita Moss, 33, was fatally struck by a bullet.", [("killed", "people", 1, "exact", None)]),
    (
        "He admitted to killing Jamal Berry after an argument.",
        [("killed", "people", 1, "exact", None)],
    ),
    (
        "Prosecutors charged him in the death of 54-year-old Greg Bishop.",
        [("killed", "people", 1, "exact", None)],
    ),
    ("Both were injured in the shooting.", [("injured", "people", 2, "exact", None)]),
    ("A second victim was found with a gunshot wound.", [("injured", "victims", 1, "exact", None)]),
    (
        "A third teenager received non-life-threatening injuries.",
        [("injured", "children", 1, "exact", None)],
    ),
    ("Two people are listed in critical condition.", [("injured", "people", 2, "exact", None)]),
    ("Three were being treated for gunshot wounds.", [("injured", "people", 3, "exact", None)]),
    ("The gunman then took his own life.", [("killed", "militants", 1, "exact", None)]),
    (
        "The woman was shot in the neck and the man was shot in the back.",
        [("injured", "civilians", 1, "exact", None), ("injured", "civilians", 1, "exact", None)],
    ),
    ("The suspect was arrested at the scene.", [("arrested", "suspects", 1, "exact", None)]),
    ("Deputies arrested two robbers.", [("arrested", "suspects", 2, "exact", None)]),
    (
        "The fatal shooting of a teenager shocked the town.",
        [("killed", "children", 1, "exact", None)],
    ),
    (
        "The murder of an 18-year-old man remains unsolved.",
        [("killed", "civilians", 1, "exact", None)],
    ),
    ("Eleven miners were rescued on Tuesday.", [("freed", "people", 11, "exact", None)]),
    ("Gunmen kidnapped a journalist.", [("kidnapped", "journalists", 1, "exact", None)]),
    ("Dozens of protesters were detained.", [("arrested", "civilians", None, "vague", None)]),
    (
        "Several residents went missing after the flood.",
        [("missing", "civilians", None, "vague", None)],
    ),
    (
        "Thousands of families were displaced by the fighting.",
        [("displaced", "civilians", None, "vague", None)],
    ),
    ("The rebels overran 3 towns.", []),
    (
        "The insurgents attacked 4 police posts overnight.",
        [("places_attacked", "facilities", 4, "exact", None)],
    ),
    ("Two dozen civilians were wounded.", [("injured", "civilians", 24, "exact", None)]),
    ("As many as 300 people may have died.", [("killed", "people", 300, "up_to", None)]),
    ("Over 1,000 inmates were released.", [("freed", "prisoners", 1000, "more_than", None)]),
    ("Some 40 villagers were abducted.", [("kidnapped", "civilians", 40, "approximately", None)]),
    (
        "An estimated 2.5 million people were displaced.",
        [("displaced", "people", 2_500_000, "approximately", None)],
    ),
    ("Scores of people were hurt in the stampede.", [("injured", "people", None, "vague", None)]),
    ("A handful of soldiers were captured.", [("captured", "soldiers", None, "vague", None)]),
    ("Nobody was killed in the blast.", [("killed", "people", 0, "exact", None)]),
    ("There were no casualties.", [("killed", "people", 0, "exact", None)]),
    # claimants
    ("A police spokesman said 3 people died.", [("killed", "people", 3, "exact", "police")]),
    (
        "Doctors at the hospital said 9 patients died.",
        [("killed", "civilians", 9, "exact", "medical")],
    ),
    (
        "The health ministry said 31 people were killed.",
        [("killed", "people", 31, "exact", "medical")],
    ),
    (
        "Witnesses said about 20 people were wounded.",
        [("injured", "people", 20, "approximately", "witnesses")],
    ),
    (
        "Local officials told reporters 6 soldiers were missing.",
        [("missing", "soldiers", 6, "exact", "local_officials")],
    ),
    (
        "Eight people were killed, said Ahmed Khan, a police official.",
        [("killed", "people", 8, "exact", "police")],
    ),
    (
        "The military claimed it had killed 50 rebels, a figure that could not be verified.",
        [("killed", "militants", 50, "exact", "military")],
    ),
    (
        "In a statement, the Delta Freedom Army said its fighters killed 16 soldiers.",
        [("killed", "soldiers", 16, "exact", "dfa")],
    ),
    (
        "Authorities said at least five attackers were killed.",
        [("killed", "militants", 5, "at_least", "officials")],
    ),
    # hedges
    ("Five soldiers were reportedly killed.", [("killed", "soldiers", 5, "exact", None)]),
    ("Four civilians were allegedly abducted.", [("kidnapped", "civilians", 4, "exact", None)]),
    # not counts
    ("The suspect fired 12 rounds.", []),
    ("The victim was shot 3 times.", [("injured", "victims", 1, "exact", None)]),
    ("Police responded at 9:30 p.m.", []),
    ("The 3-year-old investigation continues.", []),
    ("Officers found 2 handguns in the car.", []),
    ("The town has a population of 40,000 people.", []),
    ("The shooting happened in the 1000 block of Main Street.", []),
    ("Call 555-0100 with information.", []),
    ("Route 9 was closed for hours.", []),
    ("The mother of three was not hurt.", []),
    ("In 2012, 28 people were killed in the city.", [("killed", "people", 28, "exact", None)]),
    ("The brigade lost 7 tanks.", []),
    (
        "Militants stormed 2 checkpoints and killed 6 guards.",
        [
            ("places_attacked", "facilities", 2, "exact", None),
            ("killed", "security_forces", 6, "exact", None),
        ],
    ),
    (
        "Seven policemen and three civilians were wounded.",
        [("injured", "police", 7, "exact", None), ("injured", "civilians", 3, "exact", None)],
    ),
    (
        "The blast killed 4 children and injured 11 adults.",
        [("killed", "children", 4, "exact", None), ("injured", "people", 11, "exact", None)],
    ),
    (
        "Eighteen pilgrims died and 40 were hurt.",
        [("killed", "civilians", 18, "exact", None), ("injured", "civilians", 40, "exact", None)],
    ),
    (
        "Thirty-two passengers were rescued from the ferry.",
        [("freed", "civilians", 32, "exact", None)],
    ),
    (
        "Gunmen abducted 5 teachers and 12 students.",
        [
            ("kidnapped", "civilians", 5, "exact", None),
            ("kidnapped", "civilians", 12, "exact", None),
        ],
    ),
    # inmates escaping (a jailbreak) are freed, as captives escaping are
    ("Fewer than 20 inmates escaped.", [("freed", "prisoners", 20, "less_than", None)]),
    ("The army said 9 insurgents surrendered.", []),
    ("Four Taliban fighters were captured.", [("captured", "militants", 4, "exact", None)]),
    ("A journalist was abducted in the capital.", [("kidnapped", "journalists", 1, "exact", None)]),
    ("Nine people are missing after the landslide.", [("missing", "people", 9, "exact", None)]),
    ("Around 500 people were evacuated.", [("displaced", "people", 500, "approximately", None)]),
    ("Police detained 14 demonstrators on Sunday.", [("arrested", "civilians", 14, "exact", None)]),
    ("The death toll rose to 15 on Tuesday.", [("killed", "people", 15, "exact", None)]),
    ("Rescuers pulled 3 bodies from the rubble.", [("killed", "people", 3, "exact", None)]),
    ("Two officers were shot and wounded.", [("injured", "officials", 2, "exact", None)]),
    (
        "One girl was killed and her brother was hurt.",
        [("killed", "children", 1, "exact", None), ("injured", "civilians", 1, "exact", None)],
    ),
    (
        "The attack on 3 villages left 20 dead.",
        [
            ("places_attacked", "cities_and_towns", 3, "exact", None),
            ("killed", "people", 20, "exact", None),
        ],
    ),
    ("Between 8 and 10 militants were killed.", [("killed", "militants", 8, "range", None)]),
    (
        "Nearly two dozen soldiers were wounded.",
        [("injured", "soldiers", 24, "approximately", None)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), MORE, ids=[c[0][:50] for c in MORE])
def test_more_sentences(sentence: str, expected: list) -> None:
    art = Article.create(sentence, "t.txt")
    got = [(c.measure, c.group, c.value, c.qualifier, c.claimant_key) for c in extract_claims(art)]
    assert got == expected


def test_hedge_words_are_kept() -> None:
    (claim,) = extract_claims(Article.create("Five soldiers were reportedly killed.", "t.txt"))
    assert claim.hedge == "reportedly"


def test_background_year_is_its_own_period() -> None:
    (claim,) = extract_claims(Article.create("In 2012, 28 people were killed.", "t.txt"))
    assert (claim.period.kind, claim.period.start, claim.period.end) == (
        "date",
        "2012-01-01",
        "2012-12-31",
    )


# Crime reports told victim by victim: who is the victim, who the shooter, who died later.
K_PEOPLE = ("killed", "people", 1, "exact", None)
K_CIVILIAN = ("killed", "civilians", 1, "exact", None)
I_PEOPLE = ("injured", "people", 1, "exact", None)
I_CIVILIAN = ("injured", "civilians", 1, "exact", None)
K_CHILD = ("killed", "children", 1, "exact", None)
I_CHILD = ("injured", "children", 1, "exact", None)

VICTIMS: list[tuple[str, list[tuple[str, str, int | None, str, str | None]]]] = [
    # the subject of an active verb with an object is the shooter, not a casualty
    (
        "A woman shot and killed her husband during an argument.",
        [("killed", "civilians", 1, "exact", None)],
    ),
    ("The boy accidentally shot his sister.", [("injured", "civilians", 1, "exact", None)]),
    ("A man shot at officers before he fled.", []),
    ("A man was shot at a gas station.", [("injured", "civilians", 1, "exact", None)]),
    (
        "The man accidentally shot himself in the hand.",
        [("injured", "civilians", 1, "exact", None)],
    ),
    # headlines: a bare singular noun after a place name or a clause break
    ("Augusta man shot while fleeing robbers", [("injured", "civilians", 1, "exact", None)]),
    (
        "Police: Drug deal ends in gunfire, Tulsa man wounded",
        [("injured", "civilians", 1, "exact", None)],
    ),
    ("Waitress shot outside bar", [("injured", "people", 1, "exact", None)]),
    ("Driver Shot In Road Rage Incident", [("injured", "people", 1, "exact", None)]),
    (
        "Search for gunman after man shot inside restaurant",
        [("injured", "civilians", 1, "exact", None)],
    ),
    ("Child shoots himself at paintball park", [("injured", "children", 1, "exact", None)]),
    # one person without a noun: an age, a name
    (
        "Officers found a 15-year-old with a gunshot wound.",
        [("injured", "people", 1, "exact", None)],
    ),
    ("The 17-year-old was found shot in the leg.", [("injured", "people", 1, "exact", None)]),
    ("Another 5-year-old was hurt.", [("injured", "people", 1, "exact", None)]),
    ("Carla Diaz died at the hospital.", [("killed", "people", 1, "exact", None)]),
    (
        "Tom Reed, 29, was suffering from a gunshot wound.",
        [("injured", "people", 1, "exact", None)],
    ),
    # taken to hospital: hurt, unless "where he died"
    (
        "One man was taken to the hospital with life-threatening injuries.",
        [("injured", "civilians", 1, "exact", None)],
    ),
    (
        "At least one person was taken to the hospital.",
        [("injured", "people", 1, "at_least", None)],
    ),
    (
        # "he" is the person counted already, told again
        "He was taken to a hospital, where he died.",
        [("killed", "people", 1, "exact", None)],
    ),
    # shot, then died: killed
    ("Girl shot at party dies", [("killed", "children", 1, "exact", None)]),
    ("Man with gunshot wound dies", [("killed", "civilians", 1, "exact", None)]),
    ("A teen who was found shot on Sunday has died.", [("killed", "children", 1, "exact", None)]),
    (
        "A man who was found dead in a ditch had been shot.",
        [("killed", "civilians", 1, "exact", None)],
    ),
    (
        "He shot the 18-year-old man who died at the scene.",
        [("killed", "civilians", 1, "exact", None)],
    ),
    ("A man, shot in the chest, died at the scene.", [("killed", "civilians", 1, "exact", None)]),
    (
        "Two men, shot in the chest, were taken to a hospital.",
        [("injured", "civilians", 2, "exact", None)],
    ),
    ("A man's body was found in a ditch.", [("killed", "civilians", 1, "exact", None)]),
    ("The homicide victim was identified on Monday.", [("killed", "victims", 1, "exact", None)]),
    ("Police named the victim of a deadly shooting.", [("killed", "victims", 1, "exact", None)]),
    ("Police are investigating a double homicide.", [("killed", "people", 2, "exact", None)]),
    (
        "A man was killed in a double shooting.",
        [("killed", "civilians", 1, "exact", None), ("injured", "people", 2, "exact", None)],
    ),
    # victims counted one by one
    ("A man and woman were shot to death.", [("killed", "civilians", 2, "exact", None)]),
    (
        "A man and his daughter were found dead.",
        [("killed", "civilians", 1, "exact", None), ("killed", "civilians", 1, "exact", None)],
    ),
    (
        "One man was killed and another was injured.",
        [("killed", "civilians", 1, "exact", None), ("injured", "civilians", 1, "exact", None)],
    ),
    (
        "Two people were shot, one of them fatally.",
        [("injured", "people", 2, "exact", None), ("killed", "people", 1, "exact", None)],
    ),
    ("Two of the victims had gunshot wounds.", [("injured", "victims", 2, "exact", None)]),
    ("A girl was grazed in the foot.", [("injured", "children", 1, "exact", None)]),
    ("Four people were hit by gunfire.", [("injured", "people", 4, "exact", None)]),
    ("A car was hit by gunfire.", []),
    (
        "The victim, who was driving, was struck one time.",
        [("injured", "victims", 1, "exact", None)],
    ),
    (
        "One man remained hospitalized with serious injuries.",
        [("injured", "civilians", 1, "exact", None)],
    ),
    (
        "The shooting left three dead and injured another.",
        [("killed", "people", 3, "exact", None), ("injured", "people", 1, "exact", None)],
    ),
    # parts after a comma, and the participle that follows them
    (
        "The attack killed nine people, six civilians and three police officers, shot as they "
        "waited at the checkpoint.",
        [
            ("killed", "civilians+security_forces", 9, "exact", None),
            ("killed", "civilians", 6, "exact", None),
            ("killed", "police", 3, "exact", None),
        ],
    ),
    # one person told twice in a sentence: a name or noun phrase set off after a noun
    # ("the driver, Ray Okafor, 52,"), a pronoun after the person ("..., where he died")
    ("The driver, Ray Okafor, 52, was pronounced dead at the scene.", [K_PEOPLE]),
    ("A cyclist, 31-year-old Dana Whitlow, was struck in the arm.", [I_PEOPLE]),
    ("A neighbour, a 70-year-old woman, was hurt by flying glass.", [I_CIVILIAN]),
    ("The boy was rushed to hospital, where he died.", [K_CHILD]),
    ("A man was shot but police said he died.", [("killed", "civilians", 1, "exact", "police")]),
    # ... but a list is several people, and a pronoun of another person stays a count
    (
        "A man, a woman, a boy and a girl were shot outside the arena.",
        [I_CIVILIAN, I_CIVILIAN, I_CHILD, I_CHILD],
    ),
    (
        "After shooting his brother, he was arrested.",
        [I_CIVILIAN, ("arrested", "civilians", 1, "exact", None)],
    ),
    ("A woman was shot before he was killed by deputies.", [I_CIVILIAN, K_CIVILIAN]),
    ("The gunman shot a man before he was killed by deputies.", [I_CIVILIAN, K_CIVILIAN]),
    # people told by their ages after one article
    (
        "A 40-year-old man, 38-year-old woman and 12-year-old girl suffered gunshot wounds.",
        [("injured", "civilians", 3, "exact", None)],
    ),
    (
        "A 19-year-old and 20-year-old suffered minor injuries.",
        [("injured", "people", 2, "exact", None)],
    ),
    (
        "Five people, a 30-year-old man, a 29-year-old man, a 25-year-old woman, a 17-year-old "
        "boy and a 16-year-old girl, were wounded.",
        [
            ("injured", "people", 5, "exact", None),
            *[I_CIVILIAN] * 3,
            *[I_CHILD] * 2,
        ],
    ),
    ("A 6-month old girl was grazed.", [I_CHILD]),
    ("17-year old Corey Baptiste died at the scene.", [K_CHILD]),
    # the name after an unhyphenated age is the aged person, not a second one
    ("Police said 26 year old Lena Marsh was shot.", [("injured", "people", 1, "exact", "police")]),
    # "suffered" wounds: injured, unless the wound was fatal or a death follows
    ("Priya Nandakumar, 44, suffered a graze wound to the hand.", [I_PEOPLE]),
    ("The clerk suffered minor injuries.", [I_CIVILIAN]),
    ("He suffered non-fatal injuries.", [I_PEOPLE]),
    ("Doctors treated the wound he suffered in March.", []),  # the wound's "he" is no count
    (
        "The guard suffered a fatal gunshot wound.",
        [("killed", "security_forces", 1, "exact", None)],
    ),
    ("The teenager suffered gunshot wounds and was pronounced dead at a hospital.", [K_CHILD]),
    (
        "A woman was flown to a trauma center in critical condition but died two days later.",
        [K_CIVILIAN],
    ),
    ("Two men were shot and were pronounced dead.", [("killed", "civilians", 2, "exact", None)]),
    # a hospital's conditions, however worded
    (
        "The victim remains in critical but stable condition.",
        [("injured", "victims", 1, "exact", None)],
    ),
    (
        "The officer is currently in good condition.",
        [("injured", "officials", 1, "exact", None)],
    ),
    ("A woman was listed in serious-to-critical condition.", [I_CIVILIAN]),
    ("She was discovered badly injured.", [I_PEOPLE]),
    ("A patron was wounded in the parking lot.", [I_CIVILIAN]),
    ("The warehouse was in good condition.", []),
    # not counts
    ("The two killed were 28 and 31 years old.", [("killed", "people", 2, "exact", None)]),
    ("A teenager shoots, kills man, 18", []),
    (
        "He admitted to killing Jamal Berry, 30 after an argument.",
        [("killed", "people", 1, "exact", None)],
    ),
    ("Police said children under the age of 12 were killed.", []),
    ("On Nov. 25, a man was shot.", [("injured", "civilians", 1, "exact", None)]),
    ("Image 2 of 10 A girl was hurt.", [("injured", "children", 1, "exact", None)]),
    ("Police were called about 8 p.m. to the house.", []),
    # a relative clause says what happened to the person counted ...
    (
        "Deputies found a teenager who had been shot in the knee.",
        [("injured", "children", 1, "exact", None)],
    ),
    (
        "Medics treated a woman who had suffered a gunshot wound to the arm.",
        [("injured", "civilians", 1, "exact", None)],
    ),
    ("Officers found a man who had been shot dead.", [("killed", "civilians", 1, "exact", None)]),
    # ... unless its verb is active: then the person did it
    ("A man who shot his neighbour was arrested.", [("injured", "civilians", 1, "exact", None)]),
    ("Riverton man who killed cousin gets 20 years", []),
    (
        "The gunman who shot and killed 19-year-old Omar Ruiz fled.",
        [("killed", "people", 1, "exact", None)],
    ),
    # a reduced relative clause before the predicate
    (
        "A girl riding her bicycle was shot in the foot, police said.",
        [("injured", "children", 1, "exact", "police")],
    ),
    (
        "A man carrying groceries to his car had been grazed by a bullet.",
        [("injured", "civilians", 1, "exact", None)],
    ),
    ("A man during the night was shot.", []),
    # an aside between dashes, and a participle put before its subject
    (
        "Two other people – both students – were taken to a hospital in good condition.",
        [("injured", "people", 2, "exact", None)],
    ),
    (
        "Another victim — 15-year-old Noor Adeyemi — was in critical condition.",
        [("injured", "victims", 1, "exact", None)],
    ),
    (
        "Hurt in the crossfire was a 6-year-old girl, deputies said.",
        [("injured", "children", 1, "exact", "deputies")],
    ),
    (
        "Killed in Friday's raid were two farmers.",
        [("killed", "civilians", 2, "exact", None)],
    ),
    ("The man shot in the park was a teacher.", [("injured", "civilians", 1, "exact", None)]),
    # a person named at recovery; a self-inflicted shot after a participle phrase
    (
        "Okafor is recovering from a gunshot wound to the thigh.",
        [("injured", "people", 1, "exact", None)],
    ),
    (
        "A man trying to clean his rifle shot himself in the foot.",
        [("injured", "civilians", 1, "exact", None)],
    ),
    # a preposition's object at the end of an aside is not the subject of what follows
    (
        "A 15-year-old boy, shot as he ran from a gunman, has died of his wounds.",
        [("killed", "children", 1, "exact", None)],
    ),
    # "according to X": the source, not a person named in a list
    (
        "According to Medical Examiners, Okafor died of a gunshot wound.",
        [("killed", "people", 1, "exact", "medical_examiners")],
    ),
    # an apposition is read past whole, whatever verbs it holds
    (
        "A man, the father of a boy shot last week, was arrested on Monday.",
        [("arrested", "civilians", 1, "exact", None), ("injured", "children", 1, "exact", None)],
    ),
    (
        "A fifth victim, a woman found outside with a gunshot wound, was taken to a hospital.",
        [("injured", "victims", 1, "exact", None)],
    ),
    # an initialism inside the noun phrase ("U.S."), not a name's middle initial
    ("Four U.S. Marines were killed in the ambush.", [("killed", "soldiers", 4, "exact", None)]),
    ("A U.N. peacekeeper was wounded.", [("injured", "security_forces", 1, "exact", None)]),
    ("Two U.S. service members were killed.", [("killed", "people", 2, "exact", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), VICTIMS, ids=[c[0][:50] for c in VICTIMS])
def test_victim_sentences(sentence: str, expected: list) -> None:
    art = Article.create(sentence, "t.txt")
    got = [(c.measure, c.group, c.value, c.qualifier, c.claimant_key) for c in extract_claims(art)]
    assert got == expected


# One report's killed / injured (victims only), as a coder would enter them.
ARTICLES: list[tuple[str, tuple[int, int]]] = [
    ("Two people were shot on Friday. One of them died at the hospital.", (1, 1)),
    ("A man was shot and killed on Main Street. He was shot in the chest.", (1, 0)),
    ("A man was killed on Friday. Another man was wounded.", (1, 1)),
    ("A man was found shot to death. Officers responded to a report of a person shot.", (1, 0)),
    ("A man was killed and a woman was wounded in the shooting.", (1, 1)),
    ("A man was killed on Friday. Two officers were wounded.", (1, 2)),
    ("One man is dead. Two women were rushed to a hospital in critical condition.", (1, 2)),
    ("Two people were shot, one of them fatally.", (1, 1)),
    ("Police are investigating a double homicide. Both men were shot.", (2, 0)),
    ("A 12-year-old and three others were shot on Sunday.", (0, 4)),
    ("A gunman shot and killed his wife before he shot himself.", (1, 0)),
    ("The man fatally shot last month was identified on Monday.", (1, 0)),
    ("In 2012, 28 people were killed in the city. A man was shot on Friday.", (0, 1)),
    # "also" in the predicate: one more person hurt, not the dead told again
    ("A man was shot and killed on Saturday. The driver was also shot in the arm.", (1, 1)),
    ("A man was stabbed to death on Saturday. He was also shot in the leg.", (1, 0)),
    # a part's own relative clause is not its list's predicate
    ("She was at the fair with about 10 friends, including the boy who was killed.", (1, 0)),
    ("Seven people, including two who were killed, were shot.", (2, 5)),
    # the last of a list: the clause may be the list's, whose own verb stands
    ("The deaths of two brothers and their three cousins who were shot shook the town.", (5, 0)),
]


# Ages, clock times and other figures beside a count are not counts, and the count they
# sit beside still finds its predicate.
ARTICLES += [
    ("Police said Marcus Reed Jr., 24, was shot and killed outside a store.", (1, 0)),
    ("Trevor Lang Sr., 52, and his son were wounded in the shooting.", (0, 1)),
    ("Two men, 33 and 41, were injured when shots were fired into a car.", (0, 2)),
    ("Five victims, 19, 22 and 30, were shot.", (0, 5)),
    ("Two men aged 33 and 41 were injured.", (0, 2)),
    ("Four women between the ages of 18 and 45 were wounded near the park.", (0, 4)),
    ("Three victims, ages 20 to 26, were taken to a hospital with gunshot wounds.", (0, 3)),
    ("A 14yo boy was shot in the leg on Friday.", (0, 1)),
    ("Officers said an 11 month old baby was shot in the arm.", (0, 1)),
    ("A girl younger than 10 was grazed by a bullet.", (0, 1)),
    ("Around 11 Friday night, two people were shot outside a bar.", (0, 2)),
    ("Dale Porter, 64, of Millbrook, was fatally shot Tuesday night.", (1, 0)),
    ("Fourteen-year-old Rory Dunmore was killed outside a school.", (1, 0)),
    ("Police are treating the death of Ava Lund, three (pictured), as accidental.", (1, 0)),
    # ... while a figure before a day, not after "around", is a count
    ("Gunmen killed 10 Saturday in a raid on the village.", (10, 0)),
    # "those shootings": a tally of the incidents counted before, not this one
    (
        "A man was shot and killed on Friday and a woman was wounded. Police have recorded "
        "180 shooting incidents through May 2. At least 210 people were wounded in those "
        "shootings, and 41 others died.",
        (1, 1),
    ),
]


# A single person hurt who is plainly someone other than the dead counts beside them.
ARTICLES += [
    (
        "Four Marines were killed at the reserve centre on Thursday. A police officer was "
        "wounded and is in stable condition.",
        (4, 1),
    ),
    ("A deputy was killed on Friday. A woman was shot in the arm.", (1, 1)),
    # ... but the same kind of person may be the dead told again
    ("A man was killed on Friday. The man was shot in the chest.", (1, 0)),
    # a "+" line with no full stop links to another story
    (
        "A man was shot dead on Friday.\n+ Two killed in county crash\n+ Three hurt in fire",
        (1, 0),
    ),
    # a rate is no incident's figure
    ("A girl was shot on Tuesday. Such shootings kill dozens of minors each year.", (0, 1)),
    ("A man was killed. Gunfire wounds about 80 people in the city every month.", (1, 0)),
    # an earlier incident the report measures its own from, one person or many
    (
        "A man was wounded on Friday. The shooting occurred eight months after a bystander "
        "was killed nearby.",
        (0, 1),
    ),
    # a couple is two; "both" opening a predicate counts two, unless it floats after
    # a subject that is already counted
    ("A man broke into the house and killed a young couple.", (2, 0)),
    ("A couple and their two sons were found shot to death.", (4, 0)),
    ("The examiner said both committed suicide with a rifle.", (2, 0)),
    ("A man and a woman were both shot in the leg.", (0, 2)),
    # a name told twice is one person
    ("Dario Pike was shot in the leg and Pike was taken to a hospital.", (0, 1)),
    (
        "Police say 22-year-old Dario Pike was shot by a friend on Saturday. Others drove "
        "Pike to a hospital, where Pike died.",
        (1, 0),
    ),
]


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (
            "Teen killed, another wounded in drive-by",
            "One of the victims was taken to a hospital. The other victim died at the scene.",
            (1, 1),
        ),
        ("Man killed, teen wounded in shooting", "Police are investigating.", (1, 1)),
        ("Man dead, infant and another man injured", "Police are investigating.", (1, 2)),
        ("Woman shot, man killed in Elmwood", "Police are investigating.", (1, 1)),
        ("Man shot, killed in Elmwood", "Police are investigating.", (1, 0)),
        # "another" that is no victim: the headline numbers no hurt
        ("One teen killed, another arrested", "Police are investigating.", (1, 0)),
        # headline forms: two nouns, an age with "suffers", a suicide after a comma, an
        # object with a modifier
        ("Female juvenile killed after accidental shooting", "Police are investigating.", (1, 0)),
        ("1-year-old suffers fatal gunshot wound to the face", "Police are investigating.", (1, 0)),
        ("Child accidentally shoots, kills self", "Police are investigating.", (1, 0)),
        ("Three held over shootout that killed township man", "Police are investigating.", (1, 0)),
        # the killer's own death is the only one told: the hurt is the victim, not the dead
        ("Man shoots wife, kills self", "Police are investigating.", (0, 1)),
        ("Man shoots wife, kills self", "The wife died at the hospital.", (1, 0)),
    ],
)
def test_headline_tally(title: str, body: str, expected: tuple[int, int]) -> None:
    from corroborate.claims.counts import article_counts

    art = Article.create(body, "t.txt", title=title)
    counts = article_counts(extract_claims(art), sides=("victims",))
    assert (counts["killed"], counts["injured"]) == expected


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Teen shoots, kills man, 19 Darius Holt fatally wounded inside home", 19),
        ("Three women, ages 21, 32 and 49, and two men, 30 and 42 were injured.", 42),
        ("Three women, ages 21, 32 and 49, and two men, 30 and 42 were injured.", 30),
        ("Family of 6yoa shot on her street", 6),
        ("Family names 16 yr old who was shot and killed on Elm Street", 16),
        ("Ada and Ben Moss, both 23 — twins from Dover — were each shot in the leg.", 23),
    ],
)
def test_ages_are_no_counts(text: str, age: int) -> None:
    assert age not in {c.value for c in extract_claims(Article.create(text, "t.txt"))}


@pytest.mark.parametrize(("text", "expected"), ARTICLES, ids=[a[0][:50] for a in ARTICLES])
def test_article_counts(text: str, expected: tuple[int, int]) -> None:
    from corroborate.claims.counts import article_counts

    counts = article_counts(extract_claims(Article.create(text, "t.txt")), sides=("victims",))
    assert (counts["killed"], counts["injured"]) == expected


def test_headline_run_into_first_line_is_its_own_sentence() -> None:
    from corroborate.claims.counts import article_counts

    title = "Man shot and killed | WXYZ"
    art = Article.create(title + "A 42-year-old man was shot and killed outside a bar.", "t.txt",
                         title=title)  # fmt: skip
    claims = extract_claims(art)
    assert {c.text for c in claims if c.section == "body"} >= {
        "A 42-year-old man was shot and killed outside a bar."
    }
    assert article_counts(claims)["killed"] == 1


# A part of a total told before ("two of them", "two of the injured") is no rival total:
# (measure, value, value of the total it is part of, or None).
PARTS: list[tuple[str, list[tuple[str, int, int | None]]]] = [
    (
        "Officials said six people were being treated in hospital, one of them in critical "
        "condition.",
        [("injured", 6, None), ("injured", 1, 6)],
    ),
    (
        "Three officers were hurt. Two of them were treated and released.",
        [("injured", 3, None), ("injured", 2, 3)],
    ),
    (
        "Four people were killed and seven wounded. Three of the wounded, a teacher and two "
        "students, were airlifted to a trauma centre.",
        [
            ("killed", 4, None),
            ("injured", 7, None),
            ("injured", 3, 7),
            ("injured", 1, 3),
            ("injured", 2, 3),
        ],
    ),
    ("A bomb went off in the square. Two of the injured were flown to the capital.", []),
    (
        "Six people were wounded. Two of the victims remain in hospital.",
        [("injured", 6, None), ("injured", 2, 6)],
    ),
    (
        "Eight people were shot and three are being treated at a nearby hospital.",
        [("injured", 8, None), ("injured", 3, 8)],
    ),
    # not parts: the dead among the shot, and the whole told again
    (
        "Five people were shot on Friday, and one of them died.",
        [("injured", 5, None), ("killed", 1, None)],
    ),
    (
        "Five people were shot. Two of the victims died.",
        [("injured", 5, None), ("killed", 2, None)],
    ),
    ("All eight of the dead lived in the house.", [("killed", 8, None)]),
    # a list in apposition: the total takes its parts' predicate
    (
        "Seven people, four guards and three drivers, were shot dead at the depot gate.",
        [("killed", 7, None), ("killed", 4, 7), ("killed", 3, 7)],
    ),
    # a later conjunct shares the list's predicate, not the reduced clause after it
    (
        "The dead were two guards and five drivers, shot as they queued at the gate.",
        [("killed", 2, None), ("killed", 5, None)],
    ),
    # "more" raises a total told after it: a part of the new total, not a rival
    (
        "Two more people died in hospital on Sunday, bringing the death toll to 30.",
        [("killed", 2, 30), ("killed", 30, None)],
    ),
    (
        "Another three guards died of their wounds, raising the toll to 14.",
        [("killed", 3, 14), ("killed", 14, None)],
    ),
    (
        "Police said two more suspects had been arrested, bringing the number in custody to "
        "eight.",
        [("arrested", 2, 8), ("arrested", 8, None)],
    ),
    (
        "Two more guards died overnight, bringing to five the number of guards killed.",
        [("killed", 2, 5), ("killed", 5, None)],
    ),
    # ... but a day's own figure keeps its place beside a running total
    (
        "On Friday 41 fighters were killed, bringing the total killed over two days to 133.",
        [("killed", 41, None), ("killed", 133, None)],
    ),
    # a part its predicate names
    (
        "Sixty people were killed, 41 of them women and children.",
        [("killed", 60, None), ("killed", 41, 60)],
    ),
]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("In Jos, eight people were wounded.", "Jos"),
        # where the hurt were treated is not where they were hurt
        ("Eight people were wounded and taken to hospital in Jos.", None),
        ("Eight people were wounded and are receiving treatment in Jos.", None),
        # a zero names its site in full, up to the clause's next word of its own
        ("No one was hurt at the second post, she said.", "the second post"),
        ("Nobody was injured at the home of a relative on Sunday.", "the home of a relative"),
        ("No one was hurt.", None),
    ],
)
def test_scope_is_where_it_happened(text: str, scope: str | None) -> None:
    (claim,) = extract_claims(Article.create(text, "t.txt"))
    assert claim.scope == scope


@pytest.mark.parametrize(
    ("text", "group", "group_text"),
    [
        ("Sixty people were killed, 41 of them women and children.", "civilians",
         "women and children"),
        ("Sixty people were killed. Of the dead, 41 were women and children.", "civilians",
         "women and children"),
        ("Twenty people were killed, 12 of them soldiers.", "soldiers", "soldiers"),
        # not a group noun: the part is named by its set
        ("Twenty people were killed, 12 of them in the market.", "people", "of them"),
    ],
)
def test_part_named_by_its_predicate(text: str, group: str, group_text: str) -> None:
    part = next(c for c in extract_claims(Article.create(text, "t.txt")) if c.parts_of)
    assert (part.group, part.group_text) == (group, group_text)


@pytest.mark.parametrize(("text", "expected"), PARTS, ids=[p[0][:50] for p in PARTS])
def test_parts(text: str, expected: list) -> None:
    claims = extract_claims(Article.create(text, "t.txt"))
    by_id = {c.id: c for c in claims}
    got = [
        (c.measure, c.value, by_id[c.parts_of].value if c.parts_of in by_id else None)
        for c in claims
    ]
    assert got == expected
    assert all(c.parts_of in by_id for c in claims if c.parts_of)


def test_part_is_not_a_rival_fact() -> None:
    from corroborate import analyse

    text = "Police said nine people were being treated in hospital, two of them with head wounds."
    (event,) = analyse([Article.create(text, "t.txt")]).events
    assert not any(f.conflict for f in event.facts)
    assert {(f.group, tuple(v.value for v in f.values)) for f in event.facts} == {
        ("people", (9,)),
        ("people (of them)", (2,)),
    }


# The period of a count is that of its own clause: (sentence, publication day, event day,
# expected kind, expected resolved day or None).
CLAUSE_PERIODS: list[tuple[str, str, str, str, str | None]] = [
    (
        "The man who shot three people at the ferry terminal had been fired from his job last "
        "year, officials said on Thursday.",
        "2031-06-13",
        "2031-06-10",
        "unstated",
        "2031-06-10",
    ),
    (
        "Six people were hurt in the crash, and the highway will stay closed until Monday while "
        "crews clear it.",
        "2031-06-13",
        "2031-06-12",
        "unstated",
        "2031-06-12",
    ),
    (
        "Relatives gathered outside the mosque on Friday, a day after two worshippers were killed.",
        "2031-06-13",
        "2031-06-12",
        "weekday",
        "2031-06-12",
    ),
    (
        "Police said Tuesday that two men were shot.",
        "2031-06-13",
        "2031-06-09",
        "unstated",
        "2031-06-09",
    ),
    # a year-to-date figure in a report's complement is of the year, not of the report's day
    (
        "The fund on Wednesday issued a report revealing that 67 officers have been killed "
        "this year.",
        "2031-06-13",
        "2031-06-10",
        "vague",
        None,
    ),
    (
        "A report released Wednesday shows 30 people were killed in the county this year.",
        "2031-06-13",
        "2031-06-10",
        "vague",
        None,
    ),
    # ... but a day told before the count with no verb between dates it
    (
        "On Sunday three people were killed in the city's deadliest day this year.",
        "2031-06-13",
        "2031-06-10",
        "weekday",
        "2031-06-08",
    ),
    # "USA Today" is a paper, not a day: the count keeps its year
    (
        "A study by the Associated Press and USA Today found 141 minors died in such "
        "shootings in 2015.",
        "2031-06-13",
        "2031-06-10",
        "date",
        "2015-01-01",
    ),
    (
        "Two men were shot, the chief said in a statement on Tuesday.",
        "2031-06-13",
        "2031-06-09",
        "unstated",
        "2031-06-09",
    ),
    (
        "Two men were shot on Monday, the chief told reporters on Tuesday.",
        "2031-06-13",
        "2031-06-09",
        "weekday",
        "2031-06-09",
    ),
    (
        "The blast was the deadliest in the city this year, killing nine people.",
        "2031-06-13",
        "2031-06-13",
        "unstated",
        "2031-06-13",
    ),
    (
        "The attack, in which 12 people were killed on Monday, was condemned on Friday.",
        "2031-06-13",
        "2031-06-13",
        "weekday",
        "2031-06-09",
    ),
    (
        "On Saturday, gunmen stormed the village, and 14 people were killed.",
        "2031-06-08",
        "2031-06-08",
        "weekday",
        "2031-06-07",
    ),
    # a dateline's day is when the story was filed: the figure's day is the one it states
    (
        "LAGOS, June 14 (Harbour Wire) - At least 9 traders were killed on Friday, police said.",
        "2031-06-14",
        "2031-06-14",
        "weekday",
        "2031-06-13",
    ),
    (
        "TIKRIT (June 14, 2031) – Two guards were wounded late Thursday night.",
        "2031-06-14",
        "2031-06-14",
        "weekday",
        "2031-06-12",
    ),
    # the noun a relative clause describes dates its count
    (
        "Police are investigating a Wednesday shooting that left two men wounded.",
        "2031-06-13",
        "2031-06-13",
        "weekday",
        "2031-06-11",
    ),
    (
        "It was the worst attack since a 2024 assault that left more than 100 people dead.",
        "2031-06-13",
        "2031-06-13",
        "date",
        "2024-01-01",
    ),
    (
        "The 2019 bombing, which killed 40 people, was never solved.",
        "2031-06-13",
        "2031-06-13",
        "date",
        "2019-01-01",
    ),
    # "since" a day, month or year: from then to the report
    (
        "Since Thursday, 40 people have been abducted.",
        "2031-06-13",
        "2031-06-12",
        "since",
        "2031-06-12",
    ),
    (
        "More than 1,500 people have been kidnapped since January.",
        "2031-06-13",
        "2031-06-13",
        "since",
        "2031-01-01",
    ),
    (
        "At least 90 people have been killed since March 3.",
        "2031-06-13",
        "2031-06-13",
        "since",
        "2031-03-03",
    ),
    (
        "Some 600 soldiers have been killed since 2019.",
        "2031-06-13",
        "2031-06-13",
        "since",
        "2019-01-01",
    ),
    # ", when" tells the time it follows, not the span since then
    (
        "It is the deadliest attack since June 2025, when at least 50 soldiers were killed.",
        "2031-06-13",
        "2031-06-13",
        "date",
        "2025-06-01",
    ),
    (
        "In December 2029, 30 soldiers were killed.",
        "2031-06-13",
        "2031-06-13",
        "date",
        "2029-12-01",
    ),
    # ... but not a day told of another verb ("searching Wednesday for the man who ...")
    (
        "Troops were searching Wednesday for the man who shot two guards.",
        "2031-06-13",
        "2031-06-13",
        "unstated",
        "2031-06-13",
    ),
    # a count reached "by" a day is the event's, counted then
    (
        "He said 34 bodies had been recovered by Sunday morning.",
        "2031-06-16",
        "2031-06-14",
        "unstated",
        "2031-06-14",
    ),
    (
        "As of Monday, 40 people had died.",
        "2031-06-16",
        "2031-06-14",
        "unstated",
        "2031-06-14",
    ),
    (
        "Three people were killed by Sunday's blast.",
        "2031-06-16",
        "2031-06-16",
        "weekday",
        "2031-06-15",
    ),
    # an earlier attack the event "came weeks after" is not on the event's day
    (
        "The attacks came two weeks after 17 people were killed in a nearby town.",
        "2031-06-16",
        "2031-06-14",
        "vague",
        None,
    ),
    (
        "The raid comes just a month after gunmen killed 40 villagers.",
        "2031-06-16",
        "2031-06-14",
        "vague",
        None,
    ),
    # ... but a follow-up's "Four months after ..." tells of its own event
    (
        "Four months after a girl was killed in a drive-by shooting, police named a suspect.",
        "2031-06-16",
        "2031-02-14",
        "unstated",
        "2031-02-14",
    ),
    # a weekday that is a name dates nothing; one after "On" does
    (
        "A community leader, Monday Gwom, said 34 people were killed.",
        "2031-06-16",
        "2031-06-14",
        "unstated",
        "2031-06-14",
    ),
    (
        "Monday Gwom said 34 people were killed.",
        "2031-06-16",
        "2031-06-14",
        "unstated",
        "2031-06-14",
    ),
    (
        "On Tuesday Pakistani troops killed 5 militants.",
        "2031-06-16",
        "2031-06-10",
        "weekday",
        "2031-06-10",
    ),
]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # a subject with its apposition, before the verb
        (
            "A camp coordinator, Ana Ruiz, told the Valley Times that 12 people were killed.",
            "A camp coordinator, Ana Ruiz",
        ),
        (
            "Ana Ruiz, a camp coordinator, told reporters that 12 people were killed.",
            "Ana Ruiz, a camp coordinator",
        ),
        ("Rebels stormed the post, said Ali Khan, adding that 12 people were killed.", "Ali Khan"),
        # a denial is a stance: who denies is who claims
        (
            "The Northern Front denied targeting civilians and said 12 soldiers were killed.",
            "The Northern Front",
        ),
        # a number before "reports" makes it a noun; a station's number does not
        ("Two men died after officers answered five reports of shots fired.", None),
        ("Two men were shot in the park, Channel 4 reported.", "Channel 4"),
        # "the group" with nobody named before still says a party claims the figure
        ("The group said it had killed 12 soldiers.", "The group"),
        # an article alone is no subject ("The accused gunman ...")
        ("The accused gunman was charged with killing two men.", None),
        # "al" is no outlet ("Al Jazeera" is)
        (
            "The Northern Front, al Qaeda's ally in the region, said it killed 40 soldiers.",
            "The Northern Front, al Qaeda's ally in the region",
        ),
        (
            "The Front for the Liberation of the Coast (FLC), a separatist group, said its"
            " fighters killed 40 soldiers.",
            "The Front for the Liberation of the Coast (FLC), a separatist group",
        ),
        # a named source set off after the figure, either way round
        (
            "The toll has risen to 61, the council chairman, Joseph Lar, said on Monday.",
            "the council chairman, Joseph Lar",
        ),
        ("Twelve people were killed, Joseph Lar, the council chairman, said.",
         "Joseph Lar, the council chairman"),
        # ... but a list of names before the verb is no source
        ("The shooting killed two men, Jane Doe, Jim Roe, said police.", "police"),
        # a participle is no statement: "claimed the attack in a video posted online"
        (
            "Separatist fighters claimed the attack in a video posted online, saying they had"
            " freed 500 prisoners.",
            "Separatist fighters",
        ),
        # whose claim it is, whoever disputes it
        (
            "The separatists' claim that they had freed 500 prisoners was propaganda, the"
            " governor said.",
            "The separatists",
        ),
        ("The army's claims that 50 militants were killed could not be verified.", "The army"),
    ],
)
def test_claimant_of_the_count(text: str, claimant: str | None) -> None:
    claims = extract_claims(Article.create(text, "t.txt"))
    assert claims and {c.claimant for c in claims} == {claimant}


def test_the_group_refers_to_the_party_named_before() -> None:
    text = (
        "The Northern Front rejected accusations that it had shelled the camp. "
        "In a statement, the group claimed its fighters killed 63 soldiers."
    )
    (claim,) = extract_claims(Article.create(text, "t.txt"))
    assert claim.claimant == "The Northern Front"
    # ... but a denied request is no stance: "A judge denied bond" names no claimant
    text = "A judge denied bond for a man charged with killing two people."
    assert {c.claimant for c in extract_claims(Article.create(text, "t.txt"))} == {None}


@pytest.mark.parametrize(
    ("sentence", "pub", "event", "kind", "day"),
    CLAUSE_PERIODS,
    ids=[p[0][:50] for p in CLAUSE_PERIODS],
)
def test_period_of_the_count_clause(
    sentence: str, pub: str, event: str, kind: str, day: str | None
) -> None:
    (claim,) = extract_claims(Article.create(sentence, "t.txt"))
    assert claim.period.kind == kind
    resolved = resolve(
        claim.period, pub=dt.date.fromisoformat(pub), event_day=dt.date.fromisoformat(event)
    )
    assert resolved.start == day


@pytest.mark.parametrize(
    "text",
    [
        "Two men were shot dead on March 40, three days after the raid, police said.",
        "A man was arrested on June 31, a day after the shooting, and 4 were injured.",
        "Officials said on Feb. 30, two days after the blast, that 5 people had died.",
    ],
)
def test_impossible_calendar_day_does_not_break_extraction(text: str) -> None:
    # Typos and garbled dates ("March 40") occur in real feeds; they must not stop a batch.
    claims = extract_claims(Article.create(text, "typo.txt"))
    assert claims and all(not (c.period and c.period.start) for c in claims)


def test_since_periods_end_with_the_report() -> None:
    (claim,) = extract_claims(Article.create("Since Thursday, 40 people were abducted.", "t.txt"))
    resolved = resolve(claim.period, pub=dt.date(2031, 6, 14), event_day=None)
    assert (resolved.start, resolved.end) == ("2031-06-12", "2031-06-14")
    # a figure since a month or year is background to the incident, one since a day is not
    (claim,) = extract_claims(Article.create("Since 2019, 600 soldiers were killed.", "t.txt"))
    assert article_counts([claim])["killed"] == 0
    (claim,) = extract_claims(Article.create("Since Friday, 6 people were killed.", "t.txt"))
    assert article_counts([claim])["killed"] == 6


def test_period_doctests() -> None:
    assert doctest.testmod(period_module).failed == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rank or title before a name: the name is the person, the title their group
        ("Deputy Jason Hagen died Friday after a shooting.", ("killed", "security_forces")),
        ("Trooper Ann Lee, 31, died at the hospital.", ("killed", "security_forces")),
        ("Constable Ravi Kumar was shot dead on Monday.", ("killed", "police")),
        ("Police Officer Dana Cole was shot and wounded.", ("injured", "officials")),
        ("Pastor Ann Lee was killed in the attack.", ("killed", "people")),
    ],
)
def test_a_name_after_a_title_is_a_person(text: str, expected: tuple[str, str]) -> None:
    (claim,) = extract_claims(Article.create(text, "t.txt"))
    assert (claim.measure, claim.group, claim.value) == (*expected, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Two men were released from the hospital on Monday.",
        "She was released from a local hospital after treatment.",
        "Police will question him when he is released from the hospital.",
        "McKoy, 17, was released from Boston Medical Center.",
        "Both have been released from hospitals.",
    ],
)
def test_released_from_hospital_is_no_release_from_captivity(text: str) -> None:
    assert [c.measure for c in extract_claims(Article.create(text, "t.txt"))] == []
    freed = extract_claims(Article.create("Three soldiers were released from captivity.", "t"))
    assert [(c.measure, c.value) for c in freed] == [("freed", 3)]
    near = "Two hostages were released from a compound near the health center."
    assert [(c.measure, c.value) for c in extract_claims(Article.create(near, "t"))] == [
        ("freed", 2)
    ]


def test_a_claims_places_are_read_with_the_whole_report() -> None:
    sentence = "Three people were killed in a shooting in Springfield on Sunday."
    (alone,) = extract_claims(Article.create(sentence, "a.txt"))
    text = "Police in Eugene and Salem, Oregon, sent officers.\n\n" + sentence
    art = Article.create(text, "b.txt")
    (claim,) = extract_claims(art)
    # Alone it is the largest Springfield; the report's other towns put it in Oregon.
    assert [(p.name, p.admin1) for p in alone.places] == [("Springfield", "Missouri")]
    assert [(p.name, p.admin1) for p in claim.places] == [("Springfield", "Oregon")]
    # The report's spans are moved to the sentence's: the town is where it happened.
    assert alone.scope == claim.scope == "Springfield"
    # Places the caller found already (the pipeline's) give the same claims.
    assert extract_claims(art, places=find_places(text)) == [claim]
    none = claim.model_copy(update={"places": (), "scope": None})
    assert extract_claims(art, places=[]) == [none]


def test_a_headline_keeps_its_own_places() -> None:
    art = Article.create(
        "Officers were sent from Eugene, Oregon.", "h.txt", title="Two killed in Springfield"
    )
    (claim,) = extract_claims(art)
    assert (claim.section, [p.name for p in claim.places]) == ("title", ["Springfield"])


def test_the_pipeline_finds_each_reports_places_once_for_claims_and_events() -> None:
    from corroborate.pipeline import STAGES, Batch

    arts = [
        Article.create(
            "Police in Eugene and Salem, Oregon, sent officers.\n\n"
            "Three people were killed in a shooting in Springfield on Sunday.",
            "a.txt",
        ),
        Article.create("Two men were wounded in Quetta on Monday.", "b.txt"),
        Article.create("Nothing happened in Lahore today.", "c.txt"),
    ]
    batch = Batch(articles=arts)
    STAGES["claims"](batch)
    STAGES["places"](batch)
    # The same claims as each report read alone, and the places stage's places kept.
    assert batch.claims == [c for a in arts for c in extract_claims(a)]
    assert batch.places == {a.id: [m.place for m in find_places(a.text)] for a in arts}
    alone = Batch(articles=arts)
    STAGES["places"](alone)  # the places stage alone finds them all
    assert alone.places == batch.places
