"""Workshop mode: one lesson, taught in the terminal (`privaudit workshop`) and on a
projector (`privaudit workshop deck`).

The lesson is data (`lesson.py`): steps, learning objectives, speaker notes and
one thing to do now. The session (`session.py`) and the deck (`deck.py`) both
read it, so what the trainer shows is what the learner does. Practice mode shows
the bundled demo data (`figures.py`); nothing here asks for, keeps or sends
anything about the people in the room.
"""
