import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { UserResponseDto } from '../../users/dto/user-response.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ApiSchema({ name: 'LoginRequest' })
export class LoginDto {
  @ApiProperty({ maxLength: 32, example: 'ada_l', description: 'Matched case-insensitively' })
  @IsString()
  @MaxLength(32)
  username: string;

  @ApiProperty({ maxLength: 128 })
  @IsString()
  @MaxLength(128)
  password: string;
}

@ApiSchema({ name: 'RegisterRequest' })
export class RegisterDto {
  /** Letters, digits and underscores only, so a name reads the same in every script and URL. */
  @ApiProperty({ example: 'ada_l', pattern: '^[a-zA-Z0-9_]{3,32}$' })
  @IsString()
  @Matches(/^[a-zA-Z0-9_]{3,32}$/, { message: 'username must be 3-32 letters, digits or underscores' })
  username: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @Length(8, 128, { message: 'password must be 8-128 characters long' })
  password: string;

  @ApiPropertyOptional({
    maxLength: 64,
    pattern: '\\S',
    description: 'Shown beside posts; trimmed, and defaults to the username.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'displayName must not be blank' })
  @MaxLength(64)
  displayName?: string;
}

@ApiSchema({ name: 'SignedIn' })
export class AuthResponseDto {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer`; the same token is set as an httpOnly cookie.' })
  accessToken: string;

  @ApiProperty({ type: UserResponseDto })
  user: UserResponseDto;
}
