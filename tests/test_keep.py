"""The learned event keeper: beside a story's main event, a retelling or a plan is not an event,
a second incident is. Texts written for these tests."""

from __future__ import annotations

import pytest

from marsad.events import keep
from marsad.events.keep import EventKeeper

from .conftest import assert_shipped_model_is_trained, code

# A raid, a militia's vow and a mission's plan (which the rules code as a protest threatened
# and a change of activity to come), and a second incident marked as one ("Separately, ...")
# with a place and a day of its own.
RAID = (
    "BUNIA — Militiamen armed with machetes and guns killed nine civilians in a night raid on the village of Lopa "
    "in Ituri province on Tuesday, the local administrator said.\n\n"
    "The raiders went from hut to hut and set fire to a dozen homes before they withdrew into the forest, he "
    "said. Survivors fled to a camp for displaced families near Fataki, where aid workers said they had "
    "registered more than 300 new arrivals by Wednesday morning.\n\n"
    "Militia leaders have vowed to attack Bunia, and the army says it will crush them within weeks.\n\n"
    "The UN mission has said it will step up patrols around Fataki.\n\n"
    "Separately, a roadside bomb killed two soldiers near the town of Mahagi on Monday, an army spokesman said."
)
RAID_TITLE = "Militiamen kill nine in raid on Ituri village"


def _all_events(coder, text: str, title: str) -> list:
    """Every event coded, whatever its modality."""
    from marsad.records import Article, content_id

    article = Article(article_id=content_id(text), doc_id="d", origin="test", title=title, published="2022-06-08",
                      outlet=None, language="en", text=text)
    return coder.code([article])[0]


def test_the_keeper_keeps_a_second_incident_and_drops_a_vow_and_a_plan_beside_the_news(coder, monkeypatch):
    events = _all_events(coder, RAID, RAID_TITLE)
    assert [(e.sub_event_type, e.location, e.event_date, e.modality) for e in events] == [
        ("Attack", "Lopa", "2022-06-07", "occurred"), ("Remote explosive/landmine/IED", "Mahagi", "2022-06-06",
                                                       "occurred")]
    # Without the keeper, the rules alone code the vow and the plan as events to come.
    monkeypatch.setattr(keep, "event_keeper", lambda: None)
    events = _all_events(coder, RAID, RAID_TITLE)
    assert sorted(e.modality for e in events if e.location not in ("Lopa", "Mahagi")) == ["planned", "threatened"]


def test_the_keeper_never_judges_the_main_event_nor_an_only_event(coder, monkeypatch):
    never = EventKeeper(weights={}, bias=-20.0, threshold=0.5)
    monkeypatch.setattr(keep, "event_keeper", lambda: never)
    events, _ = code(coder, RAID, title=RAID_TITLE, published="2022-06-08")
    assert [(e.sub_event_type, e.location) for e in events] == [("Attack", "Lopa")]
    assert events[0].main_for
    only = "Gunmen shot dead a village chief in Lopa in Ituri province on Tuesday, the administrator said."
    events, _ = code(coder, only, title="Village chief shot dead", published="2022-06-08")
    assert [e.location for e in events] == ["Lopa"]
    # A brief is no story: its events stand as the rules code them.
    brief = ("Gunmen shot dead a village chief in Lopa in Ituri province on Tuesday, the administrator said.\n\n"
             "Separately, a roadside bomb killed two soldiers near the town of Mahagi on Monday, the army said.")
    events, _ = code(coder, brief, title="Village chief shot dead", published="2022-06-08")
    assert sorted(e.location for e in events) == ["Lopa", "Mahagi"]


# One act told at three villages in one sentence: three events (ACLED's one event per place).
SHELLING = (
    "Government artillery shelled the villages of Kafr Nabl, Hass and Kansafra in southern Idlib on Monday "
    "morning, local rescuers said, and families fled north towards the Turkish border in cars and on "
    "tractors.\n\n"
    "Rescuers said they had pulled several people from damaged houses and taken them to a field hospital. "
    "Schools in the area were closed for the rest of the week, a local education official said, and the "
    "markets stayed shut through the afternoon as residents waited for the shelling to stop.\n\n"
    "Aid groups said thousands of people have left the villages of the area since the start of the year, "
    "and that the camps near the border are already full. They asked donors for tents, blankets and water "
    "tanks before the summer heat."
)
SHELLING_TITLE = "Artillery pounds three villages in southern Idlib"


def test_the_keeper_never_judges_one_place_of_a_list(coder, monkeypatch):
    never = EventKeeper(weights={}, bias=-20.0, threshold=0.5)
    monkeypatch.setattr(keep, "event_keeper", lambda: never)
    events, article = code(coder, SHELLING, title=SHELLING_TITLE, published="2022-06-08")
    assert keep.judged(article)  # a story, not a brief the keeper leaves alone
    assert sorted(e.location for e in events) == ["Hass", "Kafranbel", "Kansafra"]


def test_the_signs_tell_a_marked_second_incident_from_a_retelling(coder, monkeypatch):
    seen: list[tuple[str, set[str]]] = []
    original = keep.judged_events

    def record(events, mentions, main, article):
        for i, signs in original(events, mentions, main, article):
            seen.append((events[i].evidence[0].text, signs))
            yield i, signs

    monkeypatch.setattr(keep, "judged_events", record)
    code(coder, RAID, title=RAID_TITLE, published="2022-06-08")
    signs = {" ".join(text.split()[:2]): s for text, s in seen}
    assert {"another=separate", "day_named", "fatalities", "before_publication<=3"} <= signs["Separately, a"]
    assert {"modality=planned", "main_admin1", "sentences_from_main>3"} <= signs["The UN"]
    assert "another=separate" not in signs["The UN"] | signs["Militia leaders"]


def test_the_keeper_reads_its_signs_as_a_logistic_model():
    keeper = EventKeeper(weights={"another=separate": 3.0, "toll_only": -1.0}, bias=-1.0, threshold=0.5)
    assert keeper.probability(set()) == pytest.approx(1 / (1 + 2.718281828 ** 1.0), rel=1e-6)
    assert keeper.keeps({"another=separate"})
    assert not keeper.keeps({"toll_only"})
    assert not keeper.keeps({"a sign it never learnt"})


def test_the_shipped_keeper_is_what_training_on_the_tune_parts_makes():
    assert_shipped_model_is_trained("train_keep.py")
