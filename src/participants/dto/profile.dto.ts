import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ROLES, Role } from '../../common/auth/actor';
import { StanceTakenDto } from '../../posts/dto/post-lists.dto';
import { AuthorDto } from '../../users/dto/user-response.dto';

@ApiSchema({ name: 'Profile', description: 'What anyone may see of a person.' })
export class ProfileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'date-time', description: 'When they joined' }) createdAt: string;
  @ApiProperty({ type: 'integer', description: 'Their visible posts, replies included' }) postCount: number;
  @ApiProperty({ type: [StanceTakenDto], description: 'The stance they take in each debate where they took one' })
  stances: StanceTakenDto[];
}

export class SuggestQuery {
  @ApiProperty({ minLength: 1, maxLength: 32, description: 'The start of a username, as typed after @' })
  @Matches(/^[A-Za-z0-9_]{1,32}$/, { message: 'prefix must be 1-32 letters, digits or underscores' })
  prefix: string;
}

@ApiSchema({ name: 'UserSuggestions', description: 'Up to 8 people whose username starts so, shortest first.' })
export class UserSuggestionsDto {
  @ApiProperty({ type: [AuthorDto] }) items: AuthorDto[];
}
