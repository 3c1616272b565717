"""Modality of an event trigger: one pinned sentence per cue family."""

from __future__ import annotations

import pytest

from marsad.events.modality import MODALITIES, modality


def mod(sentence: str, trigger: str) -> str:
    i = sentence.index(trigger)
    return modality(sentence, i, i + len(trigger))


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Soldiers shelled the outskirts of the town on Monday.", "shelled", "occurred"),
        ("The fiercest raids targeted the market four days ago.", "raids", "occurred"),
        ("Families left the valley amid fears of renewed air raids.", "air raids", "feared"),
        ("Farmers stay indoors, fearing attacks by herders.", "attacks", "feared"),
        ("Villagers sleep in the forest in fear of being attacked.", "attacked", "feared"),
        ("Traders closed their shops to avoid frequent attacks.", "attacks", "feared"),
        ("The militia threatened to attack the camp.", "attack", "threatened"),
        ("The rebels vowed to retake the town.", "retake", "threatened"),
        ("The group warned it would bomb the pipeline.", "bomb", "threatened"),
        ("The union plans to protest outside parliament.", "protest", "planned"),
        ("Teachers will strike across the province.", "strike", "planned"),
        # A deal still being made.
        ("A truce for the besieged town is being negotiated by the elders.", "truce", "planned"),
        ("Talks aimed at reaching a ceasefire resumed on Monday.", "ceasefire", "planned"),
        # what an act aims at is still to come; the act itself occurred
        ("The army's push was aimed at the recapture of Harasta, a monitor said.", "recapture", "planned"),
        ("Troops launched an offensive aiming to retake the town on Monday.", "retake", "planned"),
        ("Troops launched an offensive aiming to retake the town on Monday.", "offensive", "occurred"),
        ("Shells aimed at army positions hit a school in the town on Monday.", "hit", "occurred"),
        ("Over two weeks the brigades will conduct river crossings, night marches and air strikes in the valley.",
         "air strikes", "planned"),
        ("The army will launch operations in the north, where militants killed 11 soldiers on Monday.", "killed",
         "occurred"),
        ("The group said it will continue fighting as jets pounded the town on Tuesday.", "pounded", "occurred"),
        ("The army is set to deploy two brigades.", "deploy", "planned"),
        ("Police are preparing to disperse the sit-in.", "disperse", "planned"),
        ("The party intends to rally its supporters.", "rally", "planned"),
        ("Students hold a march next week in the capital.", "march", "planned"),
        ("Nurses will walk off the job next Wednesday and march on parliament.", "march", "planned"),
        ("Further vigils are being planned in Galway this weekend.", "vigils", "planned"),
        ("The rally will go ahead on Thursday, come what may.", "rally", "planned"),
        ("The party said it expected more than 50,000 people at the rally.", "rally", "planned"),
        ("As expected, jets struck the town on Monday.", "struck", "occurred"),
        ("Protesters, who were organised in street committees, marched on the palace on Sunday.", "marched",
         "occurred"),
        ("The president ordered army chiefs on Tuesday to eliminate bandits in Zamfara.", "eliminate bandits",
         "planned"),
        ("With elections due next Sunday, gunmen shot dead a candidate in Celaya.", "shot dead", "occurred"),
        ("Organisers hope to hold a rally in the square.", "rally", "hoped"),
        ("Residents are hoping the truce holds.", "truce", "hoped"),
        ("The ministry denied that its jets bombed the clinic.", "bombed", "denied"),
        ("The army did not shell the village.", "shell", "denied"),
        ("No air strikes were carried out in the area.", "air strikes", "denied"),
        ("Officials refuted reports of an ambush near the border.", "ambush", "denied"),
        ("Gunmen may have abducted the engineers.", "abducted", "possible"),
        ("It was unclear whether the driver was an accomplice or a hostage.", "hostage", "possible"),
        ("The depot was possibly hit by drones.", "hit", "possible"),
        ("There were unconfirmed reports of clashes in the north.", "clashes", "possible"),
        # a plan's object is to come; what a cell "planned" may have been done
        ("The rebels are planning a fresh offensive on the port, commanders said.", "offensive", "planned"),
        ("The campaign plans a final offensive in two counties.", "offensive", "planned"),
        ("Police detained the men who planned and carried out the bombing.", "bombing", "occurred"),
        # a noun "plan", and a man named by what he planned, plan nothing of the sentence's act
        ("Under the new plan the army deployed troops to the border.", "deployed", "occurred"),
        ("A man planning an attack was shot dead by police.", "shot dead", "occurred"),
        # what a witness only guesses at; forces yet to be sent
        ("We heard explosions too, maybe grenades.", "grenades", "possible"),
        ("The minister said troop reinforcements would be sent to the region.", "reinforcements", "planned"),
        ("More police will be deployed in the city ahead of the march.", "police", "planned"),
        ("Troops were sent to the region on Monday.", "Troops", "occurred"),
        ("Perhaps 50,000 people marched through the capital on Sunday.", "marched", "occurred"),
        ("The governor said the killers of the farmers will be brought to book.", "killers", "occurred"),
        ("More troops will be brought in to secure the town.", "troops", "planned"),
        ("The blast was perhaps a drone strike.", "drone strike", "possible"),
    ],
)
def test_modality(sentence: str, trigger: str, expected: str) -> None:
    assert mod(sentence, trigger) == expected


def test_nearest_cue_governs() -> None:
    s = "Amid fears of new raids, the army will deploy troops."
    assert mod(s, "raids") == "feared"
    assert mod(s, "deploy") == "planned"


def test_cue_in_another_sentence_does_not_count() -> None:
    s = "The rebels threatened to strike. Yesterday they attacked a post."
    assert mod(s, "attacked") == "occurred"


def test_will_as_noun_is_not_planned() -> None:
    s = "Against the will of the elders, youths marched to the palace."
    assert mod(s, "marched") == "occurred"


def test_values_are_known() -> None:
    assert set(MODALITIES) == {"occurred", "planned", "threatened", "feared", "hoped", "denied", "possible"}


def test_bad_span_raises() -> None:
    with pytest.raises(ValueError):
        modality("short", 3, 99)


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    ("Students have announced a large gathering in the city centre on Saturday.", "gathering", "planned"),
    ("The unions are preparing a march to the capital next month.", "march", "planned"),
    ("Police announced the arrest of five protesters on Thursday.", "arrest", "occurred"),
    ("Thousands joined the march through the city on Thursday.", "march", "occurred"),
])
def test_a_protest_announced_or_prepared_is_to_come(sentence, word, expected):
    start = sentence.index(word)
    assert modality(sentence, start, start + len(word)) == expected


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    # Written for this test: "May" with a day is the month, not a maybe.
    ("On May 17, fighters set fire to the main market in the town, residents said.", "set fire", "occurred"),
    ("Gunmen may have set fire to the market, police said.", "set fire", "possible"),
    ("Dozens May Have Been Killed in Attack on Camp, UN Says", "Attack", "possible"),
])
def test_the_month_of_may_is_no_maybe(sentence, word, expected):
    start = sentence.index(word)
    assert modality(sentence, start, start + len(word)) == expected
