"""Quote records: kinds, speakers, relays, offsets, and the hook the events stage uses."""

from diurna.quotes import quote_at


def _by_content(doc, words):
    """The shortest quote containing `words` (an indirect quote may contain a partial one)."""
    return min((q for q in doc.quotes if words in q.content.text), key=lambda q: len(q.content.text))


def _name(doc, actor_id):
    actor = doc.actor(actor_id)
    return actor.name if actor is not None else None


def test_every_span_slices_the_article_text(code):
    doc = code(
        "“We will not back down,” Venezuelan opposition leader Maria Corina Machado said on Sunday. "
        "She added that the protests would continue until the count was published."
    )
    assert doc.quotes
    for q in doc.quotes:
        for span in (q.content, q.speaker_mention, q.cue):
            if span is not None:
                assert doc.text[span.start : span.end] == span.text


def test_direct_quote_with_cue_after_it(code):
    doc = code("“The border will stay closed,” Polish Interior Minister Tomasz Siemoniak said on Monday.")
    q = _by_content(doc, "The border will stay closed")
    assert q.kind == "direct"
    assert q.cue.text == "said"
    assert "Siemoniak" in q.speaker_mention.text
    assert "Siemoniak" in _name(doc, q.speaker)


def test_indirect_speech_keeps_the_complementiser(code):
    doc = code("Chilean President Gabriel Boric said that the new constitution would be put to a vote.")
    q = _by_content(doc, "the new constitution would be put to a vote")
    assert q.kind == "indirect"
    assert q.content.text.startswith("that ")


def test_partial_quote_inside_reported_speech(code):
    doc = code('Danish Prime Minister Mette Frederiksen described the offer as "completely unacceptable".')
    partial = _by_content(doc, "completely unacceptable")
    assert partial.kind == "partial"
    assert "Frederiksen" in _name(doc, partial.speaker)


def test_pronoun_speaker_keeps_the_pronoun_as_mention(code):
    doc = code(
        "Ukrainian President Volodymyr Zelensky visited troops near Pokrovsk on Friday. "
        '"We will hold the line," he said.'
    )
    q = _by_content(doc, "We will hold the line")
    assert q.speaker_mention.text == "he"
    assert "Zelensky" in _name(doc, q.speaker)


def test_according_to_is_a_relay_when_someone_else_speaks(code):
    doc = code('"The strikes will continue," Houthi spokesman Yahya Saree said, according to Al Jazeera.')
    q = _by_content(doc, "The strikes will continue")
    assert "Saree" in _name(doc, q.speaker)
    assert q.via and "Al Jazeera" in _name(doc, q.via[0])


def test_according_to_alone_names_the_speaker(code):
    doc = code("According to the World Food Programme, half of the population faces hunger.")
    q = _by_content(doc, "half of the population faces hunger")
    assert "World Food Programme" in q.speaker_mention.text
    assert q.via == []


def test_nested_report_gives_the_relay_chain(code):
    doc = code("Reuters reported that Libyan Prime Minister Abdul Hamid Dbeibah said the oil fields would reopen.")
    q = _by_content(doc, "the oil fields would reopen")
    assert "Dbeibah" in _name(doc, q.speaker)
    assert "Reuters" in _name(doc, q.via[0])


def test_relay_stated_in_the_next_sentence(code):
    doc = code(
        "Bangladeshi interim leader Muhammad Yunus said the reforms would take time.\n\n"
        "Yunus's remarks were quoted by the BBC."
    )
    q = _by_content(doc, "the reforms would take time")
    assert q.via and "BBC" in _name(doc, q.via[0])


def test_scare_quotes_without_a_cue_are_not_quotes(code):
    doc = code("The so-called “peace plan” was published on Tuesday by the government in Khartoum.")
    assert not any("peace plan" in q.content.text for q in doc.quotes)


def test_quotation_nobody_is_named_for_has_no_speaker(code):
    doc = code(
        "The report was published on Monday.\n\n"
        '"The humanitarian situation in the camps has become catastrophic and keeps getting worse."'
    )
    q = _by_content(doc, "has become catastrophic")
    assert q.speaker is None and q.speaker_mention is None


def test_expletive_it_names_no_speaker(code):
    doc = code("It was reported that the finance minister had resigned after the vote.")
    q = _by_content(doc, "the finance minister had resigned")
    assert q.speaker is None and q.speaker_mention is None


def test_chant_is_a_quote_of_the_protesters(code):
    doc = code('Protesters chanted "Down with the junta" outside the parliament in Niamey.')
    q = _by_content(doc, "Down with the junta")
    assert q.speaker_mention.text.lower() == "protesters"


def test_quote_at_returns_the_innermost_quote(code):
    doc = code('Greek Prime Minister Kyriakos Mitsotakis said the fires were "a national tragedy".')
    inner = _by_content(doc, "a national tragedy")
    offset = doc.text.index("national")
    assert quote_at(doc, offset).id == inner.id
    assert quote_at(doc, 0) is None


def test_quote_ids_are_stable(code):
    text = '"We are ready," Finnish President Alexander Stubb said.'
    assert [q.id for q in code(text).quotes] == [q.id for q in code(text).quotes]


def test_a_frame_after_a_quotation_ending_a_clause_reports_the_whole_clause(code):
    doc = code(
        'The port will reopen once the channel is dredged and the new cranes pass "every safety '
        'inspection," the harbour master said on Friday.'
    )
    clause = _by_content(doc, "The port will reopen")
    assert clause.kind == "indirect"
    assert "every safety" in clause.content.text
    assert clause.speaker_mention.text == "the harbour master"


def test_a_subject_right_after_the_quotation_frames_it(code):
    doc = code('"We will win this district," the senator told a crowd that organizers estimated at 5,000.')
    q = _by_content(doc, "We will win this district")
    assert q.speaker_mention.text == "the senator"
    assert q.cue.text == "told"


def test_quotations_signed_with_a_quotation_dash_run_on_in_one_paragraph(code):
    doc = code(
        "We asked readers what they made of the debate. \u201cI have never seen a candidate so unprepared "
        "in my life\u201d \u2015 Tom Reyes \u201cHe kept interrupting her, it was painful to watch\u201d "
        "\u2015 Maria Lopez, Ohio\n\n\u201cThe wall is a fantasy and everyone knows it.\u201d \u2015 Dana Whitfield"
    )
    assert "Reyes" in _name(doc, _by_content(doc, "so unprepared").speaker)
    assert "Lopez" in _name(doc, _by_content(doc, "painful to watch").speaker)
    assert "Whitfield" in _name(doc, _by_content(doc, "The wall is a fantasy").speaker)


def test_a_definite_message_speaks_for_the_subject_of_the_sentence_before(code):
    doc = code(
        "Chancellor Olaf Scholz met the leaders of his coalition behind closed doors on Monday. "
        "The message was unmistakable: \u201cThere will be no new debt this year.\u201d"
    )
    assert "Scholz" in _name(doc, _by_content(doc, "no new debt this year").speaker)


def test_an_answer_is_from_whoever_the_sentence_before_asked(code):
    doc = code(
        "Reporters asked Governor Gavin Newsom whether he would sign the bill. "
        "The answer was short: \u201cNot this year.\u201d"
    )
    assert "Newsom" in _name(doc, _by_content(doc, "Not this year").speaker)


def test_a_short_beat_before_a_quotation_hands_it_the_floor(code):
    doc = code(
        "Reporters asked Senator Maria Ortega whether she would support the deal. She hesitated. "
        "\u201cI need to read the final text before I promise anything.\u201d"
    )
    assert "Ortega" in _name(doc, _by_content(doc, "read the final text").speaker)


def test_every_cue_is_a_forward_span_of_text(pipeline):
    """A cue or content that ends before it begins broke the events stage on real text (a "called
    for" preposition hung on the verb from before it): on the bundled examples, every span is a span."""
    import pathlib

    texts = sorted(pathlib.Path(__file__).resolve().parents[2].joinpath("examples", "txt").glob("*.txt"))
    assert texts
    for path in texts:
        doc = pipeline.code_text(path.read_text(encoding="utf-8"), "2024-01-01")
        for q in doc.quotes:
            assert q.content.start < q.content.end, (path.name, q)
            if q.cue is not None:
                assert q.cue.start < q.cue.end and doc.text[q.cue.start : q.cue.end] == q.cue.text, (path.name, q)


def test_a_preposition_before_a_speech_verb_is_not_its_called_for_phrase(code):
    # "to Ghana" hangs on "called" from before it; read as "called for" it made a cue that ended
    # before it began, and the events stage failed on the article
    doc = code("Upon returning to Ghana, Mahama called the talks “useful.” “This is the way ahead,” he said.")
    assert doc.quotes
    for q in doc.quotes:
        assert q.cue is None or q.cue.start < q.cue.end, q
        assert q.content.start < q.content.end, q
