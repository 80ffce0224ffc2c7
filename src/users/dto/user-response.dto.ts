import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ROLES, Role } from '../../common/auth/actor';
import { User } from '../user.entity';

@ApiSchema({ name: 'User', description: 'An account, as its owner and admins see it.' })
export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null when not suspended' })
  suspendedUntil: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the account is suspended; null when it is not' })
  suspensionReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(user: User): UserResponseDto {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      suspendedUntil: user.suspendedUntil?.toISOString() ?? null,
      suspensionReason: user.suspendedUntil ? user.suspensionReason : null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

/** What other people see of an author: no role, no suspension. */
@ApiSchema({ name: 'Author' })
export class AuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}
