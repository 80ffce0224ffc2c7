import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiIdParam, ApiSignedIn } from '../common/openapi/api-auth.decorator';
import { ChangeRoleDto } from './dto/change-role.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Patch(':id/role')
  @Roles('admin')
  @ApiOperation({ summary: "Change a user's role (admins)" })
  @ApiIdParam('user')
  @ApiSignedIn()
  @ApiOkResponse({ type: UserResponseDto, description: 'The user with the new role' })
  @ApiErrors(400, 401, [403, 'Only admins change roles.'], 404, 413, 415, 429)
  async changeRole(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeRoleDto): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.setRole(id, dto.role));
  }
}
