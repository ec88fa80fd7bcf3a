"""Redaction beyond one process: the shared spec (:mod:`.common`), Spark (:mod:`.spark`) and Ray
(:mod:`.ray_engine`). Spark and Ray are optional (``pip install 'redactor[scale]'``) and are
imported only by the modules that need them."""
