-- Enforcement records (cases, measures, notices, appeals, directives,
-- regulatory actions, point deductions, API tokens, webhook endpoints and
-- deliveries) and the hash-chained audit log.

-- +goose Up

-- The numbers records take on every put (records.seq).
CREATE SEQUENCE records_seq AS BIGINT;

-- One row per record, known by (kind, id): its whole value as JSON in body
-- (TEXT, not jsonb, so that it comes back byte for byte as put), and the
-- columns it is looked up by ('' when they do not apply; due_us is NULL
-- when no timer acts on the record). seq orders the records by their last
-- put and is the cursor of the newest-first lists: every put, a replace
-- too, takes nextval('records_seq'), so that a replaced record moves to
-- the front. first_seq is the seq of the first put, kept on a replace:
-- the order and cursor of the oldest-first lists.
CREATE TABLE records (
    kind       TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    seq        BIGINT  NOT NULL,
    first_seq  BIGINT  NOT NULL,
    platform   TEXT    NOT NULL DEFAULT '',
    case_id    TEXT    NOT NULL DEFAULT '',
    subject    TEXT    NOT NULL DEFAULT '',
    state      TEXT    NOT NULL DEFAULT '',
    due_us     BIGINT,
    created_us BIGINT  NOT NULL,
    updated_us BIGINT  NOT NULL,
    body       TEXT    NOT NULL,
    PRIMARY KEY (kind, id)
);
-- The lists of a kind, newest first and oldest first (Records).
CREATE UNIQUE INDEX records_kind_seq ON records (kind, seq);
CREATE UNIQUE INDEX records_kind_first_seq ON records (kind, first_seq);
-- The lookups; seq last, so that a lookup pages newest first without a
-- sort.
CREATE INDEX records_kind_platform_seq ON records (kind, platform, seq);
CREATE INDEX records_kind_case_seq ON records (kind, case_id, seq);
CREATE INDEX records_kind_subject_seq ON records (kind, subject, seq);
CREATE INDEX records_kind_state_seq ON records (kind, state, seq);
-- The records a timer acts on (DueBefore).
CREATE INDEX records_kind_due ON records (kind, due_us) WHERE due_us IS NOT NULL;

-- The scopes of each record ("region:310101", "room:r1"), replaced on
-- every put. record_scopes_kind_scope serves both scope filters: a prefix
-- as the range scope >= prefix AND scope < the prefix's successor, and
-- exact scopes. scope is in the "C" collation, which compares bytes (code
-- point order in UTF-8), so that the range holds exactly the scopes with
-- the prefix whatever the database's collation.
CREATE TABLE record_scopes (
    kind  TEXT NOT NULL,
    id    TEXT NOT NULL,
    scope TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (kind, id, scope)
);
CREATE INDEX record_scopes_kind_scope ON record_scopes (kind, scope);

-- Which findings belong to which cases: a link is made once; seq orders
-- the cases of a finding as linked.
CREATE TABLE case_findings (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    TEXT   NOT NULL,
    finding_id TEXT   NOT NULL,
    UNIQUE (case_id, finding_id)
);
CREATE INDEX case_findings_finding ON case_findings (finding_id, seq);

-- The hash-chained audit log (package audit seals and verifies it). seq
-- is given by the writer (the previous entry's + 1, under an advisory
-- lock: see sqlstore.AuditLockKey), not generated. The columns are plain
-- on purpose and no trigger stops an UPDATE or DELETE: verifying the
-- chain is what detects a tampered entry. A production deployment may
-- also REVOKE UPDATE, DELETE, TRUNCATE ON audit_log from the role
-- Qinglang connects as (it only inserts and reads). data is the entry's
-- JSON exactly as given (TEXT, not jsonb; NULL when it has none).
CREATE TABLE audit_log (
    seq    BIGINT PRIMARY KEY CHECK (seq > 0),
    at_us  BIGINT NOT NULL,
    actor  TEXT   NOT NULL,
    action TEXT   NOT NULL,
    object TEXT   NOT NULL DEFAULT '',
    data   TEXT,
    prev   TEXT   NOT NULL,
    hash   TEXT   NOT NULL
);
-- The entries of one object in order (AuditEntries).
CREATE INDEX audit_log_object_seq ON audit_log (object, seq);

-- +goose Down
DROP TABLE audit_log;
DROP TABLE case_findings;
DROP TABLE record_scopes;
DROP TABLE records;
DROP SEQUENCE records_seq;
