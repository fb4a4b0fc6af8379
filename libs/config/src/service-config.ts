import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { AuthAlgorithms, AuthIssuer, AuthJwksUrl, AuthLocalJwks, parseAlgorithms } from './gateway-auth-settings';
import { inProductionEnv, PersonalDataKek } from './personal-data-kek';
import settings from './settings.json';

/** A time zone the runtime's IANA database knows (Node ships it through Intl). */
@ValidatorConstraint({ name: 'knownTimeZone' })
class KnownTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown) {
    if (typeof value !== 'string') return false;
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }
  defaultMessage() {
    return 'CITY_TIME_ZONE must be an IANA time zone such as Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)';
  }
}

/** Settings every Kompeten service reads from its environment. */
export class ServiceConfig {
  /** 0 lets the OS pick a free port (tests); the service reports the one it got (see `bootstrapService`). */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? value : Number(value)))
  @IsInt({ message: 'PORT must be an integer port number' })
  @Min(0, { message: 'PORT must be between 0 (any free port) and 65535' })
  @Max(65535, { message: 'PORT must be between 0 (any free port) and 65535' })
  PORT: number;

  @IsString({ message: 'DATABASE_URL is required (postgres://user[:password]@host:port/database)' })
  @Matches(/^postgres(ql)?:\/\/[^/]+\/[^/?]+/, {
    message: 'DATABASE_URL must be postgres://user[:password]@host:port/database',
  })
  DATABASE_URL: string;

  @IsString({ message: 'KAFKA_BROKERS is required (host:port[,host:port…])' })
  @Matches(/^[\w.-]+:\d+(,\s*[\w.-]+:\d+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string;

  @IsOptional()
  @IsIn(['debug', 'info', 'warn', 'error'], { message: 'LOG_LEVEL must be one of debug, info, warn, error' })
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';

  /** `json` (default: one JSON object per line, for log collectors) or `pretty` (development; needs the dev dependency pino-pretty). */
  @IsOptional()
  @IsIn(['json', 'pretty'], { message: 'LOG_FORMAT must be json or pretty' })
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  /**
   * The city's IANA time zone: "today", "this year", quarters and fiscal years are the city's
   * (Asia/Jakarta = WIB; Asia/Makassar = WITA; Asia/Jayapura = WIT).
   */
  @IsOptional()
  @Validate(KnownTimeZone)
  CITY_TIME_ZONE = 'Asia/Jakarta';

  /**
   * Bytes per send of the outbox relay to Kafka. Keep it below the topic's `max.message.bytes`
   * (broker default 1 048 588): a partition's share of one send is one record batch, refused whole
   * when larger. A send the broker still refuses is split; an event too large alone is parked.
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? value : Number(value)))
  @IsInt({ message: 'RELAY_MAX_BATCH_BYTES must be a whole number of bytes' })
  @Min(10_000, { message: 'RELAY_MAX_BATCH_BYTES must be at least 10000 (bytes)' })
  RELAY_MAX_BATCH_BYTES = 900_000;

  /**
   * The interface to listen on: 127.0.0.1 in development, so that nothing but this machine reaches a
   * service; `0.0.0.0` in a container, where the NetworkPolicy says who may call.
   */
  @IsOptional()
  @IsString({ message: 'HOST must be an address to listen on, e.g. 127.0.0.1 or 0.0.0.0' })
  HOST = '127.0.0.1';

  /**
   * The gateway's public keys (a JWKS, inline JSON or a file): a service accepts a request only with an
   * identity the gateway signed for it (`x-kompeten-identity`). `npm start` makes a development pair.
   */
  @IsString({ message: 'INTERNAL_IDENTITY_JWKS is required: the gateway public key(s) every call must be signed with' })
  INTERNAL_IDENTITY_JWKS?: string;

  /**
   * The key-encryption key (KEK) that wraps every per-person data key: 32 bytes in base64, inline or a
   * file (a mounted secret). It lives outside the database, so that a dump alone opens no personal
   * data. Required when NODE_ENV=production; in development a fixed, public KEK is used.
   */
  @ValidateIf((c: ServiceConfig) => c.PERSONAL_DATA_KEK !== undefined || inProductionEnv(c))
  @Validate(PersonalDataKek)
  PERSONAL_DATA_KEK?: string;

  /** The KEK's id, stored beside each key it wraps; a rotation brings a new KEK under a new id. */
  @IsOptional()
  @Matches(/^[\w.-]{1,64}$/, { message: 'PERSONAL_DATA_KEK_ID must be 1–64 letters, digits, ., _ or -' })
  PERSONAL_DATA_KEK_ID = 'kek-1';

  /**
   * During a rotation, the earlier KEKs (`id:base64-or-file`, comma-separated): keys still wrapped
   * under them open, and the service's start (or POST /admin/personal-keys/rewrap) rewraps them.
   */
  @IsOptional()
  @Matches(/^[\w.-]{1,64}:[^,]+(,\s*[\w.-]{1,64}:[^,]+)*$/, {
    message: 'PERSONAL_DATA_KEK_RETIRED must be id:base64-or-file entries, comma-separated',
  })
  PERSONAL_DATA_KEK_RETIRED?: string;

  /**
   * Where the public reaches Kompeten (the gateway's origin, no trailing slash needed): the public
   * verification URL printed as a QR code on certificates is `<PUBLIC_BASE_URL>/api/v1/public/certificates/<number>`.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'PUBLIC_BASE_URL must be an http(s) origin, e.g. https://kompeten.bukittinggikota.go.id',
  })
  PUBLIC_BASE_URL: string = settings.defaults.PUBLIC_BASE_URL;

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',').map((b) => b.trim());
  }
}

/** The gateway also needs to know where the four services live. */
export class GatewayConfig extends ServiceConfig {
  @Matches(/^https?:\/\/\S+$/, { message: 'ENROLMENT_URL must be an http(s) URL' })
  ENROLMENT_URL: string;

  @Matches(/^https?:\/\/\S+$/, { message: 'ASSESSMENT_URL must be an http(s) URL' })
  ASSESSMENT_URL: string;

  @Matches(/^https?:\/\/\S+$/, { message: 'BUDGET_URL must be an http(s) URL' })
  BUDGET_URL: string;

  @Matches(/^https?:\/\/\S+$/, { message: 'FEEDBACK_URL must be an http(s) URL' })
  FEEDBACK_URL: string;

  /**
   * The gateway's private key (Ed25519 JWK with `kid`, inline or a file) for the identity it signs on
   * every call to a service; the services trust its public half (INTERNAL_IDENTITY_JWKS).
   */
  @IsString({
    message: 'INTERNAL_IDENTITY_SIGNING_KEY is required: the key the gateway signs internal identities with',
  })
  INTERNAL_IDENTITY_SIGNING_KEY: string;

  /** The gateway signs identities; it verifies none, so it needs no public key. */
  @IsOptional()
  override INTERNAL_IDENTITY_JWKS?: string = undefined;

  /** The gateway keeps no event log and so no personal data keys. */
  @IsOptional()
  override PERSONAL_DATA_KEK?: string = undefined;

  /** `production` tightens the token settings below (https keys, an issuer, no development keys). */
  @IsOptional() @IsString() NODE_ENV?: string;

  /**
   * A real identity provider's keys (e.g. Keycloak's …/protocol/openid-connect/certs). Required in
   * production, and https there (gateway-auth-settings.ts).
   */
  @Validate(AuthJwksUrl)
  AUTH_JWKS_URL?: string;

  /**
   * A local JWKS (file path or inline JSON) — development keys made by `npm run token`. Refused in
   * production unless AUTH_ALLOW_LOCAL_JWKS=true: its private half lies beside it in .cache/dev-keys.
   */
  @ValidateIf((c: GatewayConfig) => !c.AUTH_JWKS_URL || c.AUTH_LOCAL_JWKS !== undefined)
  @Validate(AuthLocalJwks)
  AUTH_LOCAL_JWKS?: string;

  /** `true` lets a production gateway trust AUTH_LOCAL_JWKS (a demo, never a city's deployment). */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'AUTH_ALLOW_LOCAL_JWKS must be true or false' })
  AUTH_ALLOW_LOCAL_JWKS = false;

  /** The tokens' `iss`: checked when set; required in production. */
  @Validate(AuthIssuer) AUTH_ISSUER?: string;

  @IsString() AUTH_AUDIENCE = 'kompeten';

  /** The signature algorithms accepted (asymmetric only); a token signed otherwise is refused. */
  @Validate(AuthAlgorithms)
  AUTH_ALGORITHMS = 'RS256,ES256,EdDSA';

  /**
   * The identity provider's client id of Kompeten (e.g. Keycloak's): when set, roles are read only from
   * `resource_access.<client>.roles`, not from realm-wide roles another application may grant.
   */
  @IsOptional() @IsString() AUTH_CLIENT_ID?: string;

  /**
   * How many proxies (ingress, load balancer) stand in front of the gateway: the client address is
   * the one that many hops back in X-Forwarded-For. 0 (default) trusts no header: the socket's peer.
   */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'TRUST_PROXY_HOPS must be an integer (proxies in front of the gateway)' })
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

  /** Failed authentications (401) per client address per minute; beyond it 429 with Retry-After. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'AUTH_FAILURE_LIMIT_PER_MINUTE must be an integer' })
  @Min(1)
  AUTH_FAILURE_LIMIT_PER_MINUTE = 30;

  /** Live feeds (SSE) open at once with one token; one more is refused with 429. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'LIVE_FEEDS_PER_TOKEN must be an integer' })
  @Min(1)
  LIVE_FEEDS_PER_TOKEN = 3;

  get authAlgorithms(): string[] {
    return parseAlgorithms(this.AUTH_ALGORITHMS);
  }

  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'DOWNSTREAM_TIMEOUT_MS must be an integer (milliseconds)' })
  @Min(100)
  @Max(60000)
  DOWNSTREAM_TIMEOUT_MS = 5000;

  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'RATE_LIMIT_PER_MINUTE must be an integer' })
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'SURVEY_RATE_LIMIT_PER_MINUTE must be an integer' })
  @Min(1)
  SURVEY_RATE_LIMIT_PER_MINUTE = 20;

  /**
   * How long an Idempotency-Key's `in-progress` claim keeps a retry away (409) before the retry may
   * take it over: a gateway that died mid-request leaves its claim behind. Seconds, not the record's
   * day: the services deduplicate the command themselves (x-command-id), so a takeover never runs it twice.
   */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'IDEMPOTENCY_LEASE_SECONDS must be an integer (seconds)' })
  @Min(1)
  @Max(3600)
  IDEMPOTENCY_LEASE_SECONDS = 30;
}
