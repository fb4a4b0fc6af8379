// Lets `npx jest` work on its own too: Postgres, the per-service databases, the broker and its
// topics are made sure of (reused when already up; `npm test` has normally done this already).
import { infraUp } from '../scripts/infra.mjs';

export default async function globalSetup() {
  await infraUp({ log: () => {} });
}
