"""Fatality counting: one pinned sentence per rule in marsad.events.fatalities."""

from __future__ import annotations

import pytest

from marsad.events.fatalities import FatalityMention, fatalities, fatality_mentions


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # verb then count, count then passive, "N dead"
        ("Gunmen killed three herders near the well on Tuesday.", 3),
        ("Three were killed when the convoy came under fire.", 3),
        ("Officials reported 3 dead after the raid.", 3),
        ("The raid left nine people dead, residents said.", 9),
        ("The mortar round claimed the lives of four pupils.", 4),
        # ranges take the lower bound
        ("Between 5 and 8 fighters were killed in the ambush.", 5),
        ("5-8 fighters were killed in the ambush.", 5),
        ("Five to eight fighters were killed in the ambush.", 5),
        ("Six or seven villagers died in the fire set by the raiders.", 6),
        # qualifiers keep the stated figure
        ("At least 27 recruits were killed at the academy.", 27),
        ("More than 40 miners died in the assault on the camp.", 40),
        ("Up to 15 guards were killed, a witness said.", 15),
        # vague quantities
        ("Dozens of fighters were killed in the offensive.", 12),
        ("A dozen soldiers were killed.", 12),
        # a war's toll told beside the act is no figure of it; a battle's toll is
        ("Jets struck the town on Monday, killing five people, in a conflict that has killed more than 300,000 "
         "people since 2011.", 5),
        ("Gunmen killed four guards at the camp, in a war which has so far killed 3,000 people.", 4),
        ("The fighting has killed 40 people in the city since Monday, medics said.", 40),
        ("Jets struck the town, killing five people, in the war in Syria, which has left 500,000 dead.", 5),
        # the war named in another phrase is no subject of the toll
        ("The strikes, the deadliest since the start of the war, have killed at least 20 people in Douma.", 20),
        ("A suicide bombing at a rally against the war has killed 12 people in Kabul.", 12),
        ("Turkish drones, which have become decisive in the conflict, have killed 14 fighters.", 14),
        ("Scores of civilians were killed in the bombardment.", 20),
        ("Tens of militiamen were killed.", 10),
        ("Hundreds of people were killed during the siege.", 100),
        ("Several policemen were killed in the attack.", 10),
        ("A few guards died in the assault.", 3),
        # one person
        ("A smuggler was killed by border guards overnight.", 1),
        ("Border guards opened fire, killing a smuggler.", 1),
        ("Gunmen shot dead a local councillor's driver.", 1),
        # coordination adds, "including" does not, a verb stops the count
        ("The drone strike killed two farmers and a child.", 3),
        ("The blast killed six people, including two children.", 6),
        ("Troops killed 3 fighters and wounded 5 in the clash.", 3),
        ("Dozens of soldiers and a colonel have been killed.", 13),
        # word numbers
        ("Twenty-seven cadets were killed in the attack.", 27),
        ("The bombing killed one hundred and twelve worshippers.", 112),
        ("The shelling killed 1,204 people over the year.", 1204),
        # zero
        ("There were no casualties in the shelling.", 0),
        ("No one was killed in the explosion.", 0),
        ("Nobody was hurt when the rocket landed.", 0),
        ("Police said there were no deaths.", 0),
        ("The device exploded without causing any casualties.", 0),
        # no figure given is no zero
        ("The governor said guards repelled the assault, though he gave no casualty toll.", None),
        ("The monitor gave no death toll for the raids on the town.", None),
        # perpetrators count too
        ("A suicide bomber blew himself up at the gate, killing four guards.", 5),
        ("Two attackers blew themselves up at the market, killing 9 shoppers.", 11),
        # a death toll is used only when there is no count of its own
        ("The death toll from the assault rose to 31 on Friday.", 31),
        # the whole, not the part named after "including"
        ("Seven civilians, including two children, were killed.", 7),
        ("Nine villagers including a woman and three children were killed in the raid.", 9),
        ("Ten people including three soldiers died in the blast.", 10),
        # a family is not one person
        ("Seven villagers from one family were killed when the shell hit their house.", 7),
        ("Four people from the same extended family died in the blast.", 4),
        # people counted by their family; families counted, whoever they are of
        ("Militiamen shot dead nine members of one family in the village.", 9),
        ("At least 30 people were killed when soldiers executed four families of army deserters.", 30),
    ],
)
def test_counts(sentence: str, expected: int) -> None:
    assert fatalities(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The blast wounded 14 people and damaged 12 cars.",
        "Rebels attacked 125 locations across 10 provinces in 2011.",
        "At least 30 people were injured when police fired tear gas.",
        "Protesters marched through the capital for the third day.",
        "Militants tried to kill the district governor.",
        "The attack came 3 days after the ceasefire.",
        "The air strike killed an entire family in the village.",
    ],
)
def test_no_death_statement_is_none(sentence: str) -> None:
    assert fatalities(sentence) is None


def test_injuries_do_not_count_beside_deaths() -> None:
    assert fatalities("Four soldiers were killed and 17 others injured.") == 4


def test_active_subject_is_not_counted_as_dead() -> None:
    assert fatalities("Two gunmen killed 8 passengers on the bus.") == 8


def test_years_and_times_do_not_count() -> None:
    assert fatalities("In 2014, 6 soldiers were killed there.") == 6
    assert fatalities("Two people were killed four days ago.") == 2


def test_mentions_carry_spans() -> None:
    sentence = "The strike killed 12 fighters and wounded 30."
    [m] = fatality_mentions(sentence)
    assert isinstance(m, FatalityMention)
    assert m.value == 12
    assert sentence[m.start : m.end] == m.text
    assert m.text.startswith("12")


def test_zero_mention_kind() -> None:
    [m] = fatality_mentions("No one was killed.")
    assert (m.value, m.kind) == (0, "zero")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The death toll from Monday's strike on the market has risen to 86, a monitor said.", 86),
    ("The toll climbed to 40 on Tuesday as rescuers pulled more bodies from the rubble.", 40),
    ("The number of dead rose to 12, the health ministry said.", 12),
    ("Drivers paid a toll of 5 dollars at the checkpoint.", None),
    # the event the toll counts may take a dozen words to name
    ("The death toll from a car bombing at a checkpoint in the town of Azaz rose to 40 on Sunday.", 40),
    ("The toll from Monday's air strike on a crowded vegetable market in Douma has climbed to 23.", 23),
    ("The death toll from a suspected chemical attack on the rebel-held town of Khan Sheikhun has "
     "risen to 86, a monitor said.", 86),
    # ... and a number the words name along the way is no toll
    ("The death toll from the air strike on a village of 300 people rose to 20, medics said.", 20),
    ("The death toll at the hospital stands at 12.", 12),
    ("The death toll from the blast at 7 am near the port rose to 15, police said.", 15),
    ("The death toll from the collapse of a block housing up to 100 families rose to 9.", 9),
    # ... but a toll runs to its figure within one clause
    ("The death toll from the storm was unclear, and 14 bridges in the province of Kerman were lost.", None),
])
def test_a_toll_that_grows_is_a_running_total(sentence, expected):
    assert fatalities(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # the phrase after the comma says something: it is the source, not one more dead
    ("Fighters stormed the village on Monday, killing at least 35 people, a local resistance committee said.", 35),
    ("A drone strike hit a gathering near the town, killing eight civilians, the rebel alliance said.", 8),
    ("The raid killed three soldiers, a police officer said.", 3),
    # ... but a list of the dead goes on counting
    ("The strike killed two soldiers, a policeman and a child, officials said.", 4),
])
def test_the_source_after_a_toll_is_not_counted_among_the_dead(sentence, expected):
    assert fatalities(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("At least 37 fighters from both sides were killed in the fighting.", 37),
    ("Gunmen killed four people, a woman and three children, in the village.", 4),
    ("Gunmen killed four people, two women and two children.", 4),
    # ... but "civilians" are no whole of soldiers and policemen
    ("The blast killed two civilians, a soldier and a policeman.", 4),
    ("The strike killed a soldier, two police officers according to a security source.", 3),
    ("The blast killed a soldier, a child and two women.", 4),
])
def test_sides_and_spelled_out_wholes_are_not_counted_again(sentence, expected):
    assert fatalities(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # A scrape that lost its commas: the number after the verb is the wounded clause's subject.
    ("At least 9 people were killed 31 were wounded in a car bomb attack on a market in Azaz.", 9),
    ("6 persons killed 40 others injured in rocket attacks on the city", 6),
    # A list that runs on into the wounded is no longer a list of the dead.
    ("The shelling killed 7, and 20 others were wounded.", 7),
    # "wounded" with a count of its own is a verb: the dead stay counted.
    ("The attack killed 12 wounded 30 others.", 12),
])
def test_the_wounded_after_a_toll_are_not_its_dead(sentence: str, expected: int) -> None:
    assert fatalities(sentence) == expected


def test_members_of_a_group_whose_name_runs_on_are_counted() -> None:
    # "33 members of the Islamic State in Iraq and the Levant were killed": the name's words
    # between the count and its verb are whose members they are.
    assert fatalities("At least 33 members of the Islamic State in Iraq and the Levant were killed.") == 33
    assert fatalities("Twelve fighters of Hayat Tahrir al-Sham were killed in the clashes.") == 12


@pytest.mark.parametrize(("sentence", "expected"), [
    # A count joined to the dead's by "and" or a comma, with a bare "injured" after it.
    ("A car bomb killed eight people and 20 injured at a market in the town.", 8),
    ("Air strikes killed 5 civilians, 14 injured, in the town of Saraqeb.", 5),
    # ... not the dead "wounded in an earlier raid".
    ("Shelling killed a woman and two children wounded in an earlier raid.", 3),
    # The doers of an active "have killed" are not counted.
    ("Twelve members of Al Qaeda in the Arabian Peninsula have killed three soldiers in Abyan.", 3),
])
def test_joined_wounded_counts_and_active_doers_are_not_the_dead(sentence: str, expected: int) -> None:
    assert fatalities(sentence) == expected


@pytest.mark.parametrize(("sentence", "dead"), [
    # "martyred": killed, in the words of state media and of the dead's own side
    ("Three soldiers were martyred when a roadside bomb struck their vehicle near Miranshah on Monday.", 3),
    ("Rebels fired mortar shells at the al-Midan neighbourhood, martyring a child and injuring four.", 1),
    ("Terrorist shelling martyred four civilians in the al-Midan neighbourhood on Monday.", 4),
    # a group named with no count of its own is counted in the figure before it
    ("The monitor said nine soldiers and allied militiamen and 14 rebels were killed in the fighting.", 23),
    ("Five policemen and two civilians were killed.", 7),
    # two sources' figures in one sentence: the lowest
    ("State radio said 25 militants were killed, while village elders put the number of dead on both sides at 11.",
     11),
    # a running toll above the sentence's own count is what it adds to
    ("Three soldiers were killed on Monday, bringing the death toll from the offensive to 52.", 3),
    ("Hospital officials put the death toll at 23.", 23),
    # "claimed lives of", as news in translation writes it
    ("An air strike on the town of Tabqa has claimed lives of eight civilians, local media reported.", 8),
    # the wounded, a part of the dead, one side's dead and another event's toll are no second figure
    ("A car bomb killed 20 people at a checkpoint, while hospital officials put the number of wounded at 12.", 20),
    ("An air strike on a house killed 25 people, putting the number of children among the dead at 11.", 25),
    ("Twenty rebels were killed, and the army put the number of soldiers killed at three.", 20),
    ("Missiles killed 10 people in Odesa, while in Kherson the death toll from Monday's shelling rose to 3.", 10),
    # what the act did to things or to the living is no group of dead
    ("Gunmen killed three guards and freed inmates and 20 prisoners escaped.", 3),
    ("Troops killed 25 insurgents and captured weapons and three fighters.", 25),
])
def test_how_a_toll_is_read_from_words_groups_and_sources(sentence, dead):
    """"martyred" is killed; a group of people with no count of its own joins the count before
    it; a second source's figure for the same dead wins when lower; the wounded, a part of the
    dead, one side, another event's toll and what the act did to things are none of these."""
    assert fatalities(sentence) == dead


@pytest.mark.parametrize(("sentence", "dead"), [
    ("Gunmen raided a village on Sunday, killing at least 12 people, the latest in a cycle of revenge raids that "
     "has killed hundreds in the region.", 12),
    ("A bomb killed four soldiers, officials said, part of a wave of attacks that has killed more than 200 people "
     "this year.", 4),
    # the act's own toll told in such a clause still counts, and so does a run's that is the act
    ("Police are hunting the gunmen behind an ambush that has killed six officers.", 6),
    ("A wave of air strikes that has killed at least 40 people since dawn hit the southern city on Tuesday.", 40),
])
def test_the_toll_of_a_run_of_attacks_is_not_the_acts(sentence, dead):
    assert fatalities(sentence) == dead


def test_a_scare_quoted_noun_is_still_counted() -> None:
    # '12 "terrorists" and two soldiers': the quote marks neither end the phrase nor the count.
    assert fatalities('The army said 12 "terrorists" and two soldiers were killed in the fighting.') == 14
    assert fatalities("Officials said 20 \u201cbandits\u201d were killed in the raid.") == 20
