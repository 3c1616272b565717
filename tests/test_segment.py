"""Cleaning scraped pages: titles, captions, chrome, glued articles, publication dates."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.ingest import read_paths
from marsad.pubdate import decide, parse_dateline
from marsad.records import RawDocument, content_id
from marsad.segment import segment

from .conftest import SEEDS

BODY_A = ("Turkish drones struck a vehicle near the town of Amuda on Saturday, killing two members of "
          "the Asayish, the Kurdish-led internal security force said in a statement issued later that day.")
BODY_B = ("The interior ministry announced on Sunday that it had arrested eleven people suspected of "
          "smuggling weapons across the border with Iraq, without naming the groups involved.")


def txt(text: str) -> RawDocument:
    return RawDocument(content_id(text), "test.txt", "txt", text)


def seed_articles():
    out = []
    for doc in read_paths([SEEDS]):
        out.extend(segment(doc))  # type: ignore[arg-type]
    return out


def test_seeds_split_titles_dates_and_clean_text():
    arts = seed_articles()
    titles = [a.title for a in arts]
    assert len(arts) == 3
    assert titles[0].startswith("Suspicious Iranian Movements Near Syrian-Iraqi Borders")
    assert titles[1].startswith("EU’s Kallas Says She Hopes")
    assert titles[2].startswith("Tehran-Backed Militias Removing Iranian Flags")
    assert [a.published for a in arts] == [None, None, "2023-05-09"]
    for a in arts:
        lines = [ln for ln in a.text.splitlines() if ln.strip()]
        assert len(lines) == len(set(lines)), "repeated lines"
        assert "TT" not in lines and "More News" not in lines
        assert "(AFP" not in a.text and "A general view shows" not in a.text
    assert "Kallas" not in arts[0].text and "IRGC" not in arts[1].text
    assert any("Raqqa" in c for c in arts[0].captions)


def test_repeated_title_caption_credit_and_chrome_are_removed():
    text = (f"Drone strike near Amuda\n\nDrone strike near Amuda\n\nA burned car on a road, June 3, 2019. (Reuters)\n"
            f"Photo: Hawar News\nShare\n\n{BODY_A}\n\n{BODY_A}\n\nRead more\n")
    [a] = segment(txt(text))
    assert a.title == "Drone strike near Amuda"
    assert a.text == BODY_A
    assert a.published is None  # the caption's 2019 date is the photo's, not the article's
    assert "A burned car on a road, June 3, 2019. (Reuters)" in a.captions


def test_caption_line_above_the_headline_is_not_the_title():
    text = ("Portraits of commanders hang beside a checkpoint flag in the old city\n\n"
            "Security Forces Detain Smuggling Suspects Near Border\n\n" + BODY_B)
    [a] = segment(txt(text))
    assert a.title == "Security Forces Detain Smuggling Suspects Near Border"
    assert "Portraits" not in a.text


def test_glued_articles_are_split_on_gap_and_headline():
    text = f"Drone Strike Near Amuda Kills Two\n\n{BODY_A}\n\n\n\nMinistry Announces Smuggling Arrests\n\n{BODY_B}\n"
    arts = segment(txt(text))
    assert [a.title for a in arts] == ["Drone Strike Near Amuda Kills Two", "Ministry Announces Smuggling Arrests"]
    assert arts[0].text == BODY_A and arts[1].text == BODY_B
    assert len({a.article_id for a in arts}) == 2


def test_hard_wrapped_paragraphs_are_joined():
    cut = BODY_A.index(" ", 60)
    wrapped = BODY_A[:cut] + "\n" + BODY_A[cut + 1:]
    [a] = segment(txt("Drone strike report\n\n" + wrapped))
    assert a.text == BODY_A


def test_outlet_line_and_language():
    [a] = segment(txt(f"Drone Strike Near Amuda\n\nSource: Enab Baladi\n\n{BODY_A}"))
    assert a.outlet == "Enab Baladi" and a.language == "en"
    [ar] = segment(txt("قصف جوي على ريف دير الزور\n\nقصفت طائرات حربية مواقع في ريف دير الزور الشرقي يوم الاثنين، "
                       "وقالت مصادر محلية إن القصف استهدف مستودعات للأسلحة قرب مدينة الميادين."))
    assert ar.language == "ar"


@pytest.mark.parametrize("line, expected", [
    ("Wednesday 6 March 2024", "2024-03-06"),
    ("March 6, 2024 Wednesday", "2024-03-06"),
    ("Published 3 March 2024", "2024-03-03"),
    ("Posted on March 4, 2024 by Staff Writer", "2024-03-04"),
    ("Date of publication: 2024-02-11", "2024-02-11"),
    ("09.05.2023", "2023-05-09"),  # dots: day first
    ("12-03-2024", "2024-03-12"),  # dashes: day first
    ("25/03/2024", "2024-03-25"),  # only one reading is a real date
    ("Tuesday, 05/09/2023", None),  # both readings are Tuesdays: the body must decide
    ("Monday, 03/04/2024", "2024-03-04"),  # only 4 March 2024 is a Monday
    ("Wed 06 Mar 2024 14:32 GMT", "2024-03-06"),
    ("Updated: March 6, 2024 10:15 am", "2024-03-06"),
    ("By Ahmad Hassan - March 6, 2024", "2024-03-06"),
    ("Last updated 2024-03-06T10:32:00Z", "2024-03-06"),
    ("2024/03/06", "2024-03-06"),
    ("6th of March 2024", "2024-03-06"),
    ("Published on 06/03/2024 at 10:32", None),  # day or month first: nothing decides
    ("2024 Mar 6", "2024-03-06"),  # year first, as some sites stamp a page
    ("Updated 2024 March 6, 10:15 am", "2024-03-06"),
])
def test_dateline_formats(line, expected):
    found = parse_dateline(line)
    assert found is not None
    got = decide(found, [])
    assert (got.isoformat() if got else None) == expected


def test_ambiguous_slash_date_is_settled_by_dates_in_the_body():
    found = parse_dateline("Tuesday, 05/09/2023")
    body = ["Ministers met on Sunday ahead of the summit in Riyadh on May 19."]
    assert decide(found, body) == dt.date(2023, 5, 9)
    body = ["Talks are scheduled to resume on September 12 in Geneva."]
    assert decide(found, body) == dt.date(2023, 9, 5)


def test_sentences_that_merely_contain_a_date_are_not_datelines():
    assert parse_dateline("The group captured the town on March 4, 2019 after heavy fighting.") is None
    assert parse_dateline("In 2019 March 4 people died") is None


def test_dateline_in_text_becomes_published_and_leaves_the_body():
    [a] = segment(txt(f"Drone Strike Near Amuda\n\nMonday, 03/04/2024\n\n{BODY_A}"))
    assert a.published == "2024-03-04" and "2024" not in a.text


def test_json_metadata_wins():
    doc = RawDocument("x", "feed.jsonl#L1", "txt", BODY_A, title="Given title", published="2024-03-05T09:00:00Z",
                      outlet="North Press")
    [a] = segment(doc)
    assert (a.title, a.published, a.outlet, a.text) == ("Given title", "2024-03-05", "North Press", BODY_A)


def test_html_page_metadata_and_captions():
    html = ("<html><head><title>Shelling hits Tyre - Example News</title>"
            '<meta property="og:site_name" content="Example News">'
            '<meta property="article:published_time" content="2024-03-04T08:00:00Z"></head>'
            "<body><nav>Home | World | Share</nav><article><h1>Shelling hits Tyre</h1>"
            "<figure><figcaption>Smoke over the coast, June 3, 2019 (AFP)</figcaption></figure>"
            f"<p>{BODY_A}</p><p>{BODY_B}</p></article><footer>Copyright 2024 Example News</footer></body></html>")
    [a] = segment(RawDocument("h", "page.html", "html", html))
    assert a.title == "Shelling hits Tyre" and a.outlet == "Example News" and a.published == "2024-03-04"
    assert BODY_A in a.text and "Copyright" not in a.text and "Smoke over" not in a.text


# -- short reports and datelines glued to the body (issue 9) ------------------------------

def test_one_sentence_report_is_an_article():
    one = "Gunmen on motorbikes shot dead a local council member outside his home in Jasim late on Sunday"
    [art] = segment(txt(one))
    assert art.text == one


def test_headline_only_wire_item_is_an_article():
    head = "Artillery fire kills three shepherds near Kobani, monitor says"
    [art] = segment(txt(head))
    assert art.text == head


def test_body_on_one_line_with_no_punctuation_is_an_article():
    body = ("Warplanes hit a bakery in the town of Sarmin on Friday killing five people and wounding "
            "a dozen others local rescuers said adding that the toll could rise as people remained trapped")
    [art] = segment(RawDocument(content_id(body), "x.jsonl", "json", body, title="Bakery hit in Sarmin"))
    assert art.text == body


@pytest.mark.parametrize(("glued", "published"), [
    ("Thu 06 Apr 2017 Jets struck a fuel depot on the edge of Saraqib late on Wednesday.", "2017-04-06"),
    ("AFP Friday 3 Mar 2015 At least 12 people died when a shell hit a school bus in Daraa.", "2015-03-03"),
    ("Date of publication 9 June 2016 Warplanes bombed a field hospital west of Atarib overnight.", "2016-06-09"),
    ("Posted on May 2 2019 by Staff A roadside bomb killed two soldiers near Palmyra on Thursday.", "2019-05-02"),
    ("Last updated at Oct 112018 Two rockets fell on a market in the old city of Homs.", "2018-10-11"),
    ("21.11.2016 Clashes broke out between rival factions in the town of Azaz on Monday.", "2016-11-21"),
    # A page's date run into the site's share button as the text was scraped.
    ("09.03.2018Share this story Shelling cut the road between Harasta and Douma on Friday.", "2018-03-09"),
])
def test_dateline_glued_to_the_first_words_sets_the_publication_date(glued, published):
    [art] = segment(txt(glued))
    assert art.published == published
    assert not art.text[:1].isdigit() and not art.text.startswith(("Thu", "AFP", "Date", "Posted", "Last"))
    assert "2018" not in art.text


def test_headline_repeated_after_the_glued_dateline_is_dropped():
    title = "Car bomb kills nine at crossing in Azaz"
    body = (f"Sat 14 Jan 2017 {title}. A car packed with explosives blew up at a checkpoint on the "
            f"road to the border crossing on Saturday morning, a monitor said")
    [art] = segment(RawDocument(content_id(body), "x.jsonl", "json", body, title=title))
    assert art.published == "2017-01-14"
    assert art.text.startswith("A car packed with explosives")


def test_a_sentence_that_merely_starts_with_a_date_keeps_its_words():
    [art] = segment(txt("On 3 March 2015 at least 12 people died when a shell hit a school bus in Daraa."))
    assert art.published is None
    assert art.text.startswith("On 3 March 2015")


def test_only_captions_and_chrome_is_still_rejected():
    from marsad.errors import InvalidInput
    with pytest.raises(InvalidInput, match="no article text"):
        segment(txt("TT\n\nMore News\n\nShare"))


def test_a_photo_caption_glued_into_a_one_line_body_is_set_aside():
    body = ("Thu 02 Mar 2017 Government troops stand guard at a checkpoint on the road to the airport "
            "in Deir ez-Zor February 20 2017 (Photo Agency) Shelling killed four people in the city on "
            "Wednesday residents said")
    [art] = segment(RawDocument(content_id(body), "x.jsonl", "json", body, title="Shelling in Deir ez-Zor"))
    assert art.text.startswith("Shelling killed four people")
    assert any(c.startswith("Government troops stand guard") for c in art.captions)
    assert art.published == "2017-03-02"


def test_a_dated_aside_in_brackets_that_describes_no_picture_stays():
    body = "Jets struck the town on June 6 2015 (local time) killing five people residents said"
    [art] = segment(txt(body))
    assert art.text == body


def test_a_lede_that_begins_with_the_headline_words_keeps_them():
    body = "Syrian army recaptures Palmyra from Islamic State, state television says"
    [art] = segment(RawDocument(content_id(body), "x.jsonl", "json", body, title="Syrian army recaptures Palmyra"))
    assert art.text == body


def test_a_number_after_a_glued_dateline_is_not_a_time():
    [art] = segment(txt("Wed 05 Apr 2017 120 civilians were killed in the shelling of the town of Ariha."))
    assert art.published == "2017-04-05" and art.text.startswith("120 civilians")


def test_a_tag_list_glued_into_the_body_is_cut_where_the_story_resumes():
    body = ("Gunmen killed two aid workers near Azaz on Sunday. Tags Syria Aleppo Azaz aid workers attack "
            "The charity said it had suspended its work in the area.")
    [art] = segment(txt(body))
    assert "Tags" not in art.text and art.text.endswith("suspended its work in the area.")


@pytest.mark.parametrize(("body", "published"), [
    # a photo credit and a section name, then the page's time stamp glued to the story
    ("Getty Images Middle East 1730 28.04.2017 Share this The army retook two villages near Hama on Friday.",
     "2017-04-28"),
    ("World 03.11.2016 (updated 14:05) Rebels shelled the city's western districts on Thursday.", "2016-11-03"),
])
def test_a_time_stamp_after_a_credit_sets_the_publication_date(body, published):
    [art] = segment(RawDocument(content_id(body), "x.jsonl", "json", body, title="Army retakes villages"))
    assert art.published == published
    assert "28.04.2017" not in art.text and "03.11.2016" not in art.text


def test_a_dotted_date_in_the_story_is_not_a_stamp():
    body = "Talks on the 1.5.2017 truce broke down and jets struck the town on Friday, residents said."
    [art] = segment(RawDocument(content_id(body), "x.jsonl", "json", body, title="Truce breaks down"))
    assert art.published is None and art.text == body


def test_a_sentence_opened_by_a_photo_credit_is_a_caption_but_a_body_is_kept():
    from marsad.segment.lines import opens_with_credit
    assert opens_with_credit("AFP Photo Rebel fighters ride a pickup truck outside the town Moscow (Interfax)")
    assert opens_with_credit("Reuters/ Photo Smoke rises over the rooftops after a strike")
    assert not opens_with_credit("AP reported that jets struck the town on Monday.")
    body = "AFP Photo Jets struck the town of Ariha on Monday, killing four people, residents said."
    [art] = segment(txt(body))
    assert art.text == body


def test_a_subheading_after_the_story_begins_is_not_the_title():
    # No title given, no blank lines: the short line in the middle is a subheading, and the
    # paragraphs above it are the story, not page chrome to drop.
    text = ("Fear gripped the port city on Tuesday as investigators examined the bomb that wrecked a ferry "
            "terminal the night before.\n"
            "The blast late on Monday tore through the waiting hall of the terminal, the harbour authority said.\n"
            "Sixteen people were killed, the health ministry said.\n"
            "Who planted it\n"
            "No group has said it planted the bomb, and police have made no arrests so far in the case.\n")
    [art] = segment(txt(text))
    assert art.title is None
    assert art.text.startswith("Fear gripped the port city") and "Sixteen people were killed" in art.text


def test_a_caption_that_ends_with_a_date_and_a_place_is_a_caption():
    from marsad.segment.lines import is_caption
    assert is_caption("A firefighter inspects the wreckage of a bus outside the terminal on March 4, 2019, "
                      "in Hodeidah's port district.")
    assert not is_caption("Jets struck the market on March 4, 2019, in Hodeidah, killing nine people.")


@pytest.mark.parametrize("body", [
    "Kiev, 12.05.2014 1400 people fled Sloviansk as the army shelled the town, officials said.",
    "The ministry said that on 28.04.2017 150 soldiers were moved to the border, the agency said.",
])
def test_a_dotted_date_beside_a_number_in_prose_is_no_stamp(body):
    [art] = segment(RawDocument(content_id(body), "x.jsonl", "json", body, title="Town shelled"))
    assert art.published is None and art.text == body


def test_a_long_tagline_above_the_headline_leaves_the_headline_a_title():
    text = ("Your trusted source for independent news and analysis from across the region, every day of the year.\n"
            "Army sends reinforcements to the northern front\n"
            "Government jets pounded rebel positions near the town of Kafr Nabl on Monday, a monitor said.\n"
            "The army also sent tanks to the area, residents said on Monday evening.\n")
    [art] = segment(txt(text))
    assert art.title == "Army sends reinforcements to the northern front"
    assert art.text.startswith("Government jets pounded")


def test_a_news_line_ending_with_a_date_and_a_place_is_no_caption():
    from marsad.segment.lines import is_caption
    assert not is_caption("Rebels who hold the area said helicopters dropped barrel bombs on Khan Sheikhoun on "
                          "March 4, 2019, in Idlib province.")


def test_a_run_of_tabs_inside_a_line_ends_a_paragraph():
    # A scrape that flattened its page into one line: the caption's date must not be read
    # as the date of the story after it.
    body = ("Rescuers reached the village after the strike, officials said. \t \tA photo of the ruins taken "
            "on March 2 2019 by a local activist\t \t Jets renew raids Elsewhere jets struck the town of "
            "Ariha, residents said.\tcolumn two")
    [art] = segment(RawDocument(content_id(body), "x.jsonl", "json", body, title="Strikes go on"))
    assert art.text.split("\n\n") == [
        "Rescuers reached the village after the strike, officials said.",
        "A photo of the ruins taken on March 2 2019 by a local activist",
        "Jets renew raids Elsewhere jets struck the town of Ariha, residents said. column two",
    ]


def test_tabs_at_the_end_of_a_line_are_only_whitespace():
    plain = "Jets struck the town of Ariha on Monday, residents said.\n\nThe strike killed four people."
    tabbed = "Jets struck the town of Ariha on Monday, residents said.\t \t\n\nThe strike killed four people.\t\t"
    [a] = segment(RawDocument(content_id(plain), "x.jsonl", "json", plain, title="Strike on Ariha"))
    [b] = segment(RawDocument(content_id(tabbed), "x.jsonl", "json", tabbed, title="Strike on Ariha"))
    assert a.text == b.text


def test_tabs_around_a_word_inside_a_sentence_are_only_space():
    body = ("BEIRUT, March 5 (Reuters)\t\t- Syrian jets struck the town of\t\tAriha\t\tin Idlib province on Monday, "
            "residents said.")
    [art] = segment(RawDocument(content_id(body), "x.jsonl", "json", body, title="Jets strike Ariha"))
    assert art.text == "Syrian jets struck the town of Ariha in Idlib province on Monday, residents said."
