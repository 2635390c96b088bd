// Compares squawk's findings with uaip-migrate lint's on the fixtures (run.sh):
//   node compare.js SQUAWK_TX.json SQUAWK_NOTX.json OURS.json
// Every lock-relevant squawk finding (and every finding of the rules we report under squawk's
// own id, sameIdRules) needs a finding of ours of a mapped kind at the same statement (the same line: fixtures write one statement per line; squawk counts lines from 0).
// A squawk rule in neither table fails the test, so a new squawk rule is looked at, not missed.
'use strict';
const fs = require('fs');
const path = require('path');

// squawk rule -> the kinds of ours that cover it (LintFinding::kindName; "refused" is what
// lint reports from the plan check: a statement that cannot run in the migration's transaction)
const lockRules = {
    'adding-field-with-default': ['add_column_rewrites_table'],
    'adding-foreign-key-constraint': ['add_constraint_without_not_valid'],
    // squawk says it of FOREIGN KEY and CHECK, of UNIQUE and PRIMARY KEY (their index), and of
    // VALIDATE CONSTRAINT in the transaction that added it NOT VALID
    'constraint-missing-not-valid': ['add_constraint_without_not_valid',
        'create_index_without_concurrently', 'validate_in_same_transaction'],
    'adding-not-nullable-field': ['set_not_null'],
    'adding-required-field': ['add_not_null_without_default'],
    'disallowed-unique-constraint': ['create_index_without_concurrently'],
    'adding-serial-primary-key-field': ['create_index_without_concurrently'],
    'adding-primary-key-constraint': ['create_index_without_concurrently'],
    'require-concurrent-index-creation': ['create_index_without_concurrently'],
    'require-concurrent-index-deletion': ['drop_index'],
    'require-concurrent-reindex': ['reindex_without_concurrently'],
    'require-concurrent-partition-detach': ['detach_partition_without_concurrently'],
    'ban-concurrent-index-creation-in-transaction': ['refused_in_transaction_block', 'refused'],
    'changing-column-type': ['alter_column_type'],
    'renaming-column': ['rename_column'],
    'renaming-table': ['rename_table'],
    'ban-alter-domain-with-add-constraint': ['alter_domain_add_constraint'],
    'ban-create-domain-with-constraint': ['create_domain_with_constraint'],
    'ban-truncate-cascade': ['truncate'],
};

// squawk rules that uaip-migrate lint reports under squawk's own id (issue 59): each finding of
// squawk's needs a finding of ours of that very kind at the same statement
const sameIdRules = [
    'ban-drop-not-null',
    'prefer-robust-stmts',
    'prefer-text-field',
    'prefer-timestamp-tz',
    'prefer-identity',
    'prefer-bigint-over-int',
    'ban-char-field',
    'require-enum-value-ordering',
];
for (const rule of sameIdRules)
    lockRules[rule] = [rule];

// squawk rules that are not about locks, or whose lock concern our runner handles itself
const ignoredRules = {
    'require-lock-timeout': 'the runner bounds every lock wait itself (--lock-attempt, '
        + '--lock-timeout, -- uaip:lock-timeout); a migration that sets its own is what we '
        + 'warn about (sets_lock_timeout)',
    'require-statement-timeout': 'the same: --statement-timeout and -- uaip:statement-timeout',
    'require-timeout-settings': 'the same, in older squawk versions',
    'prefer-bigint-over-smallint': 'style of the column type, not a lock',
    'prefer-big-int': 'style of the column type, not a lock',
    'ban-drop-column': 'data loss, not a lock (our drop_column)',
    'ban-drop-table': 'data loss, not a lock (our drop_table)',
    'ban-drop-database': 'data loss, not a lock (our drop_database)',
    'transaction-nesting': 'transaction control in a migration: the plan check refuses it',
    'ban-uncommitted-transaction': 'transaction control, not a lock',
    'require-table-schema': 'naming, not a lock',
};

const [squawkTx, squawkNoTx, oursFile] = process.argv.slice(2);
const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const squawk = [...read(squawkTx), ...read(squawkNoTx)];
const ours = read(oursFile).findings.map((f) => ({
    ...f,
    fixture: path.basename(path.dirname(f.file)).replace(/^\d+_/, ''),
    used: false,
}));

let lockRelevant = 0;
let matched = 0;
const problems = [];
for (const s of squawk) {
    const fixture = path.basename(s.file, '.sql');
    const where = `${fixture}.sql:${s.line + 1}`;
    if (ignoredRules[s.rule_name] !== undefined)
        continue;
    const kinds = lockRules[s.rule_name];
    if (!kinds) {
        problems.push(`${where}: squawk rule ${s.rule_name} is in neither table of compare.js`);
        continue;
    }
    ++lockRelevant;
    const hits = ours.filter((o) => o.fixture === fixture && o.line === s.line + 1
        && kinds.includes(o.kind));
    if (hits.length === 0) {
        problems.push(`${where}: squawk ${s.rule_name} (${s.message}) has no finding of ours `
            + `(${kinds.join(' or ')})`);
        continue;
    }
    ++matched;
    for (const h of hits)
        h.used = true;
}
const extra = ours.filter((o) => !o.used);
console.log(`squawk findings: ${squawk.length}`);
console.log(`lock-relevant: ${lockRelevant}`);
console.log(`matched by ours: ${matched}`);
console.log(`ours extra: ${extra.length}`);
for (const o of extra)
    console.log(`  extra ${o.fixture}.sql:${o.line} ${o.kind}`);
if (problems.length > 0) {
    for (const p of problems)
        console.error(`FAIL: ${p}`);
    process.exit(1);
}
if (lockRelevant === 0) {
    console.error('FAIL: squawk found nothing lock-relevant: is it squawk that ran?');
    process.exit(1);
}
