-- H2 counterpart of the PostgreSQL statistics settings (same version on both databases): H2 keeps its
-- selectivity statistics itself; refresh them once.
ANALYZE;
