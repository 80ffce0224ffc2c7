import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { SignedIn } from '../common/auth/access';
import { AuthenticatedRequest, CurrentUser } from '../common/auth/current-user.decorator';
import { PerAccountLimit } from '../common/rate-limit/rate-limit.guard';
import { UserResponseDto } from '../users/dto/user-response.dto';
import { User } from '../users/user.entity';
import { AuthService, SignedIn as Session } from './auth.service';
import { AUTH_COOKIE, TOKEN_LIFETIME_SECONDS } from './auth-token';
import { AuthResponseDto, LoginDto, RegisterDto } from './dto/credentials.dto';

// Guessing passwords and farming accounts are the abuses here, so these two get their own per-IP budget: tight
// enough to make guessing slow, loose enough for a classroom behind one address signing up together.
const CREDENTIAL_LIMIT = { default: { limit: 30, ttl: 60_000 } };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Throttle(CREDENTIAL_LIMIT)
  @ApiCreatedResponse({ type: AuthResponseDto })
  async register(@Body() dto: RegisterDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return respond(await this.auth.register(dto), req, res);
  }

  @Post('login')
  @HttpCode(200)
  @Throttle(CREDENTIAL_LIMIT)
  // Many addresses guessing one account's password meet here: 10 attempts a minute per username.
  @PerAccountLimit()
  @ApiOkResponse({ type: AuthResponseDto })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return respond(await this.auth.login(dto), req, res);
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @ApiBearerAuth()
  @ApiNoContentResponse()
  async logout(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.authSessionId!);
    res.clearCookie(AUTH_COOKIE, cookieOptions(req));
  }

  @Get('me')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserResponseDto })
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
