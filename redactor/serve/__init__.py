"""``redact serve``: the redaction library behind a small REST service.

The modules follow one request: ``settings`` (what the command line asked for) ->
``app`` (routes, auth, body limits, error codes) -> ``arms`` (which policy serves it: main, or
the A/B candidate; shadow comparison) -> ``batching`` (requests collected into the model's
batches on a worker thread) -> the library (:func:`redactor.redact.redact_batch`,
:meth:`~redactor.detect.engine.Engine.analyze`,
:class:`~redactor.quality.scan.Scanner`) -> ``metrics``
(Prometheus counters: routes, statuses, sizes, types; never text).

FastAPI, uvicorn and prometheus-client are the ``serve`` extra: ``pip install 'redactor[serve]'``.
"""
