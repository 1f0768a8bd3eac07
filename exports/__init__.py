"""Exports for users' data requests: custom tables, disclosure control, writers, fulfilment.

Every table leaves through :func:`exports.sdc.protect` and is checked by
:func:`exports.audit.audit`; writers only ever see the protected table. Tables come from a
public release (:mod:`store.read`) or, for breakdowns not published, from the counts that
:mod:`indicators.custom` makes in SQL — never from microdata rows, and never from an
embargoed release (:mod:`exports.embargo`).
"""
