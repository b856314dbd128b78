"""Invented reports of three conflict events, written the way wire and conflict reporting
is; nothing here is tuned on: it checks that the whole pipeline reads kinds of report the
benchmarks do not hold.

- tests/data/conflict: an attack on a camp. Header lines, a dateline, partisan figures from
  both sides, a background toll from an earlier year, a quoted figure and a subject set off
  with its name.
- tests/data/abduction: a mass kidnapping. A wire story, a copy of it that credits the wire,
  and a local report; captives who escaped or were freed, a running total "since January",
  and numbers that count no one (a ransom, motorcycles, police sent in).
- tests/data/communique: an attack on a base. The army's statement, the armed group's claim
  told with its full name, an updated toll the next day, a rewrite, and an earlier attack
  named by its month.
- tests/data/strike: a missile strike on a city. A wire story in Markdown, a copy that
  credits it under a pasted "date | byline | outlet" line, and a next-day update; victims
  listed "among the injured", a city's population, weapons counted, a separate attack, and
  a claimant later named by surname only.
- tests/data/protest: a deadly day of protests. A web page with its site's menus and
  footer, a rights commission's statement under header lines, and a rewrite with a byline;
  a rights group's toll against the government's, sources referred back to ("the rights
  group", "the commission"), the dead told apart by how they died, and a population.
- tests/data/raid: raids on villages. A wire's RSS feed (with a sports item beside the
  story), a local paper's report under an unlabelled header, and a JSON-lines rewrite
  signed off "(Savanna Wire)"; a rising toll from three sources, a source named Monday, the
  injured treated in another town, arrests "bringing the number in custody to eight", and
  an earlier attack the raids "came two weeks after".
- tests/data/jailbreak: an attack on a prison. A wire's Atom feed, a local news page a day
  later, and a rewrite; inmates who escaped and were caught again, guards and a soldier
  killed side by side, "bringing to five the number of guards killed", the attackers'
  claim disputed by an official, and a dateline that is not the attack's day.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.ingest import read_paths
from corroborate.model import Report
from corroborate.pipeline import analyse

DATA = Path(__file__).parent / "data"


def _analyse(folder: str) -> Report:
    return analyse(read_paths([DATA / folder]).articles)


@pytest.fixture(scope="module")
def report() -> Report:
    return _analyse("conflict")


@pytest.fixture(scope="module")
def abduction() -> Report:
    return _analyse("abduction")


@pytest.fixture(scope="module")
def communique() -> Report:
    return _analyse("communique")


@pytest.fixture(scope="module")
def strike() -> Report:
    return _analyse("strike")


@pytest.fixture(scope="module")
def protest() -> Report:
    return _analyse("protest")


@pytest.fixture(scope="module")
def raid() -> Report:
    return _analyse("raid")


@pytest.fixture(scope="module")
def jailbreak() -> Report:
    return _analyse("jailbreak")


def _fact(report: Report, measure: str, group: str, start: str):
    (event,) = report.events
    return next(
        f
        for f in event.facts
        if f.measure == measure and f.group == group and f.period.start == start
    )


def _keys(report: Report) -> dict[str, str]:
    return {a.id: a.key for a in report.articles}


def test_header_lines_give_title_outlet_and_date(report: Report) -> None:
    by_key = {a.key: a for a in report.articles}
    wire = by_key["01-wire"]
    assert wire.outlet == "Continental Wire"
    assert wire.date == "2026-03-14"
    assert wire.title is not None and wire.title.startswith("Sudan paramilitary attack")
    assert not wire.text.startswith("Title:")
    # The dateline credits the report's own outlet: that is no syndication.
    assert not any(r.kind == "syndicated" for r in report.relations)


def test_one_event_on_the_day_the_reports_name(report: Report) -> None:
    (event,) = report.events
    assert len(event.articles) == 3
    # "on Friday" in reports dated Saturday 14 March, not the dateline's "March 14"
    assert event.date == "2026-03-13"


def test_civilian_toll_conflicts_between_sources(report: Report) -> None:
    fact = _fact(report, "killed", "civilians", "2026-03-13")
    values = {v.value: v for v in fact.values}
    assert set(values) == {47, 58}
    assert fact.conflict
    assert values[47].qualifier == "at_least"
    assert "local health officials" in values[47].claimants
    assert "The Sudan Doctors Network" in values[58].claimants


def test_each_side_claims_the_other_sides_dead(report: Report) -> None:
    militants = _fact(report, "killed", "militants", "2026-03-13")
    (army,) = militants.values
    assert (army.value, army.qualifier) == (200, "more_than")  # a quoted figure
    assert army.claimants == ("The army",)
    soldiers = _fact(report, "killed", "soldiers", "2026-03-13")
    (rsf,) = soldiers.values
    assert rsf.value == 63
    # "The RSF denied ... and said", then "the group claimed": one party, not unattributed
    assert all("RSF" in c for c in rsf.claimants)


def test_an_earlier_years_toll_is_its_own_fact(report: Report) -> None:
    background = _fact(report, "killed", "people", "2024-01-01")
    (value,) = background.values
    assert value.value == 100 and not background.conflict


def test_later_figures_keep_their_day_and_speaker(report: Report) -> None:
    (freed,) = _fact(report, "freed", "people", "2026-03-14").values
    assert freed.value == 2  # "Two of the three kidnapped aid workers were freed on Saturday"
    (arrested,) = _fact(report, "arrested", "civilians", "2026-03-13").values
    assert arrested.claimants == ("A camp coordinator, Adam Rojal",)  # "..., he said."


def test_abduction_copy_is_credited_and_its_footer_dropped(abduction: Report) -> None:
    keys = _keys(abduction)
    (copy,) = abduction.relations
    assert {keys[copy.a], keys[copy.b]} == {"01-wire", "02-copy"}
    assert copy.credited == "Sahel Wire"
    text = next(a.text for a in abduction.articles if a.key == "02-copy")
    assert "newsletter" not in text


def test_abduction_figures(abduction: Report) -> None:
    (event,) = abduction.events
    assert event.date == "2026-05-07"  # "on Thursday", in reports of Saturday and Sunday
    taken = _fact(abduction, "kidnapped", "civilians", "2026-05-07")
    assert {v.value for v in taken.values} == {120, 150} and taken.conflict
    # "troops killed 11 bandits" on Friday: the armed group's dead, told by the army
    (bandits,) = _fact(abduction, "killed", "militants", "2026-05-08").values
    assert bandits.value == 11 and bandits.claimants == ("The army",)
    # captives who escaped or were rescued are freed, not kidnapped again
    freed = _fact(abduction, "freed", "hostages", "2026-05-08")
    assert {v.value for v in freed.values} == {18, 23}
    (regained,) = _fact(abduction, "freed", "hostages", "2026-05-07").values
    assert regained.value == 30 and regained.claimants == ("The state government",)
    # a running total since January is its own fact, not a rival of this raid's figure
    since = _fact(abduction, "kidnapped", "people", "2026-01-01")
    assert since.period.end == "2026-05-09" and not since.conflict


def test_abduction_numbers_that_count_no_one(abduction: Report) -> None:
    values = {c.value for c in abduction.claims}
    # a ransom, its dollar value, motorcycles, police sent in, burned homes
    assert not values & {50, 32000, 60, 200}
    assert not any(c.measure in ("displaced", "places_attacked") for c in abduction.claims)


def test_communique_rewrite_and_sides(communique: Report) -> None:
    keys = _keys(communique)
    (rewrite,) = communique.relations
    assert {keys[rewrite.a], keys[rewrite.b]} == {"01-monitor", "03-rewrite"}
    soldiers = _fact(communique, "killed", "soldiers", "2026-08-16")
    by_value = {v.value: v for v in soldiers.values}
    assert set(by_value) == {12, 40, 51, 100}
    # the armed group, named in full with its acronym or by it, claims the army's dead
    assert by_value[100].claimant_keys == ("jnim",) and by_value[100].partisan
    # the next day's "has risen to 51" is the best figure
    assert by_value[51].updated and soldiers.best == 51


def test_communique_earlier_attack_keeps_its_month(communique: Report) -> None:
    # "since June 2025, when at least 50 soldiers were killed"
    (earlier,) = _fact(communique, "killed", "soldiers", "2025-06-01").values
    assert earlier.value == 50
    # "12 soldiers and four civilian volunteers were killed and 25 were wounded"
    (hurt,) = _fact(communique, "injured", "civilians+security_forces", "2026-08-16").values
    assert hurt.value == 25


def test_strike_metadata_lines_and_the_copy(strike: Report) -> None:
    by_key = {a.key: a for a in strike.articles}
    copy, update = by_key["02-copy"], by_key["03-update"]
    assert (copy.outlet, copy.author, copy.date) == (
        "Morning Herald Online", "Staff Reporter", "2026-11-18"
    )
    assert (update.outlet, update.author, update.date) == (
        "Dnipro Daily", "Olena Hrytsenko", "2026-11-19"
    )
    assert not copy.text.startswith("Published")
    keys = _keys(strike)
    (rel,) = strike.relations
    assert {keys[rel.a], keys[rel.b]} == {"01-wire", "02-copy"}
    assert rel.credited == "Eastern Europe Wire"
    # the copy's "..., Lysak said, according to Eastern Europe Wire": the governor claims it
    nine = next(c for c in strike.claims if keys[c.article] == "02-copy" and c.value == 9
                and c.measure == "killed")
    assert nine.claimant_key == "serhiy_lysak"


def test_strike_updated_tolls_are_one_fact(strike: Report) -> None:
    dead = _fact(strike, "killed", "people", "2026-11-18")
    assert {v.value for v in dead.values} == {9, 12} and dead.best == 12
    # "48 others, including six children" (civilians) and "the number of injured rose to
    # 53" (people) are one quantity; the parts listed "among the injured" are no rivals
    hurt = _fact(strike, "injured", "civilians", "2026-11-18")
    assert {v.value for v in hurt.values} == {48, 53, None} and hurt.best == 53
    (teens,) = _fact(strike, "injured", "civilians (teenagers)", "2026-11-18").values
    assert teens.value == 2
    (serious,) = _fact(strike, "injured", "civilians (of them)", "2026-11-18").values
    assert serious.value == 4


def test_strike_numbers_that_count_no_one(strike: Report) -> None:
    values = {c.value for c in strike.claims}
    # a city's population, drones and missiles, households, rescuers, flats, the pulled out
    assert not values & {1_000_000, 143, 121, 40_000, 180, 120, 14}
    # "A strike ... in January 2023 killed 46 people" is January 2023's
    (earlier,) = _fact(strike, "killed", "people", "2023-01-01").values
    assert earlier.value == 46


def test_strike_surname_joins_the_full_claimant(strike: Report) -> None:
    # "killing a 54-year-old man, Lysak said": the governor named in full elsewhere
    keys = {c.claimant: c.claimant_key for e in strike.events for f in e.facts
            for v in f.values for c in strike.claims if c.id in v.claims}
    assert keys["Lysak"] == "serhiy_lysak"
    # "The number of injured rose to 53, the service said": the service named before
    (fifty_three,) = [c for c in strike.claims if c.value == 53]
    assert fifty_three.claimant == "the State Emergency Service"


def _facts_of(report: Report, key: str) -> list:
    """The facts of the event that holds the article ``key``."""
    keys = _keys(report)
    return next(e.facts for e in report.events if key in {keys[a] for a in e.articles})


def test_protest_web_page_and_its_rewrite(protest: Report) -> None:
    by_key = {a.key: a for a in protest.articles}
    page = by_key["01-observer"]
    assert (page.outlet, page.author, page.date[:10]) == (
        "Horn Observer", "Achieng Odhiambo", "2026-07-08"
    )
    assert "Sign up" not in page.text and "Sport" not in page.text
    keys = _keys(protest)
    (rel,) = protest.relations
    assert {keys[rel.a], keys[rel.b]} == {"01-observer", "03-rewrite"}


def test_protest_rights_group_and_government_disagree(protest: Report) -> None:
    facts = {(f.measure, f.group, f.period.start): f for f in _facts_of(protest, "01-observer")}
    dead = facts[("killed", "people", "2026-07-06")]
    by_value = {v.value: v for v in dead.values}
    assert set(by_value) == {16, 8} and dead.conflict
    assert by_value[16].origins == 1  # the rewrite is no second source
    assert by_value[8].claimant_keys == ("kipchumba_murkomen",)
    hurt = facts[("injured", "people", "2026-07-06")]
    by_value = {v.value: v for v in hurt.values}
    assert set(by_value) == {400, 320} and hurt.conflict
    # "The rights group said more than 400 ...": the group named in the sentence before
    assert by_value[400].claimants == ("Amnesty International Kenya",)
    (gunshot,) = facts[("injured", "people (of them)", "2026-07-06")].values
    assert gunshot.value == 83
    (police,) = facts[("injured", "police", "2026-07-06")].values
    assert police.value == 52
    (stations,) = facts[("places_attacked", "facilities", "2026-07-06")].values
    assert stations.value == 2
    (earlier,) = facts[("killed", "people", "2024-06-01")].values
    assert earlier.value == 60


def test_protest_commission_statement(protest: Report) -> None:
    facts = {(f.measure, f.group): f for f in _facts_of(protest, "02-commission")
             if f.period.start == "2026-07-06"}
    # "Of those killed, 24 were shot by police": how 24 of the 31 died, no rival toll
    dead = facts[("killed", "people")]
    assert [v.value for v in dead.values] == [31] and not dead.conflict
    (shot,) = facts[("killed", "people (of those killed)")].values
    assert shot.value == 24
    assert not any(f.measure == "injured" and any(v.value == 24 for v in f.values)
                   for f in facts.values())
    # "It said two people were still missing", after "the commission said"
    (missing,) = facts[("missing", "people")].values
    assert missing.value == 2
    assert missing.claimants == ("Kenya National Commission on Human Rights (KNCHR)",)


def test_protest_numbers_that_count_no_one(protest: Report) -> None:
    values = {c.value for c in protest.claims}
    # a country's population, looted shops, suspended officers, 17 counties
    assert not values & {55_000_000, 70, 11, 17}


def test_raid_reports_read_from_a_feed_a_header_and_json_lines(raid: Report) -> None:
    by_key = {a.key: a for a in raid.articles}
    local = by_key["02-local"]
    assert (local.outlet, local.author, local.date) == (
        "Plateau Mirror", "Ruth Danjuma", "2026-11-16"
    )  # fmt: skip
    assert local.title == "Death toll in Bokkos raids rises to 61, says council chairman"
    assert not local.text.startswith("Plateau Mirror")
    keys = _keys(raid)
    (copy,) = raid.relations
    assert {keys[copy.a], keys[copy.b]} == {"plateau-raids", "03-copy-1"}
    assert copy.credited == "Savanna Wire"  # the "(Savanna Wire)" sign-off
    # the feed's sports item is its own event, with no figures
    (sport,) = [e for e in raid.events if {keys[a] for a in e.articles} == {"pillars-striker"}]
    assert not sport.facts


def test_raid_toll_from_three_sources_is_one_fact(raid: Report) -> None:
    facts = _facts_of(raid, "02-local")
    (toll,) = [f for f in facts if f.measure == "killed" and f.group == "people"
               and f.period.start == "2026-11-14"]  # fmt: skip
    values = {v.value: v for v in toll.values}
    # "34 bodies had been recovered by Sunday morning" is the raids' toll, counted then;
    # "Monday Gwom" is a community leader, not a Monday
    assert set(values) == {27, 34, 61} and toll.conflict
    assert values[61].claimants == ("the council chairman, Joseph Lar",)
    assert not any(f.period.start == "2026-11-09" for f in facts)
    # "41 of the dead were women and children"
    (women,) = [f for f in facts if f.measure == "killed" and f.group == "civilians"]
    assert [v.value for v in women.values] == [41]


def test_raid_injured_arrests_and_an_earlier_attack(raid: Report) -> None:
    facts = _facts_of(raid, "02-local")
    # "taken to hospital in Jos" does not make Jos the figure's own place
    (injured,) = [f for f in facts if f.measure == "injured"]
    assert {v.value for v in injured.values} == {8, 23} and injured.scope is None
    arrested = {f.group: {v.value for v in f.values} for f in facts if f.measure == "arrested"}
    assert arrested == {"suspects": {6, 8}, "suspects (more suspects)": {2}}
    # "The attacks came two weeks after 17 people were killed in neighbouring Mangu"
    (earlier,) = [f for f in facts if any(v.value == 17 for v in f.values)]
    assert earlier.period.start is None and len(earlier.values) == 1


def test_jailbreak_is_one_event_on_the_night_of_the_attack(jailbreak: Report) -> None:
    (event,) = jailbreak.events
    assert len(event.articles) == 3
    # "late on Saturday", reported on Sunday under a dateline "Oct 4" and "by Sunday afternoon"
    assert event.date == "2026-10-03"
    # "Nine other guards were wounded": a number, not a town called Nine
    assert "Nine" not in {p.name for p in event.places}


def test_jailbreak_escaped_inmates_and_the_attackers_claim(jailbreak: Report) -> None:
    freed = _fact(jailbreak, "freed", "prisoners", "2026-10-03")
    values = {v.value: v for v in freed.values}
    assert {300, 412, 500} <= set(values) and freed.conflict
    # the separatists' figure, though an official is the one who calls it propaganda
    assert values[500].claimants == ("The separatists",)
    (captured,) = _fact(jailbreak, "captured", "prisoners", "2026-10-03").values
    assert captured.value == 48
    (arrested,) = _fact(jailbreak, "arrested", "people", "2026-10-03").values
    assert arrested.value == 96  # "Of those, 96 had been rearrested"


def test_jailbreak_guards_and_soldier_are_told_apart(jailbreak: Report) -> None:
    guards = _fact(jailbreak, "killed", "security_forces", "2026-10-03")
    assert {v.value for v in guards.values} == {3, 5}  # 5 after two more died
    (soldier,) = _fact(jailbreak, "killed", "soldiers", "2026-10-03").values
    assert soldier.value == 1
    (more,) = _fact(jailbreak, "killed", "security_forces (more guards)", "2026-10-03").values
    assert more.value == 2
