"""The class server: a trainer's laptop collects anonymous share documents from
the learners in the room and shows the class summary as results arrive.

Plain HTTP on the LAN the trainer chooses (never every interface by default),
only share documents that validate against the share schema, one per learner
device and join code (plus one "after"), size- and rate-limited. Nothing else
is kept: no addresses, no logs of who sent what (docs/workshop.md).
"""
