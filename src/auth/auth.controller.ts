import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { SignedIn } from '../common/auth/access';
import { AuthenticatedRequest, CurrentUser } from '../common/auth/current-user.decorator';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiPublic, ApiSignedIn } from '../common/openapi/api-auth.decorator';
import { UserResponseDto } from '../users/dto/user-response.dto';
import { User } from '../users/user.entity';
import { AuthService, SignedIn as Session } from './auth.service';
import { AUTH_COOKIE, TOKEN_LIFETIME_SECONDS } from './auth-token';
import { AuthResponseDto, LoginDto, RegisterDto } from './dto/credentials.dto';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, LoginLimiter } from './login-limiter';

// Guessing passwords and farming accounts are the abuses here, so these two get their own per-IP budget: tight
// enough to make guessing slow, loose enough for a classroom behind one address signing up together.
const CREDENTIAL_LIMIT = { default: { limit: 30, ttl: 60_000 } };
const TOO_MANY_ATTEMPTS = 'More than 30 attempts a minute from this address.';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly loginLimits: LoginLimiter,
  ) {}

  @Post('register')
  @Throttle(CREDENTIAL_LIMIT)
  @ApiOperation({ summary: 'Create an account and sign in (also sets the session cookie)' })
  @ApiPublic()
  @ApiCreatedResponse({ type: AuthResponseDto, description: 'Signed in as the new account' })
  @ApiErrors(400, [409, 'The username is taken (case-insensitively).'], 413, 415, [429, TOO_MANY_ATTEMPTS])
  async register(@Body() dto: RegisterDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return respond(await this.auth.register(dto), req, res);
  }

  @Post('login')
  @HttpCode(200)
  @Throttle(CREDENTIAL_LIMIT)
  @ApiOperation({ summary: 'Sign in (also sets the session cookie)' })
  @ApiPublic()
  @ApiOkResponse({ type: AuthResponseDto, description: 'Signed in' })
  @ApiErrors(400, [401, 'Wrong username or password.'], 413, 415, [
    429,
    `${TOO_MANY_ATTEMPTS} Or 10 failed sign-ins to this account from this address in 15 minutes, or 100 from all addresses in an hour (a browser that signed in to it before passes).`,
  ])
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    // Guessing one account is limited per address, and more slowly over all addresses (LoginLimiter).
    const attempt = await this.loginLimits.take(dto.username, req.ip ?? 'unknown', req.headers.cookie);
    const session = await this.auth.login(dto);
    await attempt.succeeded();
    const body = respond(session, req, res);
    // This browser may sign in to this account even while strangers exhaust the account's limit.
    res.cookie(DEVICE_COOKIE, await this.loginLimits.deviceToken(session.user.username), {
      ...cookieOptions(req),
      path: '/api/auth',
      maxAge: DEVICE_COOKIE_DAYS * 24 * 3600 * 1000,
    });
    return body;
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Sign out: ends this session and clears the cookie' })
  @ApiSignedIn()
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiErrors(401, 429)
  async logout(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.authSessionId!);
    res.clearCookie(AUTH_COOKIE, cookieOptions(req));
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiSignedIn()
  @ApiOkResponse({ type: UserResponseDto, description: 'The caller' })
  @ApiErrors(401, 429)
  me(@CurrentUser() user: User): UserResponseDto {
    return UserResponseDto.from(user);
  }
}

function respond(session: Session, req: Request, res: Response): AuthResponseDto {
  res.cookie(AUTH_COOKIE, session.accessToken, { ...cookieOptions(req), maxAge: TOKEN_LIFETIME_SECONDS * 1000 });
  return { accessToken: session.accessToken, user: UserResponseDto.from(session.user) };
}

/** HttpOnly so scripts never read it; Lax so other sites cannot post with it; Secure whenever served over HTTPS. */
function cookieOptions(req: Request) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
}
