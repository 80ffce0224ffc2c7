import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsPostBody } from './post-body.validator';

@ApiSchema({ name: 'UpdatePostRequest' })
export class UpdatePostDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 10_000,
    pattern: '\\S',
    description: 'Markdown; 1-10,000 characters not counting surrounding whitespace.',
  })
  @IsPostBody()
  body: string;
}
