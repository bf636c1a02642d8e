-- Evidence weighting per portfolio (issue 20): the effective-sample-size factors an admin sets for production,
-- similar and curated evidence, stored with the portfolio rules (NULL: the defaults 1, 0.5, 0.25). Each run
-- records the factors it was run with, so a stored run replays with them after an admin changes the portfolio's;
-- runs made before this migration have NULL, which reads as the defaults they were run with.
ALTER TABLE portfolio_rules ADD COLUMN representativeness_factors jsonb;
ALTER TABLE runs ADD COLUMN representativeness_factors jsonb;
