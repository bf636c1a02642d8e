-- Separation of duties: a token names the person it was issued to and the token that issued it.
ALTER TABLE api_tokens ADD COLUMN person text;
ALTER TABLE api_tokens ADD COLUMN issued_by uuid REFERENCES api_tokens (id);
ALTER TABLE api_tokens ADD COLUMN issued_by_person text;
UPDATE api_tokens SET person = name WHERE person IS NULL;
ALTER TABLE api_tokens ALTER COLUMN person SET NOT NULL;

-- Token names are unique (ignoring case), so "decided by" names one token. Earlier duplicates keep the oldest name as is.
UPDATE api_tokens t SET name = t.name || ' (' || t.id::text || ')'
  WHERE EXISTS (SELECT 1 FROM api_tokens o WHERE lower(o.name) = lower(t.name) AND (o.created_at, o.id) < (t.created_at, t.id));
CREATE UNIQUE INDEX api_tokens_name_unique ON api_tokens (lower(name));

-- The decision record names the person (taken_by) and the token they used; no row changes, so the append-only trigger is untouched.
ALTER TABLE decisions ADD COLUMN token_id uuid;
ALTER TABLE decisions ADD COLUMN token_name text;
