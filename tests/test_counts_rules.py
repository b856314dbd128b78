"""One report's figures: suicides, lists of names, ages that look like counts, headlines.

Invented sentences, each with the killed/injured an incident coder would fill in (victims
and perpetrators together, as the gva incidents count them).
"""

from __future__ import annotations

import pytest

from corroborate.claims import extract_claims
from corroborate.claims.counts import article_counts
from corroborate.model import Article

BODY = [
    # the people a double shooting lists are its two victims, not two more
    ("Police are investigating a double shooting that injured a man and a teenager.", (0, 2)),
    ("A man and a woman were wounded in a double shooting on Sunday.", (0, 2)),
    # parts listed "among the dead" are not added to the toll
    ("Nine people were killed. Among the dead were three children and a police officer.", (9, 0)),
    ("Two men, a woman and a teenager were killed in the fire.", (4, 0)),
    # a killer's suicide told beside the victims adds one
    ("Police said the man shot 3 neighbours, killing 1, then himself.", (2, 3)),
    ("The gunman killed two people and wounded five others before killing himself.", (3, 5)),
    ("A farmer killed his wife and two sons before taking his own life.", (4, 0)),
    ("Officers found the driver had killed the two passengers and then himself.", (3, 0)),
    ("Police said the farmer killed his wife, his son and himself.", (3, 0)),
    # ... but not when the total told elsewhere already holds the killer
    (
        "Four people are dead. A farmer killed his wife and two sons before taking his own life.",
        (4, 0),
    ),
    ("Three people are dead, including the gunman.", (3, 0)),
    # someone who dies by their own hand alone is the one casualty
    ("A 12-year-old boy accidentally shot and killed himself on Friday.", (1, 0)),
    ("Deputies said the woman later killed herself in her car.", (1, 0)),
    # wishes, threats and attempts are no deaths; talk of "themselves" is no count
    ("He tried to take his own life last year.", (0, 0)),
    ("The caller said he was threatening to kill himself.", (0, 0)),
    ("Residents say young men are killing themselves over nothing.", (0, 0)),
    ("The gunman then turned the gun on himself and is in critical condition.", (0, 1)),
    # a double murder-suicide is two victims and the killer
    ("Police are investigating a double murder-suicide in the Elm Street home.", (3, 0)),
    ("Girl, 6, killed by mother in double murder-suicide, police say.", (3, 0)),
    ("Police called it a triple murder-suicide.", (4, 0)),
    ("Police called it a murder-suicide.", (2, 0)),
    # "to kill" after a verb of intent is no death
    ("A clerk was shot. The man accused of trying to kill 2 guards was arrested.", (0, 1)),
    ("Police said the brothers had plotted to kill their uncle.", (0, 0)),
    ("A boy was wounded. His father said he was going to kill the neighbours.", (0, 1)),
    ("The gunman went on to kill two people at the store.", (2, 0)),
    # lists of names share the predicate that follows (or the verb before) them
    ("Dario Lentz, 33, and Omar Pike, 26, were killed outside the bar.", (2, 0)),
    ("Nell and Harlan Voss were found dead in their home.", (2, 0)),
    # a hyphenated surname is a name too
    ("Rosa Ibarra-Lugo, 31, was shot in the arm, police said.", (0, 1)),
    ("Shots were fired and Nuñez-Pratt was injured.", (0, 1)),
    ("The gunman fired into the car, killing Rhea Lund, 19, and Tobias Marr, 21.", (2, 0)),
    ("Ada, Bram, Cyril and Della Marsh were shot dead.", (4, 0)),
    ("The victim, Tom Esk, died at the scene.", (1, 0)),
    ("The victim of Friday's shooting on Elm Street died Monday.", (1, 0)),
    # a pupil told by grade is one person
    ("A Dover eighth-grader died Sunday after being accidentally shot.", (1, 0)),
    ("Two sophomores were wounded outside the gym.", (0, 2)),
    # "their mother" is one person of their own, as "his wife" is
    ("Two children and their mother were found dead in the house.", (3, 0)),
    ("Two boys, ages 3 and 5, and their father were found shot to death.", (3, 0)),
    ("Police said their son was shot in the leg.", (0, 1)),
    ("Neighbours said their home was hit by gunfire.", (0, 0)),
    # ages in an aside are no counts
    ("Two girls, ages 4 and 11, and two adults were found slain in the house.", (4, 0)),
    ("Police found a man and a woman, both 19, dead in the yard.", (2, 0)),
    ("Ray Dunn, 20, was charged in the death of Eli Moss, also 20.", (1, 0)),
    # "shot X dead / to death" kills
    ("The gunman who shot two clerks to death fled in a van.", (2, 0)),
    ("He shot his brother dead after an argument.", (1, 0)),
    # a figure dated to an earlier year than the report's latest is another incident
    (
        "Two people were killed in the 2019 shooting at the mall. "
        "It came years after the 2012 theater attack that left 12 dead.",
        (2, 0),
    ),
    ("Gunmen killed 4 people in the 2000 block of Vine Street.", (4, 0)),
    # someone of another age or sex than the dead is another casualty
    (
        "A 17-year-old was shot and killed on Monday. "
        "The 19-year-old was taken to hospital with a gunshot wound to his leg.",
        (1, 1),
    ),
    ("A man was killed on Friday. A woman was shot in the arm.", (1, 1)),
    ("A man was killed on Friday. He was shot in the chest.", (1, 0)),
    ("Police said his son shot him twice. He died at the scene.", (1, 0)),
    ("A stranger walked up and shot him in the hand.", (0, 1)),
    ("Officers found a man suffering a non life threatening gunshot wound.", (0, 1)),
    # a full stop run into the next sentence still ends it ("hospitalized.Later")
    ("The gunman shot a clerk and fled.Two customers were wounded.", (0, 2)),
    # "was shot and (later) died": one subject, two verbs
    ("A man was shot and died at the hospital.", (1, 0)),
    ("A teenager was shot on Friday and later died at a hospital.", (1, 0)),
    ("The driver was hit in the neck and was pronounced dead at the scene.", (1, 0)),
    ("A woman was shot and taken to a hospital.", (0, 1)),
    ("Two men were shot in the head and pronounced dead at the scene.", (2, 0)),
    # the dead told as a part of the shot are among them
    ("Four people were shot and one died at the scene.", (1, 3)),
    ("Two men were hit by gunfire on Elm Street and one was killed.", (1, 1)),
    ("A gunman shot five people, including one who died.", (1, 4)),
    ("Three people were shot, one of them fatally.", (1, 2)),
    # ... but a dead person named as someone else is not
    ("Two men were shot and a woman was killed.", (1, 2)),
    # people in hospital care are the hurt
    ("One man died. Three others are in the hospital with gunshot wounds.", (1, 3)),
    ("Two men remain at the hospital after the shooting on Elm Street.", (0, 2)),
    ("Two other victims showed up at a hospital in a private car.", (0, 2)),
    ("Four others are recovering in area hospitals.", (0, 4)),
    ("The victim later showed up at a local hospital.", (0, 1)),
    ("Two others turned up at area hospitals.", (0, 2)),
    ("The fight left one man dead and two others in the hospital.", (1, 2)),
    ("A teen was taken to St. Mary's Regional Hospital after the shooting.", (0, 1)),
    ("The driver was flown to the University Medical Center.", (0, 1)),
    ("The man was taken to Lakeside Medical Center and died an hour later.", (1, 0)),
    ("The student was taken to the University of Ohio, where he studies.", (0, 0)),
    ("A 13-year-old suffered a gunshot wound to the foot.", (0, 1)),
    ("Deputies found a 16 year old with a gunshot wound.", (0, 1)),
    ("Police are looking into a fight that sent three men to the hospital.", (0, 3)),
    ("The crash put two people in area hospitals.", (0, 2)),
    # ... but not whoever is merely there
    ("A detective spoke with the boy and his aunt at the hospital.", (0, 0)),
    ("The two nurses in the hospital were not hurt.", (0, 0)),
    # people listed with commas before one predicate add up, when the list ends with "and"
    ("A man, a woman and a boy were shot outside the store.", (0, 3)),
    ("Two men, a woman and a teenager were killed in the fire.", (4, 0)),
    # "..., while a girl was grazed": someone else, told after a comma and "while" / "but"
    ("A boy was shot in the arm, while a 6-year-old girl was grazed by a bullet.", (0, 2)),
    ("A man killed three people, but three people were found dead, police said.", (3, 0)),
    ("A man was shot while walking his dog.", (0, 1)),
    # ... but an aside after a comma is the same person
    ("Ray Moss, a neighbor and close friend, was shot on Sunday.", (0, 1)),
    ("Two other victims, a man and woman, were listed in serious condition.", (0, 2)),
    # bare numbers after a comma that add up to the count before are its parts
    ("All three remain in hospital, one in grave condition and the other two stable.", (0, 3)),
    # a list of parts after a total, set off by commas, with or without an aside of ages
    (
        "Five people, a 30-year-old man, a 29-year-old man, a 25-year-old woman, a 17-year-old "
        "boy and a 16-year-old girl, were wounded.",
        (0, 5),
    ),
    (
        "Rafe Osei died, and three others, two men, ages 20 and 22, and a woman, 33, are being "
        "treated.",
        (1, 3),
    ),
    ("Five people were shot, two in the leg and three in the arm.", (0, 5)),
    # "one of the three dead": the set after "of the" is told again, and the count before
    # it is a part of that set
    ("Two dead, six hurt and of the two dead one was the driver, police said.", (2, 6)),
    ("Six people were taken to hospital. One of the six people hospitalized has died.", (1, 5)),
    ("Deputies said two of the five people who were shot had died.", (2, 3)),
    ("One of the four victims died on Sunday.", (1, 0)),
    ("Two of the three men shot and killed were brothers.", (3, 0)),
    ("One of two women shot on Monday died on Friday.", (1, 1)),
    ("Ray was one of five people hit by gunfire at the party.", (0, 5)),
    ("At least one of the three Taser shots struck him.", (0, 0)),
    # a possessive's death
    ("Two men were charged in the 6-year-old's shooting death.", (1, 0)),
    ("Detectives are looking into a woman's murder on Elm Street.", (1, 0)),
    # the hurt told as alive now are not the dead told elsewhere ...
    (
        "Ann Lee, 56, and Tom Ray, 31, were shot. Both were injured and are still in the "
        "hospital. Ed Fox, 17, was killed.",
        (1, 2),
    ),
    # ... but "were hospitalized" may hold someone who died since
    ("Five people were hospitalized after the shooting. One of them, Al Roe, 22, died.", (1, 4)),
    # names set off after a count are its people
    ("Two men, James Smith, 32, and Tom Jones, 40, were shot on Elm Street.", (0, 2)),
    ("Police said the gunman shot a clerk, killing him instantly.", (1, 0)),
    # a "who" clause that tells where the people were: the verb after it tells what happened
    ("Two men who were sitting in a parked van on Ash Road were killed.", (2, 0)),
    ("Three deputies who entered the barn were wounded, the sheriff said.", (0, 3)),
    ("Additionally, two teens who were with the victim were also shot.", (0, 2)),
    ("A woman who police say was walking home was shot in the arm.", (0, 1)),
    # ... but the verb of another subject is not the count's: a clause someone says, or one
    # after "after" or "where" (the one person hurt here is the nephew, the woman, the boy)
    ("Officers spoke to two men who said their nephew had been shot in the leg.", (0, 1)),
    ("Two men who were seen running away after a woman was shot are sought.", (0, 1)),
    ("Police are looking for two men who were seen near the car where a boy was shot.", (0, 1)),
    # a breakdown set off by brackets or double hyphens is the count's, not more people
    ("The other four victims (two men and two women) were wounded.", (0, 4)),
    ("The other four victims -- two men and two women -- were wounded.", (0, 4)),
    ("Two officers and three others -- two men and a woman -- were also wounded.", (0, 5)),
    # a list of names with "all" or "both" before its predicate, or "Both" before it
    ("Staff said Ann Lee, Bo Park, Cy Dunn, and Di Moss all suffered gunshot wounds.", (0, 4)),
    ("Ann Lee, 34, Bo Park, 20, and Cy Dunn, 22, all died from gunshot wounds.", (3, 0)),
    ("Both Ann Lee and Bo Park were taken to a hospital with gunshot wounds.", (0, 2)),
    ("Ann Lee and Bo Park both were shot.", (0, 2)),
    # the object of a participle after a person is not who the predicate is about
    ("A man wielding two handguns was shot and killed at a store.", (1, 0)),
    ("A woman holding two children was shot in the leg.", (0, 1)),
    ("A man driving with two passengers was shot.", (0, 1)),
    ("A man shooting at two officers was killed by a deputy.", (1, 0)),
    # ... unless the participle tells a clause: the child is the one shot
    ("He flagged down a deputy explaining the boy was shot.", (0, 1)),
    # "get" as the passive's auxiliary
    ("A teen got shot in the leg on Friday.", (0, 1)),
    ("Two women ended up getting shot.", (0, 2)),
    ("Two men got into a fight and one was shot.", (0, 1)),
    # a name with a passive "who" clause is a person
    ("Ann Lee, who was shot in the head, was taken to a hospital.", (0, 1)),
    ("Sergeant Rod Lucas who was killed in the line of duty was mourned on Monday.", (1, 0)),
    # the people someone is kin to are not who the predicate is about
    ("The mother of the two boys was shot and killed.", (1, 0)),
    ("The father of three young children was killed.", (1, 0)),
    ("The sister of the two boys, 28-year-old Tia Ross, was shot in the arm.", (0, 1)),
    ("A family of five was found dead in their home.", (5, 0)),
    ("The family of a man killed on Sunday says he was kind.", (1, 0)),
    # one person told by two nouns takes a singular verb
    ("A husband and father was shot and killed.", (1, 0)),
    ("A husband and father of two was shot and killed on Friday.", (1, 0)),
    ("A man and woman were shot.", (0, 2)),
    # a bracketed aside after a name ("(pictured)", "(w/m, 46)") comes before its predicate
    ("Rhys Lowe (pictured) died three days after he was shot.", (1, 0)),
    ("The suspect, Nils Dahl (w/m, 51), suffered gunshot wounds and died at the scene.", (1, 0)),
    # an age after a name and its photo caption is no count
    ("Dana Rook (left), 37, and two boys were killed in the blaze.", (2, 0)),
    # those in care after a total of the shot are among them, not more
    ("Four people were shot and one victim was rushed to the hospital.", (0, 4)),
    ("Five people were shot and one is in critical condition.", (0, 5)),
    ("Three teens were wounded and two were hospitalized overnight.", (0, 3)),
    ("Two men were shot and a woman is in serious condition.", (0, 3)),
    ("Two women were shot and a man was taken to the hospital.", (0, 3)),
    ("Two people were killed and one was taken to the hospital with injuries.", (2, 1)),
    # a name of three words (a title's and a suffix's names: tests/test_claims.py); an
    # apposition that says who the person is; a name's town
    ("Tyler Alan Voss was shot on Main Street.", (0, 1)),
    ("Javon Pike, the teenage grandson of Rep. Dana Ross, was shot to death.", (1, 0)),
    ("Javon Pike, a father of two, was shot to death on Friday.", (1, 0)),
    ("Dnipro, a city of about a million people, has been struck repeatedly.", (0, 0)),
    ("Earlier, a man and a woman were shot to death by police.", (2, 0)),
    ("Tyler Voss, 15, of E. Berlin, passed away on Thursday.", (1, 0)),
    ("Mona Hart, 71, of St. Louis, was shot in the arm.", (0, 1)),
    # names listed with semicolons between their ages
    ("Fred Sims, 70; Todd Amos, 29; and Ann Cole, 40, were killed.", (3, 0)),
    ("He is charged in the shooting deaths of Fred Sims, 70; Todd Amos, 29, and Ann Cole.", (3, 0)),
    (
        "He is charged in the shooting deaths of Freddy Dale Sims, 70; Fred Lowe, 47; Todd Ray "
        "Amos, 29, and Ann Cole.",
        (4, 0),
    ),
    # "her" as a verb's object is a person; as "her husband" it is not the count
    ("The gunman opened fire, killing her and another woman.", (2, 0)),
    ("He shot her several times before he fled.", (0, 1)),
    ("He shot her husband in the leg.", (0, 1)),
    # ... and she is the dead told again, unless the dead is a man
    ("A woman is dead after police say her husband shot her in the head.", (1, 0)),
    ("A man was killed and police say the gunman also shot her in the arm.", (1, 1)),
    ("A woman was killed and the gunman shot him in the arm.", (1, 1)),
    # a near miss is no casualty
    ("A bullet came within inches of possibly killing the trooper.", (0, 0)),
    ("The gunman killed two people and nearly killed a third.", (2, 0)),
    ("The stray round almost hit a child, police said.", (0, 0)),
    ("Nearly 40 people were killed and almost two dozen were wounded.", (40, 24)),
    # kin by marriage and the grandchildren are people too
    ("She told police she had shot her granddaughter by accident.", (0, 1)),
    ("His stepson was killed in the crash.", (1, 0)),
]

# The group of a count after an active verb: the subject that opens the clause is the
# agent, not a victim told before.
GROUPS = [
    ("The gunman opened fire, killing three.", "people"),
    ("When militants attacked the post, they killed two.", "people"),
    ("Later they came across three suspects and shot one.", "suspects"),
    ("Police shot the suspect, killing him.", "suspects"),
]


@pytest.mark.parametrize(("text", "group"), GROUPS, ids=[g[0][:50] for g in GROUPS])
def test_the_agent_lends_no_group(text: str, group: str) -> None:
    claims = [c for c in extract_claims(Article.create(text, "t.txt")) if c.value]
    assert claims and claims[-1].group == group


def _counts(text: str, title: str | None = None, **kw: object) -> tuple[int, int]:
    c = article_counts(extract_claims(Article.create(text, "t.txt", title=title)), **kw)  # type: ignore[arg-type]
    return c["killed"], c["injured"]


@pytest.mark.parametrize(("text", "expected"), BODY, ids=[b[0][:50] for b in BODY])
def test_body_counts(text: str, expected: tuple[int, int]) -> None:
    assert _counts(text) == expected


IMPLIED = [
    # a death told without a count is one dead when nothing says how many
    ("Police are investigating a deadly shooting near the park.", (1, 0)),
    ("The homicide victim was identified on Tuesday.", (1, 0)),
    ("Two men were killed in a fatal shooting on Elm Street.", (2, 0)),
    ("Detectives are investigating a homicide on Elm Street.", (1, 0)),
    ("Arrest made in homicide after pool party.", (1, 0)),
    # ... but the inquiry is no death
    ("Police opened a homicide investigation, but nobody died.", (0, 0)),
    # ... and is no reason to read a wounded person as the dead told again
    ("A related story: man charged in fatal shooting. A girl was shot in the leg.", (1, 1)),
    # "fatal" / "deadly" with a place or a kind before the attack
    ("Officers named the man killed in a fatal Riverside shooting.", (1, 0)),
    ("Neighbors gathered after the deadly motel parking stabbing.", (1, 0)),
    ("Deadly heat and a shooting kept officers busy on Sunday.", (0, 0)),
    # any deadly event is a death, whatever the means
    ("Wardens named the man who died in a fatal Elk County hunting accident.", (1, 0)),
    ("Witnesses described the deadly attack at the market.", (1, 0)),
    ("Deputies were called to a fatal incident on Oak Road.", (1, 0)),
    ("A fatal crash and a shooting kept officers busy on Sunday.", (1, 0)),
    # a charge or a case of murder is a death; an attempted one is not
    ("A 19-year-old was charged with murder on Friday.", (1, 0)),
    ("Two brothers were arrested in the killing of a store clerk.", (1, 0)),
    ("Jurors heard opening statements in the Harlan murder trial.", (1, 0)),
    ("The man was charged with attempted murder after the fight.", (0, 0)),
    ("He faces attempted first-degree murder charges.", (0, 0)),
    ("One of the attempted aggravated murder charges is for the shooting.", (0, 0)),
    ("He faces attempted robbery and murder charges.", (1, 0)),
    # ... and so is one of manslaughter
    ("The boy's uncle was charged with manslaughter on Monday.", (1, 0)),
    ("A Dover man faces a manslaughter charge after the shooting.", (1, 0)),
    ("The woman was charged with attempted manslaughter.", (0, 0)),
    # a murder-suicide is two deaths; an attempted one is not
    ("Deputies say the couple died in a murder-suicide at their home.", (2, 0)),
    ("Deputies are looking into an attempted murder-suicide on Oak Road.", (0, 0)),
]


@pytest.mark.parametrize(("text", "expected"), IMPLIED, ids=[t[0][:50] for t in IMPLIED])
def test_implied_death(text: str, expected: tuple[int, int]) -> None:
    assert _counts(text) == expected


def test_a_death_without_a_count_restates_no_headline_figure() -> None:
    # the headline's dead girl stays: "charged with manslaughter" does not say how many died
    body = "A girl was shot at a party. A woman was charged with manslaughter."
    assert _counts(body, title="Girl shot at party dies; woman held") == (1, 0)


def test_implied_death_is_an_at_least_claim() -> None:
    claims = extract_claims(Article.create("Police investigate a fatal shooting.", "t.txt"))
    assert [(c.measure, c.value, c.low, c.high, c.qualifier) for c in claims] == [
        ("killed", 1, 1, None, "at_least")
    ]


def test_figure_after_a_capitalised_name_is_still_no_count() -> None:
    assert _counts("Troops began Operation Storm 2 in the valley on Monday.") == (0, 0)


def test_time_is_no_count() -> None:
    assert _counts("The gunman opened fire at 10:45 and wounded two people.") == (0, 2)


def test_victims_only_counts_leave_out_the_killers_suicide() -> None:
    text = "The gunman killed two people and wounded five others before killing himself."
    assert _counts(text, sides=("victims",)) == (2, 5)


HEADLINES = [
    ("Gunman shoots 15-year-old in the head", (0, 1)),
    # a title-case verb opens no name ("Killed After Accidentally" is no person)
    ("Dover Girl, 16, Killed After Accidentally Being Shot in Chest", (1, 0)),
    ("Boy, 7, Wounded After Accidentally Being Shot by Brother", (0, 1)),
    ("Teen charged after killing 17-year-old in park", (1, 0)),
    ("Drifter who killed teenager at diner apologizes", (1, 0)),
    ("Parents charged in 5-year-old's shooting death", (1, 0)),
    # a bare noun after "for" opens a headline clause
    ("Vigil for teen shot dead outside store", (1, 0)),
    ("Services set for Dunmore boy who died of gunshot wound", (1, 0)),
    ("Prayers for woman shot in leg at bus stop", (0, 1)),
    # a headline's ", self" after a killing is the killer's suicide
    ("Gunman kills 3 neighbours, self after dispute", (4, 0)),
    ("Man Fatally Shoots Wife, Self in Dover Home", (2, 0)),
    ("Officer shoots man, self-defense claimed", (0, 1)),
    # "killing" before a bare noun kills like "killed"
    ("Teen charged with killing uncle in Dover", (1, 0)),
    ("Man accused of killing wife pleads guilty", (1, 0)),
    # "victim of <the attack> died": the predicate follows the attack
    ("Police: Victim of Saturday night shooting died Tuesday", (1, 0)),
    # a noun that a trigger word only modifies is no count
    ("Rally remembers accidental shooting victim", (0, 0)),
    ("Prosecutor to seek death penalty for shooting suspect", (0, 0)),
    # title case: a capitalised word before a figure is no name ("Operation Storm 2")
    ("Gunman Kills 3 At Diner", (3, 0)),
    ("Drive-By Shooter Kills 1, Wounds 2", (1, 2)),
    ("As Many As 6 Wounded By Gunfire After Fight", (0, 6)),
    ("Sheriff: 2 Dead, 3 Hurt In Overnight Shooting", (2, 3)),
    ("Man killed, woman wounded in shooting", (1, 1)),
    # a headline lists people with commas alone ("Teen, 4-year-old shot")
    ("Teen, 4-year-old shot in drive-by", (0, 2)),
    ("Man, woman, child wounded near school", (0, 3)),
    ("2 men, teen hurt in shooting", (0, 3)),
    ("Police: Man, 20, shot in leg", (0, 1)),
    ("Accidental shooting sends one to hospital", (0, 1)),
    ("Toddler shoots self in hand with father's pistol", (0, 1)),
    ("St. Louis woman killed, 2 wounded near park", (1, 2)),
    ("Teen gunshot death ruled accidental", (1, 0)),
    ("Shooting leaves 17 Year-Old dead", (1, 0)),
    ("Ex-soldier killed 4-year-old girl, wife, himself", (3, 0)),
    ("4 shot, 2 dead at house party", (2, 2)),
    ("3-month-old baby hit by stray bullet", (0, 1)),
    ("1-year-old struck in arm after shots fired into home", (0, 1)),
    ("Girl, 5, fatally shoots herself with loaded pistol", (1, 0)),
    ("Inmate takes own life in county jail", (1, 0)),
    ("Suspects charged in slaying of farmer", (1, 0)),
    ("Boating accident claims life of 8-year-old girl", (1, 0)),
    ("Fatal victim named, 2 others hurt in bar shooting", (1, 2)),
    # a trigger opening a headline before a bare noun modifies it ("Shooting Victim")
    ("Shooting Victim Dies", (1, 0)),
    ("Shooting Suspect Texted Friend Before Attack", (0, 0)),
    ("Killing Suspect Shot By Police", (0, 1)),
    ("Police: Stabbing Victim Dies In Hospital", (1, 0)),
]


@pytest.mark.parametrize(("title", "expected"), HEADLINES, ids=[h[0] for h in HEADLINES])
def test_headline_counts(title: str, expected: tuple[int, int]) -> None:
    assert _counts("More details were not released.", title=title) == expected


def test_suicide_claim_is_its_own_count_in_the_suspects_group() -> None:
    claims = extract_claims(
        Article.create("The man shot 3 neighbours, killing 1, then himself.", "t.txt")
    )
    self_killed = [c for c in claims if c.number_text == "himself"]
    assert len(self_killed) == 1
    assert (self_killed[0].measure, self_killed[0].group, self_killed[0].value) == (
        "killed",
        "suspects",
        1,
    )


GLUED = [
    ("He was hospitalized.It happened late.", ["He was hospitalized.", "It happened late."]),
    ('She said."We ran."', ['She said."', 'We ran."']),
    # abbreviations, web addresses and initials run in are no sentence ends
    ("They met at St.Louis Road.", ["They met at St.Louis Road."]),
    ("Read more at www.KXYZ.com today.", ["Read more at www.KXYZ.com today."]),
    ("Mr. Fenn said 3 died.", ["Mr. Fenn said 3 died."]),
]


@pytest.mark.parametrize(("text", "expected"), GLUED, ids=[g[0] for g in GLUED])
def test_run_in_sentences_are_split(text: str, expected: list[str]) -> None:
    from corroborate.text import sentences

    assert [s.text for s in sentences(text)] == expected


TALLIES = [
    # a headline that numbers both the dead and the hurt is the report's own tally
    (
        "1 dead, 3 wounded at Elm Street block party",
        "Police said six people were wounded in two shootings overnight.",
        (1, 3),
    ),
    (
        "Seven shot, one fatally, outside nightclub",
        "Eight people were taken to hospitals. One man died at the scene.",
        (1, 6),
    ),
    # ... even when the body tells the same figures again
    (
        "2 killed, 2 hurt in drive-by",
        "Two men were killed and two women were hurt. Six people were shot in the city that night.",
        (2, 2),
    ),
    # ... and so is a first sentence that does, when the headline does not
    (
        "Shooting at block party",
        "A shooting left one man dead and three others injured on Friday. "
        "Police said seven people were wounded in the city over the weekend.",
        (1, 3),
    ),
    # a headline that numbers only one of them does not overrule the body
    (
        "3 wounded at Elm Street block party",
        "Police said five people were wounded at the party.",
        (0, 5),
    ),
    ("Man killed, woman hurt in shooting", "Two women were hurt, police said.", (1, 2)),
    # a headline's several counts of one measure are restated only by their sum
    ("Man, teen dead after shooting at party", "Police said he died at the scene.", (2, 0)),
    ("Man, teen dead after shooting at party", "Two people died at the scene.", (2, 0)),
    # a roundup headline is no tally of one incident
    (
        "5 dead, 20 wounded in weekend shootings",
        "Five people were killed in shootings across the city since Friday. A man, 30, was "
        "shot dead on Elm Street on Saturday. A woman was also wounded on Oak Street.",
        (1, 1),
    ),
]


@pytest.mark.parametrize(("title", "body", "expected"), TALLIES, ids=[t[0] for t in TALLIES])
def test_headline_tally(title: str, body: str, expected: tuple[int, int]) -> None:
    assert _counts(body, title=title) == expected


def test_headline_tally_is_kept_when_the_body_restates_it() -> None:
    art = Article.create(
        "Two men were killed and two women were hurt.", "t.txt", title="2 killed, 2 hurt"
    )
    sections = [c.section for c in extract_claims(art)]
    assert sections.count("title") == 2


LINKS = [
    # a line that links to another story is not this report's figure
    (
        "A teen was shot on Elm Street.\n\nRELATED: Man killed in drive-by on Oak Street\n\n"
        "The teen was taken to a hospital in stable condition.",
        (0, 1),
    ),
    # ... even when its headline runs into the next line's sentence
    (
        "Related Coverage Two dead after crash on Route 9\n\nA woman was wounded on Friday.",
        (0, 1),
    ),
    ("A man was killed.\n\nREAD MORE: Three hurt in bar fight\n\nNo arrests were made.", (1, 0)),
    # a line that opens on a video's length links to a video of another story
    ("Two men were wounded.\n\n2:14 Prosecutor says double murder suspect lied", (0, 2)),
    ("A man was shot.\n\n1:05 Triple slaying suspect arrested in Ohio", (0, 1)),
    # "related" in a sentence is no link
    ("Police said a related shooting left two people wounded.", (0, 2)),
]


@pytest.mark.parametrize(("text", "expected"), LINKS, ids=[t[0][:40] for t in LINKS])
def test_link_lines_are_no_figures(text: str, expected: tuple[int, int]) -> None:
    assert _counts(text) == expected


ROUNDUPS = [
    # a figure summed over several incidents is no figure of this one
    (
        "A 16-year-old girl was killed on Maple Avenue on Friday night. At least nine people "
        "were killed in separate shootings across the city since Thursday.",
        (1, 0),
    ),
    (
        "Three men were shot in the 200 block of Pine Street. Police said six people were "
        "wounded in weekend shootings.",
        (0, 3),
    ),
    ("Two people died and five were hurt in four shootings overnight, police said.", (2, 5)),
    # one incident's own shootings are no roundup
    ("Two men were killed in the shootings at a bar on Elm Street.", (2, 0)),
]


@pytest.mark.parametrize(("text", "expected"), ROUNDUPS, ids=[t[0][:40] for t in ROUNDUPS])
def test_roundup_figures_are_not_this_incident(text: str, expected: tuple[int, int]) -> None:
    assert _counts(text) == expected


ELSEWHEN = [
    # a death told in a sentence set in another time is another incident
    (
        "Three men were wounded outside a bar on Pine Street. A year earlier, a man was shot "
        "and killed in the same parking lot.",
        (0, 3),
    ),
    (
        "Two teenagers were shot near the school on Tuesday. In August, a 23-year-old was "
        "gunned down two blocks away.",
        (0, 2),
    ),
    (
        "A woman was wounded in a drive-by shooting. Last year, a boy was killed on the "
        "same street.",
        (0, 1),
    ),
    (
        "Four people were hurt at the party. Neighbours said a teen was fatally shot there "
        "two years ago.",
        (0, 4),
    ),
    (
        "A teen was wounded on Friday. Two of his cousins died in a car crash years ago.",
        (0, 1),
    ),
    ("Three men were hurt at the bar, where a guard was stabbed to death decades earlier.", (0, 3)),
    # what the incident "comes (a week) after" or "follows" is an earlier one
    (
        "A man was shot in the leg on Elm Street. The shooting comes a week after a teen "
        "was killed two blocks away.",
        (0, 1),
    ),
    (
        "Two women were wounded at the mall. The attack came as police hunted the gunman who "
        "killed three people in May.",
        (0, 2),
    ),
    ("Three men were hurt. Saturday's shooting follows a fatal stabbing on Oak Road.", (0, 3)),
    # ... and so are the hurt told there
    (
        "A woman was shot in the arm on Elm Street. The shooting comes a week after nine "
        "people were wounded at a party nearby.",
        (0, 1),
    ),
    ("A boy was wounded. The shooting occurred two months after a guard was shot dead.", (0, 1)),
    # ... and so is what a reprisal answers
    (
        "Eight people were wounded on Preston Street. Police said the attack was in "
        "retaliation for a shooting that left one man dead.",
        (0, 8),
    ),
    ("Two men were hurt in what police called revenge for the killing of a cousin.", (0, 2)),
    ("Police said the man was shot dead in retaliation for a robbery.", (1, 0)),
    # what could have happened did not
    (
        "A driver was hit by a stray bullet. The shots could have caused much more serious "
        "injuries or death to the victim.",
        (0, 1),
    ),
    ("A clerk was wounded. He said he would have been the third person killed.", (0, 1)),
    ("A dispute might have led to the shooting that left two men dead.", (2, 0)),
    # ... not the incident's own hour, nor a death told before the verb
    ("A man died after he was shot. The shooting happened shortly after midnight.", (1, 0)),
    ("The deadly shooting of a clerk came hours after the store opened.", (1, 0)),
    # ... not a time told inside the incident's own sentence
    ("A man was shot and killed in August outside his home, police said.", (1, 0)),
    ("Two men were shot and killed on Elm Street early Sunday.", (2, 0)),
]


@pytest.mark.parametrize(("text", "expected"), ELSEWHEN, ids=[t[0][:40] for t in ELSEWHEN])
def test_deaths_set_in_another_time_are_not_this_incident(
    text: str, expected: tuple[int, int]
) -> None:
    assert _counts(text) == expected


MOURNED = [
    (
        "Three people were wounded as a crowd held a candlelight vigil for a woman who had "
        "died in a fire the week before.",
        (0, 3),
    ),
    (
        "Two men were wounded while friends gathered to mourn the death of a teen who was "
        "killed.",
        (0, 2),
    ),
    ("A girl was hurt when shots hit a vigil honoring a man killed last month.", (0, 1)),
    ("A funeral for a boy fatally beaten in May was disrupted when one man was shot dead.", (1, 0)),
    # ... not when no gathering is for the dead
    ("A woman was killed near the vigil site on Sunday.", (1, 0)),
]


@pytest.mark.parametrize(("text", "expected"), MOURNED, ids=[t[0][:40] for t in MOURNED])
def test_the_dead_a_vigil_is_for_are_not_this_incident(
    text: str, expected: tuple[int, int]
) -> None:
    assert _counts(text) == expected


# The dead and the hurt told apart: who a single wounded person can be, and what is no count.
APART = [
    # a wounded person of another sex or age than every one of the dead is someone else
    (None, "A man was killed on Elm Street. His wife, Ann, suffered minor injuries.", (1, 1)),
    (None, "A woman died at the scene. Her husband was taken to a hospital.", (1, 1)),
    (None, "A man was shot dead in the park. The child was treated at a hospital.", (1, 1)),
    (None, "A boy, 12, was shot dead. His brother was taken to a hospital.", (1, 0)),
    # (the sex words are the lexicon's, shared with the pronoun rule of the claims stage)
    (None, "A man was killed on Oak Road. A female was taken to a hospital.", (1, 1)),
    # the headline's wounded girl told again in the body as "the child"
    ("Girl wounded, man killed in park shootings", "The child was shot at about 1 a.m.", (1, 1)),
    # a death told without a count, in the headline or the same sentence, and one person
    # shot: the same person (elsewhere, see IMPLIED)
    ("Deadly shooting under investigation", "A teen shot himself in the head.", (1, 0)),
    (None, "A man faces a murder charge after shooting his wife, police said.", (1, 0)),
    # a word-number age is an age: the wounded teens are not the dead
    (
        None,
        "Fifteen-year-old Jo Poe was killed. A 16-year-old was flown to a hospital in critical "
        "condition, an 18-year-old was hit in his side and the driver was not hurt.",
        (1, 2),
    ),
    (None, "A boy was wounded in a shooting that also injured a woman on Friday.", (0, 2)),
    # "suffers", "sustained" a wound
    ("Teen suffers gunshot wound in Elm Park", "Police are looking for the shooter.", (0, 1)),
    (None, "A girl sustained a gunshot wound to the leg.", (0, 1)),
    ("7-year-old shooting victim passes away", "Police are still looking for the shooter.", (1, 0)),
    # a death from illness is no killing
    (None, "A girl was shot at home on Monday. Her mother died last year of cancer.", (0, 1)),
    (None, "A girl was shot at home. Her mother died from a blood disorder.", (0, 1)),
    (None, "A girl was shot. Her mother died just months ago in a car crash.", (0, 1)),
    (None, "A man shot at the scene died of his wounds.", (1, 0)),
    # places after "in", "from" are no people
    (None, "A man in Dayton, Ohio was shot in the neck on Thursday.", (0, 1)),
    (None, "A girl from Polk County was shot inside her home.", (0, 1)),
    (None, "Police in Dayton said Mary Smith was shot.", (0, 1)),
]


@pytest.mark.parametrize(("title", "text", "expected"), APART, ids=[a[1][:50] for a in APART])
def test_the_dead_and_the_hurt_told_apart(
    title: str | None, text: str, expected: tuple[int, int]
) -> None:
    assert _counts(text, title=title) == expected


# "hit" and "struck" after gunfire in the same sentence wound the people they take; without
# gunfire (a car, a fist, a storm) or as a near miss they wound no one.
HITS = [
    ("Someone in a passing van opened fire, hitting a 9-year-old boy in the foot.", (0, 1)),
    ("A man fired several shots at the porch, striking two women and a man.", (0, 3)),
    ("Shots rang out and rounds went through the wall, striking the toddler.", (0, 1)),
    ("A stray bullet hit a woman sitting on her porch, police said.", (0, 1)),
    ("Officers returned fire, striking the suspect in the leg.", (0, 1)),
    ("A stray round grazed a 7-year-old girl playing in her yard.", (0, 1)),
    ("Two St. Clair County deputies were wounded in the exchange.", (0, 2)),
    ("The rifle discharged, hitting him in the thigh.", (0, 1)),
    ("Investigators say he fired at his cousin, striking her in the arm.", (0, 1)),
    # the death told after the hit is a death, not a wound
    ("The gunman fired into the crowd, hitting a man who died at the scene.", (1, 0)),
    ("The gun went off, striking and killing the 4-year-old girl.", (1, 0)),
    # no gunfire, a near miss, or a thing hit: nobody is wounded
    ("A pickup truck struck two cyclists on Maple Avenue on Tuesday.", (0, 0)),
    ("Witnesses said he hit her with a bottle during the argument.", (0, 0)),
    ("A bullet came through the window and nearly hit her.", (0, 0)),
    ("The gunman fired at the house, hitting two parked cars.", (0, 0)),
    ("A deputy fired a beanbag round, striking the man in the chest.", (0, 0)),
    # only a hit is a wound: gunfire before "stormed" or "targeted" wounds no one
    ("Officers fired shots and then stormed three suspects in the lot.", (0, 0)),
]


@pytest.mark.parametrize(("text", "expected"), HITS, ids=[h[0][:40] for h in HITS])
def test_hit_by_gunfire_is_a_wound(text: str, expected: tuple[int, int]) -> None:
    assert _counts(text) == expected


# Care tells a wound: arriving at a hospital told by its name (when the wound is told with
# it; a named person may be the one who arrives), taking oneself there, surgery.
CARE = [
    ("Mara Lind, 41, arrived at Westbrook General Hospital with a gunshot wound.", (0, 1)),
    ("Later, a man walked into St. Agnes Medical Center with a wound to his hand.", (0, 1)),
    ("Two men, 19 and 23, later showed up at a hospital, police said.", (0, 2)),
    # victims need no wound told: they are the hurt
    ("Minutes later, two victims appeared at Westbrook General Hospital.", (0, 2)),
    ("A shooting sent a 6-year-old and her mother to the hospital on Sunday.", (0, 2)),
    # one who takes themselves to care, or has surgery, was hurt
    ("A third man drove himself to Lakeview Hospital, police said.", (0, 1)),
    ("Two men, 20 and 22, later took themselves to a hospital.", (0, 2)),
    ("The clerk tried to drive herself to the hospital but crashed.", (0, 1)),
    ("The girl underwent surgery overnight and is expected to live.", (0, 1)),
    ("The officer was in surgery Sunday evening.", (0, 1)),
    ("The two other teens survived but were also hit by gunfire.", (0, 2)),
    # going to a hospital is care only with the wound told right after it
    ("Two men went to a local hospital with gunshot wounds.", (0, 2)),
    ("A woman, 34, went to Harbor General Hospital with a wound to her leg.", (0, 1)),
    ("Two detectives went to the hospital to interview the victim.", (0, 0)),
    ("Two officers went to Harbor General Hospital after a man arrived with a wound.", (0, 0)),
    # friends who brought the one who was shot, or a visit, are no wounds
    ("The driver then drove himself to the police station.", (0, 0)),
    ("Three teens showed up at Westbrook General Hospital in a stolen car.", (0, 0)),
    ("Mara Lind arrived at the party at about 9 p.m.", (0, 0)),
]


@pytest.mark.parametrize(("text", "expected"), CARE, ids=[a[0][:40] for a in CARE])
def test_care_tells_a_wound(text: str, expected: tuple[int, int]) -> None:
    assert _counts(text) == expected


# "N others" after a count in the same sentence are more people, not the same ones again.
OTHERS = [
    ("A girl, 9, is in serious condition after a shooting that hurt three others.", (0, 4)),
    ("A man was hospitalized after gunfire that wounded one other person.", (0, 2)),
    # across sentences, the largest figure still wins
    ("A man was wounded on Elm Street. Three people were shot in all.", (0, 3)),
]


@pytest.mark.parametrize(("text", "expected"), OTHERS, ids=[o[0][:40] for o in OTHERS])
def test_others_in_the_same_sentence_are_more_people(
    text: str, expected: tuple[int, int]
) -> None:
    assert _counts(text) == expected
