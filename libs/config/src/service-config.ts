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

  /** A real identity provider's keys (e.g. Keycloak's …/protocol/openid-connect/certs). */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  /** A local JWKS (file path or inline JSON) — development keys made by `npm run token`. */
  @ValidateIf((c: GatewayConfig) => !c.AUTH_JWKS_URL)
  @IsString({ message: 'AUTH_JWKS_URL or AUTH_LOCAL_JWKS is required: the gateway must know whose tokens to trust' })
  AUTH_LOCAL_JWKS?: string;

  @IsOptional() @IsString() AUTH_ISSUER?: string;

  @IsString() AUTH_AUDIENCE = 'kompeten';

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
}
