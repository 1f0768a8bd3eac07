"""Tunduk (the state X-Road exchange): the REST client and a simulated security server.

``client`` speaks X-Road's Message Protocol for REST (PR-REST r1) to the NSC's own security
server; ``simulator`` is a stand-in for that server, serving synthetic records over the same
protocol with faults on demand, because the real Tunduk cannot be reached from development
machines or CI. The source adapters built on them are in ``ingest/sources/tunduk.py``.
"""
