"""The learned story gate: stories of another kind code no violent events; texts written for
these tests."""

from __future__ import annotations

import pytest

from marsad.events.gate import MIN_WORDS, StoryGate, features, opening, story_gate

from .conftest import assert_shipped_model_is_trained, code

TRIAL = (
    "A 24-year-old man has been jailed for 12 years for killing a father of two outside a nightclub in Leeds "
    "city centre last summer. The court heard the victim, 31, was stabbed once in the chest after an argument in "
    "a taxi queue in the early hours of July 14. He died in hospital two days later.\n\n"
    "The defendant admitted manslaughter but denied murder, and a jury cleared him of murder after a two-week "
    "trial. Sentencing him, the judge said the attack had been 'senseless' and that he had carried the knife for "
    "no good reason.\n\n"
    "The victim's family said in a statement that they had lost 'a loving son, brother and dad' and that no "
    "sentence could bring him back. Police said the case showed the harm done by carrying knives."
)
TRIAL_TITLE = "Man jailed for 12 years over fatal stabbing outside nightclub"

CRICKET = (
    "KARACHI: Pakistan's fast bowlers tore through the visitors' top order on the fourth morning as the hosts "
    "completed a 183-run win at the National Stadium to take the three-match series 2-0. Resuming on 96 for "
    "three, the tourists lost their last seven wickets for 61 runs in just over two hours, with the left-armer "
    "taking four for 38 in a fiery spell from the pavilion end.\n\n"
    "The captain said the attack had been relentless. 'We knew if we kept hitting the deck hard we would get "
    "our chances,' he told reporters after the match. The visitors will now travel to Lahore for the one-day "
    "series, which begins on Friday at the Gaddafi Stadium, where ticket sales have been strong."
)
CRICKET_TITLE = "Pace attack rips through visitors as hosts seal series in Karachi"

RAID = (
    "MOGADISHU (Reuters) - Al Shabaab fighters attacked a military base near the town of Jowhar in "
    "Somalia's Middle Shabelle region before dawn on Tuesday, killing at least seven soldiers, a military "
    "officer and residents said.\n\n"
    "The militants detonated a car bomb at the gate of the base and then stormed it, setting off a gun battle "
    "that lasted more than two hours, Captain Abdi Hassan told Reuters by phone from Jowhar.\n\n"
    "\"We lost seven soldiers and many were wounded. The attackers were pushed back,\" he said. Residents said "
    "they heard heavy gunfire and saw smoke rising from the base as the fighting went on.\n\n"
    "Al Shabaab said in a statement on its Andalus radio that its fighters had killed 20 soldiers and seized "
    "weapons. The group, which is allied to al Qaeda, has waged an insurgency against the government in "
    "Mogadishu for more than 15 years."
)


@pytest.mark.parametrize("title, text", [(TRIAL_TITLE, TRIAL), (CRICKET_TITLE, CRICKET)])
def test_a_story_of_another_kind_codes_no_violent_event(coder, title, text):
    assert len(f"{title} {text}".split()) >= MIN_WORDS
    assert not story_gate().passes(title, text)
    events, _ = code(coder, text, title=title)
    assert events == []


def test_a_conflict_report_passes_and_is_coded(coder):
    title = "Al Shabaab attack on Somali army base kills seven soldiers"
    assert story_gate().passes(title, RAID)
    events, _ = code(coder, RAID, title=title)
    assert any(e.admin1 == "Middle Shabele" or e.location == "Jawhar" for e in events)
    assert any(e.event_type in ("Battles", "Explosions/Remote violence") for e in events)


def test_a_protest_in_a_story_the_gate_turns_away_is_still_coded(coder):
    text = CRICKET + ("\n\nOn Friday, about 200 supporters marched peacefully outside the stadium in Karachi "
                      "to protest against ticket prices, carrying banners and chanting.")
    events, _ = code(coder, text, title=CRICKET_TITLE)
    assert [e.event_type for e in events] == ["Protests"]


def test_a_short_text_is_not_judged_by_the_gate():
    short = "Jets struck the town of Saraqib on Monday, killing four people, a monitor said."
    assert len(short.split()) < MIN_WORDS
    # Even a gate that turns everything away lets a snippet through to the sentence rules.
    never = StoryGate(weights={}, bias=-10.0, threshold=0.5)
    assert never.passes(None, short)
    assert not never.passes(None, CRICKET + " " + CRICKET)


def test_the_gate_reads_the_headline_and_the_opening_only():
    body = " ".join(["word"] * 200)
    assert opening("A headline", body).split()[:2] == ["A", "headline"]
    assert len(opening("A headline", body).split()) == 80
    # A text with no known word is judged by the model's bias alone, without error.
    gate = StoryGate(weights={"rebels": 2.0}, bias=0.0, threshold=0.5)
    assert gate.probability(None, "") == 0.5
    assert gate.probability(None, "rebels") > 0.8


def test_the_shipped_gate_is_what_training_on_the_tune_parts_makes():
    assert_shipped_model_is_trained("train_gate.py")


# A day-after story: the toll of yesterday's bombing rises as families bury their dead. Told
# in the grammar of general news ("has risen", "after"), which the gate must not read alone.
TOLL_RISES = (
    "KISMAYO, Somalia — The number of people killed in Tuesday's car bombing at a livestock market in the "
    "southern Somali port city of Kismayo has risen to nine, a regional health official said on Wednesday, "
    "after two of the wounded died overnight.\n\n"
    "The vehicle, packed with explosives, had been left near the market's main gate and was set off as "
    "traders arrived with their animals in the early morning, witnesses said. Police had put the toll at "
    "seven on Tuesday afternoon.\n\n"
    "Hundreds of people attended the funerals on Wednesday. Among the dead were a camel trader, his son and "
    "a woman who sold tea at the gate. \"We have buried our people. Now we want to know who did this,\" said "
    "a relative of one of the victims.\n\n"
    "The regional administration said an investigation had been opened and that several people had been "
    "taken in for questioning. No group has said it carried out the attack."
)


def test_function_words_alone_are_no_evidence_of_the_kind_of_story():
    words = features("The toll has risen to nine after the attack")
    assert {"toll", "risen", "nine", "attack", "has_risen", "after_the"} <= words
    assert not {"the", "has", "to", "after"} & words


def test_a_day_after_story_of_a_bombing_passes_and_is_coded(coder):
    title = "Kismayo market car bomb toll rises to nine as families bury dead"
    assert len(f"{title} {TOLL_RISES}".split()) >= MIN_WORDS
    assert story_gate().passes(title, TOLL_RISES)
    events, _ = code(coder, TOLL_RISES, title=title, published="2024-05-15")
    assert any(e.event_type == "Explosions/Remote violence" for e in events)
