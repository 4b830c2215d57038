"""The stages after the matcher: tagger, list mining, word forms, prose filters (issue 9).

Integration tests on the shipped lexicon and tagger model; sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from atsmatch import Analyzer
from atsmatch.extraction.found_skills import _merged, tagged_keywords
from atsmatch.extraction.names import written_name
from atsmatch.extraction.tagger import SkillTagger, TaggedSpan, spans_from_labels
from atsmatch.extraction.word_forms import past_tense, verb_forms
from atsmatch.models import Keyword, Mention


def _found(analyzer: Analyzer, text: str) -> dict[str, tuple[str, list[str]]]:
    extraction = analyzer.extract(text)
    for keyword in extraction.keywords:
        for mention in keyword.mentions:
            assert extraction.text[mention.start : mention.end] == mention.text
    return {k.name: (k.source, [m.rule for m in k.mentions]) for k in extraction.keywords}


# --- 1. the tagger -----------------------------------------------------------------------------


def test_tagger_loads_lazily_and_can_be_switched_off(full_analyzer):
    analyzer = Analyzer(tagger=True)
    assert analyzer._tagger is True  # nothing loaded at construction
    lexicon_only = Analyzer(tagger=False)
    text = "You will design ranking signals for our marketplace search."
    assert all(k.source != "tagger" for k in lexicon_only.extract(text).keywords)


def test_tagger_finds_skills_the_lexicon_lacks(full_analyzer):
    text = (
        "Requirements\n"
        "Experience with quantitative risk models and stochastic calculus.\n"
        "You are able to work independently and communicate with stakeholders."
    )
    extraction = full_analyzer.extract(text)
    tagged = [k for k in extraction.keywords if k.source == "tagger"]
    assert tagged, "the tagger should add at least one keyword here"
    for keyword in tagged:
        assert keyword.name == written_name(keyword.mentions[0].text)
        assert all(m.rule == "tagger" and m.form in ("knowledge", "skill") for m in keyword.mentions)
    lexicon = [k for k in extraction.keywords if k.source == "lexicon"]
    claimed = [(m.start, m.end) for k in lexicon for m in k.mentions]
    for keyword in tagged:  # the lexicon names what it knows
        for m in keyword.mentions:
            assert not any(s < m.end and e > m.start for s, e in claimed)


def test_tagger_marks_nothing_in_furniture(full_analyzer):
    text = "Page 2 of 3\nPosted 3 days ago\nApply now"
    assert not [k for k in full_analyzer.extract(text).keywords if k.source == "tagger"]


def _lexicon_keyword(text: str, written: str, category: str = "hard_skill") -> Keyword:
    start = text.index(written)
    mention = Mention(text=written, start=start, end=start + len(written), line=1, rule="name", form=written)
    return Keyword(name=written, category=category, mentions=(mention,))


def _span(text: str, written: str, tag: str) -> TaggedSpan:
    start = text.index(written)
    return TaggedSpan(start, start + len(written), tag)


def test_tagged_spans_become_keywords_named_as_written():
    text = "Build Data Pipelines in Python.\nOwn the data pipeline roadmap."
    known = [_lexicon_keyword(text, "Python")]
    spans = [_span(text, "Data Pipelines", "knowledge"), _span(text, "data pipeline", "knowledge")]
    (keyword,) = tagged_keywords(text, spans, known)
    assert (keyword.name, keyword.category, keyword.source, keyword.count) == (
        "data pipeline",
        "hard_skill",
        "tagger",
        2,
    )
    assert [m.line for m in keyword.mentions] == [1, 2]


@pytest.mark.parametrize(
    "written, tag, category",
    [
        ("grafana dashboards", "skill", "hard_skill"),  # among tools: a tool, whatever the tag
        ("calm negotiating", "skill", "soft_skill"),
    ],
)
def test_tagged_category_follows_lexicon_neighbours(written, tag, category):
    text = (
        f"Tools: Python, Docker, {written}, Terraform"
        if written.startswith("grafana")
        else f"We value {written}."
    )
    known = [_lexicon_keyword(text, n) for n in ("Python", "Docker", "Terraform") if n in text]
    (keyword,) = tagged_keywords(text, [_span(text, written, tag)], known)
    assert keyword.category == category


@pytest.mark.parametrize(
    "written",
    ["Python scripting", "influence cross functional teams to deliver on our product roadmap"],
)
def test_tagged_spans_over_lexicon_or_too_long_are_dropped(written):
    text = f"You will {written} daily."
    known = [_lexicon_keyword(text, "Python")] if "Python" in written else []
    assert tagged_keywords(text, [_span(text, written, "skill")], known) == []


@pytest.mark.parametrize(
    "labels, spans",
    [
        (["O", "B-K", "I-K", "O"], [(1, 3, "K")]),
        (["B-S", "I-S", "B-K"], [(0, 2, "S"), (2, 3, "K")]),
        (["O", "I-K", "I-K"], [(1, 3, "K")]),  # a stray I- opens a span
        (["B-K", "I-S"], [(0, 1, "K"), (1, 2, "S")]),
        (["O", "O"], []),
    ],
)
def test_spans_from_labels(labels, spans):
    assert spans_from_labels(labels) == spans


def test_viterbi_prefers_allowed_transitions():
    tagger = SkillTagger(
        labels=["O", "B-K", "I-K"],
        transitions=[[0, 0, -9], [0, 0, 2], [0, 0, 1]],
        state={"w=java": [1, 3.0], "w=spring": [2, 0.5, 0, 0.4]},
        version="test",
    )
    assert tagger.tag_line(["java", "spring"], ["O", "O"]) == ["B-K", "I-K"]
    assert tagger.tag_line(["spring"], ["O"]) == ["I-K"]


@pytest.mark.parametrize(
    "written, name",
    [
        ("Data Pipelines", "data pipeline"),
        ("  stochastic   calculus ", "stochastic calculus"),
        ("(GraphQL APIs)", "GraphQL APIs"),
        ("C++", "C++"),
        ("business", "business"),  # not a plural
        ("analytics", "analytics"),
    ],
)
def test_written_name(written, name):
    assert written_name(written) == name


def test_one_keyword_per_name_across_stages():
    text = "Skills: Python, SQL, zorbl modelling\nExperience\nShipped Zorbl modelling for billing."
    listed = _lexicon_keyword(text, "zorbl modelling").model_copy(update={"source": "list"})
    tagged = _lexicon_keyword(text, "Zorbl modelling").model_copy(
        update={"name": "zorbl modelling", "source": "tagger"}
    )
    (merged,) = _merged([listed, tagged])
    assert (merged.source, merged.count) == ("list", 2)
    assert [m.text for m in merged.mentions] == ["zorbl modelling", "Zorbl modelling"]


# --- 2. list mining ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, mined, must_not",
    [
        (
            "Interests: music information retrieval, Python, PyTorch and signal processing",
            ["music information retrieval"],
            ["Information Retrieval"],
        ),
        (
            "Skills\n- Python\n- SQL\n- ML system design\n- Kubernetes",
            ["ML system design"],
            ["System Design"],
        ),
        ("Stack: Kotlin / Jetpack Compose / Ktor / Exposed ORM", ["exposed ORM"], []),
    ],
)
def test_list_items_among_known_skills(full_analyzer, text, mined, must_not):
    found = _found(full_analyzer, text)
    for name in mined:
        assert found[name][0] == "list", found
    for name in must_not:
        assert name not in found


@pytest.mark.parametrize(
    "text, must_not",
    [
        ("We build, test and ship our products with care.", ["build", "test"]),
        ("Requirements: strong communication skills, Python, SQL", ["strong communication skill"]),
        ("Tools: Python, Java, and more", ["more"]),
        ("Angular developer, TypeScript, RxJS", ["angular developer"]),
        ("Python, SQL, University of Leeds", ["University of Leeds"]),
        (
            "Improve our CI/CD and MLOps tooling (MLflow, Docker, Terraform)",
            ["MLOps tooling", "MLOps tooling (MLflow"],
        ),
    ],
)
def test_list_mining_leaves_prose_alone(full_analyzer, text, must_not):
    found = {name.casefold() for name in _found(full_analyzer, text)}
    for name in must_not:
        assert name.casefold() not in found


# --- 3. word forms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Mentored 3 engineers through their first launches.", "Mentoring"),
        ("Collaborated with designers and data scientists weekly.", "Collaboration"),
        ("Known as a creative problem solver on the support desk.", "Creative Problem Solving"),
        ("Led a team of 4 analysts across two time zones.", "Leadership"),
        ("Negotiated supplier contracts worth $2M.", "Negotiation"),
        ("Coached new hires on the billing system.", "Coaching"),
    ],
)
def test_word_forms_match(full_analyzer, text, skill):
    found = _found(full_analyzer, text)
    assert skill in found, found
    assert "inflection" in found[skill][1]


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Trained a ranking model on click logs.", "Instructing Others"),
        ("The mentor program is run by HR.", "Mentoring"),  # "mentor" alone is not derived
        ("Planned the office move.", "Planning Skills"),
    ],
)
def test_word_forms_do_not_overreach(full_analyzer, text, skill):
    assert skill not in _found(full_analyzer, text)


@pytest.mark.parametrize(
    "verb, forms",
    [
        ("mentor", ["mentored", "mentors"]),
        ("lead", ["led", "leads"]),
        ("plan", ["planned", "plans"]),
        ("prioritise", ["prioritised", "prioritises"]),
        ("identify", ["identified", "identifies"]),
        ("coach", ["coached", "coaches"]),
        ("go", ["went", "goes"]),
    ],
)
def test_verb_forms(verb, forms):
    assert verb_forms(verb) == forms
    assert past_tense(verb) == forms[0]


def test_word_form_difference_is_reported(full_analyzer):
    report = full_analyzer.score(
        "Experience\nMentored 3 junior engineers.", "Requirements\nMentoring juniors."
    )
    matched = {k.name: k for k in report.matched}
    assert matched["Mentoring"].same_phrasing is False
    assert any(s.kind == "use_posting_phrasing" and "Mentored" in s.message for s in report.suggestions)


# --- 4. a longer match does not hide a literal keyword ----------------------------------------


def test_posting_word_inside_a_longer_resume_match(full_analyzer):
    report = full_analyzer.score(
        "Experience\nBuilt demand forecasting models for 40 stores.", "Requirements\nForecasting experience."
    )
    matched = {k.name: k for k in report.matched}
    assert "Forecasting" in matched and matched["Forecasting"].same_phrasing
    assert "Forecasting" not in {k.name for k in report.missing}


def test_a_word_not_on_the_resume_stays_missing(full_analyzer):
    report = full_analyzer.score("Experience\nBuilt demand planning tools.", "Requirements\nForecasting.")
    assert "Forecasting" in {k.name for k in report.missing}


# --- 5. aliases are the same skill; narrower counts for broader -------------------------------


@pytest.mark.parametrize(
    "text, skill, not_skill",
    [
        ("Daily tools: CLion and GoLand.", "CLion", "JetBrains IDEs"),
        ("Sample analysis by FTIR and Raman spectroscopy.", "Raman Spectroscopy", "Spectroscopy"),
        ("Five years of fund management at a family office.", "Fund Management", "Asset Management"),
        ("Audio processing for hearing aids.", "Audio Processing", "Speech Processing"),
        ("Senior UI/UX designer", "UI/UX Design", "User Interface Design"),
        # from the seeded sample of 100 entries (docs/lexicon.md)
        ("Underwrote personal lines for 3 carriers.", "Personal Lines Insurance", "Commercial Insurance"),
        ("Simulated the filter in LTspice.", "LTspice", "SPICE Simulation"),
        ("Sourced engineers with Boolean search strings.", "Boolean Search", "Sourcing Candidates"),
        ("Coded claims in ICD-9 before the switch.", "ICD-9", "ICD-10"),
        ("Led DMAIC projects on the packing line.", "DMAIC", "Six Sigma"),
        ("Dapp front end with ethers.js.", "ethers.js", "Web3"),
    ],
)
def test_split_entries_stand_alone(full_analyzer, text, skill, not_skill):
    found = _found(full_analyzer, text)
    assert skill in found and not_skill not in found


def test_narrower_skill_is_evidence_for_broader_shown_as_such(full_analyzer):
    report = full_analyzer.score("Skills: CLion, CMake, C++", "Requirements\nJetBrains IDEs and C++.")
    matched = {k.name: k for k in report.matched}
    assert matched["JetBrains IDEs"].satisfied_by == "CLion"
    assert matched["JetBrains IDEs"].same_phrasing is False


def test_related_skill_is_named_in_the_missing_hint(full_analyzer):
    report = full_analyzer.score("Skills: Git, Python", "Requirements\nPython\nGitHub")
    (hint,) = [s for s in report.suggestions if s.keyword == "GitHub" and s.kind == "add_missing"]
    assert "related 'Git'" in hint.message
    unrelated = full_analyzer.score("Skills: Python", "Requirements\nPython\nGitHub")
    (plain,) = [s for s in unrelated.suggestions if s.keyword == "GitHub" and s.kind == "add_missing"]
    assert "related" not in plain.message


def test_broader_skill_is_not_evidence_for_narrower(full_analyzer):
    report = full_analyzer.score("Skills: JetBrains IDEs, C++", "Requirements\nCLion and C++.")
    assert "CLion" in {k.name for k in report.missing}


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Full Stack Developer, 2019-2023", "Full-Stack Development"),
        ("FULL-STACK ENGINEER", "Full-Stack Development"),
        ("Front-End Developer at a retail startup", "Front-End Development"),
        ("Back-End: Node.js, PostgreSQL, Redis", "Back-End Development"),
        ("Angular.js and TypeScript", "AngularJS"),
    ],
)
def test_title_case_and_job_title_forms(full_analyzer, text, skill):
    assert skill in _found(full_analyzer, text)


def test_angular_js_counts_for_angular(full_analyzer):
    report = full_analyzer.score("Skills: Angular.js, TypeScript", "Requirements\nAngular and TypeScript.")
    assert report.matched and "Angular" in {k.name for k in report.matched}


# --- 6. false keywords from ordinary prose ----------------------------------------------------


@pytest.mark.parametrize(
    "text, not_skill",
    [
        ("Publishing work on audio machine learning at ICASSP and Interspeech.", "Book Publishing"),
        ("Ranked products with collaborative filtering and matrix factorization.", "Teamwork"),
        ("Ranked products with collaborative filtering and matrix factorization.", "Collaboration"),
        ("Join a top level cyber-security team protecting Linux fleets.", "top"),
        ("Please send your Word resume and cover letter to the hiring manager.", "Microsoft Word"),
        ("Send your Word resume to jobs@acme.com; Microsoft Office skills are a plus.", "Microsoft Word"),
        ("Offers are made in compliance with federal law and local ordinances.", "Regulatory Compliance"),
        ("We operate in compliance with federal law, regulations and policy.", "Regulatory Compliance"),
        ("Built a mobile app for purchasing meal vouchers in Python and Kotlin.", "Procurement"),
        ("Claims Analyst, National General Insurance, 2019-2021", "Property and Casualty Insurance"),
        ("M.Sc. Statistics, London School of Economics and Political Science", "Economics"),
        ("jane@example.com | /github handle | /linkedin", "GitHub"),
        ("You will present results to operations leadership every quarter.", "Leadership"),
        ("Report weekly to the senior leadership team.", "Leadership"),
        ("Design and build batch and streaming pipelines with Apache Spark.", "Design-Build"),
    ],
)
def test_ordinary_prose_is_not_a_keyword(full_analyzer, text, not_skill):
    assert not_skill not in _found(full_analyzer, text)


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Built a recommender with collaborative filtering.", "Collaborative Filtering"),
        ("Strong leadership and mentoring of junior staff.", "Leadership"),
        ("Code on GitHub, CI with GitHub Actions.", "GitHub"),
        ("B.A. in Economics, 2015", "Economics"),
        ("Owned compliance for AML and KYC audits at the bank.", "Regulatory Compliance"),
        ("Proficient in Word, Excel and PowerPoint.", "Microsoft Word"),
        ("Underwriting general insurance policies for small businesses.", "Property and Casualty Insurance"),
    ],
)
def test_the_same_words_as_skills_still_match(full_analyzer, text, skill):
    assert skill in _found(full_analyzer, text)


# --- 7. lexicon gaps -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, skill",
    [
        ("Research in generative modeling and probabilistic modeling.", "Generative Modeling"),
        ("Research in generative modeling and probabilistic modeling.", "Probabilistic Modeling"),
        ("Search personalization for 10M users.", "Personalization"),
        ("Designed for eventual consistency across regions.", "Eventual Consistency"),
        ("Usability reviews with customers.", "Usability"),
        ("Issue tracking in Jira.", "Issue Tracking"),
        ("Noise reduction for call audio.", "Noise Reduction"),
        ("Designed RESTful services in Go.", "REST API"),
        ("Oracle tuning with Toad and SQL Developer.", "Toad"),
        ("Multicast routing on Cisco switches.", "Multicast"),
        ("Owned Build/Release for the mobile apps.", "Release Management"),
        ("Styles in SASS, templates in Pug and Haml.", "Sass"),
        ("Styles in SASS, templates in Pug and Haml.", "Pug templating"),
        ("Styles in SASS, templates in Pug and Haml.", "Haml"),
        ("Android app with RxJava, Dagger and Retrofit.", "RxJava"),
        ("Android app with RxJava, Dagger and Retrofit.", "Dagger"),
        ("Android architecture: MVP and MVVM.", "Model-View-Presenter"),
        ("Persistence with Spring Data and Hibernate.", "Spring Data"),
    ],
)
def test_lexicon_gaps_filled(full_analyzer, text, skill):
    assert skill in _found(full_analyzer, text)


@pytest.mark.parametrize(
    "text, not_skill",
    [
        ("We are building the MVP of a fintech product.", "Model-View-Presenter"),
        ("A dagger-shaped logo", "Dagger"),
        ("Slow as a toad.", "Toad"),
    ],
)
def test_ambiguous_gap_words_need_context(full_analyzer, text, not_skill):
    assert not_skill not in _found(full_analyzer, text)
