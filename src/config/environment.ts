import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidationError,
  validateSync,
} from 'class-validator';

/**
 * Every environment variable the server reads, validated once at start (API.md, "Configuration").
 * An empty value counts as unset, so `PORT=` behaves like no PORT at all.
 */
export class EnvironmentVariables {
  /** Any value; only "production" changes behaviour (API.md). */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt(whole(0, 65535))
  @Min(0, whole(0, 65535))
  @Max(65535, whole(0, 65535))
  PORT?: number;

  // The host may be empty: `postgresql:///forum?host=/run/postgresql` talks over a unix socket.
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S*$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^[a-zA-Z0-9_]{3,32}$/, { message: 'must be 3-32 letters, digits or underscores' })
  ADMIN_USERNAME?: string;

  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  ADMIN_PASSWORD?: string;

  /** Its length is checked with NODE_ENV in loadConfig: 32 characters are required in production only. */
  @IsOptional()
  @IsString()
  JWT_SECRET?: string;

  @IsOptional()
  @IsIn(['on', 'off'], { message: 'must be "on" or "off"' })
  RATE_LIMITS?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt(whole(0, 1000))
  @Min(0, whole(0, 1000))
  @Max(1000, whole(0, 1000))
  NEW_ACCOUNT_REVIEW_POSTS?: number;

  @IsOptional()
  @Transform(toInteger)
  @IsInt(whole(1, 1000))
  @Min(1, whole(1, 1000))
  @Max(1000, whole(1, 1000))
  FLAG_HIDE_THRESHOLD?: number;

  /** express "trust proxy": true/false, a hop count, or a list of addresses/subnets. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;
}

function whole(min: number, max: number) {
  return { message: `must be a whole number from ${min} to ${max}` };
}

/** Numbers arrive as strings; anything that is not a plain integer stays a string so @IsInt rejects it. */
function toInteger({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
}

export class ConfigError extends Error {}

/** Drops empty values, then validates; throws one ConfigError naming the first bad variable. */
export function validateEnvironment(env: NodeJS.ProcessEnv): EnvironmentVariables {
  const present = Object.fromEntries(
    Object.keys(new EnvironmentVariablesKeys())
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const vars = plainToInstance(EnvironmentVariables, present);
  const errors = validateSync(vars, { whitelist: true });
  if (errors.length > 0) throw new ConfigError(describe(errors[0]));
  return vars;
}

function describe(error: ValidationError): string {
  // class-validator's own messages start with the property name; it already leads the line.
  const reason = (Object.values(error.constraints ?? {})[0] ?? 'is invalid').replace(
    new RegExp(`^${error.property} `),
    '',
  );
  return `${error.property}: ${reason} (got ${JSON.stringify(String(error.value))})`;
}

/** The list of keys, kept beside the class so a new variable cannot be forgotten here. */
class EnvironmentVariablesKeys implements Record<keyof EnvironmentVariables, true> {
  NODE_ENV = true as const;
  PORT = true as const;
  DATABASE_URL = true as const;
  DATA_DIR = true as const;
  REDIS_URL = true as const;
  ADMIN_USERNAME = true as const;
  ADMIN_PASSWORD = true as const;
  JWT_SECRET = true as const;
  RATE_LIMITS = true as const;
  NEW_ACCOUNT_REVIEW_POSTS = true as const;
  FLAG_HIDE_THRESHOLD = true as const;
  TRUST_PROXY = true as const;
  LOG_LEVEL = true as const;
}
