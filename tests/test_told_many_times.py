"""Rules of the sixteenth session of 2026-12-07 (theme: one event, told many times).

Every text here was written for these tests. Each rule's cases failed before the rule;
the guards pin what it must leave alone.
"""

from __future__ import annotations

import pytest

from .conftest import code


def _subtypes(coder, text: str, published: str = "2024-05-12", title: str = "Report") -> list[str]:
    events, _ = code(coder, text, title=title, published=published)
    return [e.sub_event_type for e in events]


# A protest word in a sentence of sport is sport's own: a rally in the eighth inning, the
# rallies of a tennis match, the chasing group of a bike race, a final won by "beating" the
# other side. A crowd that the sentence says protests stays a protest, sport or not.
@pytest.mark.parametrize("text", [
    "The Rockies' closer killed the Giants' rally in the top of the eighth with a double play, and Denver "
    "held on to win 5-4 on Saturday.",
    "Maria Okafor saved three match points and won a tiebreak after some of the longest rallies of the "
    "tournament in Rome on Tuesday.",
    "The Dutch rider attacked on the cobbles with 40 kilometres to go and held off a chasing group of "
    "favourites to win the Tour of Flanders on Sunday.",
    "Halkbank won the Turkish volleyball championship on Sunday, beating Galatasaray 3-1 in the deciding "
    "game of the final in front of a crowd of 6,000 at the arena in Ankara.",
])
def test_a_protest_word_in_a_sentence_of_sport_is_sport(coder, text):
    assert _subtypes(coder, text) == []


@pytest.mark.parametrize("text, subtype", [
    ("Hundreds of fans marched to the club's offices in Lagos on Saturday to protest against the owners' plan "
     "to sell the team.", "Peaceful protest"),
    ("Residents protested outside the governor's office in Beira on Monday against the slow delivery of aid "
     "after the cyclone.", "Peaceful protest"),
])
def test_a_crowd_that_protests_stays_a_protest(coder, text, subtype):
    assert subtype in _subtypes(coder, text)


# The people the police held at a protest or a riot, only counted ("Police said 23 people
# were arrested in the city"), are its intervention, not an event of their own: ACLED codes
# a protest with intervention, and a riot stays a riot.
@pytest.mark.parametrize("text, subtype", [
    ("Police fired tear gas at hundreds of teachers marching on the education ministry in Harare on Tuesday. "
     "Police said 23 people were arrested in the city.",
     {"Protest with intervention", "Excessive force against protesters"}),
    ("Youths burned tyres, looted shops and threw stones at police in Kisumu on Monday after the verdict. The "
     "regional governor said no one had been killed in the city but that 11 people had been arrested.",
     {"Violent demonstration"}),
])
def test_arrests_only_counted_at_a_protest_are_its_own(coder, text, subtype):
    found = _subtypes(coder, text, published="2024-05-15")
    assert len(found) == 1 and found[0] in subtype


def test_arrests_of_suspects_in_raids_stay_arrests(coder):
    text = ("Youths burned tyres and threw stones at police in Kisumu on Monday after the verdict. On Monday night "
            "police arrested three men suspected of organising the riot in raids on their homes in Kisumu.")
    assert "Arrests" in _subtypes(coder, text, published="2024-05-15")
