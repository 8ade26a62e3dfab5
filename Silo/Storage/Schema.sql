-- Actors schema for PostgreSQL 15+: Orleans 10 ADO.NET clustering, grain storage and reminders,
-- plus the task catalog. Written for this project from the providers' contract
-- (../shared/orleans-adonet-contract.md). Idempotent: safe to run any number of times; the
-- installer runs it in one transaction under an advisory lock, so concurrent silos do not race.

-- Query catalog: the providers load their SQL from here by key at start.
CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

-- Membership: one version row per deployment (cluster id) and one row per silo incarnation.
CREATE TABLE IF NOT EXISTS orleansmembershipversiontable (
    deploymentid text PRIMARY KEY,
    timestamp    timestamptz NOT NULL DEFAULT now(),
    version      integer NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable (
    deploymentid text NOT NULL,
    address      text NOT NULL,
    port         integer NOT NULL,
    generation   integer NOT NULL,
    siloname     text NOT NULL,
    hostname     text NOT NULL,
    status       integer NOT NULL,
    proxyport    integer NOT NULL DEFAULT 0,
    suspecttimes text,
    starttime    timestamptz NOT NULL,
    iamalivetime timestamptz NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation)
);

-- Grain state. Lookups go through the hash index and then compare the whole natural key (hashes
-- collide); the unique index enforces one row per natural key, NULL extension included.
CREATE TABLE IF NOT EXISTS orleansstorage (
    grainidhash            integer NOT NULL,
    grainidn0              bigint NOT NULL,
    grainidn1              bigint NOT NULL,
    graintypehash          integer NOT NULL,
    graintypestring        text NOT NULL,
    grainidextensionstring text,
    serviceid              text NOT NULL,
    payloadbinary          bytea,
    modifiedon             timestamptz NOT NULL DEFAULT now(),
    version                integer NOT NULL
);
-- Room on each page for the next version of a row: a state write is then a HOT update whose WAL
-- holds only what changed.
ALTER TABLE orleansstorage SET (fillfactor = 70);
CREATE UNIQUE INDEX IF NOT EXISTS orleansstorage_natural_key
    ON orleansstorage (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring) NULLS NOT DISTINCT;
CREATE INDEX IF NOT EXISTS orleansstorage_hashes
    ON orleansstorage (grainidhash, graintypehash);

-- Reminders. Hashes are signed 32-bit, as Orleans compares them.
CREATE TABLE IF NOT EXISTS orleansreminderstable (
    serviceid    text NOT NULL,
    grainid      text NOT NULL,
    remindername text NOT NULL,
    starttime    timestamptz NOT NULL,
    period       bigint NOT NULL,
    grainhash    integer NOT NULL,
    version      integer NOT NULL,
    PRIMARY KEY (serviceid, grainid, remindername)
);
CREATE INDEX IF NOT EXISTS orleansreminderstable_range
    ON orleansreminderstable (serviceid, grainhash);

-- The task catalog: a versioned copy of each task's public state, for listing and counting.
CREATE TABLE IF NOT EXISTS actors_task_catalog (
    task_id     uuid PRIMARY KEY,
    account_id  text NOT NULL,
    status      text NOT NULL,
    created_at  timestamptz NOT NULL,
    next_run_at timestamptz,
    version     bigint NOT NULL,
    deleted     boolean NOT NULL DEFAULT false,
    info        json,
    written_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE actors_task_catalog ADD COLUMN IF NOT EXISTS next_run_at timestamptz;
ALTER TABLE actors_task_catalog SET (fillfactor = 70);
-- The silo that last hosted the task, so the tasks of a silo that died can be woken elsewhere at once.
ALTER TABLE actors_task_catalog ADD COLUMN IF NOT EXISTS silo text;
-- A task's next run changes with every run; an index on it would make every catalog write a
-- non-HOT update with a new entry in every index. The overdue sweep reads the narrow due table
-- below instead (a sequential scan of a few bytes per task).
DROP INDEX IF EXISTS actors_task_catalog_overdue;
CREATE INDEX IF NOT EXISTS actors_task_catalog_by_created
    ON actors_task_catalog (created_at, task_id) WHERE NOT deleted;
CREATE INDEX IF NOT EXISTS actors_task_catalog_by_status
    ON actors_task_catalog (status, created_at, task_id) WHERE NOT deleted;
CREATE INDEX IF NOT EXISTS actors_task_catalog_by_account
    ON actors_task_catalog (account_id, created_at, task_id) WHERE NOT deleted;
CREATE INDEX IF NOT EXISTS actors_task_catalog_by_silo
    ON actors_task_catalog (silo, task_id) WHERE NOT deleted AND status IN ('pending', 'running');

-- The run history: one row per finished attempt or record of skipped slots, append-only. The
-- unique key makes a retried write of the same record a no-op and serves a task's newest-first
-- pages; the start-time index serves the newest runs across tasks and the pruning by age.
-- When each task is next due and how its runs go, written with every change of the task: only the
-- primary key is indexed, so each run's write is a small HOT update in place. `active`: pending or
-- running, not deleted.
CREATE TABLE IF NOT EXISTS actors_task_due (
    task_id     uuid PRIMARY KEY,
    next_run_at timestamptz,
    version     bigint NOT NULL,
    active      boolean NOT NULL
) WITH (fillfactor = 50);
-- The rest: the part of the catalog row that changes with every run (CatalogProgress), as plain
-- columns (smaller than JSON); the catalog row itself is rewritten only when the task's status or
-- silo changes.
ALTER TABLE actors_task_due DROP COLUMN IF EXISTS live;
ALTER TABLE actors_task_due ADD COLUMN IF NOT EXISTS status smallint;
ALTER TABLE actors_task_due ADD COLUMN IF NOT EXISTS round bigint;
ALTER TABLE actors_task_due ADD COLUMN IF NOT EXISTS last_run_at timestamptz;
ALTER TABLE actors_task_due ADD COLUMN IF NOT EXISTS updated_at timestamptz;
ALTER TABLE actors_task_due ADD COLUMN IF NOT EXISTS failures integer;
ALTER TABLE actors_task_due ADD COLUMN IF NOT EXISTS missed bigint;
ALTER TABLE actors_task_due ADD COLUMN IF NOT EXISTS running_since timestamptz;
ALTER TABLE actors_task_due ADD COLUMN IF NOT EXISTS state_version bigint;
INSERT INTO actors_task_due (task_id, next_run_at, version, active)
SELECT task_id, next_run_at, version, NOT deleted AND status IN ('pending', 'running') FROM actors_task_catalog
ON CONFLICT (task_id) DO NOTHING;

CREATE TABLE IF NOT EXISTS actors_task_runs (
    task_id      uuid NOT NULL,
    started_at   timestamptz NOT NULL,
    run_id       text NOT NULL,
    attempt      integer NOT NULL,
    round        bigint NOT NULL,
    scheduled_at timestamptz NOT NULL,
    finished_at  timestamptz,
    outcome      smallint NOT NULL,
    trigger      smallint NOT NULL,
    silo         text NOT NULL,
    error        text,
    output       text
);
CREATE UNIQUE INDEX IF NOT EXISTS actors_task_runs_key
    ON actors_task_runs (task_id, started_at DESC, run_id DESC, attempt DESC);
CREATE INDEX IF NOT EXISTS actors_task_runs_by_start
    ON actors_task_runs (started_at DESC, run_id DESC, attempt DESC);
-- Runs that did not succeed, for the operator's "what failed" views (a small fraction of all runs).
CREATE INDEX IF NOT EXISTS actors_task_runs_not_succeeded
    ON actors_task_runs (started_at DESC, run_id DESC, attempt DESC) WHERE outcome <> 1;

-- The providers' queries. Conditional membership writes are single statements (data-modifying
-- CTEs), so they are all-or-nothing without relying on ASSERT.
INSERT INTO orleansquery (querykey, querytext) VALUES

('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@DeploymentId)
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING 1)
SELECT count(*)::integer FROM inserted;
$q$),

('MembershipReadAllKey', $q$
SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,
       m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, v.version
FROM orleansmembershipversiontable v
LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
WHERE v.deploymentid = @DeploymentId;
$q$),

('MembershipReadRowKey', $q$
SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,
       m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, v.version
FROM orleansmembershipversiontable v
LEFT JOIN orleansmembershiptable m
       ON m.deploymentid = v.deploymentid AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deploymentid = @DeploymentId;
$q$),

('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleansmembershipversiontable
    SET version = version + 1, timestamp = now()
    WHERE deploymentid = @DeploymentId AND version = @Version
      AND NOT EXISTS (SELECT 1 FROM orleansmembershiptable
                      WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deploymentid),
inserted AS (
    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
    SELECT b.deploymentid, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped b
    ON CONFLICT DO NOTHING
    RETURNING 1)
SELECT count(*)::integer FROM inserted;
$q$),

('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleansmembershipversiontable
    SET version = version + 1, timestamp = now()
    WHERE deploymentid = @DeploymentId AND version = @Version
      AND EXISTS (SELECT 1 FROM orleansmembershiptable
                  WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deploymentid),
updated AS (
    UPDATE orleansmembershiptable m
    SET status = @Status, suspecttimes = @SuspectTimes, iamalivetime = @IAmAliveTime
    FROM bumped b
    WHERE m.deploymentid = b.deploymentid AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1)
SELECT count(*)::integer FROM updated;
$q$),

('UpdateIAmAlivetimeKey', $q$
UPDATE orleansmembershiptable
SET iamalivetime = @IAmAliveTime
WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$q$),

('GatewaysQueryKey', $q$
SELECT address, proxyport, generation
FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0;
$q$),

('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
$q$),

('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND status = 6
  AND iamalivetime < @IAmAliveTime AND starttime < @IAmAliveTime AND suspecttimes IS NULL;
$q$),

('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6 AND starttime = @StartTime AND iamalivetime = @IAmAliveTime
  AND suspecttimes IS NOT DISTINCT FROM @SuspectTimes;
$q$),

('ReadFromStorageKey', $q$
SELECT payloadbinary, version
FROM orleansstorage
WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
  AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
  AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
  AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleansstorage
    SET payloadbinary = @PayloadBinary, version = version + 1, modifiedon = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version),
inserted AS (
    INSERT INTO orleansstorage
        (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid, payloadbinary, version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version)
SELECT version AS newgrainstateversion FROM updated
UNION ALL
SELECT version FROM inserted;
$q$),

('ClearStorageKey', $q$
UPDATE orleansstorage
SET payloadbinary = NULL, version = version + 1, modifiedon = now()
WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
  AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
  AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
  AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version;
$q$),

('DeleteStorageKey', $q$
DELETE FROM orleansstorage
WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
  AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
  AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
  AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version + 1;
$q$),

('ReadReminderRowsKey', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainid = @GrainId;
$q$),

('ReadReminderRowKey', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName;
$q$),

('ReadRangeRows1Key', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash;
$q$),

('ReadRangeRows2Key', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash);
$q$),

('UpsertReminderRowKey', $q$
INSERT INTO orleansreminderstable AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (serviceid, grainid, remindername)
DO UPDATE SET starttime = EXCLUDED.starttime, period = EXCLUDED.period, grainhash = EXCLUDED.grainhash, version = r.version + 1
RETURNING version;
$q$),

('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName AND version = @Version
    RETURNING 1)
SELECT count(*)::integer FROM deleted;
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId;
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
