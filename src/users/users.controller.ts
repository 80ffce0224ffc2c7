import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access';
import { ChangeRoleDto } from './dto/change-role.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Patch(':id/role')
  @Roles('admin')
  @ApiOkResponse({ type: UserResponseDto })
  async changeRole(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeRoleDto): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.setRole(id, dto.role));
  }
}
