"""Reconcile: facts, partisan marks, low/best/high, arithmetic relations, statements.

The seeds tests read every expectation from ../shared/gold/seeds.yaml; the rest use
invented reports.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from corroborate import analyse
from corroborate.claims import extract_claims
from corroborate.model import Article, ValueSupport
from corroborate.reconcile import event_counts, event_day, top_group
from corroborate.reconcile.rules import RuleSettings, estimate
from corroborate.reconcile.sides import claimant_side, is_partisan

GOLD_MEASURES = {"abducted": "kidnapped"}
GOLD_GROUPS = {"all": "people", "civilians_and_security": "civilians+security_forces"}


def _norm(text: str) -> str:
    text = re.sub(r"\(.*?\)", " ", text.replace("’", "'").lower())
    return " ".join(re.findall(r"[a-z]+", re.sub(r"'s\b|'", "", text)))


def _same(alias: str, said: str) -> bool:
    """Alias and claimant name the same source ("the military" ~ "the country's military")."""
    a, b = set(_norm(alias).split()) - {"the", "a"}, set(_norm(said).split()) - {"the", "a"}
    return bool(a and b) and (a <= b or b <= a)


def _keys(report) -> dict[str, str]:
    return {"a" + a.key[:3]: a.id for a in report.articles}


def _periods(gold) -> dict[str, tuple[str, str]]:
    day = dt.date.fromisoformat(str(gold["event"]["date"]))
    before = (day - dt.timedelta(days=1)).isoformat()
    return {
        "attack_day": (day.isoformat(), day.isoformat()),
        "day_before": (before, before),
        "two_days": (before, day.isoformat()),
    }


def _find_value(report, gold, spec, gv):
    (event,) = report.events
    measure = GOLD_MEASURES.get(spec["measure"], spec["measure"])
    group = spec["group"].split(" ")[0]
    group = top_group(GOLD_GROUPS.get(group, group))
    start, end = _periods(gold)[spec["period"]]
    for fact in event.facts:
        if fact.measure != measure or top_group(fact.group.split(" ")[0]) != group:
            continue
        if (fact.period.start, fact.period.end) != (start, end):
            continue
        # A fact the gold ties to one town is scoped to it; the others are event-wide.
        town = spec.get("location") if len(spec.get("location") or []) == 1 else None
        if fact.scope != (town[0] if town else None):
            continue
        for v in fact.values:
            if v.value == gv["value"] or (
                isinstance(gv["value"], str) and gv["value"] in v.number_text.lower()
            ):
                return fact, v
    return None, None


def _gold_values(gold):
    return [(s, v) for s in gold["facts"] for v in s["values"]]


def test_every_gold_value_with_articles_qualifier_and_claimant(seeds_report, gold):
    keys = _keys(seeds_report)
    for spec, gv in _gold_values(gold):
        _, value = _find_value(seeds_report, gold, spec, gv)
        assert value is not None, (spec["id"], gv["value"])
        assert {keys[a] for a in gv["articles"]} <= set(value.articles), (spec["id"], gv)
        assert value.qualifier == gv["qualifier"], (spec["id"], gv, value.qualifier)
        if gv["claimant"] is None:
            assert not value.claimants, (spec["id"], value.claimants)
        else:
            aliases = gold["claimants"][gv["claimant"]]
            assert any(_same(a, s) for a in aliases for s in value.claimants), (
                spec["id"],
                value.claimants,
            )


def test_military_92_is_three_independent_origins(seeds_report, gold):
    """The 92 stands in four reports, but 000 and 001 are renderings of one original."""
    keys = _keys(seeds_report)
    spec = next(f for f in gold["facts"] if f["id"] == "militants_killed_attack_day")
    gv = next(v for v in spec["values"] if v["claimant"] == "pakistan_military")
    _, value = _find_value(seeds_report, gold, spec, gv)
    assert value is not None
    pair = gold["provenance"]["derived_pairs"][0]
    assert {keys[pair["a"]], keys[pair["b"]]} <= set(value.articles)
    assert value.origins == len(gv["articles"]) - 1
    aliases = gold["claimants"][gv["claimant"]]
    assert all(any(_same(a, s) for a in aliases) for s in value.claimants), value.claimants


def test_rebel_figure_is_partisan(seeds_report, gold):
    spec = next(f for f in gold["facts"] if f["id"] == "security_killed_attack_day")
    fact = None
    for gv in spec["values"]:
        fact, value = _find_value(seeds_report, gold, spec, gv)
        assert value is not None
        assert value.partisan is (gv["claimant"] == "bla"), gv
    assert fact is not None
    assert fact.best == 15 and "partisan" in fact.rule  # the BLA's 84 is shown, not used
    assert fact.low is not None and fact.high is not None and fact.low <= 15 <= fact.high


@pytest.mark.parametrize(
    ("total_id", "part_ids"),
    [
        (
            "non_militants_killed_attack_day",
            ["civilians_killed_attack_day", "security_killed_attack_day"],
        ),
        (
            "militants_killed_two_days",
            ["militants_killed_attack_day", "militants_killed_day_before"],
        ),
    ],
)
def test_sums_are_shown(seeds_report, gold, total_id, part_ids):
    specs = {f["id"]: f for f in gold["facts"]}

    def fact_of(fid):
        spec = specs[fid]
        fact, _ = _find_value(seeds_report, gold, spec, spec["values"][0])
        assert fact is not None, fid
        return fact

    total, parts = fact_of(total_id), {fact_of(p).id for p in part_ids}
    (event,) = seeds_report.events
    rel = [r for r in event.relations if r.total == total.id and parts <= set(r.parts)]
    assert rel and rel[0].holds, [r.expression for r in event.relations]
    numbers = [int(n) for n in re.findall(r"\d+", rel[0].expression)]
    assert numbers[0] == sum(numbers[1:])


def test_accusation_and_denial_kept_as_a_pair(seeds_report, gold):
    keys = _keys(seeds_report)
    (expected,) = gold["statements"]
    (event,) = seeds_report.events
    statement = next(s for s in event.statements if "India" in (s.accused or "") + s.accusation)
    assert {keys[a] for a in expected["articles"]} <= set(statement.articles)
    for who in expected["claimant"]:
        names = gold["claimants"].get(who, [who])
        assert any(_same(n, a) for n in names for a in statement.accusers), who
    assert any("india" in _norm(d) or "delhi" in _norm(d) for d in statement.denied_by)


# --- invented reports ---------------------------------------------------------------------
def _event(*texts: str, dates: tuple[str | None, ...] = ()):
    arts = [
        Article.create(t, f"r{i}.txt", date=(dates[i] if i < len(dates) else None))
        for i, t in enumerate(texts)
    ]
    (event,) = analyse(arts).events
    return event


@pytest.mark.parametrize(
    ("said", "updated"),
    [("ROSE to 15", True), ("Now Stands at 15", True), ("is 15, up from the rosewood", False)],
)
def test_an_update_is_read_in_any_case(said: str, updated: bool) -> None:
    event = _event(
        "Police said 12 people were killed in the bus attack near Mandera on Monday.",
        f"The death toll in Monday's bus attack near Mandera {said}, police said.",
        dates=("2026-04-06", "2026-04-07"),
    )
    fact = next(f for f in event.facts if f.measure == "killed")
    assert ("updated" in fact.rule) is updated


def test_updated_toll_is_best():
    event = _event(
        "Police said 12 people were killed in the bus attack near Mandera on Monday.",
        "The death toll in Monday's bus attack near Mandera rose to 15, police said.",
        dates=("2026-04-06", "2026-04-07"),
    )
    fact = next(f for f in event.facts if f.measure == "killed")
    assert [v.value for v in fact.values] == [12, 15] or {v.value for v in fact.values} == {12, 15}
    assert fact.best == 15 and "updated" in fact.rule
    assert [t.value for t in fact.timeline] == [12, 15]


def test_people_figures_join_the_civilians_toll():
    event = _event(
        "Shelling on Monday killed 20 civilians in the market of Kharkiv, the governor said.",
        "The number of people killed in Monday's shelling of the Kharkiv market rose to 23.",
        dates=("2026-04-06", "2026-04-07"),
    )
    (fact,) = [f for f in event.facts if f.measure == "killed"]
    assert fact.group == "civilians" and {v.value for v in fact.values} == {20, 23}
    assert fact.best == 23


def test_one_named_civilian_is_no_toll():
    event = _event(
        "Shelling on Monday killed 20 people in the market of Kharkiv, the governor said.",
        "A 54-year-old man was killed in Monday's shelling of the Kharkiv market.",
        dates=("2026-04-06", "2026-04-07"),
    )
    facts = {f.group: f for f in event.facts if f.measure == "killed"}
    assert [v.value for v in facts["people"].values] == [20]
    assert [v.value for v in facts["civilians"].values] == [1]


def test_a_surname_is_the_claimant_named_in_full():
    event = _event(
        "Governor Oleh Syniehubov said shelling killed 20 people in Kharkiv on Monday.",
        "Shelling killed 20 people in Kharkiv on Monday, Syniehubov said.",
        dates=("2026-04-06", "2026-04-07"),
    )
    (fact,) = [f for f in event.facts if f.measure == "killed"]
    (value,) = fact.values
    assert value.claimant_keys == ("oleh_syniehubov",)


def test_conservative_rule_takes_the_smallest_credible_figure():
    values = [
        ValueSupport(
            value=12,
            number_text="12",
            claimants=("police",),
            articles=("a",),
            claims=("c1",),
            origins=2,
        ),
        ValueSupport(
            value=20,
            number_text="20",
            claimants=("medics",),
            articles=("b",),
            claims=("c2",),
            origins=1,
        ),
        ValueSupport(
            value=60,
            number_text="60",
            claimants=("rebels",),
            articles=("c",),
            claims=("c3",),
            origins=3,
            partisan=True,
        ),
    ]
    ucdp = estimate(values, RuleSettings())
    assert (ucdp.low, ucdp.best, ucdp.high) == (12, 12, 20)
    assert "partisan" in ucdp.rule
    acled = estimate(values, RuleSettings(rule="conservative"))
    assert (acled.low, acled.best, acled.high) == (12, 12, 20)
    everything = estimate(values, RuleSettings(exclude_partisan=False))
    assert (everything.best, everything.high) == (60, 60)


def test_sum_that_does_not_add_up_is_flagged():
    event = _event(
        "Officials said the blast killed 30 people, including 20 civilians and 15 soldiers."
    )
    (rel,) = [r for r in event.relations if r.kind == "parts"]
    assert rel.expression == "30 = 20 + 15" and rel.holds is False


@pytest.mark.parametrize(
    ("key", "text", "group", "partisan"),
    [
        ("military", "the army", "militants", True),
        ("military", "the army", "soldiers", False),
        ("nff", "The Northern Freedom Front (NFF)", "soldiers", True),
        ("medical", "hospital officials", "militants", False),
        ("police", "police", "civilians", False),
        (None, None, "militants", False),
    ],
)
def test_partisan(key, text, group, partisan):
    assert is_partisan(key, text, group) is partisan


def test_sides_of_named_claimants():
    assert claimant_side("jlf", "The Jubba Liberation Front") == "armed_group"
    assert claimant_side("amina_yusuf", "County governor Amina Yusuf") == "state"
    assert claimant_side("witnesses", "witnesses") is None


def test_denial_in_next_sentence_is_paired():
    event = _event(
        "Officials said 4 soldiers were killed in the rebel raid. The government accused "
        "Rwanda of arming the rebels. Kigali denied it."
    )
    (st,) = event.statements
    assert st.accusers == ("The government",) and st.denied_by == ("Kigali",)
    assert st.evidence and st.evidence[0].text.startswith("The government accused")


# --- one number per measure for an incident dataset row -------------------------------


def test_event_counts_tie_goes_to_the_smaller_figure() -> None:
    a = Article.create("A gunman killed two people and wounded three at a Dunmore bar on "
                       "Friday, police said.", "a.txt", date="2031-03-08")
    b = Article.create("Police said two people were killed and four were injured in a "
                       "shooting at a Dunmore bar on Friday.", "b.txt", date="2031-03-08")
    rep = analyse([a, b])
    assert len(rep.events) == 1
    # Two independent reports, one each for 3 and 4 injured: the conservative 3.
    assert event_counts(rep.events[0], rep.claims) == {"killed": 2, "injured": 3}


def test_event_counts_reads_the_injured_against_the_dead() -> None:
    art = Article.create("A woman was shot at a Dunmore car park on Friday night. She died "
                         "at the scene, police said.", "c.txt", date="2031-03-08")
    rep = analyse([art])
    assert {c.measure for c in rep.claims} == {"injured", "killed"}  # "was shot" alone
    assert event_counts(rep.events[0], rep.claims) == {"killed": 1, "injured": 0}


def test_event_counts_tie_goes_to_a_report_that_tallies_the_incident() -> None:
    a = Article.create("A gunman opened fire at a Dunmore bar on Friday night, police said. "
                       "Two people were killed. Three others were wounded.", "a.txt",
                       date="2031-03-08")
    b = Article.create("A gunman opened fire at a Dunmore bar on Friday night, police said.",
                       "b.txt", date="2031-03-08",
                       title="2 dead, 4 wounded in Dunmore bar shooting")
    rep = analyse([a, b])
    assert len(rep.events) == 1
    # 3 and 4 injured, one report each; the one whose headline numbers both is its tally.
    assert event_counts(rep.events[0], rep.claims) == {"killed": 2, "injured": 4}


def test_event_day_is_never_after_the_first_report() -> None:
    # The follow-up's "Wednesday" is its own news, five days after the first report.
    first = Article.create("A boy shot himself at home.", "a.txt", date="2017-03-25")
    later = Article.create(
        "Two people were arrested on Wednesday after the shooting.", "b.txt", date="2017-03-30"
    )
    arts = {first.id: first, later.id: later}
    claims = [c for a in arts.values() for c in extract_claims(a)]
    assert any(c.period.kind == "weekday" for c in claims)
    assert event_day(claims, arts) == dt.date(2017, 3, 25)


def test_event_day_counts_a_total_and_its_parts_once() -> None:
    # Saturday's four, "including two children and a woman", are one dated figure, not
    # three: the two figures dated Sunday outvote it.
    first = Article.create(
        "Four people were shot on Saturday, including two children and a woman.", "a.txt",
        date="2026-04-06",
    )
    second = Article.create(
        "Two men were killed on Sunday. A third man was hurt on Sunday.", "b.txt",
        date="2026-04-06",
    )
    arts = {first.id: first, second.id: second}
    claims = [c for a in arts.values() for c in extract_claims(a)]
    assert sum(c.parts_of is not None for c in claims) == 2
    assert event_day(claims, arts) == dt.date(2026, 4, 5)
