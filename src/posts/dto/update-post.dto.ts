import { ApiProperty } from '@nestjs/swagger';
import { IsPostBody } from './post-body.validator';

export class UpdatePostDto {
  @ApiProperty({ minLength: 1, maxLength: 10_000 })
  @IsPostBody()
  body: string;
}
