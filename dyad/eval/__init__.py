"""Quality measured in public: readers for annotated datasets, a scorer, the tasks, the report.

    gold.py        what every reader yields: GoldDoc, GoldMention, GoldMeeting, GoldChain
    factrueval.py  factRuEval-2016 (.txt .spans .objects .coref .facts)
    brat.py        brat standoff (.txt + .ann), nested and discontinuous spans
    nerel.py       NEREL as JSON Lines (text, entities, relations, links)
    jsonl.py       Dyad's own records, as `dyad extract` prints them
    score.py       precision, recall, F1 per type and micro; exact and overlap matching
    coref.py       coreference: MUC, B-cubed and links to an earlier mention, on the gold mentions
    actors.py      whether the wrong person is named: PER mentions and title+name pairs, by rule
    events.py      events against gold: NEREL's relational EVENT triggers with their actors,
                   precision per confidence band, from the coder's trigger decisions
    tasks.py       entities, resolution, meetings, coref, actors, events: run the pipeline, score
    event_report.py  the event tables and error listings as Markdown
    report.py      the tables as Markdown;
                   `python -m dyad.eval.report DATA_DIR docs/quality.md [NEREL_JSONL [PETRARCH_DIR]]`
"""
