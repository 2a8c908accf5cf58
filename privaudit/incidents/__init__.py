"""The leak-response kit's evidence log: what happened, where, when, and proof
that the record was not edited afterwards (hash chain, Ed25519-signed head,
optional RFC 3161 timestamps). Offline except an explicit --timestamp URL."""
