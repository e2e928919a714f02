-- Global Privacy Control with each consent record (SIG-06): what the banner says
-- about the signal (gpc: JSON {seen, honoured, categories, ignoredReason?}, NULL
-- when the browser sent none) and whether the request itself carried the
-- Sec-GPC: 1 header (sec_gpc: 1, or NULL without it). Older rows keep NULL.
ALTER TABLE consent_records ADD COLUMN gpc TEXT;
ALTER TABLE consent_records ADD COLUMN sec_gpc INTEGER;
