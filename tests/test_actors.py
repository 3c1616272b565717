from __future__ import annotations

import pytest

from marsad import vocab
from marsad.actors import ActorKB, ActorMention, ruler_patterns

SYRIA_ARMY = "Military Forces of Syria (2000-2024)"
IRGC = "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps"
PRO_IRAN = "Militia (Pro-Iran)"


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def names(kb: ActorKB, text: str, **kw) -> list[str]:
    return [m.canonical for m in kb.find(text, **kw)]


def test_load_is_cached_and_every_actor_has_an_acled_category(kb):
    assert ActorKB.load() is kb
    categories = set(vocab.inter_categories().values())
    assert all(a.inter in categories for a in kb.actors.values())


def test_mention_spans_match_the_text(kb):
    text = "Reports say the IRGC and Hezbollah met near the border."
    found = kb.find(text)
    assert [m.text for m in found] == ["IRGC", "Hezbollah"]
    assert all(text[m.start : m.end] == m.text for m in found)
    irgc = found[0]
    assert isinstance(irgc, ActorMention)
    assert (irgc.canonical, irgc.inter, irgc.country) == (IRGC, "State forces", "Iran")
    assert found[1].affiliation == "pro-Iran"


@pytest.mark.parametrize(
    "alias",
    [
        "IRGC",
        "Islamic Revolutionary Guard Corps",
        "Iranian Revolutionary Guard",
        "Iranian Revolutionary Guards",
        "Islamic Revolutionary Guards",
        "the Revolutionary Guards",
        "Iran's Revolutionary Guards",
        "Iran’s Revolutionary Guard",
        "Pasdaran",
        "Sepah",
    ],
)
def test_one_name_for_the_irgc(kb, alias):
    assert names(kb, f"A unit of {alias} moved east.") == [IRGC]


def test_quds_force_is_its_own_actor_under_the_irgc(kb):
    (m,) = kb.find("The Quds Force commander was killed.")
    assert m.canonical == "Military Forces of Iran (1989-) Quds Force"
    assert m.affiliation == IRGC
    assert names(kb, "an IRGC Quds Force officer") == ["Military Forces of Iran (1989-) Quds Force"]


@pytest.mark.parametrize(
    "alias",
    ["Syrian army", "regime forces", "Syrian Arab Army", "SAA", "Syrian government forces", "Syrian regime"],
)
def test_syrian_state_forces_default_to_the_assad_era_name(kb, alias):
    assert names(kb, f"Units of the {alias} advanced.", country="Syria") == [SYRIA_ARMY]


def test_state_forces_change_name_with_the_government(kb):
    assert kb.for_date(SYRIA_ARMY, "2023-05-08") == SYRIA_ARMY
    assert kb.for_date(SYRIA_ARMY, "2025-01-15") == "Military Forces of Syria (2024-)"
    us = "Military Forces of the United States (2025-)"
    assert kb.for_date(us, "2022-03-01") == "Military Forces of the United States (2021-2025)"
    assert kb.state_forces("Syria", on="2025-02-01") == "Military Forces of Syria (2024-)"
    assert kb.for_date("Hezbollah", "2020-01-01") == "Hezbollah"


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("Hezbollah", "Hezbollah"),
        ("Hizballah", "Hezbollah"),
        ("Hizbollah", "Hezbollah"),
        ("Hizbullah", "Hezbollah"),
        ("Lebanese Hezbollah", "Hezbollah"),
        ("Liwa Fatemiyoun", "Liwa Fatemiyoun"),
        ("Fatemiyoun Brigade", "Liwa Fatemiyoun"),
        ("Fatemiyoun", "Liwa Fatemiyoun"),
        ("Liwa Fatemiyun", "Liwa Fatemiyoun"),
        ("Liwa Zainebiyoun", "Liwa Zainebiyoun"),
        ("LiwaZainebiyoun", "Liwa Zainebiyoun"),
        ("Zainebiyoun", "Liwa Zainebiyoun"),
        ("Kataib Hezbollah", "Kataib Hezbollah"),
        ("Asaib Ahl al-Haq", "Asaib Ahl al Haq"),
        ("Popular Mobilization Forces", "PMF: Popular Mobilization Forces"),
        ("Hashd al-Shaabi", "PMF: Popular Mobilization Forces"),
        ("al-Hashd al-Shaabi", "PMF: Popular Mobilization Forces"),
        ("PMF", "PMF: Popular Mobilization Forces"),
        ("Syrian Democratic Forces", "SDF: Syrian Democratic Forces"),
        ("SDF", "SDF: Syrian Democratic Forces"),
        ("YPG", "YPG: People's Protection Units"),
        ("Asayish", "Asayish"),
        ("Hayat Tahrir al-Sham", "HTS: Hayat Tahrir al Sham"),
        ("Hay'at Tahrir al-Sham", "HTS: Hayat Tahrir al Sham"),
        ("Tahrir al-Sham", "HTS: Hayat Tahrir al Sham"),
        ("Nusra Front", "HTS: Hayat Tahrir al Sham"),
        ("Jabhat al-Nusra", "HTS: Hayat Tahrir al Sham"),
        ("Jabhat Fatah al-Sham", "HTS: Hayat Tahrir al Sham"),
        ("HTS", "HTS: Hayat Tahrir al Sham"),
        ("Syrian National Army", "SNA: Syrian National Army"),
        ("Turkish-backed factions", "SNA: Syrian National Army"),
        ("Peshmerga", "Peshmerga"),
        ("PKK", "PKK: Kurdistan Workers Party"),
        ("Lebanese army", "Military Forces of Lebanon (2025-)"),
        ("Ansar Allah", "Ansar Allah"),
        ("Houthi rebels", "Ansar Allah"),
        ("Houthi forces", "Ansar Allah"),
        ("Houthis", "Ansar Allah"),
        ("Southern Transitional Council", "STC: Southern Transitional Council"),
        ("AQAP", "AQAP: Al Qaeda in the Arabian Peninsula"),
        ("Yemeni army", "Military Forces of Yemen (2022-)"),
        ("Hamas", "Hamas Movement"),
        ("Al-Qassam Brigades", "Hamas Movement"),
        ("Palestinian Islamic Jihad", "Palestinian Islamic Jihad"),
        ("Al-Quds Brigades", "Palestinian Islamic Jihad"),
        ("IDF", "Military Forces of Israel (2022-)"),
        ("Israel Defense Forces", "Military Forces of Israel (2022-)"),
        ("Israeli army", "Military Forces of Israel (2022-)"),
        ("Israeli forces", "Military Forces of Israel (2022-)"),
        ("Israeli warplanes", "Military Forces of Israel (2022-)"),
        ("Israeli jets", "Military Forces of Israel (2022-)"),
        ("Israeli drone", "Military Forces of Israel (2022-)"),
        ("Israeli police", "Police Forces of Israel (2022-)"),
        ("Israeli settlers", "Settlers (Israel)"),
        ("Palestinian Authority security forces", "Police Forces of Palestine (2007-)"),
        ("Jordanian air force", "Military Forces of Jordan (1999-)"),
        ("Jordanian warplanes", "Military Forces of Jordan (1999-)"),
        ("Russian warplanes", "Military Forces of Russia (2000-)"),
        ("Turkish drone", "Military Forces of Turkey (2002-)"),
        ("US forces", "Military Forces of the United States (2025-)"),
        ("U.S. troops", "Military Forces of the United States (2025-)"),
        ("American troops", "Military Forces of the United States (2025-)"),
        ("US-led coalition", "Operation Inherent Resolve"),
        ("Operation Inherent Resolve", "Operation Inherent Resolve"),
        ("Iraqi army", "Military Forces of Iraq (2022-)"),
        ("Iraqi police", "Police Forces of Iraq (2022-)"),
        ("Iranian forces", "Military Forces of Iran (1989-)"),
        ("Islamic State", "Islamic State ({country})"),
        ("ISIS", "Islamic State ({country})"),
        ("ISIL", "Islamic State ({country})"),
        ("Daesh", "Islamic State ({country})"),
    ],
)
def test_alias_families(kb, alias, canonical):
    assert names(kb, f"On Monday {alias} were seen near the town.") == [canonical]


@pytest.mark.parametrize(
    "phrase",
    [
        "Iranian militias",
        "Iran-backed militias",
        "pro-Iranian militias",
        "pro-Iran militias",
        "Tehran-backed militias",
        "Tehran-linked militias",
        "Iranian-backed militia forces",
        "Iran-linked militias",
        "Iran-aligned forces",
        "Iranian-affiliated forces",
        "Iran backed groups",
    ],
)
def test_generic_pro_iran_militias(kb, phrase):
    found = kb.find(f"Witnesses saw {phrase} leave the base.")
    assert [(m.text, m.canonical) for m in found] == [(phrase, PRO_IRAN)]
    assert found[0].inter == "Political militia"


def test_descriptions_that_are_not_actors(kb):
    assert kb.find("A strike hit an Iran-linked drugs factory.") == []
    assert kb.find("Members of the Lebanese Forces party voted.") == []


def test_is_only_as_a_capitalised_word(kb):
    assert names(kb, "IS fighters attacked a checkpoint.", country="Iraq") == ["Islamic State (Iraq)"]
    assert kb.find("This is what it is, and Isis is a name.") == []
    assert kb.find("ISLAMIST") == []
    assert kb.find("THIS IS WAR") == []


def test_amal_movement_and_the_word_amal(kb):
    assert names(kb, "Amal said it would not take part.") == ["Amal Movement"]
    assert names(kb, "Supporters of the Amal Movement gathered.") == ["Amal Movement"]
    assert kb.find("The song speaks of amal, hope.") == []
    assert kb.find("Amal Clooney said the case was strong.") == []


def test_longest_alias_wins(kb):
    found = kb.find("Kataib Hezbollah and the Syrian Democratic Forces")
    assert [m.text for m in found] == ["Kataib Hezbollah", "Syrian Democratic Forces"]
    assert names(kb, "Iranian Revolutionary Guard Corps units") == [IRGC]


def test_whole_words_only(kb):
    assert kb.find("The SDFX company and the HTSA group") == []
    assert kb.find("Hezbollahstan") == []


def test_per_country_actors_need_a_country(kb):
    (m,) = kb.find("Gunmen opened fire on a car.")
    assert m.needs_country and m.canonical == "Unidentified Armed Group ({country})"
    (m,) = kb.find("Gunmen opened fire on a car.", country="Syria")
    assert (m.canonical, m.country, m.needs_country) == ("Unidentified Armed Group (Syria)", "Syria", False)


@pytest.mark.parametrize(
    "phrase", ["gunmen", "unidentified gunmen", "unknown assailants", "unidentified attackers", "armed men"]
)
def test_unidentified_armed_group(kb, phrase):
    assert names(kb, f"Two {phrase} fled the scene.", country="Syria") == ["Unidentified Armed Group (Syria)"]


@pytest.mark.parametrize("phrase", ["unidentified aircraft", "unidentified warplanes", "unidentified drones"])
def test_unidentified_military_forces(kb, phrase):
    assert names(kb, f"Two {phrase} struck trucks.") == ["Unidentified Military Forces"]


def test_civilians_protesters_rioters(kb):
    text = "Protesters and rioters clashed while civilians fled."
    assert names(kb, text, country="Iraq") == ["Protesters (Iraq)", "Rioters (Iraq)", "Civilians (Iraq)"]
    assert kb.civilians("Syria") == "Civilians (Syria)"
    assert kb.protesters("Syria") == "Protesters (Syria)"
    assert kb.rioters("Syria") == "Rioters (Syria)"
    assert kb.unidentified("Syria") == "Unidentified Armed Group (Syria)"


def test_government_forces_belong_to_the_events_country(kb):
    assert names(kb, "Government forces shelled the village.", country="Syria") == [SYRIA_ARMY]
    assert names(kb, "Government forces shelled the village.", country="Iraq") == [
        "Military Forces of Iraq (2022-)"
    ]
    assert names(kb, "Government forces shelled the village.", country="Mali") == ["Military Forces of Mali"]
    assert names(kb, "Government forces shelled the village.") == ["Military Forces of {country}"]


def test_canonical_and_inter(kb):
    assert kb.canonical("the Revolutionary Guards") == IRGC
    assert kb.canonical(IRGC) == IRGC
    assert kb.canonical("Civilians (Syria)") == "Civilians (Syria)"
    assert kb.canonical("hizbullah") == "Hezbollah"
    assert kb.canonical("Hezbollah and Amal") is None
    assert kb.canonical("nobody in particular") is None
    assert kb.inter("Civilians (Syria)") == "Civilians"
    assert kb.inter("Unidentified Armed Group (Syria)") == "Political militia"
    assert kb.inter("Military Forces of Mali (2021-)") == "State forces"
    assert kb.inter("SDF: Syrian Democratic Forces") == "Rebel group"
    assert kb.inter("Not an actor") is None
    assert kb.affiliation("YPG: People's Protection Units") == "SDF: Syrian Democratic Forces"


def test_conflicting_aliases_are_refused():
    data = {
        "actors": [
            {"name": "A", "inter": "Rebel group", "aliases": ["Same Name"]},
            {"name": "B", "inter": "Rebel group", "aliases": ["same-name"]},
        ]
    }
    with pytest.raises(ValueError, match="names both"):
        ActorKB.from_data(data)


def test_a_small_knowledge_base_from_data():
    data = {
        "force_nouns": ["troops", "jet[|s]"],
        "actors": [{"name": "Military Forces of Utopia", "inter": "State forces", "demonyms": ["Utopian"]}],
    }
    kb = ActorKB.from_data(data)
    assert [m.text for m in kb.find("Utopian jets and Utopian troops")] == ["Utopian jets", "Utopian troops"]


def test_find_reads_every_mention_of_a_long_text(kb):
    # Its speed is measured by bench/stage_bench.py.
    text = "Iran-backed militias and the IRGC moved, said residents of the town. " * 300
    found = kb.find(text)
    assert len(found) == 600
    assert {m.canonical for m in found} == {PRO_IRAN, IRGC}


def test_ruler_patterns_for_spacy(kb):
    patterns = ruler_patterns(kb)
    by_id = {}
    for p in patterns:
        by_id.setdefault(p["id"], []).append(p)
    assert {p["label"] for p in patterns} == {"ORG"}
    assert PRO_IRAN not in by_id and "Unidentified Military Forces" not in by_id
    assert not any("{country}" in i for i in by_id)
    assert {"ORTH": "IRGC"} in [t for p in by_id[IRGC] for t in p["pattern"]]
    assert any(p["pattern"] == [{"LOWER": "liwa"}, {"LOWER": "fatemiyoun"}] for p in by_id["Liwa Fatemiyoun"])


def test_ruler_patterns_work_in_an_entity_ruler(kb):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(ruler_patterns(kb))
    doc = nlp("Fighters of Liwa Fatemiyoun and the IRGC left Kataib Hezbollah bases.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [
        ("Liwa Fatemiyoun", "Liwa Fatemiyoun"),
        ("IRGC", IRGC),
        ("Kataib Hezbollah", "Kataib Hezbollah"),
    ]
