-- Run once by the postgres image, on the first start with an empty data volume
-- (/docker-entrypoint-initdb.d). Each service owns its own database (DESIGN.md): they share
-- nothing but Kafka topics. Same names as deploy/postgres/postgres.mjs (kompeten_<service>).
CREATE DATABASE kompeten_gateway;
CREATE DATABASE kompeten_enrolment;
CREATE DATABASE kompeten_assessment;
CREATE DATABASE kompeten_budget;
CREATE DATABASE kompeten_feedback;
