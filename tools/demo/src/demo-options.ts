import { isSizeName, SizeName } from './scenario-sizes';

export interface DemoOptions {
  seed: number;
  size: SizeName;
  gateway: string;
  tag: string;
  concurrency: number;
  /** npm start: do nothing when this scenario is already there. */
  ifEmpty: boolean;
  /** Print the plan's numbers and stop (no requests). */
  planOnly: boolean;
}

export const USAGE = `usage: npm run demo -- [--size tiny|small|medium|large|province] [--seed N] [--gateway URL] [--tag T] [--concurrency N] [--if-empty] [--plan-only]
  --size         how big a city (default small: ~250 staff, ~6,400 survey responses; large: ~950 staff, ~45,000 responses;
                 province: 20 large cities loaded into the feedback service beside the API — --size province --help)
  --seed         the random seed (default 1): the same seed and size make the same city
  --gateway      the gateway (default http://127.0.0.1:3000)
  --tag          put a second city beside an existing one: OPD, unit and programme codes get this suffix
  --concurrency  requests in flight per step (default 8; twice that in all, the survey answers beside the training)
  --if-empty     do nothing when this scenario is already on the platform (what npm start uses)
  --plan-only    print what the scenario would create, send nothing`;

export function parseDemoOptions(argv: string[]): DemoOptions {
  const o: DemoOptions = {
    seed: 1,
    size: 'small',
    gateway: 'http://127.0.0.1:3000',
    tag: '',
    concurrency: 8,
    ifEmpty: false,
    planOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    switch (flag) {
      case '--seed':
        o.seed = Number(value());
        break;
      case '--size':
        o.size = value() as SizeName;
        break;
      case '--gateway':
        o.gateway = value().replace(/\/+$/, '');
        break;
      case '--tag':
        o.tag = value();
        break;
      case '--concurrency':
        o.concurrency = Number(value());
        break;
      case '--if-empty':
        o.ifEmpty = true;
        break;
      case '--plan-only':
        o.planOnly = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (!Number.isInteger(o.seed)) throw new Error('--seed must be an integer');
  if (!isSizeName(o.size)) throw new Error('--size must be tiny, small, medium or large');
  if (!/^[A-Za-z0-9]{0,8}$/.test(o.tag)) throw new Error('--tag must be at most 8 letters or digits');
  if (!Number.isInteger(o.concurrency) || o.concurrency < 1 || o.concurrency > 64)
    throw new Error('--concurrency must be 1..64');
  return o;
}
