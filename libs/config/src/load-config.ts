import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** A setting is wrong or missing; the message names every offending setting. */
export class ConfigError extends Error {
  constructor(readonly problems: { setting: string; message: string }[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p.setting}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads a config class from the environment and validates it. Unknown variables are ignored
 * (the environment holds much else); a wrong or missing setting throws ConfigError.
 */
export function loadConfig<T extends object>(
  cls: new () => T,
  env: Record<string, string | undefined> = process.env,
  defaults: Partial<Record<string, string>> = {},
): T {
  const source = {
    ...defaults,
    ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  };
  const config = plainToInstance(cls, source, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => ({ setting: e.property, message: Object.values(e.constraints ?? {}).join('; ') })),
    );
  }
  return config;
}
