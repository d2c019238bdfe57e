"""Rule-based extraction of people, attributions, dates, figures and organisations from a
plain-text news article (the core of `build.py draft`).

    from explainer.extract import extract, to_score_json
    result = extract(text, known_people=(), article_date=None)

The pipeline (pipeline.py) runs small pure stages, one module each: text (tokens, sentences),
quotes (quotation marks), names (capitalised runs), organisations, people, clauses (shallow
clause geometry), attribution (reporting frames), coref (speaker resolution), assemble
(attribution records), dates, figures, and score_format (JSON form).
"""

from .model import (
    Attribution,
    DateMention,
    Extraction,
    Figure,
    KnownPerson,
    Mention,
    Organisation,
    Person,
    SpeakerKind,
)
from .pipeline import extract
from .score_format import to_score_json

__all__ = [
    "Attribution",
    "DateMention",
    "Extraction",
    "Figure",
    "KnownPerson",
    "Mention",
    "Organisation",
    "Person",
    "SpeakerKind",
    "extract",
    "to_score_json",
]
