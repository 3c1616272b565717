"""The story-level rules read Arabic too: tolls told apart from their causes, and another incident."""

from __future__ import annotations

import pytest

from marsad.events.mentions import _tells_a_toll, another_incident


@pytest.mark.parametrize("trigger", ["مقتل", "قتلى", "وجرحى", "مصرعهم", "killed"])
def test_a_trigger_that_tells_only_a_toll(trigger):
    assert _tells_a_toll(trigger)


@pytest.mark.parametrize("trigger", ["قصف", "غارة", "اشتباكات", "shelled"])
def test_a_trigger_that_tells_what_happened(trigger):
    assert not _tells_a_toll(trigger)


@pytest.mark.parametrize(("sentence", "mark"), [
    ("وفي هجوم آخر، قتل مسلحون مجهولون شابين في بلدة جاسم.", "separate"),
    ("وفي سياق منفصل، اعتقلت قوات الأمن ثلاثة أشخاص في درعا.", "separate"),
    ("كما قصفت المدفعية أطراف البلدة ذاتها.", "also"),
    ("كما أفاد المرصد بمقتل شخصين في القصف.", None),  # "as the monitor said": a source
    ("قصفت الطائرات الحربية البلدة فجر اليوم.", None),
])
def test_another_incident_in_arabic(sentence, mark):
    assert another_incident(sentence) == mark


def test_a_word_of_a_groups_name_is_no_trigger():
    from marsad.actors import ActorKB
    from marsad.events.mentions import _classify_outside_names

    text = "قتل ثلاثة عناصر من قوات النظام في هجوم شنته هيئة تحرير الشام على نقطة عسكرية قرب بلدة كبانة."
    cls = _classify_outside_names(text, ActorKB.load())
    assert cls is not None and cls.sub_event_type != "Government regains territory"
    assert cls.event_type == "Battles" or cls.sub_event_type == "Attack"
