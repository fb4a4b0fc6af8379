import { ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';

/**
 * The gateway's token settings that depend on NODE_ENV. In production the gateway trusts only an
 * identity provider reached over https and names its issuer; the local development JWKS (whose
 * private half `npm run token` keeps in .cache/dev-keys) is refused unless explicitly allowed.
 */
interface AuthSettings {
  NODE_ENV?: string;
  AUTH_JWKS_URL?: string;
  AUTH_LOCAL_JWKS?: string;
  AUTH_ALLOW_LOCAL_JWKS?: boolean;
  AUTH_ISSUER?: string;
}

export const inProduction = (c: object) => (c as AuthSettings).NODE_ENV === 'production';

/** Local development keys are in use, and allowed: outside production, or by AUTH_ALLOW_LOCAL_JWKS=true. */
export const localJwksAllowed = (c: AuthSettings) =>
  c.AUTH_LOCAL_JWKS !== undefined && (!inProduction(c) || c.AUTH_ALLOW_LOCAL_JWKS === true);

/** Signature algorithms a token may use: asymmetric only (no `none`, no HMAC keyed with a public key). */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

export const parseAlgorithms = (text: string) =>
  text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);

/** AUTH_JWKS_URL: an http(s) URL; https in production; required in production unless local keys are allowed. */
@ValidatorConstraint({ name: 'authJwksUrl' })
export class AuthJwksUrl implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments) {
    const c = args.object as AuthSettings;
    if (value === undefined) return !inProduction(c) || localJwksAllowed(c);
    if (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value)) return false;
    return !inProduction(c) || value.startsWith('https://');
  }
  defaultMessage(args: ValidationArguments) {
    if (!inProduction(args.object)) return 'AUTH_JWKS_URL must be an http(s) URL';
    return args.value === undefined
      ? 'AUTH_JWKS_URL is required in production (NODE_ENV=production): an https: URL of the identity provider’s keys'
      : 'AUTH_JWKS_URL must be an https: URL of the identity provider’s keys in production (NODE_ENV=production)';
  }
}

/** AUTH_LOCAL_JWKS: never in production unless AUTH_ALLOW_LOCAL_JWKS=true (e.g. a demo on docker compose). */
@ValidatorConstraint({ name: 'authLocalJwks' })
export class AuthLocalJwks implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments) {
    if (typeof value !== 'string') return false;
    return localJwksAllowed(args.object);
  }
  defaultMessage(args: ValidationArguments) {
    return args.value === undefined
      ? 'AUTH_JWKS_URL or AUTH_LOCAL_JWKS is required: the gateway must know whose tokens to trust'
      : 'AUTH_LOCAL_JWKS (development keys) is refused in production (NODE_ENV=production): set AUTH_JWKS_URL to the identity provider, or AUTH_ALLOW_LOCAL_JWKS=true for a demo';
  }
}

/** AUTH_ISSUER: required in production wherever an identity provider's keys are trusted. */
@ValidatorConstraint({ name: 'authIssuer' })
export class AuthIssuer implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments) {
    const c = args.object as AuthSettings;
    if (value === undefined) return !(inProduction(c) && c.AUTH_JWKS_URL !== undefined);
    return typeof value === 'string' && value.trim() !== '';
  }
  defaultMessage() {
    return 'AUTH_ISSUER is required in production (NODE_ENV=production): the identity provider’s issuer, e.g. https://sso.example.go.id/realms/asn';
  }
}

/** AUTH_ALGORITHMS: a comma-separated list of asymmetric JWS algorithms. */
@ValidatorConstraint({ name: 'authAlgorithms' })
export class AuthAlgorithms implements ValidatorConstraintInterface {
  validate(value: unknown) {
    if (typeof value !== 'string') return false;
    const list = parseAlgorithms(value);
    return list.length > 0 && list.every((a) => (ASYMMETRIC_ALGORITHMS as readonly string[]).includes(a));
  }
  defaultMessage() {
    return `AUTH_ALGORITHMS must be a comma-separated list of ${ASYMMETRIC_ALGORITHMS.join(', ')}`;
  }
}
