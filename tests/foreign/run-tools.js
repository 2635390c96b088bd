// Runs the real node-pg-migrate or TypeORM (from the pinned node_modules next to this file's
// copy in the build tree) on a database of the sandbox: node run-tools.js pgm|typeorm DIR DB
// [TABLE]. DIR holds the generated migration files; PGHOST (socket dir), PGPORT, PGUSER come
// from `uaip-migrate sandbox env`.
'use strict';
const path = require('path');

const [tool, dir, database, table] = process.argv.slice(2);
const connection = {
    host: process.env.PGHOST,
    port: Number(process.env.PGPORT),
    user: process.env.PGUSER,
    database,
};

async function pgm() {
    const { runner } = require('node-pg-migrate');
    await runner({
        databaseUrl: connection,
        dir,
        direction: 'up',
        migrationsTable: table || 'pgmigrations',
        count: Infinity,
        singleTransaction: false,
        log: () => {},
    });
}

async function typeorm() {
    require('reflect-metadata');
    const { DataSource } = require('typeorm');
    const source = new DataSource({
        type: 'postgres',
        host: connection.host,
        port: connection.port,
        username: connection.user,
        database,
        migrations: [path.join(dir, '*.js')],
        migrationsTableName: table || 'migrations',
        logging: false,
    });
    await source.initialize();
    const ran = await source.runMigrations({ transaction: 'each' });
    await source.destroy();
    if (ran.length === 0)
        throw new Error('TypeORM ran no migration');
}

(tool === 'pgm' ? pgm() : typeorm()).catch((e) => {
    console.error(`${tool}: ${e.stack || e}`);
    process.exit(1);
});
