-- An exception's explanation as a code and its typed arguments (io.shuno.reconciliation.ExplanationCode, written by
-- io.shuno.platform.StoredExplanations), so staff read it in their language long after it was raised. detail keeps
-- the Japanese text, as published on the exceptions topic. Exceptions raised before have no code: they are shown
-- with their stored detail, as before.
alter table staff_exceptions add column explanation jsonb;
