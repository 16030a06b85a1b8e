-- H2 counterpart of the PostgreSQL trigram indexes for the console's Users search (same version on both
-- databases). H2 has neither trigram nor expression indexes: its search stays a scan of the company's users,
-- correct and fine for the embedded single-node sizes H2 is meant for.
ANALYZE;
