// Every test file runs its services in this one Jest process against one Postgres server: keep
// each service's pool small so that a five-service test stays well under max_connections (100).
process.env.DATABASE_POOL_MAX ??= '5';
