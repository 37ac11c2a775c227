-- The approval workflow (ARCHITECTURE.md, step 6): review requests, decisions, comments and each user's inbox.

ALTER TABLE asset DROP CONSTRAINT asset_state_known;
ALTER TABLE asset ADD CONSTRAINT asset_state_known CHECK (state IN ('GENERATED', 'BLOCKED', 'IN_REVIEW',
    'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'ARCHIVED'));
-- Each submission opens a new round; approvals count only within the current round.
ALTER TABLE asset ADD COLUMN review_round INT NOT NULL DEFAULT 0;

ALTER TABLE workspace ADD COLUMN required_approvals INT NOT NULL DEFAULT 1
    CONSTRAINT workspace_required_approvals_range CHECK (required_approvals BETWEEN 1 AND 5);
ALTER TABLE workspace ADD COLUMN self_approval_allowed BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE review_request (
    id           UUID          PRIMARY KEY,
    workspace_id BIGINT        NOT NULL REFERENCES workspace (id),
    title        VARCHAR(200)  NOT NULL,
    due_on       DATE,
    requested_by VARCHAR(255)  NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX review_request_by_workspace ON review_request (workspace_id, created_at DESC);

CREATE TABLE review_request_reviewer (
    review_id UUID         NOT NULL REFERENCES review_request (id),
    user_id   VARCHAR(255) NOT NULL,
    PRIMARY KEY (review_id, user_id)
);

ALTER TABLE asset ADD COLUMN review_id UUID REFERENCES review_request (id);
CREATE INDEX asset_by_review ON asset (review_id);

CREATE TABLE review_decision (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asset_id   UUID          NOT NULL REFERENCES asset (id),
    review_id  UUID          NOT NULL REFERENCES review_request (id),
    round      INT           NOT NULL,
    reviewer   VARCHAR(255)  NOT NULL,
    verdict    VARCHAR(20)   NOT NULL CHECK (verdict IN ('APPROVE', 'REJECT', 'REQUEST_CHANGES')),
    comment    VARCHAR(4000) NOT NULL,
    decided_at TIMESTAMPTZ   NOT NULL,
    -- one approval per reviewer and round: a second click cannot count twice
    CONSTRAINT review_decision_once UNIQUE (asset_id, round, reviewer)
);

CREATE TABLE asset_comment (
    id         UUID          PRIMARY KEY,
    asset_id   UUID          NOT NULL REFERENCES asset (id),
    author     VARCHAR(255)  NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    region_x   REAL,
    region_y   REAL,
    region_w   REAL,
    region_h   REAL,
    created_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX asset_comment_by_asset ON asset_comment (asset_id, created_at);

CREATE TABLE asset_comment_mention (
    comment_id UUID         NOT NULL REFERENCES asset_comment (id),
    user_id    VARCHAR(255) NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);

CREATE TABLE inbox_item (
    id           UUID          PRIMARY KEY,
    user_id      VARCHAR(255)  NOT NULL,
    workspace_id BIGINT        NOT NULL REFERENCES workspace (id),
    kind         VARCHAR(32)   NOT NULL CHECK (kind IN ('REVIEW_REQUESTED', 'DECISION_MADE', 'MENTION')),
    subject_type VARCHAR(40)   NOT NULL,
    subject_id   VARCHAR(255)  NOT NULL,
    message      VARCHAR(1000) NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    read_at      TIMESTAMPTZ
);
CREATE INDEX inbox_item_by_user ON inbox_item (user_id, created_at DESC);
